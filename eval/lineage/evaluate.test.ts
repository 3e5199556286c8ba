import { describe, expect, it } from 'vitest';
import type { LineageLink } from '../../ingest/link/lineage.js';
import { evaluateLineage, scoreLineage, type EvalMeasure, type LabelledSet } from './evaluate.js';

const link = (from: string, to: string): LineageLink => ({
  from, to, score: 0.1, method: 'tfidf', evidence: [], sharedThemes: [], sharedInitiatives: [],
});

describe('scoreLineage', () => {
  const measures: EvalMeasure[] = [
    { id: 'a', sourceFile: 'seeds/2017.txt', normText: '争取试验网络先试先用' },
    { id: 'b', sourceFile: 'seeds/2020.txt', normText: '加快网络建设和商用' },
    { id: 'c', sourceFile: 'seeds/2021.txt', normText: '累计建成基站5万个' },
    { id: 'd', sourceFile: 'seeds/2022.txt', normText: '网络升级' },
    { id: 'e', sourceFile: 'seeds/2023.txt', normText: '千兆光网' },
    { id: 'x', sourceFile: 'seeds/2020.txt', normText: '发展托育服务' },
  ];
  const set: LabelledSet = {
    positives: [
      { earlier: { file: '2017.txt', text: '试验网络' }, later: { file: '2021.txt', text: '5 万个' }, reason: 'two hops' },
      { earlier: { file: '2017.txt', text: '试验网络' }, later: { file: '2023.txt', text: '千兆' }, reason: 'four hops' },
    ],
    negatives: [{ earlier: { file: '2020.txt', text: '托育' }, later: { file: '2021.txt', text: '基站' }, reason: 'different subject' }],
  };

  it('finds a true pair within three hops and not beyond', () => {
    const links = [link('c', 'b'), link('b', 'a'), link('e', 'd'), link('d', 'c')];
    const s = scoreLineage(measures, links, set);
    expect(s.truePositives).toBe(1); // c → b → a; e → d → c → b → a is four hops
    expect(s.falseNegatives).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.unresolved).toEqual([]);
  });

  it('counts a negative pair reachable within three hops as a false positive', () => {
    const links = [link('c', 'b'), link('b', 'x')];
    const s = scoreLineage(measures, links, set);
    expect(s.falsePositives).toBe(1);
    expect(s.directFalsePositives).toBe(0);
    expect(s.linksPerMeasure.max).toBe(1);
  });

  it('reports a reference that matches no measure or several', () => {
    const bad: LabelledSet = { positives: [{ earlier: { file: '2017.txt', text: '不存在' }, later: { file: '2020.txt', text: '网络' }, reason: '' }], negatives: [] };
    expect(scoreLineage(measures, [], bad).unresolved).toHaveLength(1);
  });
});

describe('lineage on the seeds', () => {
  // Floor just under what the method reaches on the 190 labelled pairs (precision 0.974, recall
  // 0.628; same tier: precision 0.900, recall 0.836; related: 0.440, 0.455). Same-tier precision
  // was 0.947 until the coordination boilerplate became a genre word (README, blind sample of
  // 2026-12-02): that removed the independent sample's two wrong links and tiers one labelled
  // related pair `same`; 0.9 is issue 11's bar. Overall and related
  // recall fell from 0.946 / 1 on purpose: a related link below 0.12 now needs a distinctive
  // shared subject, and most labelled related pairs share one field's words only (README).
  it('keeps precision and recall above the floor', async () => {
    const s = await evaluateLineage();
    expect(s.unresolved).toEqual([]);
    expect(s.positives + s.negatives).toBeGreaterThanOrEqual(190);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.6);
    expect(s.directFalsePositives).toBeLessThanOrEqual(2);
    const [same, related] = s.tiers;
    expect(same!.precision).toBeGreaterThanOrEqual(0.9);
    expect(same!.recall).toBeGreaterThanOrEqual(0.82);
    expect(related!.precision).toBeGreaterThanOrEqual(0.43);
    expect(related!.recall).toBeGreaterThanOrEqual(0.43);
    for (const e of [...s.best, ...s.weakest]) expect(e.evidence.length).toBeGreaterThan(0);
  }, 120_000);
});
