// The dry run's readable summary of each document: what a newcomer checks by hand — title,
// year, number, level, jurisdiction, each measure with its parties and roles and deadline, and
// the diagnostics of the file.
import { formatDiagnostic } from './diagnostics.js';
import type { Graph, GraphNode } from './types.js';

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const ROLE: Record<string, string> = { lead: '牵头', support: '配合', joint: '共同' };

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/gu, '');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function documentSummaries(graph: Graph, opts: { width?: number } = {}): string {
  return [...documentSummaryLines(graph, opts)].join('\n');
}

/** documentSummaries line by line: a file of 50 MB has a summary of tens of MB, never held whole. */
export function* documentSummaryLines(graph: Graph, opts: { width?: number } = {}): Generator<string> {
  const width = opts.width ?? 60;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const measuresOf = new Map<string, { order: number; node: GraphNode }[]>();
  const partiesOf = new Map<string, string[]>();
  for (const r of graph.relationships) {
    if (r.type === 'HAS_MEASURE') {
      const list = measuresOf.get(r.start) ?? [];
      list.push({ order: Number(r.properties.order ?? 0), node: byId.get(r.end)! });
      measuresOf.set(r.start, list);
    } else if (r.type === 'ASSIGNED_TO') {
      const dept = byId.get(r.end);
      const name = str(r.properties.asWritten) || str(dept?.properties.name) || r.end;
      const list = partiesOf.get(r.start) ?? [];
      list.push(`${name}(${ROLE[str(r.properties.role)] ?? str(r.properties.role)})`);
      partiesOf.set(r.start, list);
    }
  }
  for (const d of graph.nodes) {
    if (!d.labels.includes('Document') || typeof d.properties.sourceFile !== 'string') continue;
    const p = d.properties;
    yield `── ${p.sourceFile}`;
    yield `   title        ${str(p.title)}`;
    yield `   issuer       ${Array.isArray(p.issuers) ? p.issuers.join('、') : str(p.issuer) || '—'}`;
    yield `   year         ${str(p.year) || '—'}${p.yearSource && p.yearSource !== 'stated' ? ` (${str(p.yearSource)})` : ''}   number ${str(p.docNumber) || '—'}   issued ${str(p.issuedOn) || '—'}`;
    yield `   level        ${str(p.level) || '—'}   jurisdiction ${str(p.jurisdiction) || '—'}   layout ${str(p.genre)}`;
    const ms = (measuresOf.get(d.id) ?? []).sort((a, b) => a.order - b.order);
    yield `   measures     ${ms.length}`;
    for (const { order, node } of ms) {
      const m = node.properties;
      const parties = partiesOf.get(node.id) ?? [];
      const due = m.deadline ? `  [${str(m.deadline)}${m.deadlineDate ? ` → ${str(m.deadlineDate)}` : ''}]` : '';
      yield `   ${String(order).padStart(3)}. ${str(m.path).padEnd(14)} ${oneLine(`${m.title ? `${str(m.title)}。` : ''}${str(m.text)}`, width)}`;
      yield `        ${parties.length > 0 ? parties.join('、') : '(no party)'}${due}`;
    }
    const diags = graph.diagnostics.filter((x) => x.file === p.sourceFile);
    yield `   diagnostics  ${diags.length}`;
    for (const x of diags) yield `     ${formatDiagnostic(x)}`;
  }
}
