// Two cities in the database (issue 11, "Done when"): no EVOLVES_FROM crosses a jurisdiction, the
// diffusion between them is RESEMBLES with evidence, and department(name, jurisdiction) tells
// Shanghai's 市商务委 from Tianjin's. The dry-run pipeline checks the same in
// ingest/link/jurisdictions.test.ts; this one goes through the writer and the reader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDepartment } from '../db/read/departments.js';
import { Reader } from '../db/read/reader.js';
import { writeGraph } from '../db/writer.js';
import { ingest } from '../ingest/pipeline.js';
import { emptyDatabase } from './neo4j.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jurisdictions-int-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The 2017 seed as another city would have written it: its own place and bodies.
const shanghai2017 = path.join(dir, 'shanghai-2017.txt');
fs.writeFileSync(
  shanghai2017,
  fs.readFileSync('seeds/003_09f0f25af31244fa.txt', 'utf8').replaceAll('天津市', '上海市').replaceAll('天津', '上海').replaceAll('津', '沪'),
);

describe('two cities in Neo4j', () => {
  it('keeps EVOLVES_FROM inside a jurisdiction, links the cities by RESEMBLES with evidence, and keeps their departments apart', async () => {
    const driver = await emptyDatabase();
    const { graph } = await ingest(['seeds/003_09f0f25af31244fa.txt', 'seeds/001_ef56ec4b67c98340.txt', shanghai2017]);
    await writeGraph(driver, graph);

    const count = async (cypher: string) => Number((await driver.executeQuery(cypher)).records[0]!.get('n'));
    const crossing = await count(
      `MATCH (da:Document)-[:HAS_MEASURE]->(:Measure)-[:EVOLVES_FROM]->(:Measure)<-[:HAS_MEASURE]-(db:Document)
       WHERE da.jurisdiction <> db.jurisdiction RETURN toInteger(count(*)) AS n`,
    );
    expect(crossing).toBe(0);
    expect(await count('MATCH ()-[r:EVOLVES_FROM]->() RETURN toInteger(count(r)) AS n')).toBeGreaterThan(0);

    const resembles = (
      await driver.executeQuery(
        `MATCH (da:Document)-[:HAS_MEASURE]->(:Measure)-[r:RESEMBLES]->(:Measure)<-[:HAS_MEASURE]-(db:Document)
         RETURN da.jurisdiction AS later, db.jurisdiction AS earlier, r.evidence AS evidence, r.tier AS tier`,
      )
    ).records;
    expect(resembles.length).toBeGreaterThan(0);
    for (const r of resembles) {
      expect(r.get('later')).not.toBe(r.get('earlier'));
      expect((r.get('evidence') as string[]).length).toBeGreaterThan(0);
      expect(['same', 'related']).toContain(r.get('tier'));
    }

    const reader = new Reader(driver, { timeoutMs: 120_000 });
    const sh = await findDepartment(reader, '市商务委', '上海市');
    const tj = await findDepartment(reader, '市商务委', '天津市');
    expect(sh?.id).toBe('dept:上海市/市商务委');
    expect(tj?.id).toBe('dept:天津市/市商务委');
    expect((await findDepartment(reader, '市商务委'))?.ambiguousWith?.length).toBeGreaterThan(0);
  }, 600_000);
});
