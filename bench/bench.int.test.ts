// Smoke test of the benchmark harness: a tiny corpus through every section (pipeline, linking,
// Neo4j load, HTTP load on the three servers, UI canvas) must give a well-formed results object
// and a rendered table. No timing assertions: figures are the benchmark's business, not a test's.
import { describe, expect, inject, it } from 'vitest';
import { testDriver } from '../test/neo4j.js';
import { QUERY_NAMES } from './compare/queries.js';
import { evaluateTargets, renderMarkdown, type BenchResults } from './report.js';
import { benchSize } from './size.js';
import { benchUi } from './ui.js';

describe('benchmark harness', () => {
  it('measures a 5-document corpus end to end and renders the results', async () => {
    const port = Number(/:(\d+)\/?$/.exec(inject('neo4jUri'))?.[1]);
    const size = await benchSize({
      docs: 5,
      seed: 7,
      driver: testDriver(),
      neo4jPort: port,
      apiPort: 0,
      rawPort: 0,
      generatedPort: 0,
      requests: 20,
      connections: 4,
      // The real explorer needs a built UI and minutes of browser time; the synthetic canvas
      // below checks the browser half of the harness.
      sections: ['pipeline', 'link', 'load', 'api', 'compare'],
      log: () => {},
    });
    expect(size.errors).toEqual([]);
    expect(size.corpus.files).toBe(5);
    expect(size.pipeline!.measures).toBeGreaterThan(0);
    expect(size.pipeline!.measuresPerSec).toBeGreaterThan(0);
    expect(size.link!.measures).toBe(size.pipeline!.measures);
    expect(size.load!.storedRelationships).toBeGreaterThan(0);
    expect(size.load!.relationshipsPerSec).toBeGreaterThan(0);
    for (const q of QUERY_NAMES) {
      const e = size.api![q]!;
      for (const server of [e.ours, e.raw!, e.generated!]) {
        expect(server.requests).toBe(20);
        expect(server.errors + server.non2xx + server.graphqlErrors).toBe(0);
        expect(server.p95).toBeGreaterThanOrEqual(server.p50);
        expect(server.p99).toBeGreaterThanOrEqual(server.p95);
      }
      // The three servers answer the same question with the same number of items.
      expect(e.raw!.answerItems).toBe(e.ours.answerItems);
    }

    const ui = await benchUi([60], 1, () => {});
    expect(ui[0]!.elements).toBe(60);
    expect(ui[0]!.readyMs).toBeGreaterThan(0);

    const results: BenchResults = {
      date: new Date().toISOString(),
      durationSec: 0,
      machine: { cpu: 'test', cores: 1, memoryGb: 1 },
      settings: { seed: 7, requests: 20, connections: 4 },
      sizes: [size],
      ui,
      failures: [],
      targets: [],
    };
    results.targets = evaluateTargets(results);
    expect(results.targets.length).toBeGreaterThanOrEqual(8);
    const md = renderMarkdown(results);
    expect(md).toContain('| 5 | search |');
    expect(md).toContain('## Targets\n');
  }, 600_000);
});
