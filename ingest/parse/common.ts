// What every genre parser shares: the file's lines, positions, a diagnostic sink, and the
// recognisers of the genre's conventions (outline markers, responsibility parentheticals).
import { DiagnosticSink, LineIndex, makeSpan } from '../diagnostics.js';
import { splitLines, type Line } from '../segment.js';
import type { ParsedMeasure, ParsedRequirement, SourceSpan, SourceText } from '../types.js';

export interface ParseContext {
  source: SourceText;
  lines: Line[];
  index: LineIndex;
  sink: DiagnosticSink;
}

export function parseContext(source: SourceText, sink?: DiagnosticSink): ParseContext {
  const index = new LineIndex(source.text);
  return { source, lines: splitLines(source.text), index, sink: sink ?? new DiagnosticSink(source.file, index) };
}

export function span(ctx: ParseContext, start: number, end: number): SourceSpan {
  return makeSpan(ctx.source.file, ctx.index, start, end);
}

/** A parsed measure plus what our parsers know beyond the shared shape. */
export interface Measure extends ParsedMeasure {
  /** The item's or row's own short heading (e.g. 扩大升级类消费供给), without its number. */
  title?: string;
}

export interface GenreResult {
  measures: Measure[];
  requirements: ParsedRequirement[];
  /** Where the body (prose before an annex or a table) ends; metadata reads up to here. */
  preambleEnd: number;
}

// ---------------------------------------------------------------------------------------
// Outline markers of Chinese official documents: 一、 > （一） > 1． > （1）.

export type MarkerKind = 'chapter' | 'paren' | 'arabic' | 'paren-arabic';

export const MARKER_LEVEL: Record<MarkerKind, number> = { chapter: 1, paren: 2, arabic: 3, 'paren-arabic': 4 };

const CN = '[一二三四五六七八九十百零〇两]+';
const MARKERS: [MarkerKind, RegExp][] = [
  ['chapter', new RegExp(`^(${CN})、`, 'u')],
  ['paren', new RegExp(`^[（(](${CN})[）)]`, 'u')],
  ['paren-arabic', /^[（(](\d{1,3})[）)]/u],
  ['arabic', /^(\d{1,3})[．.、](?![\d．.])/u],
];

export interface Marker {
  kind: MarkerKind;
  /** The numeral as written (二十六, 12). */
  numeral: string;
  /** Length of the marker in the string it was found in. */
  length: number;
  /** Normalised label used in paths: 二、 (五) 1. (1) */
  label: string;
}

export function markerAt(s: string): Marker | undefined {
  for (const [kind, re] of MARKERS) {
    const m = re.exec(s);
    if (!m) continue;
    const numeral = m[1]!;
    const label = kind === 'chapter' ? `${numeral}、` : kind === 'arabic' ? `${numeral}.` : `(${numeral})`;
    return { kind, numeral, length: m[0].length, label };
  }
  return undefined;
}

/** Characters that close a sentence or block, after which a new outline item may begin. */
export const BLOCK_END = /[。！？；：:;!?）)”」』]$/u;

/**
 * A parenthetical that names who is responsible: （市商务局负责）, （X、Y等部门按职责分工负责）,
 * （X牵头，相关部门按职责分工负责）, （责任单位：X）. Works on normalised text (half-width brackets).
 */
export function isResponsibility(inner: string): boolean {
  if (inner.length === 0 || inner.length > 400 || inner.includes('。')) return false;
  if (/^(责任单位|牵头单位|责任部门|责任主体|主责单位)[:：]/u.test(inner)) return true;
  return /(负责|牵头|配合|参与|承担|落实)$/u.test(inner) && /[局委办厅部府会处院站行队社署室团司馆心所]/u.test(inner);
}

/** Finds the ')' that closes the '(' at `open`, allowing nesting; -1 when it is never closed. */
export function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
