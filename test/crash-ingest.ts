// Child process for the crash test: ingests the files and kills itself (SIGKILL, no clean-up)
// just before the document named by CRASH_AT is written, as a power cut or OOM kill would.
import neo4j from 'neo4j-driver';
import { writeGraph } from '../db/writer.js';
import { ingestFiles } from '../ingest/pipeline.js';

const files = process.argv.slice(2);
const crashAt = Number(process.env.CRASH_AT ?? 2);
const password = process.env.NEO4J_TEST_PASSWORD;
const driver = neo4j.driver(process.env.NEO4J_TEST_URI!, password ? neo4j.auth.basic(process.env.NEO4J_TEST_USERNAME ?? 'neo4j', password) : undefined);
const graph = await ingestFiles(files);
await writeGraph(driver, graph, {
  onDocument: (_file, index) => {
    if (index === crashAt) process.kill(process.pid, 'SIGKILL');
  },
});
await driver.close();
