import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { safeFileName, sniff } from './sniff.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('sniff', () => {
  it('tells text, GB18030 text, UTF-16 text and HTML by content', async () => {
    expect(await sniff(bytes('关于印发某某实施方案的通知\n一、总体要求\n'))).toMatchObject({ ok: true, kind: 'text' });
    expect(await sniff(new Uint8Array(iconv.encode('关于印发某某实施方案的通知\n', 'gb18030')))).toMatchObject({ ok: true, kind: 'text' });
    expect(await sniff(new Uint8Array(iconv.encode('\ufeff关于印发方案的通知', 'utf16le')))).toMatchObject({ ok: true, kind: 'text' });
    expect(await sniff(bytes('\ufeff<!DOCTYPE html><html><body>通知</body></html>'))).toMatchObject({ ok: true, kind: 'html', extension: '.html' });
    expect(await sniff(bytes('  <html lang="zh"><head><meta charset="utf-8">'))).toMatchObject({ ok: true, kind: 'html' });
  });

  it('recognises PDF and refuses other binary formats whatever the name', async () => {
    expect(await sniff(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))).toMatchObject({ ok: true, kind: 'pdf' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    const png_ = await sniff(png);
    expect(png_.ok).toBe(false);
    expect(!png_.ok && png_.reason).toMatch(/image\/png/);
    const bin = await sniff(new Uint8Array([1, 2, 3, 0, 5, 6, 7, 8]));
    expect(!bin.ok && bin.reason).toMatch(/binary/);
    expect(await sniff(new Uint8Array())).toMatchObject({ ok: false, reason: 'the file is empty' });
  });

  it('makes safe names that keep Chinese and use the detected extension', () => {
    expect(safeFileName('../../etc/通知.txt', '.html', 0)).toBe('通知.html');
    expect(safeFileName('C:\\docs\\方案.docx', '.docx', 0)).toBe('方案.docx');
    expect(safeFileName('.hidden', '.txt', 2)).toBe('upload-3.txt');
    expect(safeFileName('a\u0000b?.txt', '.txt', 0)).toBe('ab.txt');
  });
});
