// Documents from a PDF and a portal page stored in Neo4j: the page of each measure and the
// format of each document reach the graph, where a researcher's Cypher can cite them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGraph } from '../db/writer.js';
import { portalHtml } from '../ingest/fixtures/formats.js';
import { ingest } from '../ingest/pipeline.js';
import { emptyDatabase } from './neo4j.js';

describe('formats in the graph', () => {
  it('stores the page of every PDF measure and the format of every document', async () => {
    const driver = await emptyDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'formats-int-'));
    const html = path.join(dir, 'plan.html');
    fs.writeFileSync(html, portalHtml(fs.readFileSync('ingest/fixtures/prose-plan.txt', 'utf8'), { charset: 'gb2312' }));
    const pdf = 'ingest/fixtures/seed-004.pdf';
    const report = await ingest([pdf, html], { manifest: false });
    expect(report.refused).toEqual([]);
    await writeGraph(driver, report.graph);
    const docs = await driver.executeQuery("MATCH (d:Document) WHERE d.level <> 'national' RETURN d.sourceFile AS file, d.format AS format ORDER BY file");
    expect(Object.fromEntries(docs.records.map((r) => [r.get('file'), r.get('format')]))).toEqual({ [pdf]: 'pdf', [html]: 'html' });
    const pages = await driver.executeQuery(
      'MATCH (d:Document {sourceFile: $pdf})-[:HAS_MEASURE]->(m:Measure) RETURN m.startPage AS start, m.endPage AS end ORDER BY m.startOffset',
      { pdf },
    );
    const starts = pages.records.map((r) => Number(r.get('start')));
    expect(starts).toHaveLength(17);
    expect(starts[0]).toBe(1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(Math.max(...starts)).toBeGreaterThanOrEqual(4);
    const htmlPages = await driver.executeQuery('MATCH (d:Document {sourceFile: $html})-[:HAS_MEASURE]->(m) RETURN count(m.startPage) AS n', { html });
    expect(Number(htmlPages.records[0]!.get('n'))).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
