// The README's Performance figures, regenerated from a results file: the run's header, the chart
// (bench/results/latency-p50.svg), the targets with measured / met-or-gap, and the headline figures
// per size. Only the text between the two markers is replaced; the prose around it is hand-written.
import { QUERY_NAMES } from './compare/queries.js';
import type { BenchResults } from './report.js';

export const START_MARKER = '<!-- bench:results:start (npm run bench:report writes this part) -->';
export const END_MARKER = '<!-- bench:results:end -->';

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function performanceBlock(r: BenchResults, chartPath: string | null): string {
  const m = r.machine as Record<string, unknown>;
  const loads = (k: string) => (m[k] as number[] | undefined)?.map((x) => x.toFixed(1)).join(' / ') ?? '–';
  const label = (d: number | 'seeds') => (d === 'seeds' ? 'seeds (5)' : fmt(d));
  const L: string[] = [];
  L.push(
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${fmt(r.durationSec / 60, 0)} min, commit ${String(m.commit ?? '–')}: ${String(m.cpu)}, ` +
      `**${String(m.cores)} cores shared with other engineers' jobs, load average ${loads('loadAverageAtStart')} at the start and ${loads('loadAverageAtEnd')} at the end** ` +
      `(1 / 5 / 15 min). Every wall-clock figure is therefore an upper bound; CPU figures are ours alone. Full tables: ` +
      '[`bench/results/latest.md`](bench/results/latest.md).',
    '',
  );
  if (chartPath) L.push(`![API latency p50 by corpus size: ours, raw Cypher, @neo4j/graphql](${chartPath})`, '');
  L.push('| issue | target | measured | met | where the time (or memory) goes |', '| --- | --- | --- | :---: | --- |');
  for (const t of r.targets.filter((x) => x.issue === 13)) {
    L.push(`| ${t.issue} | ${cell(t.target)} | ${cell(t.measured)} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} | ${cell(t.where ?? '')} |`);
  }
  L.push('');
  L.push('| size | measures | pipeline measures/s (CPU-s) | Node peak RSS MB | load relationships/s (path) | incremental relationships/s |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.sizes) {
    L.push(
      `| ${label(s.docs)} | ${fmt(s.pipeline?.measures)} | ${fmt(s.pipeline?.measuresPerSec)} (${fmt(s.pipeline?.measuresPerCpuSec)}) | ${fmt(s.pipeline?.nodePeakRssMb)} | ${fmt(s.load?.relationshipsPerSec)} (${s.load?.mode ?? '–'}) | ${fmt(s.incremental?.relationshipsPerSec)} |`,
    );
  }
  L.push('');
  const apiSizes = r.sizes.filter((s) => s.api);
  if (apiSizes.length) {
    L.push('API p50 in ms, ours / raw Cypher / @neo4j/graphql (20 clients):', '');
    L.push(`| query | ${apiSizes.map((s) => label(s.docs)).join(' | ')} |`, `| --- | ${apiSizes.map(() => '---:').join(' | ')} |`);
    for (const q of QUERY_NAMES) {
      L.push(`| ${q} | ${apiSizes.map((s) => { const e = s.api?.[q]; return e ? `${fmt(e.ours.p50)} / ${fmt(e.raw?.p50)} / ${fmt(e.generated?.p50)}` : '–'; }).join(' | ')} |`);
    }
    L.push('');
  }
  if (r.notes?.length) for (const n of r.notes) L.push(`- ${n}`);
  if (r.failures.length) for (const f of r.failures) L.push(`- Failed: ${f}`);
  return `${L.join('\n').trimEnd()}\n`;
}

/** The README with the text between the markers replaced by `block`. */
export function replaceBetweenMarkers(readme: string, block: string): string {
  const a = readme.indexOf(START_MARKER);
  const b = readme.indexOf(END_MARKER);
  if (a < 0 || b < a) throw new Error(`README.md has no "${START_MARKER}" … "${END_MARKER}" pair: put both markers where the Performance figures go, then run npm run bench:report again`);
  return `${readme.slice(0, a + START_MARKER.length)}\n\n${block}\n${readme.slice(b)}`;
}
