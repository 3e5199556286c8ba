// The corpus as a Word file, a PDF and a portal page must give what its text gives: a document that
// yields fewer labelled measures, or more unlabelled ones, in a format than as text is a reading
// defect of that format (evaluate.ts --format <f> --diff shows it).
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDocuments, evaluateDocumentsAs, loadSources, type DocumentsReport } from './evaluate.js';
import { cjkFont, CONVERTED_FORMATS } from './formats.js';

let text: DocumentsReport;
beforeAll(() => {
  text = evaluateDocuments();
}, 120_000);

describe('the corpus in other formats', () => {
  it.each(CONVERTED_FORMATS.filter((f) => f !== 'pdf' || cjkFont() !== undefined))('scores no document lower on measures as %s than as text', async (format) => {
    const report = await evaluateDocumentsAs(format);
    // A table kept as paragraphs whose blank lines are its empty cells has no such lines once converted
    // (README: spaced-cells), and no PDF is printed from a page flattened onto one line: real files
    // of these hold a table and paragraphs.
    const unlike = (layouts: string[]) => layouts.includes('spaced-cells') || (format === 'pdf' && layouts.includes('one-line'));
    const skipped = new Set(loadSources().filter((l) => unlike(l.layouts ?? [])).map((l) => l.file));
    const worse = report.documents.flatMap((d, i) => {
      if (skipped.has(d.file)) return [];
      const t = text.documents[i]!.measures;
      const m = d.measures;
      if (!t || !m) return [];
      return m.matched < t.matched || m.observed - m.matched > t.observed - t.matched || m.partySetsExact < t.partySetsExact || m.rolesRight < t.rolesRight
        ? [`${d.file}: matched ${m.matched}/${t.matched}, unlabelled ${m.observed - m.matched}/${t.observed - t.matched}, parties ${m.partySetsExact}/${t.partySetsExact}, roles ${m.rolesRight}/${t.rolesRight}`]
        : [];
    });
    expect(worse).toEqual([]);
    expect(report.totals.refused).toBe(text.totals.refused);
  }, 240_000);
});
