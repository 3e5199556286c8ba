import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise.js';
import { parseDocument } from '../parse/document.js';
import { splitLines } from '../segment.js';
import { furnitureLines, isImageName, isPageNumber } from './furniture.js';

describe('page furniture', () => {
  it('recognises page numbers in their usual forms', () => {
    for (const l of ['— 3 —', '-3-', '－ 12 －', '第3页 共10页', '第 3 页', '3/10']) expect(isPageNumber(l), l).toBe(true);
    for (const l of ['3', '2023年', '一、总体要求', '（3）推进建设']) expect(isPageNumber(l), l).toBe(false);
  });

  it('skips a picture\'s file name left on a reposted page, whose digits are no item number', () => {
    for (const l of ['640.webp.jpg', 'image001.png', ' 2.JPEG ']) expect(isImageName(l), l).toBe(true);
    for (const l of ['1.加强组织领导', '附件1.docx', '640.webp.jpg是图片']) expect(isImageName(l), l).toBe(false);
    const text = [
      '宁波公布2025年工作任务分解', '', '640.webp.jpg', '', '2025年是“十四五”规划收官之年,做好今年工作意义重大。', '',
      '2025年工作任务分解清单', '', '一、市长牵头重点工作', '', '1.一般公共预算收入增长2%。', '', '牵头单位:市财政局', '',
      '2.探索设立产业链集群发展基金。', '', '牵头单位:市财政局', '',
    ].join('\n');
    const measures = parseDocument({ file: 'x.txt', text, encoding: 'UTF-8', sha256: 'z'.repeat(64) }).doc.measures;
    expect(measures.map((m) => m.text)).toEqual(['一般公共预算收入增长2%。', '探索设立产业链集群发展基金。']);
  });

  it('takes a short line repeated on page after page for a running header, not a title printed twice', () => {
    const page = (n: number) => ['江北区人民政府公报', `第${n}段正文，内容不同。`, '内容', '内容', '内容', '内容', '内容'].join('\n');
    const lines = splitLines(['某方案', '某方案', page(1), page(2), page(3)].join('\n'));
    const skip = furnitureLines(lines);
    expect(lines.filter((l) => skip.has(l.index)).map((l) => l.text)).toEqual(['江北区人民政府公报', '江北区人民政府公报', '江北区人民政府公报']);
  });

  it('gives a CRLF copy of a seed with page footers the same measures and texts, after normalisation', () => {
    const file = 'seeds/000_82e49faece65b6da.txt';
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    // A footer after every 25th line, as a printed copy has; Windows line ends.
    const copy = lines.map((l, i) => (i > 0 && i % 25 === 0 ? `${l}\n— ${i / 25} —` : l)).join('\n').replace(/\n/gu, '\r\n');
    const sha = 'y'.repeat(64);
    const a = parseDocument({ file, text, encoding: 'UTF-8', sha256: sha }).doc.measures;
    const b = parseDocument({ file: 'copy.txt', text: copy, encoding: 'UTF-8', sha256: sha }).doc.measures;
    expect(b.map((m) => m.path)).toEqual(a.map((m) => m.path));
    expect(b.map((m) => normalise(m.text))).toEqual(a.map((m) => normalise(m.text)));
    expect(b.some((m) => /—\s*\d+\s*—/u.test(m.text))).toBe(false);
  });
});
