import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise, normaliseWithMap } from './normalise.js';
import { chineseNumber, fastNormalise, fastNormaliseText, normView, originalRange, splitLines } from './segment.js';

describe('fast normalisation', () => {
  it('equals normaliseWithMap on the seeds, text and map', () => {
    for (const f of readdirSync('seeds').filter((x) => x.endsWith('.txt'))) {
      const t = readFileSync(`seeds/${f}`, 'utf8');
      const a = normaliseWithMap(t);
      const b = fastNormalise(t);
      expect(b.text).toBe(a.text);
      expect(b.map).toEqual(a.map);
    }
  });

  it('equals normalise for every BMP character between Latin and CJK neighbours', () => {
    const bad: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const t = `a${ch} b中 ${ch}x\u3000${ch}`;
      if (fastNormaliseText(t) !== normalise(t)) bad.push(cp.toString(16));
    }
    expect(bad).toEqual([]);
  });

  it('maps a normalised range back to the exact original slice', () => {
    const t = '推动 5 万个\n\n基站（５Ｇ）建设';
    const v = normView(t, 0, t.length);
    expect(v.text).toBe('推动5万个基站(5G)建设');
    const i = v.text.indexOf('5万个基站');
    const [s, e] = originalRange(t, v, i, i + '5万个基站'.length);
    expect(t.slice(s, e)).toBe('5 万个\n\n基站');
  });
});

describe('segment helpers', () => {
  it('splits lines keeping offsets and dropping \\r', () => {
    const lines = splitLines('a\r\nbc\n\nd');
    expect(lines.map((l) => [l.start, l.end, l.text])).toEqual([
      [0, 1, 'a'],
      [3, 5, 'bc'],
      [6, 6, ''],
      [7, 8, 'd'],
    ]);
  });

  it('reads Chinese numerals of outline markers', () => {
    expect(['一', '十', '十二', '二十', '二十六', '一百零三'].map(chineseNumber)).toEqual([1, 10, 12, 20, 26, 103]);
    expect(chineseNumber('甲')).toBeUndefined();
  });
});
