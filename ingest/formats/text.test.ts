import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBuffer } from '../decode.js';
import { ingestSync } from '../pipeline.js';
import { decodeText } from './text.js';

const prose = readFileSync('ingest/fixtures/prose-plan.txt', 'utf8');
const lines = prose.split('\n');

/** The file as a careless copy makes it: some lines saved as GBK, the rest UTF-8. */
function mixed(gbkLines: number[]): Buffer {
  return Buffer.concat(lines.map((l, i) => {
    const withBreak = i < lines.length - 1 ? `${l}\n` : l;
    return gbkLines.includes(i + 1) ? iconv.encode(withBreak, 'gbk') : Buffer.from(withBreak, 'utf8');
  }));
}

describe('text in mixed or damaged encodings', () => {
  it('recovers GBK lines in a UTF-8 file and says which lines they were', () => {
    const r = decodeBuffer('mixed.txt', mixed([1, 3]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source.text).toBe(prose);
    expect(r.source.encoding).toBe('UTF-8+GB18030');
    expect(r.diagnostics).toMatchObject([{ file: 'mixed.txt', line: 1, column: 1, severity: 'warning', rule: 'mixed-encoding' }]);
    expect(r.diagnostics[0]!.message).toContain('lines 1, 3 are GBK');
  });

  it('keeps the title of such a file', () => {
    const dir = 'ingest/fixtures';
    const clean = ingestSync([`${dir}/prose-plan.txt`], { manifest: false });
    const title = (g: typeof clean) => g.graph.nodes.find((n) => n.labels.includes('Document') && String(n.properties.sourceFile).startsWith(dir))!.properties.title;
    const r = decodeBuffer(`${dir}/mixed.txt`, mixed([1, 3]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const withMixed = ingestSync([`${dir}/mixed.txt`], { manifest: false, decoded: new Map([[`${dir}/mixed.txt`, r]]) });
    expect(title(withMixed)).toBe(title(clean));
    expect(String(title(withMixed))).toContain('智慧文旅消费');
  });

  it('points at each replacement character with line and column', () => {
    const bytes = Buffer.from(prose, 'utf8');
    const line5 = Buffer.byteLength(lines.slice(0, 4).join('\n') + '\n', 'utf8');
    const at = line5 + Buffer.byteLength(lines[4]!.slice(0, 3), 'utf8');
    // A byte that is neither UTF-8 nor part of a GBK character.
    const damaged = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    const r = decodeBuffer('damaged.txt', damaged);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toMatchObject([{ line: 5, column: 4, severity: 'warning', rule: 'replacement-character' }]);
  });

  it('reports replacement characters already in a UTF-8 file', () => {
    const damaged = lines.map((l, i) => (i === 4 ? `${l.slice(0, 4)}\ufffd\ufffd${l.slice(4)}` : l)).join('\n');
    const r = decodeBuffer('saved-after-bad-decode.txt', Buffer.from(damaged, 'utf8'));
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toMatchObject([{ line: 5, column: 5, rule: 'replacement-character' }]);
  });

  it('reads a clean file without any warning', () => {
    for (const bytes of [Buffer.from(prose, 'utf8'), iconv.encode(prose, 'gbk')]) {
      const r = decodeText(bytes);
      expect(r.ok && r.issues).toEqual([]);
    }
  });
});
