// A seed in the formats users bring — a GBK portal page, a Word file, a PDF, and a GBK copy with
// CRLF, hard wraps and page footers — must give the measures of the text version: the same
// count, the same texts after normalisation, the same departments, and provenance that points
// into the text extracted from that file (line; page for the PDF).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { portalHtml, wordDocx } from '../fixtures/formats.js';
import { normalise } from '../normalise.js';
import { ingest, type PipelineReport } from '../pipeline.js';
import type { GraphNode } from '../types.js';

const PROSE = 'seeds/004_fc6deff135ccd3ca.txt';
const TABLE = 'seeds/002_0a5072e4fb879473.txt';
const dir = mkdtempSync(join(tmpdir(), 'formats-'));

interface Seen {
  report: PipelineReport;
  doc: GraphNode;
  measures: GraphNode[];
  parties: Map<string, string[]>;
}

async function run(file: string): Promise<Seen> {
  const report = await ingest([file], { manifest: false });
  const nodes = report.graph.nodes;
  const doc = nodes.find((n) => n.labels.includes('Document') && n.properties.sourceFile === file)!;
  const measures = nodes.filter((n) => n.labels.includes('Measure') && n.properties.documentId === doc.id);
  const parties = new Map<string, string[]>();
  for (const r of report.graph.relationships) {
    if (r.type === 'ASSIGNED_TO') parties.set(r.start, [...(parties.get(r.start) ?? []), `${r.end}/${String(r.properties.role)}`].sort());
  }
  return { report, doc, measures, parties };
}

/** What must not change with the format: each measure's normalised text and its departments with roles. */
function essence(s: Seen) {
  return s.measures.map((m) => ({
    text: m.properties.normText,
    responsible: normalise(String(m.properties.responsibleText ?? '')),
    parties: s.parties.get(m.id) ?? [],
  }));
}

/**
 * Provenance into the extracted text: the span slices the measure's text and its line is where
 * that text starts. Where page furniture sits inside a measure, the measure's text may leave it
 * out (issue 10: the offsets stay exact, the text that is matched is clean): then the span must
 * still start and end where the measure's text does.
 */
function expectExactProvenance(s: Seen, furnitureInside = false) {
  const text = String(s.doc.properties.sourceText);
  for (const m of s.measures) {
    const p = m.properties;
    const slice = text.slice(Number(p.startOffset), Number(p.endOffset));
    if (furnitureInside) {
      // The footers are the ones officeCopy wrote; whether the measure's text keeps them or blanks them, the rest is the slice.
      const bare = (t: string) => t.replace(/— \d+ —/gu, '').replace(/\s+/gu, '');
      expect(bare(slice)).toBe(bare(String(p.text)));
    } else {
      expect(slice).toBe(p.text);
    }
    const lineOfStart = text.slice(0, Number(p.startOffset)).split('\n').length;
    expect(p.startLine).toBe(lineOfStart);
  }
}

const asText = new Map<string, Seen>();
beforeAll(async () => {
  for (const f of [PROSE, TABLE]) asText.set(f, await run(f));
}, 120_000);

describe('a seed in other formats gives the measures of its text version', () => {
  it('as a GBK portal page with navigation, metadata table, title heading and footer', async () => {
    const file = join(dir, 'platform-economy.html');
    writeFileSync(
      file,
      portalHtml(readFileSync(PROSE, 'utf8'), {
        charset: 'gb2312',
        heading: '天津市人民政府办公厅关于推动生活性服务领域平台经济健康发展的实施意见',
        meta: [['索 引 号', '11120000MB0000000/2023-00017'], ['主题分类', '商贸'], ['发文机关', '天津市人民政府办公厅'], ['成文日期', '2023年05月10日'], ['发文字号', '津政办规〔2023〕3号'], ['关 键 词', '平台经济']],
      }),
    );
    const s = await run(file);
    const t = asText.get(PROSE)!;
    expect(s.report.refused).toEqual([]);
    expect(s.doc.properties.format).toBe('html');
    expect(s.doc.properties.encoding).toBe('GB18030');
    expect(s.measures.length).toBe(17);
    expect(essence(s)).toEqual(essence(t));
    expectExactProvenance(s);
    // The page's lines are the document's lines: the same line numbers as the text file.
    expect(s.measures.map((m) => m.properties.startLine)).toEqual(t.measures.map((m) => m.properties.startLine));
    const text = String(s.doc.properties.sourceText);
    for (const furniture of ['首页', '网站标识码', '打印本页', '索引号', '相关文件', '统计代码']) expect(text).not.toContain(furniture);
  }, 60_000);

  it('as a Word file', async () => {
    const file = join(dir, 'platform-economy.docx');
    writeFileSync(file, await wordDocx(readFileSync(PROSE, 'utf8')));
    const s = await run(file);
    expect(s.report.refused).toEqual([]);
    expect(s.doc.properties.format).toBe('docx');
    expect(essence(s)).toEqual(essence(asText.get(PROSE)!));
    expectExactProvenance(s);
    expect(String(s.doc.properties.sourceText)).not.toContain('某市人民政府办公厅文件'); // the running header
  }, 60_000);

  it('as a PDF with a text layer, with the page of each measure', async () => {
    const file = 'ingest/fixtures/seed-004.pdf';
    const s = await run(file);
    expect(s.report.refused).toEqual([]);
    expect(s.doc.properties.format).toBe('pdf');
    expect(essence(s)).toEqual(essence(asText.get(PROSE)!));
    expectExactProvenance(s);
    // Pages checked against pdf.js's own text of each page, not against our line rebuilding.
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
    const pageTexts: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const items = (await (await pdf.getPage(p)).getTextContent()).items;
      pageTexts.push(normalise(items.map((i) => ('str' in i ? i.str : '')).join('')));
    }
    expect(pdf.numPages).toBeGreaterThan(2);
    for (const m of s.measures) {
      const start = Number(m.properties.startPage);
      const end = Number(m.properties.endPage);
      const norm = String(m.properties.normText);
      expect(pageTexts[start - 1]).toContain(norm.slice(0, 8));
      expect(pageTexts[end - 1]).toContain(norm.slice(-8));
      expect(end).toBeGreaterThanOrEqual(start);
    }
    expect(new Set(s.measures.map((m) => m.properties.startPage)).size).toBeGreaterThan(2);
  }, 60_000);

  it.each([
    ['a portal page', 'html', (t: string) => Promise.resolve(portalHtml(t))],
    ['a Word file', 'docx', wordDocx],
  ] as const)('with its tables, as %s', async (_what, ext, make) => {
    const file = join(dir, `consumption-table.${ext}`);
    writeFileSync(file, await make(readFileSync(TABLE, 'utf8')));
    const s = await run(file);
    expect(s.report.refused).toEqual([]);
    expect(s.measures.length).toBe(62);
    expect(essence(s)).toEqual(essence(asText.get(TABLE)!));
    expectExactProvenance(s);
  }, 60_000);
});

/** A copy as old office systems make it: GBK, CRLF, lines wrapped at 28 characters (GB/T 9704's line), a page footer every 22 lines. */
function officeCopy(text: string): Buffer {
  const lines = text.split('\n').flatMap((l) => {
    const out: string[] = [];
    for (let i = 0; i < l.length || i === 0; i += 28) out.push(l.slice(i, i + 28));
    return out;
  });
  const paged: string[] = [];
  lines.forEach((l, i) => {
    paged.push(l);
    if ((i + 1) % 22 === 0) paged.push('', `— ${(i + 1) / 22} —`, '');
  });
  return iconv.encode(paged.join('\r\n'), 'gbk');
}

describe('a GBK copy with CRLF, hard wraps and page footers', () => {
  it('gives the same measures and texts after normalisation', async () => {
    const file = join(dir, 'platform-economy-gbk.txt');
    writeFileSync(file, officeCopy(readFileSync(PROSE, 'utf8')));
    const s = await run(file);
    expect(s.doc.properties.encoding).toBe('GB18030');
    expect(s.report.refused).toEqual([]);
    expect(essence(s)).toEqual(essence(asText.get(PROSE)!));
    expectExactProvenance(s, true);
  }, 60_000);
});
