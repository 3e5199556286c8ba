// The matching form of Chinese policy text. The original is always kept for provenance; this
// form exists so that "5 万个", "5万个" and "５万个" compare equal, a PDF line break in the
// middle of a word does not split it, and a repost in traditional characters (牽頭, 負責) reads
// like its simplified original.
import { readFileSync } from 'node:fs';

const CJK = /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u201C\u201D\u2018\u2019\u3001\u3002\u300A-\u300F\u3010\u3011\u3014\u3015]/u;

/** True for a character after which (or before which) whitespace is only layout. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

export interface NormalisedText {
  text: string;
  /** For each code unit of `text`, the offset of the code unit it came from in the original. */
  map: number[];
}

// seeds/reference/traditional-simplified.json (generated from OpenCC by
// scripts/traditional-simplified.ts): one character for one character, so offsets hold.
const TRADITIONAL_FILE = new URL('../seeds/reference/traditional-simplified.json', import.meta.url);
let simplified: Map<string, string> | undefined;

function simplifiedOf(ch: string): string | undefined {
  if (!simplified) {
    const { pairs } = JSON.parse(readFileSync(TRADITIONAL_FILE, 'utf8')) as { pairs: string };
    simplified = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) simplified.set(pairs[i]!, pairs[i + 1]!);
  }
  return simplified.get(ch);
}

// Some reposting sites annotate characters with their pinyin in brackets (發(fā), 工(gōng)作(zuò),
// even inside a name or a number: 省通信管理(lǐ)局, 成府發(fā)〔2014〕7號). The annotation is the
// site's, not the text's: the matching form drops a bracket of toned pinyin that follows a Han
// character, so names, numbers and headings read as written. A bracket needs a tone mark (or ü) to
// be an annotation: （a）, (b) and (TB) stay.
const PINYIN = /^[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6})[)）]/u;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]/u;
const HAN = /\p{Script=Han}/u;

/** The length of a pinyin annotation opening at original[i] (a bracket after a Han character), else 0. */
export function pinyinAnnotationAt(original: string, i: number): number {
  const c = original.charCodeAt(i);
  if (c !== 0x28 && c !== 0xff08) return 0;
  if (i === 0 || !HAN.test(original[i - 1]!)) return 0;
  const m = PINYIN.exec(original.slice(i, i + 10));
  return m && TONED.test(m[1]!) ? m[0].length : 0;
}

/**
 * `s` with its traditional characters in simplified form, and without a site's pinyin
 * annotations, nothing else changed (widths, brackets, whitespace as written): for readers of a
 * head whose words are simplified (印发, 号).
 */
export function toSimplified(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const skip = pinyinAnnotationAt(s, i);
    if (skip > 0) {
      i += skip;
      continue;
    }
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    out += simplifiedOf(ch) ?? ch;
    i += ch.length;
  }
  return out;
}

/** NFKC of one BMP character, then its simplified form where it is a traditional one. */
function foldCharacter(ch: string): string {
  const n = ch.normalize('NFKC');
  let out = '';
  for (const u of n) out += simplifiedOf(u) ?? u;
  return out;
}

/**
 * Unicode NFKC (full-width letters, digits and punctuation become half-width; the
 * ideographic space becomes a space) and traditional characters to simplified ones, then whitespace runs are dropped when either side is
 * CJK (layout breaks and PDF spacing) and collapsed to one space otherwise (between Latin
 * words or numbers).
 */
export function normaliseWithMap(original: string): NormalisedText {
  return normaliseRange(original, 0, original.length);
}

/** normaliseWithMap of original[start, end), with offsets into the whole original. */
export function normaliseRange(original: string, start: number, end: number): NormalisedText {
  return fold(original, start, end, true) as NormalisedText;
}

export function normalise(original: string): string {
  return fold(original, 0, original.length, false).text;
}

// Parsing, extraction and linking spend much of their time here, and nearly every character of
// a policy text folds to itself: so the NFKC fold of each BMP character is computed once per
// process, and the text is folded in one pass.
const FOLD: (string | null | undefined)[] = new Array(0x10000);

function isSpaceUnit(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function fold(original: string, start: number, end: number, withMap: boolean): { text: string; map?: number[] } {
  // Characters that fold to themselves are copied in runs (one slice each): appending one
  // character at a time builds a rope of one node per character, gigabytes for a long text.
  const parts: string[] = [];
  const map: number[] | undefined = withMap ? [] : undefined;
  let last = ''; // last unit written, for the whitespace rule
  let pending = -1; // origin of a whitespace run not yet decided
  let run = -1; // start of the run being copied as it is

  /** Decides a pending whitespace run before `unit` is written. */
  const settle = (unit: string) => {
    if (pending === -1) return;
    // Whitespace is layout when either neighbour is CJK (or it is at an edge); else one space.
    if (last !== '' && !isCjk(last) && !isCjk(unit)) {
      parts.push(' ');
      map?.push(pending);
    }
    pending = -1;
  };
  const flush = (to: number) => {
    if (run === -1) return;
    parts.push(original.slice(run, to));
    if (map) for (let k = run; k < to; k++) map.push(k);
    last = original[to - 1]!;
    run = -1;
  };
  const emit = (unit: string, origin: number) => {
    if (isSpaceUnit(unit.charCodeAt(0))) {
      if (pending === -1) pending = origin;
      return;
    }
    settle(unit);
    parts.push(unit);
    map?.push(origin);
    last = unit;
  };

  for (let i = start; i < end; ) {
    const c = original.charCodeAt(i);
    if ((c === 0x28 || c === 0xff08) && i > start) {
      const skip = pinyinAnnotationAt(original, i);
      if (skip > 0 && i + skip <= end) {
        flush(i);
        i += skip;
        continue;
      }
    }
    if (c < 0xd800 || c > 0xdfff) {
      let f = FOLD[c];
      const ch = original[i]!;
      if (f === undefined) {
        const n = foldCharacter(ch);
        f = n === ch ? null : n;
        FOLD[c] = f;
      }
      if (f === null && !isSpaceUnit(c)) {
        if (run === -1) {
          settle(ch);
          run = i;
        }
      } else {
        flush(i);
        if (f === null) emit(ch, i);
        else for (let k = 0; k < f.length; k++) emit(f[k]!, i);
      }
      i++;
    } else {
      flush(i);
      const cp = original.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const n = ch.normalize('NFKC');
      for (let k = 0; k < n.length; k++) emit(n[k]!, i);
      i += ch.length;
    }
  }
  flush(end);
  return { text: parts.join(''), map };
}

/**
 * True when `text` is its own matching form (no whitespace, every character folds to itself), so
 * a stage can use it as it is and skip the fold.
 */
export function isMatchingForm(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceUnit(c)) return false;
    if (pinyinAnnotationAt(text, i) > 0) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      if (text.normalize('NFKC') !== text) return false;
      continue;
    }
    let f = FOLD[c];
    if (f === undefined) {
      const ch = text[i]!;
      const n = foldCharacter(ch);
      f = n === ch ? null : n;
      FOLD[c] = f;
    }
    if (f !== null) return false;
  }
  return true;
}

/** A key for comparing names (departments, programmes): normalised, without quotes or brackets. */
export function nameKey(name: string): string {
  return normalise(name).replace(/[“”"'‘’《》<>「」『』()（）\s]/gu, '');
}
