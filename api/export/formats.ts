// File formats of the exports, as pure functions of rows: XLSX (exceljs), CSV (csv-stringify),
// GraphML (for Gephi, yEd, Cytoscape desktop) and Cytoscape.js JSON.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { GraphEdgeRecord, GraphNodeRecord } from '../../db/read/neighborhood.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null;
  width?: number;
}

/** CSV with a header row and a UTF-8 BOM, so Excel opens Chinese text correctly. */
export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const body = stringify([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r) ?? ''))], { quoted_string: false });
  return `\ufeff${body}`;
}

/** One sheet with a bold, frozen header row and an auto filter. */
export async function toXlsx<T>(sheetName: string, rows: readonly T[], columns: readonly Column<T>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'policy-lineage';
  // Sheet names: at most 31 characters, none of []:*?/\
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/gu, ' ').slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.header, width: c.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const c of sheet.columns) c.alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters even escaped
const xml = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, '').replace(/[&<>"']/gu, (c) => XML_ESCAPES[c]!);

function scalar(v: unknown): { type: 'string' | 'double' | 'boolean'; text: string } | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return { type: 'double', text: String(v) };
  if (typeof v === 'boolean') return { type: 'boolean', text: String(v) };
  if (Array.isArray(v)) return { type: 'string', text: v.map(String).join('; ') };
  if (typeof v === 'object') return { type: 'string', text: JSON.stringify(v) };
  return { type: 'string', text: String(v) };
}

/**
 * GraphML with one key per property (lists joined with "; "), the node type as `type` and a
 * `label` for display. Properties of different types under one name are declared as strings.
 */
export function toGraphml(nodes: readonly GraphNodeRecord[], edges: readonly GraphEdgeRecord[]): string {
  const keys = new Map<string, { for: 'node' | 'edge'; name: string; type: string }>();
  const declare = (kind: 'node' | 'edge', name: string, type: string) => {
    const id = `${kind[0]}_${name}`;
    const known = keys.get(id);
    if (!known) keys.set(id, { for: kind, name, type });
    else if (known.type !== type) known.type = 'string';
    return id;
  };
  const nodeData = nodes.map((n) => {
    const data: [string, string][] = [];
    const props: Record<string, unknown> = { ...n.properties, type: n.type, label: n.label, year: n.year };
    delete props.sourceText; // the whole document text would make the file unusable in a graph tool
    delete props.id;
    for (const [k, v] of Object.entries(props)) {
      const s = scalar(v);
      if (s) data.push([declare('node', k, s.type), s.text]);
    }
    return { id: n.id, data };
  });
  const edgeData = edges.map((e) => {
    const data: [string, string][] = [[declare('edge', 'type', 'string'), e.type]];
    for (const [k, v] of Object.entries(e.properties)) {
      const s = scalar(v);
      if (s) data.push([declare('edge', k, s.type), s.text]);
    }
    return { e, data };
  });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...keys.entries()].map(([id, k]) => `  <key id="${xml(id)}" for="${k.for}" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`),
    '  <graph id="G" edgedefault="directed">',
    ...nodeData.flatMap((n) => [`    <node id="${xml(n.id)}">`, ...n.data.map(([k, v]) => `      <data key="${xml(k)}">${xml(v)}</data>`), '    </node>']),
    ...edgeData.flatMap(({ e, data }) => [
      `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">`,
      ...data.map(([k, v]) => `      <data key="${xml(k)}">${xml(v)}</data>`),
      '    </edge>',
    ]),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

/** Cytoscape.js JSON (`elements`), which Cytoscape desktop imports and cytoscape.js loads. */
export function toCytoscapeJson(nodes: readonly GraphNodeRecord[], edges: readonly GraphEdgeRecord[]): object {
  return {
    format_version: '1.0',
    generated_by: 'policy-lineage',
    elements: {
      nodes: nodes.map((n) => {
        const { sourceText: _text, ...props } = n.properties;
        return { data: { ...props, id: n.id, type: n.type, label: n.label, year: n.year } };
      }),
      edges: edges.map((e) => ({ data: { ...e.properties, id: e.id, source: e.source, target: e.target, type: e.type } })),
    },
  };
}
