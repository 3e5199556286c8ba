import { describe, expect, it } from 'vitest';
import { decodeFile } from '../decode.js';
import { parseDocument } from './document.js';

function parse(file: string) {
  const r = decodeFile(file);
  if (!r.ok) throw new Error(`fixture ${file} did not decode`);
  return { src: r.source, ...parseDocument(r.source) };
}

describe('division-of-labour table', () => {
  const { src, doc, diagnostics, meta } = parse('ingest/fixtures/division-table.txt');

  it('reads every numbered row once, skipping repeated header rows', () => {
    expect(doc.genre).toBe('division-table');
    expect(doc.measures.map((m) => m.path)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `row ${n}`));
  });

  it('reads rows with and without the heading column from the right', () => {
    const row2 = doc.measures[1]!;
    expect(row2.text).toBe('建设社区家政服务网点50个。');
    expect(row2.responsibleText).toBe('市商务局、各区人民政府');
    const req = doc.requirements.find((r) => r.key === row2.requirementKey)!;
    expect(req.text).toBe('推动家政进社区。');
    // Trailing separators stay as written; the resolver handles them.
    expect(doc.measures[2]!.responsibleText).toBe('市人社局、市商务局、');
  });

  it('assembles section headings: backfilled, split over rows, broken by spaces, merged into the requirement', () => {
    const sections = doc.measures.map((m) => m.section);
    expect(sections).toEqual([
      '(一)提升家政服务品质', // row 1 sits above the merged cell's text
      '(一)提升家政服务品质',
      '(一)提升家政服务品质',
      '(一)提升家政服务品质', // "(一)提升家 政服务 品质" on the next page
      '(二)丰富养老服务供给', // "(二)丰富养老" + "服务供给"
      '(二)丰富养老服务供给',
      '(三)', // between (二) and (四) on a page without headings
      '(四)拓展体育消费空间', // "(四) 拓展体育消费空间 推动…" in the requirement cell
      '(四)拓展体育消费空间',
    ]);
    const row8 = doc.measures[7]!;
    expect(doc.requirements.find((r) => r.key === row8.requirementKey)!.text).toBe('推动体育场馆开放。');
    expect(diagnostics.find((d) => d.rule === 'section-heading-missing')).toMatchObject({ severity: 'info', line: 22 });
  });

  it('gives every requirement its section and a span that slices it', () => {
    expect(doc.requirements).toHaveLength(9);
    for (const r of doc.requirements) {
      expect(src.text.slice(r.span.startOffset, r.span.endOffset)).toBe(r.text);
      expect(r.section).toBeTruthy();
    }
    for (const m of doc.measures) expect(src.text.slice(m.span.startOffset, m.span.endOffset)).toBe(m.text);
  });

  it('notes the missing first page and still finds title and directive', () => {
    expect(diagnostics.find((d) => d.rule === 'starts-mid-sentence')).toMatchObject({ line: 1, severity: 'info' });
    expect(doc.title).toBe('江川市贯彻落实《关于推动服务消费高质量发展的意见》分工方案');
    expect(doc.issuedOn).toBe('2019-06-03');
    expect(meta.implements?.title).toBe('关于推动服务消费高质量发展的意见');
    const numbered = doc.citations.find((c) => c.docNumber === '商服贸发〔2019〕12号');
    expect(numbered).toBeDefined();
  });

  it('reports a row with a missing cell and keeps the others', () => {
    const m = parse('ingest/fixtures/missing-cell-table.txt');
    expect(m.refused).toBe(false);
    expect(m.doc.measures.map((x) => x.path)).toEqual(['row 1', 'row 3']);
    expect(m.diagnostics.filter((d) => d.rule === 'missing-cell')).toMatchObject([{ line: 5, column: 1, severity: 'warning' }]);
    expect(m.diagnostics.some((d) => d.rule === 'row-number-gap')).toBe(false);
  });
});
