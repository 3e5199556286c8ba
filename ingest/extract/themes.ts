// Theme tagging against a taxonomy file (seeds/reference/themes.json). Every tag carries the words
// that triggered it, so a researcher can check it against the text; no words, no tag.
//
// Matching is one pass over the text with a character trie of all synonyms and exclusions
// (Aho–Corasick without failure links: from each position we walk the trie as far as it goes;
// synonyms are short, so the cost is linear in the text for practical purposes). Overlaps are
// resolved by the longest match, so 跨境电商 does not also count as 电商 at the same place.
import { readFileSync } from 'node:fs';
import { normalise } from '../normalise.js';
import type { GraphNode } from '../types.js';

export interface ThemeDefinition {
  id: string; // slug, e.g. 'cold-chain'; node id is 'theme:<slug>'
  name: string; // Chinese name
  nameEn: string;
  synonyms: string[]; // phrases whose occurrence tags the theme
  exclusions: string[]; // phrases containing a synonym that do not mean the theme
}

interface TrieNode {
  /** Keyed by UTF-16 code unit: indexing a string by character would allocate a string per CJK character. */
  next: Map<number, TrieNode>;
  /** Patterns ending here: theme index and whether it is an exclusion. */
  out: { theme: number; exclusion: boolean; length: number }[];
}

export interface ThemeTaxonomy {
  version: number;
  themes: ThemeDefinition[];
  /** Compiled matcher (built by compileThemes / loadThemes). */
  trie: TrieNode;
}

export interface ThemeMatch {
  themeId: string; // 'theme:<slug>'
  evidence: string[]; // the matched words, as they appear in the normalised text
}

const ASCII_WORD = /[a-z0-9]/u;

function matchKey(s: string): string {
  return normalise(s).toLowerCase();
}

export function compileThemes(themes: ThemeDefinition[], version = 1): ThemeTaxonomy {
  const ids = new Set<string>();
  const root: TrieNode = { next: new Map(), out: [] };
  themes.forEach((t, index) => {
    if (!/^[a-z0-9][a-z0-9-]*$/u.test(t.id)) throw new Error(`theme id "${t.id}" must be a lowercase slug`);
    if (ids.has(t.id)) throw new Error(`theme id "${t.id}" is defined twice`);
    ids.add(t.id);
    const add = (phrase: string, exclusion: boolean): void => {
      const key = matchKey(phrase);
      if (!key) return;
      let node = root;
      for (let k = 0; k < key.length; k++) {
        const code = key.charCodeAt(k);
        let child = node.next.get(code);
        if (!child) {
          child = { next: new Map(), out: [] };
          node.next.set(code, child);
        }
        node = child;
      }
      if (!node.out.some((o) => o.theme === index && o.exclusion === exclusion)) {
        node.out.push({ theme: index, exclusion, length: key.length });
      }
    };
    for (const s of t.synonyms) add(s, false);
    for (const s of t.exclusions) add(s, true);
  });
  return { version, themes, trie: root };
}

export function loadThemes(file = 'seeds/reference/themes.json'): ThemeTaxonomy {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; themes?: ThemeDefinition[] };
  if (!Array.isArray(parsed.themes)) throw new Error(`${file}: missing "themes" array`);
  return compileThemes(parsed.themes, parsed.version ?? 1);
}

interface Hit {
  start: number;
  end: number;
  theme: number;
}

/**
 * Themes of one measure's normalised text, in taxonomy order. Rules:
 * - an occurrence inside an exclusion phrase of the same theme does not count;
 * - a theme whose every occurrence is one item of an enumeration of three or more short items
 *   ("商场、景区、体育场馆"), or of a list that 等 closes as a scope ("旅游、教育等消费领域"),
 *   is a scope mention, not the measure's
 *   subject, and is not tagged; one occurrence outside such a list is enough to tag it;
 * - an occurrence covered by a strictly longer occurrence of another theme does not count;
 * - Latin synonyms only match whole tokens ('5G' not in 'A5G1'), case-insensitively.
 */
export function extractThemes(normText: string, taxonomy: ThemeTaxonomy): ThemeMatch[] {
  // Lower-casing keeps code-unit positions for the text we match (NFKC output is mostly ASCII-safe).
  const lower = normText.toLowerCase();
  const text = lower.length === normText.length ? lower : normText;
  const hits: Hit[] = [];
  const excluded: Hit[] = [];
  for (let i = 0; i < text.length; i++) {
    let node: TrieNode | undefined = taxonomy.trie;
    for (let j = i; j < text.length; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) break;
      for (const o of node.out) {
        const start = i;
        const end = j + 1;
        if (ASCII_WORD.test(text[start]!) && start > 0 && ASCII_WORD.test(text[start - 1]!)) continue;
        if (ASCII_WORD.test(text[end - 1]!) && end < text.length && ASCII_WORD.test(text[end]!)) continue;
        (o.exclusion ? excluded : hits).push({ start, end, theme: o.theme });
      }
    }
  }
  const kept = hits.filter((h) => {
    if (excluded.some((x) => x.theme === h.theme && x.start <= h.start && h.end <= x.end)) return false;
    return !hits.some(
      (o) => o.theme !== h.theme && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start,
    );
  });
  // Enumerations never cross a clause, so they are looked for only in the clauses of hits that
  // have a 、 nearby (scanning the whole text with the list patterns costs more than matching).
  const clauseLists = new Map<number, [number, number][]>();
  const inList = (h: Hit): boolean => {
    const near = text.slice(Math.max(0, h.start - 9), h.end + 9);
    if (!near.includes('、')) return false;
    let a = h.start;
    while (a > 0 && !CLAUSE_END.test(text[a - 1]!)) a--;
    let b = h.end;
    while (b < text.length && !CLAUSE_END.test(text[b]!)) b++;
    let spans = clauseLists.get(a);
    if (!spans) {
      spans = enumerationSpans(text.slice(a, b)).map(([x, y]) => [x + a, y + a] as [number, number]);
      clauseLists.set(a, spans);
    }
    return spans.some(([x, y]) => x <= h.start && h.end <= y);
  };
  const byTheme = new Map<number, Hit[]>();
  for (const h of kept) byTheme.set(h.theme, [...(byTheme.get(h.theme) ?? []), h]);
  for (const [theme, themeHits] of byTheme) if (themeHits.every(inList)) byTheme.delete(theme);
  const result: ThemeMatch[] = [];
  for (const [theme, themeHits] of [...byTheme.entries()].sort((a, b) => a[0] - b[0])) {
    // Within a theme, report the longest words (冷链物流 rather than 冷链 inside it), first occurrence order.
    const maximal = themeHits.filter(
      (h) => !themeHits.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start),
    );
    maximal.sort((a, b) => a.start - b.start);
    const evidence = [...new Set(maximal.map((h) => normText.slice(h.start, h.end)))];
    result.push({ themeId: `theme:${taxonomy.themes[theme]!.id}`, evidence });
  }
  return result;
}

const CLAUSE_END = /[,，。;；:：!?！？]/u;

// An item of an enumeration: a short run without punctuation (NFKC forms and the CJK ones).
const ITEM = String.raw`[^、,，。;；:：()（）\s]{1,8}`;
const ENUMERATION = new RegExp(String.raw`${ITEM}(?:、${ITEM}){2,}(?:(?:和|及|以及)${ITEM})?`, 'gu');
// "丰富旅游、教育等消费领域…": even two items are a scope when 等 names the kind of thing listed.
const SCOPE = new RegExp(String.raw`${ITEM}(?:、${ITEM})+等[^,，。;；]{0,4}?(?:领域|行业|方面|环节|资源)`, 'gu');

/**
 * Spans of enumerations of three or more items, and of lists that 等 closes as a scope. A list
 * with quoted items names the programmes or models the measure promotes (拓展“直播+商品”、
 * “直播+旅游”…等营销模式): it is the subject, not a scope, so it is left out.
 */
function enumerationSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const first = text.indexOf('、');
  if (first === -1) return spans;
  // Cheap preconditions first: the patterns are tried at every position otherwise.
  const patterns = text.indexOf('、', first + 1) !== -1 ? [ENUMERATION] : [];
  if (text.includes('等')) patterns.push(SCOPE);
  for (const re of patterns) {
    for (const m of text.matchAll(re)) if (!m[0].includes('“')) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** Theme nodes (id, labels ['Theme'], properties {name, nameEn, synonyms}). */
export function themeNodes(taxonomy: ThemeTaxonomy): GraphNode[] {
  return taxonomy.themes.map((t) => ({
    id: `theme:${t.id}`,
    labels: ['Theme'],
    properties: { name: t.name, nameEn: t.nameEn, synonyms: [...t.synonyms] },
  }));
}
