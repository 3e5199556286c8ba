import { describe, expect, it } from 'vitest';
import { diffTexts, flattenForDiff, keptShare } from './diff.js';

describe('flattenForDiff', () => {
  it('joins layout line breaks and drops spaces between Chinese characters', () => {
    expect(flattenForDiff('加快5G\n网络 建设，\n  推进 应用')).toBe('加快5G网络建设，推进应用');
  });
  it('keeps spaces between Latin words', () => {
    expect(flattenForDiff('cold  chain')).toBe('cold chain');
  });
});

describe('diffTexts', () => {
  it('marks added and removed characters and reproduces both texts', () => {
    const parts = diffTexts('加快5G基站建设', '加快推进5G基站规模化建设');
    const earlier = parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('');
    const later = parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('');
    expect(earlier).toBe('加快5G基站建设');
    expect(later).toBe('加快推进5G基站规模化建设');
    expect(parts.some((p) => p.kind === 'added' && p.text.includes('推进'))).toBe(true);
  });
  it('ignores line-break-only differences', () => {
    expect(diffTexts('发展冷链\n物流', '发展冷链物流')).toEqual([{ text: '发展冷链物流', kind: 'same' }]);
  });
  it('reports the kept share of the later text', () => {
    expect(keptShare(diffTexts('abcd', 'abcd'))).toBe(1);
    expect(keptShare(diffTexts('abcd', 'wxyz'))).toBe(0);
  });
});
