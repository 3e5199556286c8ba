// What every genre parser shares: the file's lines, positions, a diagnostic sink, and the
// recognisers of the genre's conventions (outline markers, responsibility parentheticals).
import { DiagnosticSink, LineIndex, makeSpan } from '../diagnostics.js';
import { splitLines, type Line } from '../segment.js';
import type { ParsedMeasure, SourceSpan, SourceText } from '../types.js';

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


const CLOSE: Record<string, string> = { '(': ')', '〔': '〕', '【': '】', '[': ']' };

/** Finds the bracket that closes the one at `open` ( ( 〔 【 [ ), allowing nesting; -1 when it is never closed. */
export function closingParen(s: string, open: number): number {
  const o = s[open]!;
  const c = CLOSE[o] ?? ')';
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === o) depth++;
    else if (ch === c) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
