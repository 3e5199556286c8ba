// Diagnostics and positions. Every finding names a file, a line and a column so a person can
// open the place; offsets are UTF-16 code units of the decoded text (what JavaScript slices).
import type { Diagnostic, Severity, SourceSpan } from './types.js';

/** Line starts of a text, for offset → line/column in O(log n). */
export class LineIndex {
  /** A typed array: a 50 MB file has about a million lines. */
  readonly starts: Int32Array;
  constructor(readonly text: string) {
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
    const starts = new Int32Array(n);
    n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    this.starts = starts;
  }

  /** 1-based line of an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineAt(offset);
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** A span into the original text; `end` is exclusive. */
export function makeSpan(file: string, lines: LineIndex, start: number, end: number): SourceSpan {
  return {
    file,
    startLine: lines.lineAt(start),
    endLine: lines.lineAt(Math.max(start, end - 1)),
    startOffset: start,
    endOffset: end,
  };
}

/** Collects diagnostics for one file, turning offsets into line and column. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly lines?: LineIndex,
  ) {}

  at(offset: number, severity: Severity, rule: string, message: string): Diagnostic {
    const pos = this.lines ? this.lines.position(offset) : { line: 1, column: 1 };
    const d: Diagnostic = { file: this.file, line: pos.line, column: pos.column, severity, rule, message };
    this.items.push(d);
    return d;
  }

  atLine(line: number, column: number, severity: Severity, rule: string, message: string): Diagnostic {
    const d: Diagnostic = { file: this.file, line, column, severity, rule, message };
    this.items.push(d);
    return d;
  }
}

/** The stderr form, `file:line:column severity message [rule]`, which editors can jump to. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.rule}]`;
}

export function countByRule(diagnostics: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return counts;
}

/** Stable order for output: by file, then position, then rule. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
