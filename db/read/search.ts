// Full-text search over the policyFulltext index (CJK analyzer), and the pure helpers that turn
// user text into a safe Lucene query and a hit into a highlighted snippet.
import { normalise } from '../../model/text.js';
import { FULLTEXT_INDEX } from '../migrations.js';
import { type Reader, type Row, str, int, num, strList } from './reader.js';

export const SEARCH_TYPES = ['Measure', 'Document', 'Department', 'Theme', 'Initiative'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface TextRange {
  start: number;
  end: number;
}

export interface SearchHitRecord {
  type: SearchType;
  id: string;
  label: string;
  score: number;
  year: number | null;
  snippet: string;
  highlights: TextRange[];
  /** The whole text the hit matched in (normalised form), for callers that re-rank. */
  text: string;
}

/**
 * The words of a query as the user meant them: split on whitespace first (normalisation would
 * drop a space between Chinese words, and the user typed it to separate terms), then normalised.
 */
export function queryTerms(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/\s+/u)
    .map((t) => normalise(t))
    .filter((t) => t !== '');
}

/**
 * Text longer than this (in characters, without spaces) is a passage, not a phrase: nobody
 * expects it to occur verbatim, and a Lucene query of every one of its bigrams can pass the
 * index's clause limit.
 */
export const PHRASE_MAX = 40;
/** Terms in the query of a passage: enough to rank by, few enough for any index. */
export const PASSAGE_TERMS = 32;

/** Characters that make a bigram carry grammar, not subject (的, 和, 等 …). */
const FUNCTION_CHARS = new Set([...'的了和与及等在对为是将把被并或其之以于中有向从由按']);
const CJK = /[\u3400-\u4DBF\u4E00-\u9FFF]/u;

/**
 * A bounded query for a passage: its distinct bigrams without function characters (Latin words
 * whole), at most PASSAGE_TERMS of them, rarest in the passage first and spread over it, as
 * alternatives. The index ranks the hits by how many, and how rare in the corpus, they share.
 */
export function distinctiveQuery(words: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const word of words) {
    const chars = [...word];
    if (!chars.some((c) => CJK.test(c))) {
      const w = word.replace(LUCENE_SPECIAL, '');
      if (w.length >= 2) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      if (!CJK.test(a) || !CJK.test(b) || FUNCTION_CHARS.has(a) || FUNCTION_CHARS.has(b)) continue;
      counts.set(a + b, (counts.get(a + b) ?? 0) + 1);
    }
  }
  const distinct = [...counts.keys()];
  if (distinct.length === 0) return null;
  // Bigrams repeated within the passage are its stock phrases; the first-seen order spreads the
  // picks over the whole passage.
  const ranked = distinct
    .map((term, i) => ({ term, i, n: counts.get(term)! }))
    .sort((x, y) => x.n - y.n || x.i - y.i)
    .slice(0, PASSAGE_TERMS)
    .sort((x, y) => x.i - y.i);
  return ranked.map((r) => `"${/^(and|or|not|to)$/i.test(r.term) ? r.term.toLowerCase() : r.term}"`).join(' ');
}

// Lucene's query syntax characters; escaped so that user text is only ever text.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * A Lucene query for user text: each whitespace-separated term as a quoted phrase, so a Chinese
 * term (which the CJK analyzer cuts into overlapping bigrams) matches as a contiguous string, and
 * terms are alternatives ranked by how many match. `loose` drops the quotes: any bigram matches.
 * Returns null when nothing searchable is left. The result is passed as a parameter, never
 * spliced into Cypher.
 */
export function toLuceneQuery(text: string, loose = false): string | null {
  const words = queryTerms(text);
  if (words.join('').length > PHRASE_MAX) return distinctiveQuery(words);
  const terms = words
    .map((t) => t.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    // A bare AND/OR/NOT would be an operator; the analyzer lowercases terms anyway.
    .map((t) => (/^(AND|OR|NOT|TO)$/.test(t) ? t.toLowerCase() : t))
    .filter((t) => t !== '');
  if (terms.length === 0) return null;
  return terms.map((t) => (loose ? t : `"${t}"`)).join(' ');
}

function merge(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function occurrences(haystack: string, needle: string): TextRange[] {
  const out: TextRange[] = [];
  if (needle === '') return out;
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase();
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) out.push({ start: i, end: i + n.length });
  return out;
}

/**
 * Where the query's terms occur in `text`: whole terms first; when a term does not occur whole
 * (a loose match), its two-character pieces, as the CJK analyzer matched them.
 */
export function findMatches(text: string, terms: readonly string[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const term of terms) {
    const whole = occurrences(text, term);
    if (whole.length > 0) {
      ranges.push(...whole);
      continue;
    }
    const chars = [...term];
    for (let i = 0; i + 1 < chars.length; i++) ranges.push(...occurrences(text, chars[i]! + chars[i + 1]!));
  }
  return merge(ranges);
}

/**
 * A window of about `width` characters of `text` around its first match, with `…` where cut,
 * and the matches' positions inside that window.
 */
export function makeSnippet(text: string, terms: readonly string[], width = 80): { snippet: string; highlights: TextRange[] } {
  const matches = findMatches(text, terms);
  if (text.length <= width) return { snippet: text, highlights: matches };
  const first = matches[0];
  let start = first ? Math.max(0, first.start - Math.floor(width / 4)) : 0;
  const end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const highlights = matches
    .filter((m) => m.end > start && m.start < end)
    .map((m) => ({ start: Math.max(m.start, start) - start + prefix.length, end: Math.min(m.end, end) - start + prefix.length }));
  return { snippet: prefix + text.slice(start, end) + suffix, highlights };
}

function labelOf(type: SearchType, r: Row): string {
  switch (type) {
    case 'Measure': {
      const text = str(r.normText) ?? str(r.text) ?? '';
      return text.length > 40 ? `${text.slice(0, 40)}…` : text;
    }
    case 'Document':
      return str(r.title) ?? str(r.docNumber) ?? str(r.id) ?? '';
    case 'Theme':
      return str(r.nameEn) ? `${str(r.name)} (${str(r.nameEn)})` : (str(r.name) ?? '');
    default:
      return str(r.name) ?? str(r.id) ?? '';
  }
}

/** The text a snippet is cut from: what the index matched for this kind of node. */
function searchedText(type: SearchType, r: Row): string {
  switch (type) {
    case 'Measure':
      return str(r.normText) ?? normalise(str(r.text) ?? '');
    case 'Document':
      return [str(r.title), str(r.docNumber)].filter(Boolean).join(' ');
    case 'Department':
      return [str(r.name), ...strList(r.aliases)].filter(Boolean).join(' · ');
    case 'Theme':
      return [str(r.name), str(r.nameEn), ...strList(r.synonyms)].filter(Boolean).join(' · ');
    default:
      return str(r.name) ?? '';
  }
}

// Up to $first hits of one Lucene query, of the wanted types, as maps. A measure's text as
// written is read only when its matching form is missing: long strings are what a hit costs.
const hitsOf = (query: string) => `
    CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', ${query}) YIELD node, score
    WITH node, score, [l IN labels(node) WHERE l IN $types][0] AS type
    WHERE type IS NOT NULL
    WITH node, score, type LIMIT $first
    RETURN collect({type: type, score: score,
                    node: node { .id, .normText, .title, .docNumber, .name, .nameEn, .aliases, .synonyms, .year,
                                 text: CASE WHEN node.normText IS NULL THEN node.text END }}) AS hits`;

// Phrase matching, and any-bigram matching only when the phrases found nothing: one round trip
// either way (the second index query runs only for a row the WHERE lets through).
const SEARCH_CYPHER = `
  CALL () { ${hitsOf('$query')} }
  WITH hits AS strict
  CALL (strict) {
    WITH strict WHERE size(strict) = 0 AND $loose IS NOT NULL
    ${hitsOf('$loose')}
  }
  RETURN CASE WHEN size(strict) > 0 THEN strict ELSE hits END AS hits`;

/**
 * Full-text search: phrase matching first; when that finds nothing, any-bigram matching, so a
 * near miss still answers. Hits are ordered by score, ties by id.
 */
export async function search(reader: Reader, text: string, types: readonly SearchType[] | null, first: number): Promise<SearchHitRecord[]> {
  const terms = queryTerms(text);
  const wanted = types && types.length > 0 ? [...types] : [...SEARCH_TYPES];
  const query = toLuceneQuery(text);
  if (query === null) return [];
  const loose = toLuceneQuery(text, true);
  const rows = await reader.rows(SEARCH_CYPHER, { query, loose: loose === query ? null : loose, types: wanted, first });
  const hits = ((rows[0]?.hits as Row[] | undefined) ?? []).map((row) => {
    const type = str(row.type) as SearchType;
    const node = (row.node ?? {}) as Row;
    const matched = searchedText(type, node);
    const { snippet, highlights } = makeSnippet(matched, terms);
    return {
      type,
      id: str(node.id) ?? '',
      label: labelOf(type, node),
      score: num(row.score) ?? 0,
      year: type === 'Measure' || type === 'Document' ? int(node.year) : null,
      snippet,
      highlights,
      text: matched,
    };
  });
  return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
