import { describe, expect, it } from 'vitest';
import { linkMeasures, type LineageLink } from '../../ingest/link/lineage.js';
import { corpusFiles, drawSample, refOf, reveal, type BlindSampleFile, type Judgment } from './blind-sample.js';
import { defaultSeedFiles, linkableMeasuresFromGraph, loadLabelledSet, resolveRef, seedGraph, type EvalMeasure } from './evaluate.js';

const measures: EvalMeasure[] = [
  { id: 'a', sourceFile: 'x/2017.txt', normText: '积极争取试验网络先试先用' },
  { id: 'b', sourceFile: 'x/2020.txt', normText: '加快网络建设和商用步伐' },
  { id: 'c', sourceFile: 'x/2020.txt', normText: '加快网络建设和商业网点布局,扩大覆盖' },
  { id: 'd', sourceFile: 'x/2021.txt', normText: '建成基站五万个' },
];
const link = (from: string, to: string, tier: 'same' | 'related', score: number): LineageLink => ({
  from, to, score, tier, method: 'tfidf', evidence: ['网络'], sharedThemes: [], sharedInitiatives: [],
});
/** A judged sample of [later, earlier, judgment] by index in `measures`. */
const judged = (rows: [number, number, Judgment][]): BlindSampleFile => ({
  about: '',
  seed: 1,
  drawnFrom: 4,
  links: rows.map(([later, earlier, judgment]) => ({ later: refOf(measures[later]!, measures), earlier: refOf(measures[earlier]!, measures), judgment, reason: '' })),
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
    const file = judged([[1, 0, 'S'], [2, 0, 'S'], [3, 1, 'W'], [3, 2, 'R']]);
    const r = reveal(file, links, measures);
    expect(r.counts).toEqual({ S: 2, R: 1, W: 1 });
    expect(r.found).toBe(4);
    expect(r.correctlyTiered).toBe(1); // b→a; c→a is S tiered related, d→c is R tiered same
    expect(r.sameOrTieredRelated).toBe(2);
    expect(r.wrongScores).toEqual([0.07]);
    expect(r.byKind).toEqual({ EVOLVES_FROM: { S: 2, R: 1, W: 1 } }); // a link without a kind is EVOLVES_FROM
  });

  it('refuses a file with a link left unjudged, naming it', () => {
    const file = judged([[1, 0, 'S'], [2, 0, '' as Judgment]]);
    expect(() => reveal(file, links, measures)).toThrow(/link #2 has no judgment/);
  });
});

describe('blind sample over the wider corpus (seeds and eval/documents)', () => {
  it('relinks as the pipeline links, and draws deterministically only links that pairs.json does not label', async () => {
    const files = corpusFiles('all');
    expect(corpusFiles('seeds')).toEqual(defaultSeedFiles());
    expect(files.slice(0, defaultSeedFiles().length)).toEqual(defaultSeedFiles());
    expect(files.some((f) => f.includes('eval/documents/'))).toBe(true);

    const graph = await seedGraph(files);
    const measures = linkableMeasuresFromGraph(graph);
    const { links } = linkMeasures(measures);
    // The sample is meant to be of the product's links: same pairs and kinds as the pipeline's graph
    // (RESEMBLES between jurisdictions, no link across levels).
    const shipped = graph.relationships.filter((r) => r.type === 'EVOLVES_FROM' || r.type === 'RESEMBLES').map((r) => `${r.type} ${r.start}→${r.end}`);
    expect(links.map((l) => `${l.kind} ${l.from}→${l.to}`).sort()).toEqual(shipped.sort());
    expect(links.some((l) => l.kind === 'RESEMBLES')).toBe(true);

    const set = loadLabelledSet();
    const labelled = new Set<string>();
    for (const p of [...set.positives, ...set.negatives]) {
      const [l, e] = [resolveRef(p.later, measures), resolveRef(p.earlier, measures)];
      // A reference that became ambiguous in the wider corpus would let a labelled pair through.
      expect(typeof l).not.toBe('string');
      expect(typeof e).not.toBe('string');
      labelled.add(`${(l as EvalMeasure).id}→${(e as EvalMeasure).id}`);
    }
    const sample = drawSample(links, measures, 20261204, 40);
    // All the unlabelled links, or 40 of them once the corpus gives more.
    expect(sample.length).toBe(Math.min(40, links.filter((l) => !labelled.has(`${l.from}→${l.to}`)).length));
    expect(sample.length).toBeLessThan(links.length);
    for (const l of sample) expect(labelled.has(`${l.from}→${l.to}`)).toBe(false);
    expect(drawSample(links, measures, 20261204, 40)).toEqual(sample);

    // Each drawn measure's reference resolves back to it, so a judgments file can be revealed.
    for (const l of sample) {
      for (const id of [l.from, l.to]) {
        const m = measures.find((x) => x.id === id)!;
        expect(resolveRef(refOf(m, measures), measures)).toBe(m);
      }
    }
  }, 120_000);
});
