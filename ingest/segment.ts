// segment: the original text cut into lines and ranges, and normalised views of ranges that
// remember where each character came from. Parsers find structure in the normalised view (where
// "（五）" and "(五)" are one marker and a PDF line break inside a word is gone) and map every
// finding back to exact offsets of the original, so spans always slice the text as written.
import { normalise, normaliseRange, normaliseWithMap } from './normalise.js';

export interface Line {
  /**
   * 0-based position in the list. A flattened line gives several (runInLines), so the file's line
   * number is read from `start` (LineIndex), never from this.
   */
  index: number;
  start: number;
  /** End of the content, before '\r\n' or '\n'. */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const rawEnd = nl === -1 ? text.length : nl;
    const end = rawEnd > start && text.charCodeAt(rawEnd - 1) === 13 ? rawEnd - 1 : rawEnd;
    for (const [a, b] of runInLines(text, start, end)) lines.push({ index: lines.length, start: a, end: b, text: text.slice(a, b) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

// A copy that lost its line breaks (a page flattened to one line) keeps a space where each
// paragraph began: 圆满完成。 一、加快提振市场信心 (一)全面促进消费增长。 1.把恢复…
const RUN_IN_MARKER = /[ \t\u3000]+(?=(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、])\p{Script=Han})/gu;
const RUN_IN_MIN_LENGTH = 300;

// A copy flattened with no space at all (a document-sharing site's text layer) starts its
// paragraphs right after the sentence before: 特制定本意见。一、加强领导… 。(一)举办… 。1、此项活动…
const SENTENCE_MARKER = /(?<=[。；;！？!?])[ \t\u3000]*(?=((?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、]))\p{Script=Han})/gu;

/** The family and value of an item marker (一、 → cn 1, (二) → paren 2, 3. → digit 3). */
function markerValue(marker: string): [string, number] {
  const digits = /\d+/u.exec(marker);
  if (digits) return ['digit', Number(digits[0])];
  return [/^[(（]/u.test(marker) ? 'paren' : 'cn', chineseNumber(marker.replace(/[(（)）、]/gu, '')) ?? 0];
}

/**
 * Markers after sentence ends are an outline when one family of them counts 1, 2 in order: a
 * sentence may hold one list marker (…。3、4月份), not the start of a numbered sequence.
 */
function isOutline(markers: string[]): boolean {
  const firstOf = new Map<string, number>();
  for (const [k, m] of markers.entries()) {
    const [family, value] = markerValue(m);
    if (value === 1 && !firstOf.has(family)) firstOf.set(family, k);
    if (value === 2 && (firstOf.get(family) ?? Infinity) < k) return true;
  }
  return false;
}

/** [start, end) cut where a flattened line starts its paragraphs; the line itself when it is not one. */
function runInLines(text: string, start: number, end: number): [number, number][] {
  if (end - start < RUN_IN_MIN_LENGTH) return [[start, end]];
  const line = text.slice(start, end);
  let cuts: { index: number; length: number }[] = [...line.matchAll(RUN_IN_MARKER)].filter((m) => m.index > 0).map((m) => ({ index: m.index, length: m[0].length }));
  if (cuts.length < 3) {
    const glued = [...line.matchAll(SENTENCE_MARKER)];
    if (glued.length >= 3 && isOutline(glued.map((m) => m[1]!))) cuts = glued.map((m) => ({ index: m.index, length: m[0].length }));
  }
  // One marker after a space may be a sentence's own (…共 3、…); a flattened outline has several.
  if (cuts.length < 3) return [[start, end]];
  const out: [number, number][] = [];
  let a = start;
  for (const m of cuts) {
    out.push([a, start + m.index]);
    a = start + m.index + m.length;
  }
  out.push([a, end]);
  return out;
}

const SPACE = /[\s\u3000\ufeff]/u;

export function isBlank(s: string): boolean {
  for (const ch of s) if (!SPACE.test(ch)) return false;
  return true;
}

/** [start, end) narrowed to exclude whitespace (including the ideographic space) at both ends. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return [start, end];
}

/** A normalised view of original[start, end): `map[i]` is the absolute original offset of text[i]. */
export interface NormView {
  text: string;
  map: number[];
  start: number;
  end: number;
}

export function normView(original: string, start: number, end: number): NormView {
  const { text, map } = fastNormalise(original, start, end);
  return { text, map, start, end };
}

/** The normalised form of original[start, end) with absolute offsets (see normalise.ts). */
export function fastNormalise(original: string, start = 0, end = original.length): { text: string; map: number[] } {
  return normaliseRange(original, start, end);
}

export { normalise as fastNormaliseText, normaliseWithMap };

/** Original [start, end) covering normalised [i, j) of a view (j exclusive, j > i). */
export function originalRange(original: string, view: NormView, i: number, j: number): [number, number] {
  const s = view.map[i]!;
  const lastOrigin = view.map[j - 1]!;
  const cp = original.codePointAt(lastOrigin)!;
  return [s, lastOrigin + (cp > 0xffff ? 2 : 1)];
}

/** Whitespace removed: the heading or label as written minus layout. */
export function squeeze(s: string): string {
  return s.replace(/[\s\u3000]+/gu, '');
}

const NUMERALS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a Chinese numeral up to the hundreds (一 → 1, 十二 → 12, 二十六 → 26, 一百零三 → 103). */
export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/u.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const ch of s) {
    if (ch in NUMERALS) {
      digit = NUMERALS[ch]!;
      seen = true;
    } else if (ch === '十') {
      total += (seen ? digit : 1) * 10;
      digit = 0;
      seen = false;
    } else if (ch === '百') {
      total += (seen ? digit : 1) * 100;
      digit = 0;
      seen = false;
    } else return undefined;
  }
  return total + digit;
}
