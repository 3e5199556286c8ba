import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Graph, GraphNode, GraphRelationship } from '../model/graph.js';
import { emptyDatabase } from '../test/neo4j.js';
import { partition, writeGraph } from './writer.js';

// A small graph in the model's shape: two documents sharing a department and a theme.
function graphOf(docs: { id: string; file: string; measures: string[] }[]): Graph {
  const nodes: GraphNode[] = [
    { id: 'dept:甲局', labels: ['Department'], properties: { name: '甲局', aliases: ['甲委'], kind: 'institution' } },
    { id: 'theme:t', labels: ['Theme'], properties: { name: '主题', nameEn: 'theme', synonyms: [] } },
  ];
  const relationships: GraphRelationship[] = [];
  for (const d of docs) {
    nodes.push({ id: d.id, labels: ['Document'], properties: { title: d.id, sourceFile: d.file, level: 'municipal', year: 2020 } });
    d.measures.forEach((text, i) => {
      const m = `${d.id}:m${i}`;
      nodes.push({ id: m, labels: ['Measure'], properties: { text, documentId: d.id } });
      nodes.push({ id: `${m}:t1`, labels: ['Target'], properties: { text: '到2025年', year: 2025 } });
      nodes.push({ id: `init:${text}`, labels: ['Initiative'], properties: { name: text } });
      relationships.push(
        { type: 'HAS_MEASURE', start: d.id, end: m, properties: {} },
        { type: 'SETS', start: m, end: `${m}:t1`, properties: {} },
        { type: 'ASSIGNED_TO', start: m, end: 'dept:甲局', properties: { role: 'lead', asWritten: '甲委' } },
        { type: 'ABOUT', start: m, end: 'theme:t', properties: { evidence: ['主题'] } },
        { type: 'MENTIONS', start: m, end: `init:${text}`, properties: {} },
      );
    });
  }
  return { nodes, relationships, diagnostics: [] };
}

async function counts(driver: Driver) {
  const r = await driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
  );
  return { nodes: Number(r.records[0]!.get('nodes')), rels: Number(r.records[0]!.get('rels')) };
}

describe('writeGraph', () => {
  it('partitions measures and targets under their document and keeps shared nodes shared', () => {
    const { documents, shared } = partition(
      graphOf([
        { id: 'doc:a', file: 'a.txt', measures: ['一'] },
        { id: 'doc:b', file: 'b.txt', measures: ['二', '三'] },
      ]),
    );
    expect(documents.map((d) => d.nodes.filter((n) => n.labels[0] === 'Measure').length)).toEqual([1, 2]);
    expect(documents[1]!.nodes.map((n) => n.id)).toContain('dept:甲局');
    expect(shared.nodes.map((n) => n.id).sort()).toEqual(['dept:甲局', 'init:一', 'init:三', 'init:二', 'theme:t']);
  });

  it('is idempotent: writing the same graph twice gives the same counts', async () => {
    const driver = await emptyDatabase();
    const g = graphOf([
      { id: 'doc:a', file: 'a.txt', measures: ['一', '二'] },
      { id: 'doc:b', file: 'b.txt', measures: ['三'] },
    ]);
    await writeGraph(driver, g);
    const first = await counts(driver);
    expect(first).toEqual({ nodes: g.nodes.length, rels: g.relationships.length });
    await writeGraph(driver, g);
    expect(await counts(driver)).toEqual(first);
  });

  it('replaces a changed file and leaves no orphans of its old version', async () => {
    const driver = await emptyDatabase();
    await writeGraph(driver, graphOf([{ id: 'doc:a1', file: 'a.txt', measures: ['旧一', '旧二'] }]));
    const changed = graphOf([{ id: 'doc:a2', file: 'a.txt', measures: ['新'] }]);
    await writeGraph(driver, changed);
    expect(await counts(driver)).toEqual({ nodes: changed.nodes.length, rels: changed.relationships.length });
    const old = await driver.executeQuery("MATCH (n) WHERE n.id STARTS WITH 'doc:a1' OR n.name STARTS WITH '旧' RETURN count(n) AS c");
    expect(Number(old.records[0]!.get('c'))).toBe(0);
  });

  it('leaves no half document when a write fails mid-way, and the rerun completes it', async () => {
    const driver = await emptyDatabase();
    const good = graphOf([
      { id: 'doc:a', file: 'a.txt', measures: ['一'] },
      { id: 'doc:b', file: 'b.txt', measures: ['二', '三'] },
    ]);
    // A relationship to a node of an unknown label fails inside doc:b's transaction, after its
    // measures were merged in that same transaction.
    const broken: Graph = {
      ...good,
      nodes: [...good.nodes, { id: 'x', labels: ['Department'], properties: { name: 'x' } }],
      relationships: [...good.relationships, { type: 'NOT_IN_MODEL', start: 'doc:b:m0', end: 'x', properties: {} }],
    };
    await expect(writeGraph(driver, broken)).rejects.toThrow(/not part of the graph model/);
    const partial = await driver.executeQuery("MATCH (m:Measure) WHERE m.documentId = 'doc:b' RETURN count(m) AS c");
    expect(Number(partial.records[0]!.get('c'))).toBe(0);
    await writeGraph(driver, good);
    expect(await counts(driver)).toEqual({ nodes: good.nodes.length, rels: good.relationships.length });
  });
});

describe('writeGraph with documents grouped per transaction', () => {
  it('writes the same graph as one transaction per document', async () => {
    const g = graphOf([
      { id: 'doc:a', file: 'a.txt', measures: ['一', '二'] },
      { id: 'doc:b', file: 'b.txt', measures: ['三'] },
      { id: 'doc:c', file: 'c.txt', measures: ['四', '五', '六'] },
    ]);
    const driver = await emptyDatabase();
    await writeGraph(driver, g);
    const one = await counts(driver);
    const grouped = await emptyDatabase();
    await writeGraph(grouped, g, { documentsPerTransaction: 2, batchSize: 3 });
    expect(await counts(grouped)).toEqual(one);
    expect(one).toEqual({ nodes: g.nodes.length, rels: g.relationships.length });
  });
});
