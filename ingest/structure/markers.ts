// Outline markers of Chinese official documents (GB/T 9704-2012 §7.3.3 and common practice):
// 第一章 / 第一条 / 一、 / （一） / 1. or 1、 / （1） / ①, with full- or half-width brackets.
// Which style sits at which depth is not fixed: the outline learns it from the order a document
// uses them (outline.ts); this module only recognises a marker at the start of a line.

export type MarkerKind = 'chapter' | 'article' | 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'circled';

export interface Marker {
  kind: MarkerKind;
  /** The numeral as written (二十六, 12, ③). */
  numeral: string;
  /** Length of the marker in the original string it was found in. */
  length: number;
  /** Normalised label used in paths: 第一章 第一条 二、 (五) 1. (1) ① */
  label: string;
}

const CN = '[一二三四五六七八九十百零〇○两]+';
const PATTERNS: [MarkerKind, RegExp][] = [
  ['chapter', new RegExp(`^第(${CN})章`, 'u')],
  // 條: a traditional-script copy's articles (第一條).
  ['article', new RegExp(`^第(${CN})[条條]`, 'u')],
  ['cn', new RegExp(`^(${CN})、`, 'u')],
  ['cn-paren', new RegExp(`^\\((${CN})\\)`, 'u')],
  ['arabic-paren', /^\((\d{1,3})\)/u],
  ['arabic', /^(\d{1,3})[.、](?![\d.])/u],
  ['circled', /^([\u2460-\u2473])/u],
];

/**
 * Width-folds the start of a line one character at a time (so lengths stay those of the
 * original): （ → (, １ → 1, ． → . ; circled numbers stay as they are (NFKC would make ① a 1).
 */
function foldPrefix(s: string): string {
  let out = '';
  for (const ch of s.slice(0, 16)) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x2460 && cp <= 0x24ff) out += ch;
    else {
      const n = ch.normalize('NFKC');
      out += n.length === 1 ? n : ch;
    }
  }
  return out;
}

/**
 * A numeral set as one enclosed character: ⑴…⒇ are (1)…(20) and ⒈…⒛ are 1.…20., the same
 * styles typeset from a font's enclosed forms (a converted Word file's numbering); ①… stay circled.
 */
function enclosedAt(s: string): Marker | undefined {
  const cp = s.codePointAt(0);
  if (cp === undefined) return undefined;
  if (cp >= 0x2474 && cp <= 0x2487) {
    const n = String(cp - 0x2473);
    return { kind: 'arabic-paren', numeral: n, length: 1, label: `(${n})` };
  }
  if (cp >= 0x2488 && cp <= 0x249b) {
    const n = String(cp - 0x2487);
    return { kind: 'arabic', numeral: n, length: 1, label: `${n}.` };
  }
  return undefined;
}

export function markerAt(s: string): Marker | undefined {
  const enclosed = enclosedAt(s);
  if (enclosed) return enclosed;
  const folded = foldPrefix(s);
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(folded);
    if (!m) continue;
    const numeral = m[1]!;
    const label =
      kind === 'chapter' ? `第${numeral}章`
      : kind === 'article' ? `第${numeral}条`
      : kind === 'cn' ? `${numeral}、`
      : kind === 'arabic' ? `${numeral}.`
      : kind === 'circled' ? numeral
      : `(${numeral})`;
    return { kind, numeral, length: m[0].length, label };
  }
  return undefined;
}
