// A national document ingested after the local one that cites it is one node, and the local
// measures that implement its clauses are linked to them: the same graph whichever comes first
// (issue 11). Real texts: seeds/001 (Tianjin's division of labour for 发改就业〔2020〕293号) with the
// national clauses it quotes (test/fixtures/national, see its README), and eval documents 03 and 15
// (Chongqing's measures citing 国办发〔2022〕9号, and that opinion).
/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here; the assertions check their shape. */
import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { ingest } from '../ingest/pipeline.js';
import { loadLinkableMeasures } from '../db/lineage-context.js';
import { removeSourceDocument } from '../db/remove.js';
import { writeGraph } from '../db/writer.js';
import { relinkStored } from '../api/import/relink.js';
import { startServer } from '../api/server.js';
import { graphSnapshot } from './graph-snapshot.js';
import { emptyDatabase } from './neo4j.js';

const LOCAL = 'seeds/001_ef56ec4b67c98340.txt';
const NATIONAL = 'test/fixtures/national/发改就业-2020-293号-国家要求.txt';
const CQ = 'eval/documents/03-重庆市-2022-释放消费潜力若干措施.txt';
const STATE_COUNCIL = 'eval/documents/15-国家-2022-释放消费潜力促进消费持续恢复意见.txt';

/** What `npm run ingest -- files…` does against a database. */
async function ingestInto(driver: Driver, files: string[]): Promise<void> {
  const existing = await loadLinkableMeasures(driver, { excludeSourceFiles: files });
  const { graph } = await ingest(files, { existing });
  await writeGraph(driver, graph, { lineageComplete: true });
}

async function implementation(driver: Driver): Promise<string[]> {
  const r = await driver.executeQuery(
    `MATCH (a)-[r:IMPLEMENTS_CLAUSE|QUOTES]->(b:Measure)
     RETURN type(r) + ' ' + a.id + '→' + b.id + ' ' + r.tier + ' ' + toString(r.score) + ' ' + r.found AS link ORDER BY link`,
  );
  return r.records.map((x) => x.get('link') as string);
}

async function documents(driver: Driver, number: string): Promise<{ id: string; file: string | null; citedBy: number; requirements: number }[]> {
  const r = await driver.executeQuery(
    `MATCH (d:Document) WHERE d.docNumber = $number OR d.id = 'nat:' + $number
     RETURN d.id AS id, d.sourceFile AS file, COUNT { ()-[:CITES]->(d) } AS citedBy, COUNT { (:Requirement)-[:PART_OF]->(d) } AS requirements`,
    { number },
  );
  return r.records.map((x) => ({ id: x.get('id') as string, file: x.get('file') as string | null, citedBy: Number(x.get('citedBy')), requirements: Number(x.get('requirements')) }));
}

describe('implementation of a national document ingested after the local one', () => {
  it('merges the placeholder, links local measures and quoted requirements to its clauses, in either order', async () => {
    const driver = await emptyDatabase();
    await ingestInto(driver, [LOCAL]);
    expect(await documents(driver, '发改就业〔2020〕293号')).toEqual([{ id: 'nat:发改就业〔2020〕293号', file: null, citedBy: 1, requirements: 84 }]);
    expect(await implementation(driver)).toEqual([]);

    await ingestInto(driver, [NATIONAL]);
    const [national, ...more] = await documents(driver, '发改就业〔2020〕293号');
    expect(more).toEqual([]);
    expect(national).toMatchObject({ file: NATIONAL, citedBy: 1, requirements: 84 });
    const links = await implementation(driver);
    const clauses = links.filter((l) => l.startsWith('IMPLEMENTS_CLAUSE'));
    const quotes = links.filter((l) => l.startsWith('QUOTES'));
    // Calibration figures (ingest/link/README.md): 68 of 84 rows linked, 63 to the clause of their row.
    expect(clauses.length).toBeGreaterThan(50);
    expect(quotes.length).toBeGreaterThan(80);
    expect(links.every((l) => l.endsWith(' system'))).toBe(true);

    // Evidence, and the link to the clause of the row's own requirement (the table's pairing).
    const rows = await driver.executeQuery(
      `MATCH (m:Measure)-[r:IMPLEMENTS_CLAUSE]->(c:Measure)<-[:HAS_MEASURE]-(d:Document {id: $id})
       MATCH (m)-[:IMPLEMENTS]->(q:Requirement)-[:QUOTES]->(quoted:Measure)
       RETURN r.evidence AS evidence, r.clause AS clause, c.text AS text, r.clauseStart AS s, r.clauseEnd AS e, c.id = quoted.id AS agrees`,
      { id: national!.id },
    );
    expect(rows.records.length).toBe(clauses.length);
    for (const rec of rows.records) {
      expect((rec.get('evidence') as string[]).length).toBeGreaterThan(0);
      expect((rec.get('text') as string).slice(Number(rec.get('s')), Number(rec.get('e')))).toBe(rec.get('clause'));
    }
    const agree = rows.records.filter((x) => x.get('agrees') === true).length;
    expect(agree / rows.records.length).toBeGreaterThan(0.85);
    const forward = await graphSnapshot(driver);

    // Through the API: a local measure's implemented clause with its document, the reverse, and the
    // clause a requirement of the table quotes.
    const server = await startServer({ driver, port: 0, host: '127.0.0.1', log: () => {}, warmUp: false });
    try {
      const local = await driver.executeQuery(`MATCH (m:Measure)-[:IMPLEMENTS_CLAUSE]->(c:Measure) RETURN m.id AS m, c.id AS c ORDER BY m.id LIMIT 1`);
      const [m, c] = [local.records[0]!.get('m') as string, local.records[0]!.get('c') as string];
      const query = `query ($m: ID!, $c: ID!) {
        local: measure(id: $m) { implementsClauses { score tier evidence clause measure { id } document { id docNumber } } implements { clause { measure { id } score evidence } } }
        national: measure(id: $c) { implementedBy { measure { id } } } }`;
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { m, c } }) });
      const { data, errors } = (await res.json()) as { data: any; errors?: unknown };
      expect(errors).toBeUndefined();
      expect(data.local.implementsClauses[0]).toMatchObject({ measure: { id: c }, document: { id: national!.id, docNumber: '发改就业〔2020〕293号' } });
      expect(data.local.implementsClauses[0].evidence.length).toBeGreaterThan(0);
      expect(data.local.implements[0].clause).toMatchObject({ score: 1, evidence: expect.arrayContaining(['verbatim']) });
      expect(data.national.implementedBy.map((x: { measure: { id: string } }) => x.measure.id)).toContain(m);
    } finally {
      await server.close();
    }

    // The other order: the national document first, then the local one.
    const fresh = await emptyDatabase();
    await ingestInto(fresh, [NATIONAL]);
    await ingestInto(fresh, [LOCAL]);
    expect(await documents(fresh, '发改就业〔2020〕293号')).toEqual([{ ...national, file: NATIONAL }]);
    expect(await implementation(fresh)).toEqual(links);
    expect(await graphSnapshot(fresh)).toEqual(forward);

    // Removing the national document removes its links; relinking the rest finds none, and the
    // directive is known by citation again, as before it was ingested.
    const removed = await removeSourceDocument(fresh, national!.id);
    expect(removed.removed).toBe(true);
    await relinkStored(fresh);
    expect(await implementation(fresh)).toEqual([]);
    expect(await documents(fresh, '发改就业〔2020〕293号')).toEqual([{ id: 'nat:发改就业〔2020〕293号', file: null, citedBy: 1, requirements: 84 }]);
    // …and ingesting it again gives the graph of the first order once more.
    await ingestInto(fresh, [NATIONAL]);
    expect(await implementation(fresh)).toEqual(links);
  }, 600_000);

  it('keeps one node for 国办发〔2022〕9号 whichever of the opinion and a city document citing it comes first', async () => {
    const a = await emptyDatabase();
    await ingestInto(a, [CQ]);
    await ingestInto(a, [STATE_COUNCIL]);
    const forward = await documents(a, '国办发〔2022〕9号');
    expect(forward).toEqual([{ id: expect.stringMatching(/^doc:/), file: STATE_COUNCIL, citedBy: 1, requirements: 0 }]);
    const snapshot = await graphSnapshot(a);

    const b = await emptyDatabase();
    await ingestInto(b, [STATE_COUNCIL]);
    await ingestInto(b, [CQ]);
    expect(await documents(b, '国办发〔2022〕9号')).toEqual(forward);
    expect(await graphSnapshot(b)).toEqual(snapshot);
  }, 300_000);
});
