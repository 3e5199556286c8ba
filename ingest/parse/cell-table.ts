// A task table copied out of its grid: one cell per line (often closed by " |"), or one row per
// line between pipes (a Markdown table). The header names the columns in any of the usual
// words: 序号 | 主要任务 / 重点任务 / 具体措施 / 工作举措 / 工作任务 | 责任单位 / 牵头单位 / 配合
// 单位 | 完成时限 / 时间安排 / 时间进度. Each numbered row is a measure; its party cells become
// clauses with the column's role, its time cell the deadline.
import { squeeze, trimRange, type Line } from '../segment.js';
import { readDeadline } from '../structure/dates.js';
import { isPageNumber } from '../structure/furniture.js';
import { span, type Measure, type ParseContext } from './common.js';

type Role = 'number' | 'task' | 'party' | 'lead' | 'support' | 'deadline' | 'other';

const ROLES: [Role, RegExp][] = [
  ['number', /^(序号|编号)$/u],
  ['lead', /^(牵头单位|牵头部门)$/u],
  ['support', /^(配合单位|配合部门|协办单位)$/u],
  ['party', /^(责任单位|责任部门|责任主体|实施单位|承办单位)$/u],
  ['deadline', /^(完成时限|完成时间|时间安排|时间进度|进度安排|时限)$/u],
  ['task', /^(主要任务|重点任务|具体措施|工作举措|工作任务|任务内容|工作内容|重点工作|具体任务|工作措施|主要措施|任务)$/u],
  // A list of matters under supervision (公开挂牌督办事项 | 年度工作任务和目标 | 责任单位 | 进展): the
  // matter is the task; a second task column (the year's task and target) spells it out.
  ['task', /^(\p{Script=Han}{0,6}(督办|重点|工作|具体)事项|(年度)?(工作)?任务(和|及|与)目标)$/u],
];

interface Cell {
  start: number;
  end: number;
  text: string;
}

/**
 * Columns a header may hold besides those read: the leader in charge (责任领导, 牵头县领导: a
 * person, not a party), a contact, the target, a remark.
 */
const OTHER_COLUMN =
  /^(责任领导|牵头领导|分管领导|包保领导|牵头[省市区县]领导|[省市区县](政府)?分管领导|责任人|联系人|目标任务|工作目标|预期目标|备注|(上半年|前三季度|一季度|全年|年度)?(进展|进展情况|推进情况|完成情况|落实情况))$/u;

function roleOf(name: string): Role {
  return ROLES.find(([, re]) => re.test(name))?.[0] ?? 'other';
}

/** A line read as a cell: text without a closing pipe, or undefined when the line is blank. */
function cellOf(text: string, line: Line): Cell | undefined {
  let e = line.end;
  const [s0, e0] = trimRange(text, line.start, e);
  if (s0 >= e0) return undefined;
  e = e0;
  if (text[e - 1] === '|') e--;
  const [s, e1] = trimRange(text, s0, e);
  return { start: s, end: e1, text: text.slice(s, e1) };
}

/** Cells of a Markdown row | a | b |, or undefined when the line is not one. */
function rowCells(text: string, line: Line): Cell[] | undefined {
  const t = line.text.trim();
  if (!t.startsWith('|') || !t.endsWith('|') || t.length < 3) return undefined;
  const cells: Cell[] = [];
  let s = text.indexOf('|', line.start) + 1;
  for (;;) {
    const bar = text.indexOf('|', s);
    if (bar === -1 || bar >= line.end) break;
    const [cs, ce] = trimRange(text, s, bar);
    cells.push({ start: cs, end: ce, text: text.slice(cs, ce) });
    s = bar + 1;
  }
  return cells;
}

export interface CellTable {
  /** Line index of the header's first cell. */
  headerLine: number;
  columns: Role[];
  /** One cell per line (true) or one row per line (false). */
  perLine: boolean;
  /** Cells closed by a pipe: a line without one continues on the next line. */
  piped?: boolean;
  /**
   * Cells one per paragraph, a blank line after each (a web page's table cells as paragraphs): an
   * empty cell is one more blank line, and a line right under a cell continues it.
   */
  spaced?: boolean;
  /** Line index of the first line after the header's last cell (cells one per line or per paragraph). */
  bodyLine?: number;
}

/** Finds the header of a cell table: 序号 first, a task column and a party or deadline column. */
export function findCellTable(ctx: ParseContext): CellTable | undefined {
  const { lines, source } = ctx;
  for (let i = 0; i < lines.length; i++) {
    const row = rowCells(source.text, lines[i]!);
    if (row && row.length >= 3) {
      const columns = row.map((c) => roleOf(squeeze(c.text)));
      if (isHeader(columns)) return { headerLine: i, columns, perLine: false };
      continue;
    }
    const first = cellOf(source.text, lines[i]!);
    if (!first || roleOf(squeeze(first.text)) !== 'number') continue;
    if (i + 1 < lines.length && !cellOf(source.text, lines[i + 1]!)) {
      const spaced = spacedHeader(ctx, i);
      if (spaced) return spaced;
      continue;
    }
    const columns: Role[] = [];
    let bodyLine = i;
    for (let j = i; j < lines.length && j < i + 10; j++) {
      // A page's furniture inside the header (a page number between two cells, or the blank line
      // left where one was taken out) does not end it.
      if (j > i && (lines[j]!.text.trim() === '' || isPageNumber(lines[j]!.text))) continue;
      const c = cellOf(source.text, lines[j]!);
      if (!c) break;
      const role = roleOf(squeeze(c.text));
      if (role === 'other' && j > i && !OTHER_COLUMN.test(squeeze(c.text))) break;
      columns.push(role);
      bodyLine = j + 1;
    }
    if (isHeader(columns)) return { headerLine: i, bodyLine, columns, perLine: true, piped: lines[i]!.text.trimEnd().endsWith('|') };
  }
  return undefined;
}

/**
 * A header whose cells stand one per paragraph (序号, blank, 重点工作, blank, …). A header cell set
 * over two paragraphs (市政府 / 分管领导) is one column when the two read as one name.
 */
function spacedHeader(ctx: ParseContext, i: number): CellTable | undefined {
  const { lines, source } = ctx;
  const names: string[] = [];
  /** Line after the last paragraph of each name. */
  const ends: number[] = [];
  for (let j = i, blank = 0; j < lines.length && blank < 2 && names.length < 10; j++) {
    const c = cellOf(source.text, lines[j]!);
    if (!c) {
      blank++;
      continue;
    }
    blank = 0;
    const name = squeeze(c.text);
    const prev = names[names.length - 1];
    if (prev !== undefined && !isColumnName(prev) && isColumnName(prev + name)) {
      names[names.length - 1] = prev + name;
      ends[ends.length - 1] = j + 1;
    } else if (prev !== undefined && !isColumnStart(ctx, j)) break;
    else {
      names.push(name);
      ends.push(j + 1);
    }
  }
  while (names.length > 0 && !isColumnName(names[names.length - 1]!)) {
    names.pop();
    ends.pop();
  }
  const columns = names.map(roleOf);
  if (!isHeader(columns)) return undefined;
  return { headerLine: i, columns, perLine: true, spaced: true, bodyLine: ends[ends.length - 1] };
}

function isColumnName(name: string): boolean {
  return roleOf(name) !== 'other' || OTHER_COLUMN.test(name);
}

/** The paragraph at line j is a column name, alone or with the next paragraph (市政府 + 分管领导). */
function isColumnStart(ctx: ParseContext, j: number): boolean {
  const { lines, source } = ctx;
  const here = squeeze(cellOf(source.text, lines[j]!)!.text);
  const next = lines.slice(j + 1, j + 3).map((l) => cellOf(source.text, l)).find((c) => c);
  return isColumnName(here) || (next !== undefined && isColumnName(here + squeeze(next.text)));
}

function isHeader(columns: Role[]): boolean {
  return columns[0] === 'number' && columns.includes('task') && columns.some((r) => r === 'party' || r === 'lead' || r === 'deadline');
}

/**
 * Rows of a table whose cells stand one per paragraph: k blank lines before a cell are k - 1 empty
 * cells, a line right under a cell continues it. A row starts at its number once the previous row
 * has all its cells; what comes between rows (a section's heading row) is no row.
 */
function readSpacedRows(ctx: ParseContext, table: CellTable, rows: Cell[][]): void {
  const text = ctx.source.text;
  const n = table.columns.length;
  let cur: Cell[] | undefined;
  let blank = 0;
  for (let j = table.bodyLine ?? table.headerLine + n; j < ctx.lines.length; j++) {
    const c = cellOf(text, ctx.lines[j]!);
    if (!c) {
      blank++;
      continue;
    }
    const gap = blank;
    blank = 0;
    if (gap === 0 && cur && cur.length > 0 && cur.length <= n) {
      const last = cur[cur.length - 1]!;
      cur[cur.length - 1] = { start: last.start, end: c.end, text: text.slice(last.start, c.end) };
      continue;
    }
    if (cur) for (let e = 1; e < gap && cur.length < n; e++) cur.push({ start: c.start, end: c.start, text: '' });
    if (/^\d{1,3}$/u.test(c.text) && (!cur || cur.length >= n)) rows.push((cur = [c]));
    else if (cur && cur.length < n) cur.push(c);
    else cur = undefined;
  }
}

export function parseCellTable(ctx: ParseContext, table: CellTable): Measure[] {
  const text = ctx.source.text;
  const rows: Cell[][] = [];
  const n = table.columns.length;
  if (table.spaced) readSpacedRows(ctx, table, rows);
  else if (table.perLine) {
    let cur: Cell[] | undefined;
    let open: Cell | undefined; // a piped cell whose closing pipe is on a later line
    for (let j = table.bodyLine ?? table.headerLine + n; j < ctx.lines.length; j++) {
      let c = cellOf(text, ctx.lines[j]!);
      if (!c) continue;
      if (table.piped) {
        const closed = ctx.lines[j]!.text.trimEnd().endsWith('|');
        if (open) c = { start: open.start, end: c.end, text: text.slice(open.start, c.end) };
        if (!closed && j + 1 < ctx.lines.length) {
          open = c;
          continue;
        }
        open = undefined;
      }
      // A row starts at its number, once the previous row has all its cells.
      if (/^\d{1,3}$/u.test(c.text) && (!cur || cur.length >= n)) rows.push((cur = [c]));
      else if (cur && cur.length < n) cur.push(c);
      else if (cur) {
        // A cell broken over two lines continues the last one.
        const last = cur[cur.length - 1]!;
        cur[cur.length - 1] = { start: last.start, end: c.end, text: text.slice(last.start, c.end) };
      }
    }
  } else {
    for (let j = table.headerLine + 1; j < ctx.lines.length; j++) {
      const cells = rowCells(text, ctx.lines[j]!);
      if (!cells) break;
      if (cells.every((c) => /^:?-{2,}:?$/u.test(c.text))) continue;
      rows.push(cells);
    }
  }

  const measures: Measure[] = [];
  rows.forEach((row, k) => {
    const at = (role: Role) => table.columns.map((r, i) => (r === role ? row[i] : undefined)).filter((c): c is Cell => !!c && c.text !== '');
    const task = at('task')[0];
    const number = row[0]!.text;
    if (row.length < n) {
      const where = task ?? row[0]!;
      ctx.sink.at(where.start, 'warning', 'cut-item', `row ${number} has ${row.length} of its ${n} cells: the copy seems cut off there; the row was left out: copy the complete table to include it`);
      return;
    }
    if (!task) {
      ctx.sink.at(row[0]!.start, 'warning', 'missing-cell', `row ${number} has an empty task cell; it was not counted as a measure`);
      return;
    }
    const parties = [...at('lead').map((c) => ({ c, role: 'lead' as const })), ...at('support').map((c) => ({ c, role: 'support' as const })), ...at('party').map((c) => ({ c, role: undefined }))];
    const first = parties[0]?.c;
    const last = parties[parties.length - 1]?.c;
    const m: Measure = {
      path: `row ${number || k + 1}`,
      text: task.text,
      span: span(ctx, task.start, task.end),
      responsibleText: first && last ? text.slice(Math.min(first.start, last.start), Math.max(first.end, last.end)) : '',
      responsibleSpan: first && last ? span(ctx, Math.min(first.start, last.start), Math.max(first.end, last.end)) : undefined,
      responsibleClauses: parties.length > 0 ? parties.map(({ c, role }) => ({ text: c.text, span: span(ctx, c.start, c.end), role })) : undefined,
    };
    const due = at('deadline')[0];
    if (due) {
      m.deadline = due.text;
      const date = readDeadline(due.text)?.date;
      if (date) m.deadlineDate = date;
    }
    measures.push(m);
  });
  return measures;
}
