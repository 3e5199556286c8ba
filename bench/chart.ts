// A small SVG of API latency (p50) by corpus size for our API, raw Cypher and @neo4j/graphql,
// one panel per query, from a results file. Hand-written: five polylines a panel need no library.
import { QUERY_NAMES } from './compare/queries.js';
import type { BenchResults } from './report.js';

const SERIES = [
  { key: 'ours', label: 'ours', color: '#c62828' },
  { key: 'raw', label: 'raw Cypher (floor)', color: '#616161' },
  { key: 'generated', label: '@neo4j/graphql', color: '#1565c0' },
] as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => Number(n.toFixed(1));

/** The chart, or null when the results hold no API figures. */
export function latencyChart(r: BenchResults): string | null {
  const sizes = r.sizes.filter((s) => s.api && Object.keys(s.api).length > 0);
  const values = sizes.flatMap((s) => QUERY_NAMES.flatMap((q) => SERIES.map((x) => s.api?.[q]?.[x.key]?.p50).filter((v): v is number => typeof v === 'number' && v > 0)));
  if (values.length === 0) return null;
  const panelW = 150;
  const panelH = 150;
  const left = 48;
  const top = 46;
  const gap = 14;
  const width = left + QUERY_NAMES.length * (panelW + gap);
  const height = top + panelH + 46;
  // Log scale, whole decades, shared by the panels so they compare at a glance.
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const y = (v: number) => top + panelH - ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * panelH;
  const label = (d: number | 'seeds') => (d === 'seeds' ? 'seeds' : d.toLocaleString('en-US'));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<title>API latency p50 (ms, log scale) by corpus size: ours, raw Cypher, @neo4j/graphql; ${esc(r.date)}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  out.push(`<text x="${left}" y="16" font-size="13" font-weight="bold">API latency p50, ms (log scale), ${r.settings.connections} clients · ${esc(String((r.machine as Record<string, unknown>).cores ?? '?'))} shared cores · ${esc(r.date.slice(0, 10))}</text>`);
  SERIES.forEach((s, i) => {
    const x = left + i * 170;
    out.push(`<line x1="${x}" y1="30" x2="${x + 18}" y2="30" stroke="${s.color}" stroke-width="2"/><text x="${x + 24}" y="34">${esc(s.label)}</text>`);
  });
  for (let d = lo; d <= hi; d *= 10) {
    out.push(`<line x1="${left - 4}" y1="${num(y(d))}" x2="${width - gap}" y2="${num(y(d))}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${left - 6}" y="${num(y(d)) + 4}" text-anchor="end">${d.toLocaleString('en-US')}</text>`);
  }
  QUERY_NAMES.forEach((q, p) => {
    const x0 = left + p * (panelW + gap);
    const x = (i: number) => x0 + (sizes.length === 1 ? panelW / 2 : 12 + (i * (panelW - 24)) / (sizes.length - 1));
    out.push(`<rect x="${x0}" y="${top}" width="${panelW}" height="${panelH}" fill="none" stroke="#9e9e9e"/>`);
    out.push(`<text x="${x0 + panelW / 2}" y="${top + panelH + 32}" text-anchor="middle" font-weight="bold">${esc(q)}</text>`);
    sizes.forEach((s, i) => out.push(`<text x="${num(x(i))}" y="${top + panelH + 14}" text-anchor="middle">${esc(label(s.docs))}</text>`));
    for (const s of SERIES) {
      const pts = sizes.map((size, i) => ({ i, v: size.api?.[q]?.[s.key]?.p50 })).filter((pt): pt is { i: number; v: number } => typeof pt.v === 'number' && pt.v > 0);
      if (pts.length > 1) out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.map((pt) => `${num(x(pt.i))},${num(y(pt.v))}`).join(' ')}"/>`);
      for (const pt of pts) out.push(`<circle cx="${num(x(pt.i))}" cy="${num(y(pt.v))}" r="3" fill="${s.color}"><title>${esc(`${q}, ${label(sizes[pt.i]!.docs)}, ${s.label}: ${pt.v.toFixed(1)} ms`)}</title></circle>`);
    }
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
