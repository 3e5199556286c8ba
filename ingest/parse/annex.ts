// Annex task list (任务清单): a table flattened one field per line, each field line starting
// with a tab, records separated by blank lines, empty fields as lines holding only the tab:
//   序号 | 主要任务 | 重点举措 | 具体措施 | 工作目标 (2025年 | 2027年) | 责任单位
// A sub-header record splits a column by year. Group cells (（一） + 主要任务) are vertically
// merged: they print on the group's first row and again after a page break. A target cell may
// span both years (one field fewer) or be shared by the rows of a group (printed once).
import { normalise } from '../normalise.js';
import { isBlank, squeeze, trimRange, type Line } from '../segment.js';
import { markerAt } from '../structure/markers.js';
import { span, type Measure, type ParseContext } from './common.js';
import type { SourceSpan } from '../types.js';

interface Field {
  start: number;
  end: number;
  text: string;
}

interface Record {
  fields: Field[];
  line: Line; // first line
  lastLine: Line;
}

type Role = 'number' | 'group' | 'action' | 'measure' | 'target' | 'resp' | 'other';

interface Column {
  name: string;
  role: Role;
  year?: number;
}

const RESP = /责任单位|牵头单位|责任部门|责任主体|主责单位/u;

/** Where the annex's header record starts, or undefined when the text has none. */
export function findAnnexHeader(ctx: ParseContext): number | undefined {
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    if (!/^\t\s*序号\s*$/u.test(lines[i]!.text)) continue;
    const names: string[] = [];
    for (let j = i; j < lines.length && lines[j]!.text.startsWith('\t'); j++) names.push(squeeze(lines[j]!.text));
    if (names.length >= 3 && names.some((n) => RESP.test(n))) return i;
  }
  return undefined;
}

/** Start offset of the annex: its 附件 line if one stands just above the header, else the header. */
export function annexStart(ctx: ParseContext, headerLine: number): number {
  for (let i = headerLine - 1; i >= Math.max(0, headerLine - 6); i--) {
    if (/^附件\s*\d*\s*$/u.test(ctx.lines[i]!.text.trim())) return ctx.lines[i]!.start;
  }
  return ctx.lines[headerLine]!.start;
}

function readRecords(ctx: ParseContext, fromLine: number): Record[] {
  const text = ctx.source.text;
  const records: Record[] = [];
  let cur: Record | undefined;
  for (let i = fromLine; i < ctx.lines.length; i++) {
    const line = ctx.lines[i]!;
    // A line holding only a tab is an empty field; only a line without a tab ends a record.
    if (!line.text.includes('\t') && isBlank(line.text)) {
      cur = undefined;
      continue;
    }
    if (line.text.startsWith('\t')) {
      if (!cur) records.push((cur = { fields: [], line, lastLine: line }));
      // Further tabs on the line are further fields.
      let s = line.start + 1;
      for (;;) {
        const tab = text.indexOf('\t', s);
        const e = tab === -1 || tab >= line.end ? line.end : tab;
        const [fs, fe] = trimRange(text, s, e);
        cur.fields.push({ start: fs, end: fe, text: text.slice(fs, fe) });
        if (e === line.end) break;
        s = e + 1;
      }
      cur.lastLine = line;
    } else if (cur && cur.fields.length > 0) {
      // A line without a leading tab continues the field above (a cell with a line break).
      const f = cur.fields[cur.fields.length - 1]!;
      const [, fe] = trimRange(text, f.start, line.end);
      f.end = fe;
      if (f.text === '') f.start = trimRange(text, line.start, line.end)[0];
      f.text = text.slice(f.start, f.end);
      cur.lastLine = line;
    } else {
      ctx.sink.at(line.start, 'warning', 'unparsed-annex-line', 'this line in the annex is not a field of the task list (fields start with a tab); it was not read');
    }
  }
  return records;
}

function columnsOf(header: Record, sub: Record | undefined): Column[] {
  const names = header.fields.map((f) => squeeze(f.text));
  const subNames = sub?.fields.map((f) => squeeze(f.text)) ?? [];
  const years = subNames.map((n) => /^(\d{4})年?$/u.exec(n)?.[1]);
  const first = years.findIndex((y) => y !== undefined);
  let flat: { name: string; year?: number }[];
  if (sub && first >= 0) {
    let last = first;
    while (last + 1 < years.length && years[last + 1] !== undefined) last++;
    flat = [];
    for (let i = 0; i < first; i++) flat.push({ name: names[i] ?? '' });
    for (let k = first; k <= last; k++) flat.push({ name: names[first] ?? '', year: Number(years[k]) });
    for (let i = first + 1; i < names.length; i++) flat.push({ name: names[i]! });
  } else {
    flat = names.map((name) => ({ name }));
  }
  return flat.map(({ name, year }, i) => ({ name, year, role: roleOf(name, i, year) }));
}

function roleOf(name: string, index: number, year: number | undefined): Role {
  if (index === 0 && /序号|编号/u.test(name)) return 'number';
  if (RESP.test(name)) return 'resp';
  if (year !== undefined || /目标|指标/u.test(name)) return 'target';
  if (/具体措施|工作措施|具体举措|措施/u.test(name)) return 'measure';
  if (/举措/u.test(name)) return 'action';
  if (/任务|领域|事项/u.test(name)) return 'group';
  return 'other';
}

export interface TargetCell {
  year: number;
  text: string;
  span: SourceSpan;
}

export interface AnnexResult {
  measures: Measure[];
  /** Annex groups, in order, for attaching the body's summaries. */
  groups: { label: string; chapter: string; name: string; heading: string; measures: Measure[] }[];
}

export function parseAnnex(ctx: ParseContext, headerLine: number): AnnexResult {
  const records = readRecords(ctx, headerLine);
  const header = records[0]!;
  const second = records[1];
  const isSub = second !== undefined && second.fields.some((f) => /^\d{4}年?$/u.test(squeeze(f.text))) &&
    second.fields.every((f) => f.text === '' || /^\d{4}年?$/u.test(squeeze(f.text)));
  const columns = columnsOf(header, isSub ? second : undefined);
  const targetCols = columns.map((c, i) => (c.role === 'target' ? i : -1)).filter((i) => i >= 0);
  const col = (role: Role) => columns.findIndex((c) => c.role === role);
  const full = columns.length;
  const merged = targetCols.length > 1 ? full - (targetCols.length - 1) : -1;

  const measures: Measure[] = [];
  const groups: AnnexResult['groups'] = [];
  let chapter = '';
  let group: AnnexResult['groups'][number] | undefined;
  let groupKey = '';
  let unnumbered = 0;
  let lastNumber = 0;
  // Targets printed once for the rows of a group (merged cells), per year column.
  let shared = new Map<number, TargetCell>();
  const lastRecord = records[records.length - 1];

  for (const rec of records.slice(isSub ? 2 : 1)) {
    const nonEmpty = rec.fields.filter((f) => f.text !== '');
    if (nonEmpty.length === 1 && rec.fields.length <= 2) {
      const m = markerAt(nonEmpty[0]!.text);
      if (m?.kind === 'cn') {
        chapter = m.label;
        group = undefined;
        groupKey = '';
        continue;
      }
    }
    let fields: (Field | undefined)[];
    let mergedTarget = false;
    if (rec.fields.length === full) fields = rec.fields;
    else if (rec.fields.length === merged) {
      // One field for all the year columns: the cell spans them.
      const t0 = targetCols[0]!;
      fields = [...rec.fields.slice(0, t0 + 1), ...targetCols.slice(1).map(() => undefined), ...rec.fields.slice(t0 + 1)];
      mergedTarget = true;
    } else {
      const severity = rec === lastRecord && rec.fields.length < full ? 'error' : 'warning';
      ctx.sink.at(
        rec.line.start,
        severity,
        severity === 'error' ? 'truncated-file' : rec.fields.length < full ? 'missing-cell' : 'extra-cell',
        severity === 'error'
          ? `the last row of the annex has ${rec.fields.length} of its ${full} fields: the file seems cut off; nothing was ingested from it: copy the complete document again`
          : `this annex row has ${rec.fields.length} fields where ${full}${merged > 0 ? ` (or ${merged} with one target for all years)` : ''} are expected (${columns.map((c) => c.name + (c.year ? c.year : '')).join(' | ')}); it was not counted as a measure: fill in the missing cell`,
      );
      continue;
    }
    const get = (role: Role) => {
      const i = col(role);
      return i >= 0 ? fields[i] : undefined;
    };
    const numberField = get('number');
    const groupField = get('group');
    const label = numberField?.text ? markerAt(normalise(numberField.text)) : undefined;
    if (numberField?.text) {
      const name = groupField?.text ?? '';
      const key = `${chapter}|${label?.label ?? numberField.text}|${normalise(name)}`;
      if (key !== groupKey) {
        // A new group; the same group printed again after a page break continues it.
        group = { label: label?.label ?? normalise(numberField.text), chapter, name, heading: squeeze(numberField.text + name), measures: [] };
        groups.push(group);
        groupKey = key;
        unnumbered = 0;
        shared = new Map();
      }
    }
    const measureField = get('measure');
    if (!measureField || measureField.text === '') {
      ctx.sink.at(rec.line.start, 'warning', 'missing-cell', 'this annex row has an empty 具体措施 field; it was not counted as a measure');
      continue;
    }
    const actionField = get('action');
    const action = actionField?.text ?? '';
    const numbered = /^(\d{1,3})\s*[．.、]\s*(.*)$/su.exec(action);
    let path: string;
    if (numbered) {
      const n = Number(numbered[1]);
      if (lastNumber > 0 && n !== lastNumber + 1) {
        ctx.sink.at(rec.line.start, 'warning', n <= lastNumber ? 'duplicate-row-number' : 'row-number-gap', `row ${n} follows row ${lastNumber}: check for missing or repeated rows`);
      }
      lastNumber = n;
      path = `row ${n}`;
    } else {
      unnumbered++;
      path = `${chapter}${group?.label ?? ''}#${unnumbered}`;
    }
    const respField = get('resp');

    const targetCells: TargetCell[] = [];
    const cellsByYear: [number, Field | undefined][] = mergedTarget
      ? [[columns[targetCols[targetCols.length - 1]!]!.year ?? 0, fields[targetCols[0]!]]]
      : targetCols.map((i) => [columns[i]!.year ?? 0, fields[i]]);
    if (mergedTarget) shared = new Map();
    for (const [year, f] of cellsByYear) {
      if (f && f.text !== '') {
        const prev = shared.get(year);
        // The same target printed again after a page break is the same cell.
        const cell = prev && normalise(prev.text) === normalise(f.text) ? prev : { year, text: f.text, span: span(ctx, f.start, f.end) };
        shared.set(year, cell);
        targetCells.push(cell);
      } else if (!mergedTarget && shared.has(year)) {
        targetCells.push(shared.get(year)!);
      }
    }

    const measure: Measure = {
      path,
      section: group?.heading ?? (chapter || undefined),
      title: (numbered ? numbered[2]! : action).trim() || undefined,
      text: measureField.text,
      span: span(ctx, measureField.start, measureField.end),
      responsibleText: respField?.text ?? '',
      responsibleSpan: respField && respField.text ? span(ctx, respField.start, respField.end) : undefined,
      targetCells: targetCells.length > 0 ? targetCells : undefined,
    };
    if (!respField || respField.text === '') {
      ctx.sink.at(rec.line.start, 'warning', 'no-responsible-party', `annex ${path} has an empty 责任单位 field: fill in the responsible departments`);
    }
    measures.push(measure);
    group?.measures.push(measure);
  }
  return { measures, groups };
}
