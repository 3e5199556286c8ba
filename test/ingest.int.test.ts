// The ingest end to end on the real Neo4j: idempotence, crash recovery and bad input.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { writeGraph } from '../db/writer.js';
import { ingest } from '../ingest/pipeline.js';
import { graphSnapshot } from './graph-snapshot.js';
import { emptyDatabase } from './neo4j.js';
import { seedFiles } from './seed-graph.js';

describe('ingest into Neo4j', () => {
  it('gives identical graphs when the seeds are ingested twice', async () => {
    const driver = await emptyDatabase();
    const { graph } = await ingest(seedFiles());
    await writeGraph(driver, graph);
    const first = await graphSnapshot(driver);
    expect(first.nodes.length).toBe(graph.nodes.length);
    expect(first.relationships.length).toBe(graph.relationships.length);
    await writeGraph(driver, graph);
    expect(await graphSnapshot(driver)).toEqual(first);
  });

  it('completes a run killed mid-way: the rerun gives the same graph as a clean run', async () => {
    const driver = await emptyDatabase();
    const { graph } = await ingest(seedFiles());
    await writeGraph(driver, graph);
    const clean = await graphSnapshot(driver);

    const crashed = await emptyDatabase();
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/crash-ingest.ts', ...seedFiles()], {
      env: { ...process.env, NEO4J_TEST_URI: inject('neo4jUri'), NEO4J_TEST_USERNAME: inject('neo4jUser'), NEO4J_TEST_PASSWORD: inject('neo4jPassword'), CRASH_AT: '2' },
      encoding: 'utf8',
    });
    expect(child.signal).toBe('SIGKILL');
    const partial = await graphSnapshot(crashed);
    // Two whole documents made it, the third never started: no document is half there.
    const docs = await crashed.executeQuery(
      "MATCH (d:Document) WHERE d.level <> 'national' OPTIONAL MATCH (d)-[:HAS_MEASURE]->(m) RETURN d.id AS id, count(m) AS measures",
    );
    const expectedMeasures = new Map(
      graph.nodes.filter((n) => n.labels.includes('Document') && n.properties.level !== 'national').map((d) => [
        d.id,
        graph.relationships.filter((r) => r.type === 'HAS_MEASURE' && r.start === d.id).length,
      ]),
    );
    expect(docs.records.length).toBe(2);
    for (const r of docs.records) expect(Number(r.get('measures'))).toBe(expectedMeasures.get(r.get('id') as string));
    expect(partial.nodes.length).toBeLessThan(clean.nodes.length);

    await writeGraph(crashed, graph);
    expect(await graphSnapshot(crashed)).toEqual(clean);
  });

  it('ingests the good files of a batch with bad ones, and writes nothing of the refused ones', async () => {
    const driver = await emptyDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-input-'));
    const table = fs.readFileSync('ingest/fixtures/division-table.txt');
    const gbk = 'ingest/fixtures/prose-plan.gbk.txt';
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0, 1]));
    fs.writeFileSync(path.join(dir, 'good.txt'), table);
    fs.writeFileSync(path.join(dir, 'good-copy.txt'), table);
    const files = [path.join(dir, 'empty.txt'), path.join(dir, 'binary.txt'), path.join(dir, 'good.txt'), path.join(dir, 'good-copy.txt'), gbk];
    const report = await ingest(files);
    const rules = new Set(report.graph.diagnostics.map((d) => d.rule));
    for (const d of report.graph.diagnostics) {
      expect(d.file).toBeTruthy();
      expect(d.line).toBeGreaterThanOrEqual(1);
    }
    expect(report.refused).toEqual(expect.arrayContaining([files[0], files[1]]));
    expect(rules.size).toBeGreaterThanOrEqual(3);
    await writeGraph(driver, report.graph);
    const stored = await driver.executeQuery(
      "MATCH (d:Document) WHERE d.level <> 'national' RETURN d.sourceFile AS file ORDER BY file",
    );
    const storedFiles = stored.records.map((r) => r.get('file') as string);
    expect(storedFiles).not.toContain(files[0]);
    expect(storedFiles).not.toContain(files[1]);
    // The duplicate is stored once, not twice, and the GBK file is decoded and stored.
    expect(storedFiles.filter((f) => f.endsWith('good.txt') || f.endsWith('good-copy.txt'))).toHaveLength(1);
    expect(storedFiles).toContain(gbk);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
