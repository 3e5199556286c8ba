// The page of a measure from a PDF, through the API: SourceSpan.startPage/endPage are what the
// ingest stored, and null for a source without pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { writeGraph } from '../db/writer.js';
import { Reader } from '../db/read/reader.js';
import { portalHtml } from '../ingest/fixtures/formats.js';
import { ingest } from '../ingest/pipeline.js';
import { emptyDatabase } from '../test/neo4j.js';
import { createApolloServer, createContext } from './server.js';

const PDF = 'ingest/fixtures/seed-004.pdf';
let driver: Driver;
let html: string;
const server = createApolloServer({ log: () => {} });

beforeAll(async () => {
  driver = await emptyDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-pages-'));
  html = path.join(dir, 'plan.html');
  fs.writeFileSync(html, portalHtml(fs.readFileSync('ingest/fixtures/prose-plan.txt', 'utf8')));
  const report = await ingest([PDF, html], { manifest: false });
  expect(report.refused).toEqual([]);
  await writeGraph(driver, report.graph);
  await server.start();
});

afterAll(async () => {
  await server.stop();
});

async function spans(file: string): Promise<{ startLine: number; startPage: number | null; endPage: number | null }[]> {
  const doc = await driver.executeQuery('MATCH (d:Document {sourceFile: $file}) RETURN d.id AS id', { file });
  const response = await server.executeOperation(
    { query: 'query($id: ID!) { document(id: $id) { measures(first: 200) { nodes { source { startLine startPage endPage } } } } }', variables: { id: doc.records[0]!.get('id') } },
    { contextValue: createContext(new Reader(driver)) },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  expect(response.body.singleResult.errors).toBeUndefined();
  const data = response.body.singleResult.data as { document: { measures: { nodes: { source: { startLine: number; startPage: number | null; endPage: number | null } }[] } } };
  return data.document.measures.nodes.map((n) => n.source);
}

describe('SourceSpan pages', () => {
  it('gives the stored page of each PDF measure, and none for a web page', async () => {
    const stored = await driver.executeQuery(
      'MATCH (:Document {sourceFile: $file})-[:HAS_MEASURE]->(m) RETURN m.startLine AS line, m.startPage AS start, m.endPage AS end',
      { file: PDF },
    );
    const byLine = new Map(stored.records.map((r) => [Number(r.get('line')), [Number(r.get('start')), Number(r.get('end'))]]));
    const pdf = await spans(PDF);
    expect(pdf.length).toBe(byLine.size);
    for (const s of pdf) expect([s.startPage, s.endPage]).toEqual(byLine.get(s.startLine));
    expect(Math.max(...pdf.map((s) => s.endPage!))).toBeGreaterThan(1);
    const web = await spans(html);
    expect(web.length).toBeGreaterThan(0);
    expect(web.every((s) => s.startPage === null && s.endPage === null)).toBe(true);
  }, 300_000);
});
