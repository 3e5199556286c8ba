import { describe, expect, it } from 'vitest';
import { forEachCandidateList, type CandidateIndexInput } from './candidates.js';

/** Measures as feature lists (signature = the first three), documents and years given. */
function input(measures: { features: number[]; doc: number; year: number; date?: number }[], nNew = measures.length, over: Partial<CandidateIndexInput> = {}): CandidateIndexInput {
  const F = 1 + Math.max(...measures.flatMap((m) => m.features));
  const df = new Array<number>(F).fill(0);
  for (const m of measures) for (const f of m.features) df[f]!++;
  return {
    n: measures.length,
    nNew,
    featureCount: F,
    features: measures.map((m) => Int32Array.from([...m.features].sort((a, b) => a - b))),
    signatures: measures.map((m) => Int32Array.from(m.features.slice(0, 3))),
    df,
    idf: Float64Array.from(df, (d) => (d > 0 ? Math.log((measures.length + 1) / d) : 0)),
    docOf: Int32Array.from(measures, (m) => m.doc),
    yearOf: Float64Array.from(measures, (m) => m.year),
    dateOf: Float64Array.from(measures, (m) => m.date ?? NaN),
    postingCap: 150,
    maxCandidates: 200,
    pairSource: 3,
    ...over,
  };
}

function candidates(inp: CandidateIndexInput): Map<number, number[]> {
  const out = new Map<number, number[]>();
  forEachCandidateList(inp, (i, list, count) => out.set(i, Array.from(list.subarray(0, count))));
  return out;
}

describe('forEachCandidateList', () => {
  it('pairs measures of different documents that share a feature, each pair once', () => {
    const got = candidates(
      input([
        { features: [1, 2, 3], doc: 0, year: 2020 },
        { features: [1, 4, 5], doc: 1, year: 2021 },
        { features: [6, 7, 8], doc: 2, year: 2022 },
        { features: [1, 9], doc: 0, year: 2020 },
      ]),
    );
    expect(got.get(0)).toEqual([1]); // not 3: same document
    expect(got.get(1)).toEqual([3]); // 0 was met from 0's side
    expect(got.get(2)).toEqual([]);
  });

  it('never pairs measures that cannot be ordered (same year without two dates, no year)', () => {
    const got = candidates(
      input([
        { features: [1, 2], doc: 0, year: 2020 },
        { features: [1, 3], doc: 1, year: 2020 },
        { features: [1, 4], doc: 2, year: NaN },
        { features: [1, 5], doc: 3, year: 2020, date: Date.UTC(2020, 1, 1) },
        { features: [1, 6], doc: 4, year: 2020, date: Date.UTC(2020, 5, 1) },
      ]),
    );
    expect(got.get(0)).toEqual([]);
    expect(got.has(2)).toBe(false); // no year: no list at all
    expect(got.get(3)).toEqual([4]);
  });

  it('drops keys whose posting list exceeds the cap and reports them', () => {
    const many = Array.from({ length: 6 }, (_, d) => ({ features: [1, 10 + d], doc: d, year: 2015 + d }));
    const stats = forEachCandidateList(input(many, many.length, { postingCap: 5 }), (_i, _list, count) => expect(count).toBe(0));
    expect(stats.cappedKeys).toBeGreaterThan(0);
  });

  it('keeps at most maxCandidates, those sharing the most key weight', () => {
    const measures = [
      { features: [1, 2, 3], doc: 0, year: 2020 },
      { features: [1, 20], doc: 1, year: 2019 },
      { features: [1, 2, 3], doc: 2, year: 2018 },
      { features: [1, 21], doc: 3, year: 2017 },
    ];
    const got = candidates(input(measures, 1, { maxCandidates: 1 }));
    expect(got.get(0)).toEqual([2]);
  });

  it('looks up existing measures but lists only new ones', () => {
    const got = candidates(
      input(
        [
          { features: [1, 2], doc: 0, year: 2021 },
          { features: [1, 3], doc: 1, year: 2020 },
          { features: [1, 4], doc: 2, year: 2019 },
        ],
        1,
      ),
    );
    expect([...got.keys()]).toEqual([0]);
    expect(got.get(0)!.sort()).toEqual([1, 2]);
  });
});
