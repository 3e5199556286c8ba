import { describe, expect, it } from 'vitest';
import { PASSAGE_TERMS, findMatches, makeSnippet, queryTerms, toLuceneQuery } from './search.js';

describe('toLuceneQuery', () => {
  it('quotes each term as a phrase so a Chinese term matches as a contiguous string', () => {
    expect(toLuceneQuery('津体惠')).toBe('"津体惠"');
    expect(toLuceneQuery('cold  chain')).toBe('"cold" "chain"');
  });

  it('escapes every Lucene operator so user text stays text', () => {
    const q = toLuceneQuery('a+b (c) "d" e* f:g ~h \\ i/j [k] {l} ^m ! &&')!;
    // Inside the phrases, every special character is preceded by a backslash.
    for (const ch of ['+', '(', ')', '"d', '*', ':', '~', '/', '[', ']', '{', '}', '^', '!', '&']) {
      const unescaped = new RegExp(`(^|[^\\\\])\\${ch[0]}`);
      const inner = q.split('" "').map((p) => p.replace(/^"|"$/g, ''));
      for (const part of inner) expect(part).not.toMatch(unescaped);
    }
  });

  it('turns bare boolean keywords into plain words', () => {
    expect(toLuceneQuery('冷链 AND 物流 OR NOT')).toBe('"冷链" "and" "物流" "or" "not"');
  });

  it('normalises full-width text before querying and refuses empty input', () => {
    expect(toLuceneQuery('５Ｇ')).toBe('"5G"');
    expect(toLuceneQuery('   ')).toBeNull();
  });

  it('bounds the query of a passage to its distinctive bigrams, whatever its length', () => {
    const passage = '加快推进冷链物流基础设施建设，完善农产品产地冷藏保鲜设施网络，支持企业建设区域性冷链物流配送中心和中央厨房，推广“网农对接”模式。'.repeat(20);
    const q = toLuceneQuery(passage)!;
    const terms = q.match(/"[^"]+"/g)!;
    expect(terms.length).toBeLessThanOrEqual(PASSAGE_TERMS);
    expect(terms.length).toBeGreaterThan(10);
    // No bigram with a function character, every term a quoted bigram.
    for (const t of terms) expect(t).toMatch(/^"[^的和与及等在对为]{2}"$/);
    expect(toLuceneQuery(passage, true)).toBe(q);
    expect(toLuceneQuery('冷链物流')).toBe('"冷链物流"');
  });

  it('drops the quotes in loose mode', () => {
    expect(toLuceneQuery('冷链 物流', true)).toBe('冷链 物流');
  });
});

describe('snippets and highlights', () => {
  it('finds whole terms case-insensitively and merges overlaps', () => {
    expect(findMatches('Cold chain and COLD storage', ['cold'])).toEqual([
      { start: 0, end: 4 },
      { start: 15, end: 19 },
    ]);
    expect(findMatches('冷链物流冷链', ['冷链', '链物'])).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 6 },
    ]);
  });

  it('falls back to two-character pieces when a Chinese term does not occur whole', () => {
    expect(findMatches('发展冷藏与物流', ['冷藏物流'])).toEqual([
      { start: 2, end: 4 },
      { start: 5, end: 7 },
    ]);
  });

  it('cuts a window around the first match and shifts the highlights into it', () => {
    const text = `${'前'.repeat(100)}津体惠${'后'.repeat(100)}`;
    const { snippet, highlights } = makeSnippet(text, queryTerms('津体惠'), 40);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(highlights).toHaveLength(1);
    expect(snippet.slice(highlights[0]!.start, highlights[0]!.end)).toBe('津体惠');
  });

  it('keeps a short text whole', () => {
    expect(makeSnippet('津体惠', ['津体惠'])).toEqual({ snippet: '津体惠', highlights: [{ start: 0, end: 3 }] });
  });
});
