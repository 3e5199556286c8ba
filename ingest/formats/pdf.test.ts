import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageOnlyPdf, lockedPdf } from '../fixtures/formats.js';
import { extractPdf, linesOfPage } from './pdf.js';

const seed = readFileSync('seeds/004_fc6deff135ccd3ca.txt', 'utf8');
const squash = (s: string) => s.replace(/\s+/gu, '');

describe('PDF', () => {
  it('rebuilds the lines of every page and records where each page starts', async () => {
    const r = await extractPdf(readFileSync('ingest/fixtures/seed-004.pdf'));
    if (!r.ok) throw new Error(r.message);
    expect(r.format).toBe('pdf');
    expect(r.pages!.length).toBe(5);
    expect(r.pages![0]).toBe(0);
    for (const start of r.pages!.slice(1)) expect(r.text[start - 1]).toBe('\n');
    // Every character of the document, in order; only line breaks differ (the page width wraps lines).
    expect(squash(r.text)).toBe(squash(seed));
    expect(r.text.split('\n').slice(0, 3)).toEqual(['天津市人民政府办公厅关于推动', '生活性服务领域平台经济', '健康发展的实施意见']);
    expect(r.issues).toEqual([]);
  });

  it('refuses a scan without a text layer and says to OCR it', async () => {
    const r = await extractPdf(await imageOnlyPdf(3));
    expect(r).toMatchObject({ ok: false, rule: 'pdf-without-text' });
    if (r.ok) return;
    expect(r.message).toContain('no text layer');
    expect(r.message).toContain('3 pages');
    expect(r.message).toMatch(/OCR/u);
  });

  it('refuses a password-protected PDF', async () => {
    const r = await extractPdf(await lockedPdf());
    expect(r).toMatchObject({ ok: false, rule: 'encrypted-pdf' });
  });

  it('refuses a damaged PDF with what to do', async () => {
    const r = await extractPdf(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF', 'latin1'));
    expect(r).toMatchObject({ ok: false, rule: 'corrupt-pdf' });
    if (!r.ok) expect(r.message).toContain('supply the text');
  });

  it('joins runs on one baseline: CJK without spaces, Latin words with one, table columns with a tab', () => {
    const run = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, size: 12 });
    expect(
      linesOfPage([
        run('（市商务局', 100, 700, 60), run('负责）', 160, 700.3, 36), // same line, y jitter
        run('GDP', 100, 680, 24), run('growth', 128, 680, 36), // a word space
        run('序号', 100, 660, 24), run('主要任务', 200, 660, 48), // a column gap
      ]),
    ).toEqual(['（市商务局负责）', 'GDP growth', '序号\t主要任务']);
  });
});
