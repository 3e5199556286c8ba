// Side-by-side comparison of two versions of a measure, in the manner of a legal database's
// 对照版: both texts cut into clauses (at 。 and ；), clauses aligned in order, and a word-level
// diff (jieba words) only inside a clause that changed. Pure: the resolver feeds it two texts.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { diffArrays } from 'diff';
import type { MeasureRecord } from '../db/read/measures.js';

export type ClauseKind = 'same' | 'changed' | 'added' | 'removed';

export interface DiffPartRecord {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

export interface ClauseRowRecord {
  kind: ClauseKind;
  /** The clause of the earlier text (null for an added clause). */
  left: string | null;
  /** The clause of the later text (null for a removed clause). */
  right: string | null;
  /** Share of words the two clauses have in common (0–1); 1 for same, 0 for added/removed. */
  similarity: number;
  /** Word-level diff from left to right, for changed clauses only. */
  parts: DiffPartRecord[];
}

export interface ComparisonRecord {
  rows: ClauseRowRecord[];
  /** Words the two texts share, over all their distinct words (0–1). */
  similarity: number;
  sharedWords: number;
  totalWords: number;
}

let jieba: Jieba | undefined;
function words(text: string): string[] {
  // The dictionary loads in ~0.3 s: only when a comparison is first asked for.
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, false);
}

/**
 * Layout line breaks and the spaces PDF extraction leaves between Chinese characters are not
 * edits: texts are compared in a flattened form.
 */
export function flatten(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Clauses, each keeping its closing 。 or ； (so the texts rebuild exactly from the rows). */
export function splitClauses(text: string): string[] {
  const flat = flatten(text);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] === '。' || flat[i] === '；' || flat[i] === ';') {
      out.push(flat.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < flat.length) out.push(flat.slice(start));
  return out.map((c) => c.trim()).filter((c) => c !== '');
}

const PUNCT = /^[\p{P}\p{S}\s]+$/u;
/** The words that carry content: punctuation is not a shared word. */
function contentWords(text: string): string[] {
  return words(text).filter((w) => !PUNCT.test(w));
}

/** Dice coefficient over the two clauses' word sets. */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  return (2 * shared) / (sa.size + sb.size);
}

/** Below this the two clauses are different clauses, not two wordings of one. */
export const ALIGN_THRESHOLD = 0.3;

/**
 * Aligns clauses in order (Needleman–Wunsch: a match earns its similarity, a gap nothing), so
 * a clause inserted in the middle does not shift every pairing after it.
 */
export function alignClauses(left: readonly string[], right: readonly string[]): ClauseRowRecord[] {
  const lw = left.map(contentWords);
  const rw = right.map(contentWords);
  const n = left.length;
  const m = right.length;
  const sim: number[][] = lw.map((a) => rw.map((b) => wordSimilarity(a, b)));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim[i]![j]!;
      const match = s >= ALIGN_THRESHOLD ? s + best[i + 1]![j + 1]! : -Infinity;
      best[i]![j] = Math.max(match, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const rows: ClauseRowRecord[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = sim[i]![j]!;
      if (s >= ALIGN_THRESHOLD && best[i]![j] === s + best[i + 1]![j + 1]!) {
        const same = left[i] === right[j];
        rows.push({ kind: same ? 'same' : 'changed', left: left[i]!, right: right[j]!, similarity: same ? 1 : s, parts: same ? [] : wordDiff(left[i]!, right[j]!) });
        i++;
        j++;
        continue;
      }
      // Keep the earlier text's order: a removed clause is listed before the added one beside it.
      if (best[i]![j] === best[i + 1]![j]) {
        rows.push({ kind: 'removed', left: left[i]!, right: null, similarity: 0, parts: [] });
        i++;
      } else {
        rows.push({ kind: 'added', left: null, right: right[j]!, similarity: 0, parts: [] });
        j++;
      }
    } else if (i < n) {
      rows.push({ kind: 'removed', left: left[i]!, right: null, similarity: 0, parts: [] });
      i++;
    } else {
      rows.push({ kind: 'added', left: null, right: right[j]!, similarity: 0, parts: [] });
      j++;
    }
  }
  return rows;
}

/** Word-level diff (jieba words) of two clauses; adjacent parts of one kind are merged. */
export function wordDiff(a: string, b: string): DiffPartRecord[] {
  const parts: DiffPartRecord[] = [];
  for (const change of diffArrays(words(a), words(b))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ text, kind });
  }
  return parts;
}

export function compareTexts(earlier: string, later: string): ComparisonRecord {
  const rows = alignClauses(splitClauses(earlier), splitClauses(later));
  const a = new Set(contentWords(flatten(earlier)));
  const b = new Set(contentWords(flatten(later)));
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const total = new Set([...a, ...b]).size;
  return { rows, similarity: total === 0 ? 1 : shared / total, sharedWords: shared, totalWords: total };
}

/** The API's Comparison: the two measures and their clause rows. */
export interface ComparisonWithMeasures extends ComparisonRecord {
  a: MeasureRecord;
  b: MeasureRecord;
}
