// segment: the original text cut into lines and ranges, and normalised views of ranges that
// remember where each character came from. Parsers find structure in the normalised view (where
// "（五）" and "(五)" are one marker and a PDF line break inside a word is gone) and map every
// finding back to exact offsets of the original, so spans always slice the text as written.
import { isCjk, normaliseWithMap } from './normalise.js';

export interface Line {
  /** 0-based index; line number is index + 1. */
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
    lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
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

/**
 * The same result as normaliseWithMap (tested against it), with absolute offsets, in one pass
 * and with the NFKC fold of each BMP character computed once per process: parsing and
 * assembling spend most of their time here, and nearly every character of a policy text folds
 * to itself.
 */
export function fastNormalise(original: string, start = 0, end = original.length): { text: string; map: number[] } {
  return fold(original, start, end, true) as { text: string; map: number[] };
}

/** normalise(), through the same fold. */
export function fastNormaliseText(s: string): string {
  return fold(s, 0, s.length, false).text;
}

const FOLD: (string | null | undefined)[] = new Array(0x10000);

function isSpaceUnit(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function fold(original: string, start: number, end: number, withMap: boolean): { text: string; map?: number[] } {
  let out = '';
  const map: number[] | undefined = withMap ? [] : undefined;
  let last = ''; // last unit written, for the whitespace rule
  let pending = -1; // origin of a whitespace run not yet decided

  const emit = (unit: string, origin: number) => {
    const c = unit.charCodeAt(0);
    if (isSpaceUnit(c)) {
      if (pending === -1) pending = origin;
      return;
    }
    if (pending !== -1) {
      // Whitespace is layout when either neighbour is CJK (or it is at an edge); else one space.
      if (last !== '' && !isCjk(last) && !isCjk(unit)) {
        out += ' ';
        map?.push(pending);
      }
      pending = -1;
    }
    out += unit;
    map?.push(origin);
    last = unit;
  };

  for (let i = start; i < end; ) {
    const c = original.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      let f = FOLD[c];
      const ch = original[i]!;
      if (f === undefined) {
        const n = ch.normalize('NFKC');
        f = n === ch ? null : n;
        FOLD[c] = f;
      }
      if (f === null) emit(ch, i);
      else for (let k = 0; k < f.length; k++) emit(f[k]!, i);
      i++;
    } else {
      const cp = original.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const n = ch.normalize('NFKC');
      for (let k = 0; k < n.length; k++) emit(n[k]!, i);
      i += ch.length;
    }
  }
  return { text: out, map };
}

export { normaliseWithMap };

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
