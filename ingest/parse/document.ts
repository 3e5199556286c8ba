// parse: a decoded document → ParsedDocument. Detects the genre from the layout and hands the
// text to its parser; a plan with an annex task list is parsed as prose body plus annex, with
// the body's task paragraphs attached to the annex rows they summarise.
import { DiagnosticSink } from '../diagnostics.js';
import { readMetadata, type ManifestEntry, type Metadata } from '../metadata.js';
import type { Diagnostic, ParsedDocument, SourceText } from '../types.js';
import { annexStart, findAnnexHeader, parseAnnex } from './annex.js';
import { parseContext, type Measure, type ParseContext } from './common.js';
import { parseProse } from './prose.js';
import { attachSummaries } from './summaries.js';
import { isTableHeader, parseTable } from './table.js';

export type Genre = 'prose-parenthetical' | 'division-table' | 'annex-fields' | 'unknown';

export interface GenreGuess {
  genre: Genre;
  annexHeaderLine?: number;
}

/** The layout decides: numbered tab-separated rows under a 序号 header, a one-field-per-line annex, or prose. */
export function detectGenre(ctx: ParseContext): GenreGuess {
  let headers = 0;
  let rows = 0;
  for (const line of ctx.lines) {
    if (!line.text.includes('\t')) continue;
    if (isTableHeader(line.text)) headers++;
    else if (/^\s*\d+\s*\t.*\t.*\t/u.test(line.text)) rows++;
  }
  if (headers > 0 && rows >= 2) return { genre: 'division-table' };
  const annexHeaderLine = findAnnexHeader(ctx);
  if (annexHeaderLine !== undefined) return { genre: 'annex-fields', annexHeaderLine };
  // Prose is the default; a text whose parser finds no measure is reported as 'unknown'.
  return { genre: 'prose-parenthetical' };
}

export interface ParseOutcome {
  doc: Omit<ParsedDocument, 'measures'> & { measures: Measure[] };
  meta: Metadata;
  diagnostics: Diagnostic[];
  /** An error was found (a truncated file): the document must contribute nothing. */
  refused: boolean;
}

export function parseDocument(source: SourceText, manifest?: ManifestEntry): ParseOutcome {
  const ctx = parseContext(source);
  const sink: DiagnosticSink = ctx.sink;
  const guess = detectGenre(ctx);
  let measures: Measure[] = [];
  let requirements: ParsedDocument['requirements'] = [];
  let preambleEnd = source.text.length;

  switch (guess.genre) {
    case 'division-table': {
      const table = parseTable(ctx);
      measures = table.measures;
      requirements = table.requirements;
      preambleEnd = table.tableStart;
      noteMidSentenceStart(ctx, preambleEnd);
      break;
    }
    case 'annex-fields': {
      const start = annexStart(ctx, guess.annexHeaderLine!);
      const body = parseProse(ctx, 0, start);
      const annex = parseAnnex(ctx, guess.annexHeaderLine!);
      attachSummaries(ctx, body.items, annex.groups);
      measures = [...body.measures, ...annex.measures];
      preambleEnd = body.items[0]!.ownEnd;
      break;
    }
    case 'prose-parenthetical':
    case 'unknown': {
      const prose = parseProse(ctx, 0, source.text.length);
      measures = prose.measures;
      preambleEnd = prose.items[0]!.ownEnd;
      if (measures.length === 0) guess.genre = 'unknown';
      break;
    }
  }
  if (measures.length === 0 && !sink.items.some((d) => d.severity === 'error')) {
    sink.atLine(1, 1, 'warning', 'no-measures', 'no measures found: the text has neither responsibility parentheticals （…负责） nor a task table with a 责任单位 column; the document is kept without measures');
  }

  const meta = readMetadata(ctx, preambleEnd, manifest);
  const doc: ParseOutcome['doc'] = {
    source,
    title: meta.title,
    issuer: meta.issuer,
    issuedOn: meta.issuedOn,
    year: meta.year,
    yearSource: meta.yearSource,
    yearReason: meta.yearReason,
    docNumber: meta.docNumber,
    genre: guess.genre,
    citations: meta.citations,
    requirements,
    measures,
  };
  return { doc, meta, diagnostics: sink.items, refused: sink.items.some((d) => d.severity === 'error') };
}

/** A division table whose first page is lost starts inside a sentence (…实施意见》(号),加快…). */
function noteMidSentenceStart(ctx: ParseContext, end: number): void {
  const first = ctx.lines.find((l) => l.text.trim() !== '' && l.start < end);
  if (!first) return;
  const t = first.text.trim();
  const closeAt = t.search(/[》)）]/u);
  const openAt = t.search(/[《(（]/u);
  if (closeAt !== -1 && (openAt === -1 || closeAt < openAt)) {
    ctx.sink.at(first.start, 'info', 'starts-mid-sentence', 'the text begins inside a sentence (its first page seems missing); title and citations were read from what remains');
  }
}
