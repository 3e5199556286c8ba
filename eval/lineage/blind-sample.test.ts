import { describe, expect, it } from 'vitest';
import type { LineageLink } from '../../ingest/link/lineage.js';
import { drawSample, refOf, reveal, type BlindSampleFile } from './blind-sample.js';
import type { EvalMeasure } from './evaluate.js';

const measures: EvalMeasure[] = [
  { id: 'a', sourceFile: 'x/2017.txt', normText: '积极争取试验网络先试先用' },
  { id: 'b', sourceFile: 'x/2020.txt', normText: '加快网络建设和商用步伐' },
  { id: 'c', sourceFile: 'x/2020.txt', normText: '加快网络建设和商业网点布局,扩大覆盖' },
  { id: 'd', sourceFile: 'x/2021.txt', normText: '建成基站五万个' },
];
const link = (from: string, to: string, tier: 'same' | 'related', score: number): LineageLink => ({
  from, to, score, tier, method: 'tfidf', evidence: ['网络'], sharedThemes: [], sharedInitiatives: [],
});
const links = [link('b', 'a', 'same', 0.2), link('c', 'a', 'related', 0.1), link('d', 'b', 'related', 0.07), link('d', 'c', 'same', 0.3)];

describe('blind sample', () => {
  it('draws the same links for the same seed, without repeats, and another order for another seed', () => {
    const one = drawSample(links, measures, 7, 3).map((l) => l.from + l.to);
    expect(drawSample(links, measures, 7, 3).map((l) => l.from + l.to)).toEqual(one);
    expect(new Set(one).size).toBe(3);
    const orders = new Set([1, 2, 3, 4, 5, 6].map((s) => drawSample(links, measures, s, 4).map((l) => l.from + l.to).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('names a measure by the shortest opening that no other measure of its file contains', () => {
    // Both open with 加快网络建设和商: the first twelve characters tell them apart.
    expect(refOf(measures[1]!, measures).text).toBe('加快网络建设和商用步伐');
    expect(refOf(measures[2]!, measures).text).toBe('加快网络建设和商业网点布');
  });

  it('compares judgments with the tiers: S tiered same and R tiered related are right; W is counted with its score', () => {
    const file: BlindSampleFile = {
      about: '',
      seed: 1,
      drawnFrom: 4,
      links: [
        { later: refOf(measures[1]!, measures), earlier: refOf(measures[0]!, measures), judgment: 'S', reason: '' },
        { later: refOf(measures[2]!, measures), earlier: refOf(measures[0]!, measures), judgment: 'S', reason: '' },
        { later: refOf(measures[3]!, measures), earlier: refOf(measures[1]!, measures), judgment: 'W', reason: '' },
        { later: refOf(measures[3]!, measures), earlier: refOf(measures[2]!, measures), judgment: 'R', reason: '' },
      ],
    };
    const r = reveal(file, links, measures);
    expect(r.counts).toEqual({ S: 2, R: 1, W: 1 });
    expect(r.found).toBe(4);
    expect(r.correctlyTiered).toBe(1); // b→a; c→a is S tiered related, d→c is R tiered same
    expect(r.sameOrTieredRelated).toBe(2);
    expect(r.wrongScores).toEqual([0.07]);
  });
});
