import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { imageOnlyPdf, portalHtml, wordDocx } from './fixtures/formats.js';
import { decodeBuffer, decodeDocument, decodeDocumentBuffer, decodeFile, isDocumentFile, sha256Hex } from './decode.js';

const F = 'ingest/fixtures';
const prose = readFileSync(`${F}/prose-plan.txt`, 'utf8');

describe('decode', () => {
  it.each([
    ['prose-plan.txt', 'UTF-8'],
    ['prose-plan.utf8bom.txt', 'UTF-8'],
    ['prose-plan.gbk.txt', 'GB18030'],
    ['prose-plan.utf16le.txt', 'UTF-16LE'],
    ['prose-plan.utf16be.txt', 'UTF-16BE'],
  ])('reads %s as %s, to the same text and hash', (name, encoding) => {
    const r = decodeFile(`${F}/${name}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source.encoding).toBe(encoding);
    expect(r.source.text).toBe(prose); // a BOM is not part of the text
    expect(r.diagnostics).toEqual([]);
  });

  it('detects UTF-16 without a byte-order mark', () => {
    for (const enc of ['utf16le', 'utf16be'] as const) {
      const r = decodeBuffer('x.txt', iconv.encode(prose, enc));
      expect(r.ok && r.source.text).toBe(prose);
    }
  });

  it('reads a short GB18030 text that chardet ranks low', () => {
    const r = decodeBuffer('short.txt', iconv.encode('（市商务局负责）', 'gb18030'));
    expect(r.ok && r.source.text).toBe('（市商务局负责）');
  });

  it('refuses an empty file with a located diagnostic', () => {
    const r = decodeFile(`${F}/empty.txt`);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([{ file: `${F}/empty.txt`, line: 1, column: 1, severity: 'error', rule: 'empty-file' }]);
  });

  it('refuses a whitespace-only file', () => {
    const r = decodeBuffer('blank.txt', Buffer.from(' \n\u3000\n', 'utf8'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.rule).toBe('empty-file');
  });

  it('refuses a binary file', () => {
    const r = decodeFile(`${F}/binary.txt`);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([{ severity: 'error', rule: 'binary-file', line: 1, column: 1 }]);
  });

  it('refuses a file cut inside a multi-byte character, pointing at the end', () => {
    const r = decodeFile(`${F}/cut-character.txt`);
    expect(r.ok).toBe(false);
    const d = r.diagnostics[0]!;
    expect(d.rule).toBe('truncated-file');
    expect(d.severity).toBe('error');
    expect(d.line).toBeGreaterThan(20); // at the cut, not at the top
  });

  it('reports an unreadable path instead of throwing', () => {
    const r = decodeFile(`${F}/does-not-exist.txt`);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.rule).toBe('unreadable-file');
  });

  it('reads a file by its content, not its name: a portal page saved as .txt is HTML', () => {
    const r = decodeBuffer('notice.txt', portalHtml('关于印发某市促进消费若干措施的通知\n各区人民政府：', { meta: [['文号', '某政发〔2023〕1号'], ['成文日期', '2023年1月5日']] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source).toMatchObject({ format: 'html', text: '关于印发某市促进消费若干措施的通知\n各区人民政府：', meta: { 文号: '某政发〔2023〕1号', 成文日期: '2023年1月5日' } });
  });

  it('reads DOCX and PDF through the asynchronous decoder, with pages for the PDF', async () => {
    const docx = await decodeDocumentBuffer('notice.pdf', await wordDocx('一、总体要求'));
    expect(docx.ok && docx.source.format).toBe('docx');
    const pdf = await decodeDocument(`${F}/seed-004.pdf`);
    expect(pdf.ok && pdf.source.format).toBe('pdf');
    expect(pdf.ok && pdf.source.pages).toHaveLength(5);
    expect(pdf.ok && pdf.source.encoding).toBe('UTF-8');
  });

  it('points the synchronous decoder to the asynchronous one for DOCX and PDF', () => {
    const r = decodeFile(`${F}/seed-004.pdf`);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toContain('decodeDocumentBuffer');
  });

  it('refuses a scanned PDF and a legacy .doc with a located message saying what to do', async () => {
    const scan = await decodeDocumentBuffer('scan.pdf', await imageOnlyPdf());
    expect(scan.diagnostics).toMatchObject([{ file: 'scan.pdf', line: 1, column: 1, severity: 'error', rule: 'pdf-without-text' }]);
    const doc = await decodeDocumentBuffer('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(doc.diagnostics).toMatchObject([{ severity: 'error', rule: 'unsupported-format' }]);
    expect(doc.diagnostics[0]!.message).toContain('.docx');
  });

  it('picks documents in a folder by their extension', () => {
    expect(['a.txt', 'b.HTML', 'c.htm', 'd.docx', 'e.pdf', 'manifest.json', 'f.png', 'reference'].filter(isDocumentFile)).toEqual(['a.txt', 'b.HTML', 'c.htm', 'd.docx', 'e.pdf']);
  });

  it('hashes a long text in pieces exactly as its whole UTF-8 form, a surrogate pair across a piece boundary included', () => {
    for (const shift of [0, 1, 2]) {
      const text = `${'政'.repeat((1 << 20) - 1 - shift)}𠀀${'策 text '.repeat(1000)}`;
      expect(sha256Hex(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    }
  });
});
