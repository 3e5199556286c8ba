// "Paste a paragraph of a new policy, find the measures it resembles": a passage is matched
// through the full-text index with a bounded query of its distinctive bigrams (db/read/search),
// then the candidates are ranked by the lineage linker's own measure of likeness, the cosine of
// their subject words (segmented words without the genre's stock vocabulary, ingest/link/terms).
import { normalise } from '../ingest/normalise.js';
import { isStockWord, measureTerms } from '../ingest/link/terms.js';
import * as search from '../db/read/search.js';
import type { Reader } from '../db/read/reader.js';

/** Candidates fetched per hit returned: the index ranks roughly, the cosine decides. */
const CANDIDATES_PER_HIT = 3;
const MAX_CANDIDATES = 200;

/** A passage rather than a phrase (see search.PHRASE_MAX). */
export function isPassage(text: string): boolean {
  return search.queryTerms(text).join('').length > search.PHRASE_MAX;
}

function subjectWords(normText: string): Map<string, number> {
  const counts = new Map<string, number>();
  const { words, quoted } = measureTerms(normText);
  for (const w of [...words, ...quoted]) if (!isStockWord(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Cosine of two word-count vectors, in [0, 1]. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** How much `text` resembles `passage`: the cosine of their subject words. */
export function resemblance(passage: string, text: string): number {
  return cosine(subjectWords(normalise(passage)), subjectWords(text));
}

/**
 * The hits a passage resembles most, best first, `score` being the resemblance (0–1). Without
 * `types`, measures only: that is what a pasted paragraph is compared with.
 */
export async function searchPassage(
  reader: Reader,
  passage: string,
  types: readonly search.SearchType[] | null,
  first: number,
): Promise<search.SearchHitRecord[]> {
  const candidates = await search.search(reader, passage, types ?? ['Measure'], Math.min(MAX_CANDIDATES, first * CANDIDATES_PER_HIT));
  const query = subjectWords(normalise(passage));
  return candidates
    .map((hit) => ({ ...hit, score: Math.round(cosine(query, subjectWords(hit.text)) * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, first);
}
