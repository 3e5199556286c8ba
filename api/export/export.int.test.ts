/* eslint-disable @typescript-eslint/no-explicit-any -- parsed files are checked by shape */
// The exports on the seed graph: the spreadsheet is read back with exceljs, the CSV with a CSV
// parser, the GraphML with an XML parser; every row is checked against the graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import ExcelJS from 'exceljs';
import * as cheerio from 'cheerio';
import { Readable } from 'node:stream';
import { testDriver } from '../../test/neo4j.js';
import { loadSeedGraph } from '../../test/seed-graph.js';
import { startServer, type RunningServer } from '../server.js';
import { RESPONSIBILITY_COLUMNS } from './routes.js';

let driver: Driver;
let server: RunningServer;
// A department with a predecessor: its export must include the predecessor's responsibilities.
let dept: { id: string; name: string; own: number; viaPredecessors: number };

beforeAll(async () => {
  driver = testDriver();
  await loadSeedGraph(driver);
  server = await startServer({ driver, port: 0, host: '127.0.0.1', log: () => {}, warmUp: false, queryTimeoutMs: 60_000 });
  const r = await driver.executeQuery(
    `MATCH (p:Department)-[:SUCCEEDED_BY]->(d:Department)
     RETURN d.id AS id, d.name AS name, COUNT { (d)<-[:ASSIGNED_TO]-() } AS own,
            COUNT { MATCH (x:Department)-[:SUCCEEDED_BY*1..10]->(d) MATCH (x)<-[:ASSIGNED_TO]-() RETURN 1 } AS via
     ORDER BY via DESC, id LIMIT 1`,
  );
  const row = r.records[0]!;
  dept = { id: row.get('id'), name: row.get('name'), own: Number(row.get('own')), viaPredecessors: Number(row.get('via')) };
});

afterAll(async () => {
  await server?.close();
});

const url = (p: string) => `${server.url}${p}`;

/** CSV read back by another library than the one that wrote it (exceljs's CSV reader). */
async function parseCsv(text: string): Promise<Record<string, string>[]> {
  const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([text]), { parserOptions: { quote: '"' } } as never);
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('exports', () => {
  it("gives a department's responsibilities as XLSX, with its predecessors', readable by exceljs", async () => {
    expect(dept.viaPredecessors).toBeGreaterThan(0);
    const res = await fetch(url(`/api/export/departments/${encodeURIComponent(dept.name)}/responsibilities.xlsx`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(RESPONSIBILITY_COLUMNS.map((c) => c.header));
    const rows: any[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    expect(rows).toHaveLength(dept.own + dept.viaPredecessors);
    expect(rows.filter((r) => r['前身机构 via predecessor'] === '是 yes')).toHaveLength(dept.viaPredecessors);
    // every row points back to its source: a file and a line, and a measure that exists with that text
    const ids = rows.map((r) => r['措施编号 measure id']);
    const stored = await driver.executeQuery('UNWIND $ids AS id MATCH (m:Measure {id: id}) RETURN m.id AS id, m.text AS text, m.startLine AS line, m.sourceFile AS file', { ids });
    const byId = new Map(stored.records.map((x) => [x.get('id'), x]));
    for (const r of rows) {
      const m = byId.get(r['措施编号 measure id'])!;
      expect(r['措施 measure']).toBe(m.get('text'));
      expect(r['来源文件 source file']).toBe(m.get('file'));
      expect(Number(r['起始行 start line'])).toBe(Number(m.get('line')));
      expect(String(r['角色 role'])).toMatch(/(lead|joint|support)$/);
    }
    const years = rows.map((r) => r['年份 year']).filter((y) => typeof y === 'number');
    expect([...years].sort()).toEqual(years);
  });

  it('gives the same rows as CSV, and a theme timeline and a search as CSV', async () => {
    const bytes = Buffer.from(await (await fetch(url(`/api/export/departments/${encodeURIComponent(dept.name)}/responsibilities.csv`))).arrayBuffer());
    // A byte-order mark, so that Excel reads the Chinese text as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = await parseCsv(bytes.subarray(3).toString('utf8'));
    expect(records).toHaveLength(dept.own + dept.viaPredecessors);

    const theme = (await driver.executeQuery('MATCH (t:Theme)<-[:ABOUT]-(m) RETURN t.name AS name, count(m) AS n ORDER BY n DESC, name LIMIT 1')).records[0]!;
    const timeline = await parseCsv((await (await fetch(url(`/api/export/themes/${encodeURIComponent(theme.get('name'))}/timeline.csv`))).text()));
    expect(timeline).toHaveLength(Number(theme.get('n')));
    expect(timeline.every((r) => (r.measureId ?? '').startsWith('m:'))).toBe(true);

    const search = await fetch(url(`/api/export/search.csv?q=${encodeURIComponent(dept.name)}&types=Department,Measure`));
    const hits = await parseCsv(await search.text());
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => h.id === dept.id)).toBe(true);
    const bad = await fetch(url('/api/export/search.csv?q=x&types=Spaceship'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].message).toMatch(/unknown types Spaceship/);
    expect((await fetch(url('/api/export/departments/%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA/responsibilities.xlsx'))).status).toBe(404);
  });

  it('gives the graph around a node as GraphML that an XML parser reads, and as Cytoscape JSON', async () => {
    const res = await fetch(url(`/api/export/graph.graphml?id=${encodeURIComponent(dept.id)}&depth=2&limit=200`));
    expect(res.status).toBe(200);
    const $ = cheerio.load(await res.text(), { xml: { xmlMode: true } });
    expect($('graphml > graph').attr('edgedefault')).toBe('directed');
    const nodeIds = new Set($('graph > node').map((_, n) => $(n).attr('id')).get());
    expect(nodeIds.has(dept.id)).toBe(true);
    expect(nodeIds.size).toBeGreaterThan(10);
    const keys = new Map($('key').map((_, k) => [[$(k).attr('id'), $(k).attr('attr.name')]]).get() as [string, string][]);
    // every data element refers to a declared key, every edge to nodes of the file
    $('data').each((_, d) => {
      expect(keys.has($(d).attr('key')!)).toBe(true);
    });
    $('graph > edge').each((_, e) => {
      expect(nodeIds.has($(e).attr('source') ?? '')).toBe(true);
      expect(nodeIds.has($(e).attr('target') ?? '')).toBe(true);
    });
    const labelKey = [...keys.entries()].find(([id, name]) => name === 'label' && id.startsWith('n_'))![0];
    expect($(`node[id="${dept.id}"] > data[key="${labelKey}"]`).text()).toBe(dept.name);

    const json = (await (await fetch(url(`/api/export/graph.json?id=${encodeURIComponent(dept.id)}&depth=2&limit=200`))).json()) as any;
    expect(json.elements.nodes.map((n: any) => n.data.id).sort()).toEqual([...nodeIds].sort());
    expect(json.elements.edges.length).toBe($('graph > edge').length);
    expect((await fetch(url('/api/export/graph.graphml?id=nope'))).status).toBe(404);
    expect((await fetch(url(`/api/export/graph.graphml?id=${encodeURIComponent(dept.id)}&depth=9`))).status).toBe(400);
  });
});
