// Downloads (reads, so open like the API): GET
//   /api/export/departments/:name/responsibilities.xlsx | .csv
//   /api/export/themes/:name/timeline.csv
//   /api/export/search.csv?q=…&types=Measure,Department&first=200
//   /api/export/graph.graphml?id=…&depth=1&limit=300  |  /api/export/graph.json?…
import type { Express, NextFunction, Request, Response } from 'express';
import type { Reader } from '../../db/read/reader.js';
import { ReadError } from '../../db/read/reader.js';
import { findDepartment } from '../../db/read/departments.js';
import { findTheme } from '../../db/read/themes.js';
import { search, type SearchHitRecord } from '../../db/read/search.js';
import { neighborhood, MAX_DEPTH, MAX_NODES } from '../../db/read/neighborhood.js';
import { departmentResponsibilityRows, themeTimelineRows, type ResponsibilityRow, type ThemeMeasureRow } from '../../db/export.js';
import { toCsv, toCytoscapeJson, toGraphml, toXlsx, type Column } from './formats.js';

class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ROLE_ZH: Record<string, string> = { lead: '牵头', joint: '共同负责', support: '配合' };

export const RESPONSIBILITY_COLUMNS: Column<ResponsibilityRow>[] = [
  { header: '年份 year', value: (r) => r.year, width: 8 },
  { header: '角色 role', value: (r) => `${ROLE_ZH[r.role] ?? r.role} ${r.role}`, width: 14 },
  { header: '部门 department', value: (r) => r.department, width: 18 },
  { header: '原文写法 as written', value: (r) => r.asWritten, width: 18 },
  { header: '前身机构 via predecessor', value: (r) => (r.viaPredecessor ? '是 yes' : ''), width: 10 },
  { header: '措施 measure', value: (r) => r.measure, width: 60 },
  { header: '位置 path', value: (r) => r.path, width: 12 },
  { header: '时限 deadline', value: (r) => r.deadline, width: 14 },
  { header: '截止日期 deadline date', value: (r) => r.deadlineDate, width: 12 },
  { header: '文件 document', value: (r) => r.document, width: 40 },
  { header: '文号 doc number', value: (r) => r.docNumber, width: 18 },
  { header: '来源文件 source file', value: (r) => r.sourceFile, width: 30 },
  { header: '起始行 start line', value: (r) => r.startLine, width: 8 },
  { header: '结束行 end line', value: (r) => r.endLine, width: 8 },
  { header: '措施编号 measure id', value: (r) => r.measureId, width: 24 },
];

const THEME_COLUMNS: Column<ThemeMeasureRow>[] = [
  { header: 'year', value: (r) => r.year },
  { header: 'measure', value: (r) => r.measure },
  { header: 'evidence', value: (r) => r.evidence.join('; ') },
  { header: 'departments', value: (r) => r.departments.join('; ') },
  { header: 'document', value: (r) => r.document },
  { header: 'sourceFile', value: (r) => r.sourceFile },
  { header: 'startLine', value: (r) => r.startLine },
  { header: 'measureId', value: (r) => r.measureId },
];

const SEARCH_COLUMNS: Column<SearchHitRecord>[] = [
  { header: 'type', value: (h) => h.type },
  { header: 'id', value: (h) => h.id },
  { header: 'label', value: (h) => h.label },
  { header: 'year', value: (h) => h.year },
  { header: 'score', value: (h) => Math.round(h.score * 1000) / 1000 },
  { header: 'snippet', value: (h) => h.snippet },
];

const SEARCH_TYPES = ['Document', 'Measure', 'Department', 'Theme', 'Initiative'] as const;

function intParam(req: Request, name: string, fallback: number, min: number, max: number): number {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ExportError(400, 'BAD_USER_INPUT', `\`${name}\` must be an integer between ${min} and ${max} (got ${String(raw)}).`);
  return n;
}

function textParam(value: unknown, name: string, max = 200): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (s === '') throw new ExportError(400, 'BAD_USER_INPUT', `\`${name}\` is required.`);
  if (s.length > max) throw new ExportError(400, 'BAD_USER_INPUT', `\`${name}\` is too long (at most ${max} characters).`);
  return s;
}

/** A download name: the user's words kept, characters file systems refuse replaced. */
const fileName = (...parts: string[]) => parts.join('-').replace(/[\\/:*?"<>|\s]+/gu, '_');

export function mountExports(app: Express, base: Reader): void {
  const route = (handler: (req: Request, res: Response, reader: Reader) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
    handler(req, res, base.fork()).catch((error: unknown) => {
      if (error instanceof ExportError) res.status(error.status).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      else if (error instanceof ReadError) res.status(error.code === 'QUERY_TIMEOUT' ? 504 : 503).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      else next(error);
    });
  };

  app.get(
    '/api/export/departments/:name/:file',
    route(async (req, res, reader) => {
      const format = { 'responsibilities.xlsx': 'xlsx', 'responsibilities.csv': 'csv' }[String(req.params.file)];
      if (!format) throw new ExportError(404, 'NOT_FOUND', 'Ask for responsibilities.xlsx or responsibilities.csv.');
      const dept = await findDepartment(reader, textParam(req.params.name, 'name'));
      if (!dept) throw new ExportError(404, 'NOT_FOUND', `No department named ${String(req.params.name)} (canonical name, alias or former name).`);
      const rows = await departmentResponsibilityRows(reader, dept.id);
      const name = fileName(dept.name, 'responsibilities');
      if (format === 'xlsx') {
        res.attachment(`${name}.xlsx`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(dept.name, rows, RESPONSIBILITY_COLUMNS));
      } else {
        res.attachment(`${name}.csv`).type('text/csv; charset=utf-8').send(toCsv(rows, RESPONSIBILITY_COLUMNS));
      }
    }),
  );

  app.get(
    '/api/export/themes/:name/timeline.csv',
    route(async (req, res, reader) => {
      const theme = await findTheme(reader, textParam(req.params.name, 'name'));
      if (!theme) throw new ExportError(404, 'NOT_FOUND', `No theme named ${String(req.params.name)} (Chinese or English name, or a synonym).`);
      const rows = await themeTimelineRows(reader, theme.id);
      res.attachment(`${fileName(theme.name, 'timeline')}.csv`).type('text/csv; charset=utf-8').send(toCsv(rows, THEME_COLUMNS));
    }),
  );

  app.get(
    '/api/export/search.csv',
    route(async (req, res, reader) => {
      const q = textParam(req.query.q, 'q', 500);
      const typeList = typeof req.query.types === 'string' && req.query.types !== '' ? req.query.types.split(',') : [];
      const bad = typeList.filter((t) => !(SEARCH_TYPES as readonly string[]).includes(t));
      if (bad.length > 0) throw new ExportError(400, 'BAD_USER_INPUT', `unknown types ${bad.join(', ')}: use ${SEARCH_TYPES.join(', ')}.`);
      const hits = await search(reader, q, typeList.length > 0 ? (typeList as (typeof SEARCH_TYPES)[number][]) : null, intParam(req, 'first', 200, 1, 200));
      res.attachment(`${fileName('search', q)}.csv`).type('text/csv; charset=utf-8').send(toCsv(hits, SEARCH_COLUMNS));
    }),
  );

  app.get(
    /^\/api\/export\/graph\.(graphml|json)$/u,
    route(async (req, res, reader) => {
      const id = textParam(req.query.id, 'id', 300);
      const depth = intParam(req, 'depth', 1, 1, MAX_DEPTH);
      const limit = intParam(req, 'limit', 300, 1, MAX_NODES);
      const graph = await neighborhood(reader, { id, depth, limit, types: null, withProperties: true });
      if (graph.nodes.length === 0) throw new ExportError(404, 'NOT_FOUND', `No node with id ${id}.`);
      const name = fileName('graph', id, `depth${depth}`);
      if (req.path.endsWith('.graphml')) res.attachment(`${name}.graphml`).type('application/graphml+xml; charset=utf-8').send(toGraphml(graph.nodes, graph.edges));
      else res.attachment(`${name}.cyjs.json`).type('application/json').send(JSON.stringify(toCytoscapeJson(graph.nodes, graph.edges)));
    }),
  );
}
