// Division-of-labour table (分工方案): a PDF table flattened to tab-separated rows
//   序号 | [national section heading] | 国家要求 | 落实举措 | 责任单位
// with the header row repeated at every page break. The section heading is a merged cell: its
// text lands in one row of the span (not always the first), may be split over two rows
// ("(五)丰富特色" / "文化旅游产品"), broken by spaces, repeated on the next page, merged into
// the requirement cell ("(十二) 标题 要求…"), or missing on a page. Rows are read from the
// right (责任单位 is last), so a row with or without the heading column reads the same.
import { normalise } from '../normalise.js';
import { chineseNumber, squeeze, trimRange, type Line } from '../segment.js';
import { span, type Measure, type ParseContext } from './common.js';
import type { ParsedRequirement, SourceSpan } from '../types.js';

interface Cell {
  start: number;
  end: number;
  text: string; // trimmed, as written
}

interface Layout {
  /** Columns counted from the right: 0 = last. */
  respFromRight: number;
  hasRequirement: boolean;
  /** Content columns after 序号 when there is no heading column. */
  base: number;
}

/** A section heading occurrence, assembled from fragments in consecutive rows. */
interface HeadingOccurrence {
  number: number;
  parts: string[];
}

class Heading {
  occurrences: HeadingOccurrence[] = [];
  constructor(
    readonly number: number,
    readonly label: string,
  ) {}
  /** The most complete occurrence: pages repeat the heading, sometimes only in part. */
  get text(): string {
    let best = this.label;
    for (const o of this.occurrences) {
      const t = normalise(o.parts.join(''));
      if (t.length > best.length) best = t;
    }
    return best;
  }
}

interface Row {
  number: number;
  page: number;
  line: Line;
  heading?: Heading;
  requirement?: Cell;
  measure: Cell;
  resp: Cell;
}

const HEADER_FIRST = /^(序号|编号)$/u;
const RESP_HEADER = /责任单位|牵头单位|责任部门|责任主体|主责单位/u;
const REQ_HEADER = /国家要求|中央要求|上级要求|政策要求|任务要求|文件要求/u;
const HEADING_MARK = /^[（(]([一二三四五六七八九十百零〇两]+)[）)]/u;

export function isTableHeader(line: string): boolean {
  const cells = line.split('\t').map((c) => squeeze(c));
  return cells.length >= 3 && HEADER_FIRST.test(cells[0]!) && cells.some((c) => RESP_HEADER.test(c));
}

function cellsOf(ctx: ParseContext, line: Line): Cell[] {
  const text = ctx.source.text;
  const cells: Cell[] = [];
  let s = line.start;
  for (;;) {
    const tab = text.indexOf('\t', s);
    const e = tab === -1 || tab >= line.end ? line.end : tab;
    const [cs, ce] = trimRange(text, s, e);
    cells.push({ start: cs, end: ce, text: text.slice(cs, ce) });
    if (e === line.end) break;
    s = e + 1;
  }
  while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
  return cells;
}

function layoutOf(cells: Cell[]): Layout {
  const names = cells.map((c) => squeeze(c.text));
  let respIdx = names.findIndex((n) => RESP_HEADER.test(n));
  if (respIdx === -1) respIdx = names.length - 1;
  const nonEmpty = names.filter((n) => n !== '');
  const hasRequirement = nonEmpty.some((n) => REQ_HEADER.test(n));
  const respFromRight = names.length - 1 - respIdx;
  // 序号 + [requirement] + measure + responsibility + columns after it.
  return { respFromRight, hasRequirement, base: (hasRequirement ? 3 : 2) + respFromRight };
}

export interface TableResult {
  measures: Measure[];
  requirements: ParsedRequirement[];
  /** Offset of the first header row: the prose before it is the preamble. */
  tableStart: number;
}

export function parseTable(ctx: ParseContext): TableResult {
  const text = ctx.source.text;
  const rows: Row[] = [];
  const headings = new Map<number, Heading>();
  let layout: Layout | undefined;
  let tableStart = text.length;
  let current: Heading | undefined;
  let occurrence: HeadingOccurrence | undefined;
  let page = 0; // pages are delimited by repeated header rows
  let currentShownOnPage = 0;
  let lastNumber = 0;
  const lastLine = lastContentLine(ctx.lines);

  const headingFor = (n: number, label: string): Heading => {
    let h = headings.get(n);
    if (!h) headings.set(n, (h = new Heading(n, label)));
    return h;
  };

  const openHeading = (raw: string, row: Line): void => {
    const m = HEADING_MARK.exec(squeeze(raw));
    const n = m ? chineseNumber(m[1]!) : undefined;
    if (!m || n === undefined) {
      // A fragment without a marker continues the heading cell of the rows above.
      if (occurrence) occurrence.parts.push(raw);
      else ctx.sink.at(row.start, 'warning', 'orphan-heading-fragment', `the heading cell "${raw}" continues no section heading; it was ignored`);
      return;
    }
    const h = headingFor(n, `(${m[1]})`);
    occurrence = { number: n, parts: [raw] };
    h.occurrences.push(occurrence);
    if (current && n === current.number + 2) {
      // One section number skipped: the merged heading cell of the section in between fell on
      // pages that print no heading. Its rows are those after the last page showing the
      // previous heading.
      const missing = headingFor(current.number + 1, `(${toChinese(current.number + 1)})`);
      const moved = rows.filter((r) => r.heading === current && r.page > currentShownOnPage);
      for (const r of moved) r.heading = missing;
      if (moved.length > 0) {
        ctx.sink.at(
          moved[0]!.line.start,
          'info',
          'section-heading-missing',
          `rows ${moved[0]!.number}–${moved[moved.length - 1]!.number} come between sections ${current.label} and ${h.label} on pages that show no section heading: they were assigned to section ${missing.label}, whose title the table does not give`,
        );
      } else {
        ctx.sink.at(row.start, 'info', 'section-heading-missing', `section ${h.label} follows section ${current.label}: the table has no rows for section ${missing.label}`);
      }
    } else if (current && n < current.number) {
      ctx.sink.at(row.start, 'warning', 'section-order', `section ${h.label} comes after section ${current.label}: check the table's section headings`);
    }
    if (!current) {
      // Rows above the first heading are in its merged cell.
      for (const r of rows) r.heading ??= h;
    }
    current = h;
    currentShownOnPage = page;
  };

  for (const line of ctx.lines) {
    if (!line.text.includes('\t')) continue;
    if (isTableHeader(line.text)) {
      if (!layout) tableStart = line.start;
      layout = layoutOf(cellsOf(ctx, line));
      page++;
      occurrence = undefined;
      continue;
    }
    if (!layout) continue;
    const cells = cellsOf(ctx, line);
    if (cells.length === 0) continue;
    const first = squeeze(cells[0]!.text);
    if (!/^\d+$/u.test(first)) {
      ctx.sink.at(line.start, 'warning', 'unparsed-table-line', 'this tab-separated line is neither a header nor a numbered row; it was not read: check whether a row was split across lines');
      continue;
    }
    const number = Number(first);
    if (lastNumber > 0 && number !== lastNumber + 1) {
      ctx.sink.at(line.start, 'warning', number <= lastNumber ? 'duplicate-row-number' : 'row-number-gap', `row ${number} follows row ${lastNumber}: check for missing or repeated rows`);
    }
    lastNumber = number;
    const c = cells.length;
    const isLast = line === lastLine;
    const respCell = cells[c - 1 - layout.respFromRight];
    const tooFew = c < layout.base + 1 || respCell === undefined || looksLikeProse(respCell.text);
    if (tooFew) {
      if (isLast) {
        ctx.sink.at(line.end, 'error', 'truncated-file', `row ${number} is the last line and ends before its 责任单位 cell: the file seems cut off; nothing was ingested from it: copy the complete document again`);
      } else {
        const why = c < layout.base + 1
          ? `has ${c} cells where ${layout.base + 1} or ${layout.base + 2} are expected (序号${layout.hasRequirement ? ' | 国家要求' : ''} | 落实举措 | 责任单位)`
          : 'ends with a cell that reads as a measure, not a list of departments: its 责任单位 cell is missing';
        ctx.sink.at(line.start, 'warning', 'missing-cell', `row ${number} ${why}; it was not counted as a measure: fill in the missing cell`);
      }
      continue;
    }
    if (c > layout.base + 2) {
      ctx.sink.at(line.start, 'warning', 'extra-cell', `row ${number} has ${c} cells, more than the ${layout.base + 2} expected; the cells were read from the right`);
    }

    const measure = cells[c - 2 - layout.respFromRight]!;
    let requirement = layout.hasRequirement ? cells[c - 3 - layout.respFromRight] : undefined;
    const hasHeadingColumn = c >= layout.base + 2;
    if (hasHeadingColumn && cells[1]!.text !== '') openHeading(cells[1]!.text, line);
    else if (!hasHeadingColumn) occurrence = undefined;
    if (requirement) {
      // A heading merged into the requirement cell: "(十二) 鼓励…发展 完善“互联网+”…".
      const merged = /^([（(][一二三四五六七八九十百零〇两]+[）)]\s*\S+)\s+(?=\S)/u.exec(requirement.text);
      if (merged) {
        openHeading(merged[1]!, line);
        occurrence = undefined;
        const cut = requirement.start + merged[0].length;
        requirement = { start: cut, end: requirement.end, text: text.slice(cut, requirement.end) };
      }
    }
    if (measure.text === '') {
      ctx.sink.at(line.start, 'warning', 'missing-cell', `row ${number} has an empty 落实举措 cell; it was not counted as a measure`);
      continue;
    }
    rows.push({ number, page, line, heading: current, requirement: requirement && requirement.text ? requirement : undefined, measure, resp: respCell });
  }

  const requirements: ParsedRequirement[] = [];
  const byText = new Map<string, ParsedRequirement>();
  const measures: Measure[] = [];
  let previousReq: ParsedRequirement | undefined;
  for (const row of rows) {
    let req: ParsedRequirement | undefined;
    if (row.requirement) {
      const key = normalise(row.requirement.text);
      req = byText.get(key);
      if (!req) {
        req = {
          key: `req-${row.number}`,
          text: row.requirement.text,
          section: row.heading?.text,
          span: span(ctx, row.requirement.start, row.requirement.end),
        };
        byText.set(key, req);
        requirements.push(req);
      }
    } else if (layout?.hasRequirement) {
      req = previousReq; // an empty cell under a vertically merged requirement
    }
    previousReq = req;
    const resp: SourceSpan = span(ctx, row.resp.start, row.resp.end);
    measures.push({
      path: `row ${row.number}`,
      section: row.heading?.text,
      text: row.measure.text,
      span: span(ctx, row.measure.start, row.measure.end),
      responsibleText: row.resp.text,
      responsibleSpan: resp,
      requirementKey: req?.key,
    });
  }
  return { measures, requirements, tableStart };
}

function looksLikeProse(s: string): boolean {
  return s.includes('。') || s.length > 200;
}

function lastContentLine(lines: Line[]): Line | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.text.trim() !== '') return lines[i];
  return undefined;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function toChinese(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
  return String(n);
}
