// structure → measures for one decoded document. One general reading of a Chinese official
// document (its outline, parts and page furniture: ../structure/) and the measures of its items
// (../measures/), with layout rules on top: a task table flattened to tab-separated rows
// (division-table) and an annex task list one field per line (annex-fields). The rules are
// registered in LAYOUTS; the first that recognises the text reads it, the outline reads the rest.
import { DiagnosticSink } from '../diagnostics.js';
import { readMetadata, type ManifestEntry, type Metadata } from '../metadata.js';
import { readMeasures } from '../measures/items.js';
import { furnitureLines } from '../structure/furniture.js';
import { buildOutline } from '../structure/outline.js';
import type { Diagnostic, ParsedDocument, SourceText } from '../types.js';
import { annexStart, findAnnexHeader, parseAnnex } from './annex.js';
import { parseContext, span, type Measure, type ParseContext } from './common.js';
import { findCellTable, parseCellTable } from './cell-table.js';
import { attachSummaries } from './summaries.js';
import { isTableHeader, parseTable } from './table.js';

export type Genre = 'outline' | 'division-table' | 'annex-fields' | 'cell-table' | 'unknown';

interface LayoutResult {
  measures: Measure[];
  requirements: ParsedDocument['requirements'];
  targets: NonNullable<ParsedDocument['targets']>;
  /** Where the metadata (title, issuer, date, citations) is read up to. */
  preambleEnd: number;
  /** The last item's measure, left out because the copy ends inside it. */
  cut?: Measure;
}

interface Layout {
  genre: Genre;
  /** Recognises the layout; returns the reader, or undefined. */
  detect(ctx: ParseContext): ((ctx: ParseContext, skip: ReadonlySet<number>) => LayoutResult) | undefined;
}

/** A task table flattened to tab-separated rows: 序号 | … | 落实举措 | 责任单位, header repeated per page. */
const divisionTable: Layout = {
  genre: 'division-table',
  detect(ctx) {
    let headers = 0;
    let rows = 0;
    for (const line of ctx.lines) {
      if (!line.text.includes('\t')) continue;
      if (isTableHeader(line.text)) headers++;
      else if (/^\s*\d+\s*\t.*\t.*\t/u.test(line.text)) rows++;
    }
    if (headers === 0 || rows < 2) return undefined;
    return (c) => {
      const table = parseTable(c);
      noteMidSentenceStart(c, table.tableStart);
      return { measures: table.measures, requirements: table.requirements, targets: [], preambleEnd: table.tableStart };
    };
  },
};

/** A plan whose annex lists the tasks one field per line; the body restates them (summaries). */
const annexFields: Layout = {
  genre: 'annex-fields',
  detect(ctx) {
    const header = findAnnexHeader(ctx);
    if (header === undefined) return undefined;
    return (c, skip) => {
      const start = annexStart(c, header);
      const items = buildOutline(c.source.text, c.lines, 0, start, { skip });
      const body = readMeasures(c, items, { skip, wholeLeaves: false });
      const annex = parseAnnex(c, header);
      attachSummaries(c, items, annex.groups, (it) => body.withMeasures.has(it));
      return { measures: [...body.measures, ...annex.measures], requirements: [], targets: body.targets, preambleEnd: items[1]?.start ?? start };
    };
  },
};

/** A task table copied one cell per line or as Markdown rows; the text before it is read as an outline. */
const cellTable: Layout = {
  genre: 'cell-table',
  detect(ctx) {
    const table = findCellTable(ctx);
    if (!table) return undefined;
    return (c, skip) => {
      const start = c.lines[table.headerLine]!.start;
      const items = buildOutline(c.source.text, c.lines, 0, start, { skip });
      const body = readMeasures(c, items, { skip, wholeLeaves: false });
      return { measures: [...body.measures, ...parseCellTable(c, table)], requirements: [], targets: body.targets, preambleEnd: start };
    };
  },
};

/** Layout rules, most specific first; the outline reads everything else. */
export const LAYOUTS: readonly Layout[] = [divisionTable, annexFields, cellTable];

function readOutline(ctx: ParseContext, skip: ReadonlySet<number>): LayoutResult {
  const items = buildOutline(ctx.source.text, ctx.lines, 0, ctx.source.text.length, { skip });
  const r = readMeasures(ctx, items, { skip });
  // Metadata is read from the head: up to the first item of the part that holds measures.
  const first = items.find((it) => it.kind !== 'root');
  return { measures: r.measures, requirements: [], targets: r.targets, preambleEnd: first?.start ?? ctx.source.text.length, cut: r.cut };
}

export interface ParseOutcome {
  doc: Omit<ParsedDocument, 'measures'> & { measures: Measure[] };
  meta: Metadata;
  diagnostics: Diagnostic[];
  /** An error was found (nothing usable): the document must contribute nothing. */
  refused: boolean;
}

export function parseDocument(source: SourceText, manifest?: ManifestEntry): ParseOutcome {
  const ctx = parseContext(source);
  const sink: DiagnosticSink = ctx.sink;
  const skip = furnitureLines(ctx.lines);
  let genre: Genre = 'outline';
  let result: LayoutResult | undefined;
  for (const layout of LAYOUTS) {
    const read = layout.detect(ctx);
    if (read) {
      genre = layout.genre;
      result = read(ctx, skip);
      break;
    }
  }
  result ??= readOutline(ctx, skip);
  const { measures, requirements, targets } = result;
  const meta = readMetadata(ctx, result.preambleEnd, manifest);
  if (meta.level === 'national' && result.cut) keepCompleteSentences(ctx, result.cut, measures);

  if (measures.length === 0 && !sink.items.some((d) => d.severity === 'error')) {
    genre = 'unknown';
    // A copy cut inside its first item still says what the document is (title, number, date).
    const why = sink.items.some((d) => d.rule === 'cut-item')
      ? 'the copy is cut off inside its first item'
      : 'the text has no numbered items (一、 / （一） / 1.) that state tasks and no task table';
    sink.atLine(1, 1, 'warning', 'no-measures', `no measures found: ${why}; the document is kept without measures`);
  }

  const doc: ParseOutcome['doc'] = {
    source,
    title: meta.title,
    issuer: meta.issuer,
    issuers: meta.issuers,
    issuedOn: meta.issuedOn,
    year: meta.year,
    yearSource: meta.yearSource,
    yearReason: meta.yearReason,
    docNumber: meta.docNumber,
    level: meta.level,
    jurisdiction: meta.jurisdiction,
    genre,
    citations: meta.citations,
    requirements,
    targets: targets.length > 0 ? targets : undefined,
    measures,
  };
  return { doc, meta, diagnostics: sink.items, refused: sink.items.some((d) => d.severity === 'error') };
}

/**
 * A national directive is carried out sentence by sentence: the local measures that implement it
 * are linked to its clauses (IMPLEMENTS_CLAUSE). A copy cut inside an item still holds that item's
 * complete sentences, often the only clauses a stored copy has (a page's first two thousand
 * characters reach the first item), so they are kept as the item's measure, up to the last
 * sentence end; a local plan's cut item stays out, since its responsible parties are in the lost part.
 */
function keepCompleteSentences(ctx: ParseContext, cut: Measure, measures: Measure[]): void {
  const text = ctx.source.text;
  const start = cut.span.startOffset;
  if (text.slice(start, cut.span.endOffset) !== cut.text) return; // page furniture inside: not a plain range
  // Up to the last sentence end, else the last comma (a clause, not a sentence, is what is left).
  const stop = Math.max(cut.text.lastIndexOf('。'), cut.text.lastIndexOf('；'), cut.text.lastIndexOf(';'));
  const comma = Math.max(cut.text.lastIndexOf('，'), cut.text.lastIndexOf(','));
  const end = start + (comma > stop ? comma : stop + 1);
  if (end <= start) return;
  measures.push({ ...cut, text: text.slice(start, end), span: span(ctx, start, end), responsibleText: '', responsibleSpan: undefined, responsibleClauses: undefined });
  ctx.sink.at(end, 'info', 'cut-item-kept', `this national document's copy ends inside item ${cut.path.replace(/#\d+$/u, '')}: its complete sentences, up to here, were kept as a measure so that local measures can be linked to them; the rest of the item is missing: copy the complete document to include it`);
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
