import { describe, expect, it } from 'vitest';
import { highlightRanges } from './highlight.js';

describe('highlightRanges', () => {
  it('marks every occurrence and leaves the rest', () => {
    expect(highlightRanges('冷链物流与冷链仓储', ['冷链'])).toEqual([
      { text: '冷链', marked: true },
      { text: '物流与', marked: false },
      { text: '冷链', marked: true },
      { text: '仓储', marked: false },
    ]);
  });
  it('matches across layout line breaks kept in the original text', () => {
    const parts = highlightRanges('发展冷\n链物流', ['冷链物流']);
    expect(parts).toEqual([
      { text: '发展', marked: false },
      { text: '冷\n链物流', marked: true },
    ]);
  });
  it('merges overlapping phrases and ignores empty ones', () => {
    const parts = highlightRanges('智慧商圈建设', ['智慧商圈', '商圈建设', '']);
    expect(parts).toEqual([{ text: '智慧商圈建设', marked: true }]);
  });
  it('returns the text unmarked when nothing matches', () => {
    expect(highlightRanges('老字号', ['5G'])).toEqual([{ text: '老字号', marked: false }]);
  });
});
