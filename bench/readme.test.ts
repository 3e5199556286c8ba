import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { latencyChart } from './chart.js';
import { QUERY_NAMES } from './compare/queries.js';
import { END_MARKER, START_MARKER, performanceBlock, replaceBetweenMarkers } from './readme.js';
import { evaluateTargets, type BenchResults } from './report.js';
import type { ServerLatency, SizeResult } from './size.js';

const lat = (p50: number): ServerLatency =>
  ({ p50, p95: p50 * 2, p99: p50 * 3, requests: 400, errors: 0, non2xx: 0, graphqlErrors: 0, answerItems: 1, nodeCpuMsPerRequest: 2, neo4jCpuMsPerRequest: 3 }) as unknown as ServerLatency;

function results(): BenchResults {
  const size = (docs: number | 'seeds', k: number): SizeResult => ({
    docs,
    seed: 1,
    corpus: { files: 1, bytes: 1, measuresWritten: null, tableDocuments: null, generateMs: null },
    errors: [],
    api: Object.fromEntries(QUERY_NAMES.map((q, i) => [q, { ours: lat(k * (i + 1) * 12), raw: lat(k * (i + 1) * 10), generated: lat(k * (i + 1) * 11) }])),
  });
  const r: BenchResults = {
    date: '2026-12-01T19:00:00.000Z',
    durationSec: 600,
    machine: { cores: 2, cpu: 'test cpu', loadAverageAtStart: [3, 2, 1], loadAverageAtEnd: [4, 3, 2] },
    settings: { seed: 1, requests: 400, connections: 20 },
    sizes: [size('seeds', 1), size(100, 2), size(1000, 30)],
    failures: [],
    targets: [],
  };
  r.targets = evaluateTargets(r);
  return r;
}

describe('latencyChart', () => {
  it('draws one point per size, query and server, placed by its p50 on a log scale', () => {
    const svg = latencyChart(results())!;
    const $ = cheerio.load(svg, { xml: true });
    expect($('svg').length).toBe(1);
    expect($('circle').length).toBe(3 * QUERY_NAMES.length * 3);
    expect($('polyline').length).toBe(QUERY_NAMES.length * 3);
    // A slower answer sits higher (smaller y) in its panel.
    const y = (title: string) => Number($(`circle:has(title:contains("${title}"))`).attr('cy'));
    expect(y('search, 1,000, ours: 360.0 ms')).toBeLessThan(y('search, 100, ours: 24.0 ms'));
    expect(y('search, 100, ours: 24.0 ms')).toBeLessThan(y('search, 100, raw Cypher (floor): 20.0 ms'));
  });

  it('is null without API figures', () => {
    const r = results();
    r.sizes = r.sizes.map((s) => ({ ...s, api: undefined }));
    expect(latencyChart(r)).toBeNull();
  });
});

describe('README performance block', () => {
  it('states cores and load average, and every issue-13 target with its verdict', () => {
    const block = performanceBlock(results(), 'bench/results/latency-p50.svg');
    expect(block).toContain('2 cores shared');
    expect(block).toContain('load average 3.0 / 2.0 / 1.0 at the start');
    expect(block).toContain('upper bound');
    expect(block).toContain('](bench/results/latency-p50.svg)');
    expect(block.match(/^\| 13 \|/gm)?.length).toBe(8);
    // ours / raw = 1.2 everywhere: met; ours / generated = 1.09: missed, with the cells named.
    expect(block).toMatch(/ours \/ raw Cypher.*\| yes \|/);
    expect(block).toMatch(/ours \/ @neo4j\/graphql.*missed in 15.*\| \*\*no\*\* \|/);
  });

  it('replaces only the text between the markers, and says what to do without them', () => {
    const readme = `# T\n\nbefore\n${START_MARKER}\nold figures\n${END_MARKER}\nafter\n`;
    const out = replaceBetweenMarkers(readme, 'new figures\n');
    expect(out).toBe(`# T\n\nbefore\n${START_MARKER}\n\nnew figures\n\n${END_MARKER}\nafter\n`);
    expect(replaceBetweenMarkers(out, 'new figures\n')).toBe(out);
    expect(() => replaceBetweenMarkers('# no markers', 'x')).toThrow(/npm run bench:report/);
  });
});
