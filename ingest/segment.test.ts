import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCjk, normaliseWithMap } from './normalise.js';
import { chineseNumber, fastNormalise, fastNormaliseText, normView, originalRange, splitLines } from './segment.js';

// The specification of the normalised form, written the obvious slow way: the fast one-pass
// fold in normalise.ts must agree with it exactly, text and offset map. Traditional characters
// fold to simplified ones by the table in seeds/reference.
const { pairs } = JSON.parse(readFileSync('seeds/reference/traditional-simplified.json', 'utf8')) as { pairs: string };
const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < pairs.length; i += 2) SIMPLIFIED.set(pairs[i]!, pairs[i + 1]!);

function specNormalise(original: string): { text: string; map: number[] } {
  const chars: string[] = [];
  const origins: number[] = [];
  for (let i = 0; i < original.length; ) {
    const ch = String.fromCodePoint(original.codePointAt(i)!);
    for (const unit of ch.normalize('NFKC').split('')) {
      chars.push(SIMPLIFIED.get(unit) ?? unit);
      origins.push(i);
    }
    i += ch.length;
  }
  const text: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < chars.length; ) {
    if (/\s/u.test(chars[i]!)) {
      let j = i;
      while (j < chars.length && /\s/u.test(chars[j]!)) j++;
      const before = text[text.length - 1];
      const after = chars[j];
      if (before !== undefined && after !== undefined && !isCjk(before) && !isCjk(after)) {
        text.push(' ');
        map.push(origins[i]!);
      }
      i = j;
    } else {
      text.push(chars[i]!);
      map.push(origins[i]!);
      i++;
    }
  }
  return { text: text.join(''), map };
}

describe('fast normalisation', () => {
  it('equals the specification on the seeds, text and map', () => {
    for (const f of readdirSync('seeds').filter((x) => x.endsWith('.txt'))) {
      const t = readFileSync(`seeds/${f}`, 'utf8');
      const spec = specNormalise(t);
      const fast = fastNormalise(t);
      expect(fast.text).toBe(spec.text);
      expect(fast.map).toEqual(spec.map);
      expect(normaliseWithMap(t)).toEqual(fast);
    }
  });

  it('equals the specification for every BMP character between Latin and CJK neighbours', () => {
    const bad: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const t = `a${ch} b中 ${ch}x\u3000${ch}`;
      if (fastNormaliseText(t) !== specNormalise(t).text) bad.push(cp.toString(16));
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
