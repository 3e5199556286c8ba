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

describe('lines of a copy that lost its line breaks', () => {
  it('starts a line at each item marker a flattened page keeps after a space', () => {
    const head = '某省人民政府关于明确重点工作责任单位的通知 现将重点工作任务予以分解并明确责任单位。'.repeat(6);
    const text = `${head} 一、加快提振市场信心 (一)全面促进消费增长。 1.把恢复和扩大消费摆在优先位置。(省商务厅负责) 2.落实好提振市场信心措施。(省发展改革委牵头)`;
    const lines = splitLines(text).map((l) => l.text);
    expect(lines).toEqual([head, '一、加快提振市场信心', '(一)全面促进消费增长。', '1.把恢复和扩大消费摆在优先位置。(省商务厅负责)', '2.落实好提振市场信心措施。(省发展改革委牵头)']);
    for (const l of splitLines(text)) expect(text.slice(l.start, l.end)).toBe(l.text);
  });

  it('starts a line at each item marker glued to the sentence before it, when the markers count 1, 2', () => {
    const head = '为扩大社会消费,实现我区商贸流通业的平稳较快发展,特制定本实施意见。'.repeat(9);
    const text = `${head}一、加强领导,成立扩大消费工作领导小组。二、开展促销活动,营造商业氛围。(一)举办服装展销会。1、此项活动由区商务局组织实施。2、由区商务局牵头,全面负责活动的组织实施。`;
    const lines = splitLines(text).map((l) => l.text);
    expect(lines).toEqual([head, '一、加强领导,成立扩大消费工作领导小组。', '二、开展促销活动,营造商业氛围。', '(一)举办服装展销会。', '1、此项活动由区商务局组织实施。', '2、由区商务局牵头,全面负责活动的组织实施。']);
    for (const l of splitLines(text)) expect(text.slice(l.start, l.end)).toBe(l.text);
  });

  it('does not cut at list markers after sentence ends that do not count 1, 2', () => {
    const text = '全年新增就业岗位。3、5个重点项目开工。(三)类项目另行安排。二、三季度完成验收。'.repeat(10);
    expect(splitLines(text)).toHaveLength(1);
  });

  it('leaves short lines and ordinary sentences alone', () => {
    expect(splitLines('一、总体要求 1.坚持统一领导').map((l) => l.text)).toEqual(['一、总体要求 1.坚持统一领导']);
    const long = '全年新增就业岗位 3、5个重点项目开工。'.repeat(20);
    expect(splitLines(long)).toHaveLength(1);
  });
});
