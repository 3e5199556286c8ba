// The writer's bulk path against the incremental one, and the routing (neo4j://) scheme against
// the built-in server: writes through executeWrite, reads in READ sessions, bookmarks between them.
import { afterAll, describe, expect, it, inject } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Graph, GraphNode, GraphRelationship } from '../model/graph.js';
import { emptyDatabase } from '../test/neo4j.js';
import { Reader } from './read/reader.js';
import { writeGraph } from './writer.js';

function corpus(documents: number): Graph {
  const nodes: GraphNode[] = [{ id: 'dept:甲局', labels: ['Department'], properties: { name: '甲局', aliases: ['甲委'], kind: 'institution' } }];
  const relationships: GraphRelationship[] = [];
  for (let d = 0; d < documents; d++) {
    const doc = `doc:${d}`;
    nodes.push({ id: doc, labels: ['Document'], properties: { title: `文件${d}`, sourceFile: `${d}.txt`, level: 'municipal', year: 2020, sha256: `h${d}` } });
    for (let i = 0; i < 3; i++) {
      const m = `${doc}:m${i}`;
      nodes.push({ id: m, labels: ['Measure'], properties: { text: `措施${d}-${i}`, documentId: doc } });
      relationships.push(
        { type: 'HAS_MEASURE', start: doc, end: m, properties: {} },
        { type: 'ASSIGNED_TO', start: m, end: 'dept:甲局', properties: { role: i === 0 ? 'lead' : 'joint', asWritten: '甲委' } },
      );
      if (d > 0) relationships.push({ type: 'EVOLVES_FROM', start: m, end: `doc:${d - 1}:m${i}`, properties: { score: 0.9 } });
    }
  }
  return { nodes, relationships, diagnostics: [] };
}

async function snapshot(driver: Driver) {
  const r = await driver.executeQuery(
    `MATCH (n) OPTIONAL MATCH (n)-[r]->(m)
     WITH n, r, m ORDER BY n.id, type(r), m.id
     WITH n, collect(type(r) + '>' + m.id + ':' + coalesce(r.role, '') + coalesce(toString(r.score), '')) AS out
     WITH n, out ORDER BY n.id
     RETURN collect([n.id, n.sha256, n.text, out]) AS all`,
  );
  return JSON.stringify(r.records[0]!.get('all'));
}

describe('writeGraph bulk path', () => {
  it('writes the same graph as the incremental path, document hashes included', async () => {
    const g = corpus(60);
    const driver = await emptyDatabase();
    expect((await writeGraph(driver, g, { mode: 'incremental' })).mode).toBe('incremental');
    const incremental = await snapshot(driver);
    await emptyDatabase();
    // 'auto' on an empty database with at least 50 documents takes the bulk path.
    expect((await writeGraph(driver, g, { batchSize: 7 })).mode).toBe('bulk');
    expect(await snapshot(driver)).toBe(incremental);
    // Batches bounded by characters (a row larger than the bound goes alone) give the same graph.
    await emptyDatabase();
    expect((await writeGraph(driver, g, { batchChars: 200 })).mode).toBe('bulk');
    expect(await snapshot(driver)).toBe(incremental);
    // The full-text index is back after the bulk load.
    const idx = await driver.executeQuery("SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state");
    expect(idx.records.map((r) => [r.get('name'), r.get('state')])).toContainEqual(['policyFulltext', 'ONLINE']);
  });

  it('refuses a bulk load into a database that holds a graph, and takes the incremental path on auto', async () => {
    const g = corpus(60);
    const driver = await emptyDatabase();
    await writeGraph(driver, g);
    await expect(writeGraph(driver, g, { mode: 'bulk' })).rejects.toThrow(/empty database/);
    expect((await writeGraph(driver, g)).mode).toBe('incremental');
  });
});

describe('the neo4j:// routing scheme against the built-in server', () => {
  const uri = inject('neo4jUri').replace(/^bolt:/, 'neo4j:');
  const password = inject('neo4jPassword');
  const routed = neo4j.driver(uri, password ? neo4j.auth.basic(inject('neo4jUser'), password) : undefined);
  afterAll(() => routed.close());

  it('writes through the router and reads its own writes in a READ session', async () => {
    await emptyDatabase();
    const g = corpus(3);
    await writeGraph(routed, g);
    const reader = new Reader(routed);
    const rows = await reader.rows('MATCH (m:Measure)-[:ASSIGNED_TO]->(:Department {id: $id}) RETURN count(m) AS n', { id: 'dept:甲局' });
    expect(rows[0]?.n).toBe(9);
  });
});
