// Child process for the crash tests: ingests the files and kills itself (SIGKILL, no clean-up)
// as a power cut or OOM kill would: when the document at index CRASH_AT starts to be written, or
// CRASH_DELAY_MS later (a random point inside that document's transaction or a later one).
import neo4j from 'neo4j-driver';
import { writeGraph } from '../db/writer.js';
import { ingestFiles } from '../ingest/pipeline.js';

const files = process.argv.slice(2);
const crashAt = Number(process.env.CRASH_AT ?? 2);
const delayMs = Number(process.env.CRASH_DELAY_MS ?? 0);
const password = process.env.NEO4J_TEST_PASSWORD;
const driver = neo4j.driver(process.env.NEO4J_TEST_URI!, password ? neo4j.auth.basic(process.env.NEO4J_TEST_USERNAME ?? 'neo4j', password) : undefined);
const crash = () => process.kill(process.pid, 'SIGKILL');
const graph = await ingestFiles(files);
await writeGraph(driver, graph, {
  onDocument: (_file, index) => {
    if (index !== crashAt) return;
    if (delayMs > 0) setTimeout(crash, delayMs);
    else crash();
  },
});
await driver.close();
// Every document written before the delay ran out: the run ends as if killed at its very end.
crash();
