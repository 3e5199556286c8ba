import { describe, expect, it } from 'vitest';
import { alignClauses, compareTexts, splitClauses, wordDiff } from './compare.js';

describe('splitClauses', () => {
  it('cuts at 。 and ； and keeps the mark, ignoring layout line breaks', () => {
    expect(splitClauses('加快建设\n基站。推进应用；完善政策')).toEqual(['加快建设基站。', '推进应用；', '完善政策']);
  });
});

describe('alignClauses', () => {
  it('pairs reworded clauses, and marks a clause inserted in the middle as added without shifting the rest', () => {
    const left = ['加快5G基站建设。', '推进工业互联网应用。', '完善配套政策。'];
    const right = ['加快5G基站规模化建设。', '开展智慧城市试点。', '推进工业互联网应用。', '完善配套政策。'];
    const rows = alignClauses(left, right);
    expect(rows.map((r) => r.kind)).toEqual(['changed', 'added', 'same', 'same']);
    expect(rows[1]!.right).toBe('开展智慧城市试点。');
  });

  it('marks a dropped clause as removed', () => {
    const rows = alignClauses(['建设冷链物流中心。', '培育老字号品牌。'], ['建设冷链物流中心。']);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'removed']);
  });
});

describe('wordDiff', () => {
  it('diffs whole words, not characters', () => {
    const parts = wordDiff('推动基础电信企业建设', '引导基础电信企业建设');
    expect(parts.find((p) => p.kind === 'removed')?.text).toBe('推动');
    expect(parts.find((p) => p.kind === 'added')?.text).toBe('引导');
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('推动基础电信企业建设');
  });
});

describe('compareTexts', () => {
  it('reports the share of shared words', () => {
    const c = compareTexts('建设冷链物流中心。', '建设冷链物流中心。');
    expect(c.similarity).toBe(1);
    expect(c.sharedWords).toBe(c.totalWords);
    expect(compareTexts('建设冷链物流中心。', '培育老字号品牌。').similarity).toBeLessThan(0.2);
  });
});
