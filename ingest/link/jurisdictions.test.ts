// Two cities in one corpus, through the whole dry-run pipeline: departments stay in their own
// jurisdiction, EVOLVES_FROM never crosses one, and RESEMBLES carries the diffusion with evidence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestSync } from '../pipeline.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jurisdictions-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The 2017 seed as another city would have written it: same measures, its own place and bodies.
const tianjin2017 = 'seeds/003_09f0f25af31244fa.txt';
const tianjin2020 = 'seeds/001_ef56ec4b67c98340.txt';
const shanghai2017 = path.join(dir, 'shanghai-2017.txt');
fs.writeFileSync(shanghai2017, fs.readFileSync(tianjin2017, 'utf8').replaceAll('天津市', '上海市').replaceAll('天津', '上海').replaceAll('津', '沪'));

describe('a corpus of two cities', () => {
  const { graph } = ingestSync([tianjin2017, tianjin2020, shanghai2017]);
  const docs = new Map(graph.nodes.filter((n) => n.labels.includes('Document') && n.properties.sourceFile).map((n) => [n.id, n]));
  const docOf = new Map(graph.relationships.filter((r) => r.type === 'HAS_MEASURE').map((r) => [r.end, r.start]));
  const jurisdictionOf = (measure: string) => docs.get(docOf.get(measure)!)!.properties.jurisdiction;

  it('reads each document\'s jurisdiction and keeps 市商务委 of 上海市 and of 天津市 apart', () => {
    expect([...docs.values()].map((d) => d.properties.jurisdiction).sort()).toEqual(['上海市', '天津市', '天津市']);
    const ids = graph.nodes.filter((n) => n.labels.includes('Department')).map((n) => n.id);
    expect(ids).toContain('dept:天津市/市商务委');
    expect(ids).toContain('dept:上海市/市商务委');
    // Every party of the Shanghai document is Shanghai's or national, never Tianjin's.
    for (const r of graph.relationships) {
      if (r.type !== 'ASSIGNED_TO' || jurisdictionOf(r.start) !== '上海市') continue;
      expect(r.end.startsWith('dept:上海市/') || r.end.startsWith('dept:国家/'), r.end).toBe(true);
    }
    // …with the generic 2018 succession, inferred.
    const inferred = graph.relationships.find((r) => r.type === 'SUCCEEDED_BY' && r.start === 'dept:上海市/市商务委')!;
    expect([inferred.end, inferred.properties.confidence]).toEqual(['dept:上海市/市商务局', 'inferred']);
  });

  it('never draws EVOLVES_FROM across jurisdictions, and links the other city through RESEMBLES with evidence', () => {
    const evolves = graph.relationships.filter((r) => r.type === 'EVOLVES_FROM');
    const resembles = graph.relationships.filter((r) => r.type === 'RESEMBLES');
    expect(evolves.length).toBeGreaterThan(0);
    for (const r of evolves) expect(jurisdictionOf(r.start)).toBe(jurisdictionOf(r.end));
    expect(resembles.length).toBeGreaterThan(0);
    for (const r of resembles) {
      expect(jurisdictionOf(r.start)).not.toBe(jurisdictionOf(r.end));
      expect((r.properties.evidence as string[]).length).toBeGreaterThan(0);
      expect(r.properties.earlierIssuedOn).toBeTruthy();
      expect(['same', 'related']).toContain(r.properties.tier);
    }
  });
});
