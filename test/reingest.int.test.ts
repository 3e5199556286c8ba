// Re-ingesting documents into a stored corpus gives the graph of a clean run, lineage included,
// and a rewritten document is never without its lineage links (issue 12, finding 7).
import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { ingest } from '../ingest/pipeline.js';
import type { Graph } from '../ingest/types.js';
import { graphSnapshot } from './graph-snapshot.js';
import { emptyDatabase } from './neo4j.js';
import { seedFiles } from './seed-graph.js';
import { loadLinkableMeasures } from '../db/lineage-context.js';
import { writeGraph } from '../db/writer.js';

/** What `npm run ingest -- files…` does against a database. */
async function ingestInto(driver: Driver, files: string[], write: (g: Graph) => Graph = (g) => g): Promise<void> {
  const existing = await loadLinkableMeasures(driver, { excludeSourceFiles: files });
  const { graph } = await ingest(files, { existing });
  await writeGraph(driver, write(graph), { lineageComplete: true });
}

async function lineage(driver: Driver): Promise<string[]> {
  const r = await driver.executeQuery(
    `MATCH (a:Measure)-[r:EVOLVES_FROM|RESEMBLES]->(b:Measure)
     RETURN type(r) + ' ' + a.id + '→' + b.id + ' ' + r.tier + ' ' + toString(r.score) AS link ORDER BY link`,
  );
  return r.records.map((x) => x.get('link') as string);
}

describe('re-ingest', () => {
  // Three seeds of three years keep the test short on a loaded machine; the rule does not depend on the count.
  const files = seedFiles().filter((_f, i) => i === 0 || i === 1 || i === 3);

  it('equals a clean run, lineage included, whichever documents are re-ingested and in any order', async () => {
    const driver = await emptyDatabase();
    await ingestInto(driver, files);
    const clean = await graphSnapshot(driver);
    const cleanLinks = await lineage(driver);
    expect(cleanLinks.length).toBeGreaterThan(20);

    // One unchanged seed, then two: nothing changes.
    await ingestInto(driver, [files[2]!]);
    expect(await lineage(driver)).toEqual(cleanLinks);
    await ingestInto(driver, [files[2]!, files[0]!]);
    expect(await graphSnapshot(driver)).toEqual(clean);

    // Documents ingested one at a time, oldest last, end as the clean run does.
    const fresh = await emptyDatabase();
    for (const f of [...files].reverse()) await ingestInto(fresh, [f]);
    expect(await lineage(fresh)).toEqual(cleanLinks);
    expect(await graphSnapshot(fresh)).toEqual(clean);
  }, 600_000);

  it("keeps a rewritten document's links when the run dies after the document's transaction", async () => {
    const driver = await emptyDatabase();
    await ingestInto(driver, files);
    const target = files[1]!;
    const before = await driver.executeQuery(
      `MATCH (d:Document {sourceFile: $f})-[:HAS_MEASURE]->(m)-[r:EVOLVES_FROM|RESEMBLES]-() RETURN count(r) AS n`,
      { f: target },
    );
    const linked = Number(before.records[0]!.get('n'));
    expect(linked).toBeGreaterThan(0);
    // A relationship type outside the model between two shared nodes fails only the last,
    // corpus-wide transaction: the document's own transaction has committed by then.
    const failing = (g: Graph): Graph => ({
      ...g,
      relationships: [...g.relationships, { type: 'NOT_IN_MODEL', start: g.nodes.find((n) => n.labels.includes('Theme'))!.id, end: g.nodes.find((n) => n.labels.includes('Theme'))!.id, properties: {} }],
    });
    await expect(ingestInto(driver, [target], failing)).rejects.toThrow(/not part of the graph model/);
    const after = await driver.executeQuery(
      `MATCH (d:Document {sourceFile: $f})-[:HAS_MEASURE]->(m)-[r:EVOLVES_FROM|RESEMBLES]-() RETURN count(r) AS n`,
      { f: target },
    );
    expect(Number(after.records[0]!.get('n'))).toBe(linked);
  }, 600_000);

  it('makes a national document ingested after a local one that cites it the same node as the citation', async () => {
    const driver = await emptyDatabase();
    const doc = (id: string, props: Record<string, string | number>): Graph['nodes'][number] => ({ id, labels: ['Document'], properties: props });
    const local: Graph = {
      nodes: [
        doc('doc:local', { title: '某市实施方案', sourceFile: 'local.txt', level: 'municipal', year: 2021 }),
        doc('nat:国发〔2020〕9号', { title: '国务院关于某事项的意见', docNumber: '国发〔2020〕9号', level: 'national', year: 2020 }),
      ],
      relationships: [{ type: 'CITES', start: 'doc:local', end: 'nat:国发〔2020〕9号', properties: { line: 3 } }],
      diagnostics: [],
    };
    await writeGraph(driver, local);
    const national: Graph = {
      nodes: [doc('doc:national', { title: '国务院关于某事项的意见', docNumber: '国发〔2020〕9号', sourceFile: 'national.txt', level: 'national', year: 2020 })],
      relationships: [],
      diagnostics: [],
    };
    await writeGraph(driver, national);
    const r = await driver.executeQuery(
      `MATCH (d:Document) WHERE d.docNumber = '国发〔2020〕9号' OPTIONAL MATCH (x)-[c:CITES]->(d) RETURN d.id AS id, collect(x.id) AS citedBy, collect(c.line) AS lines`,
    );
    expect(r.records.map((x) => [x.get('id'), x.get('citedBy'), x.get('lines').map(Number)])).toEqual([['doc:national', ['doc:local'], [3]]]);
  }, 600_000);
});
