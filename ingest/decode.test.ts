import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBuffer, decodeFile } from './decode.js';

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
});
