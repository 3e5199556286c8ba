import { describe, expect, it } from 'vitest';
import { rankNeighbours, type Candidate } from './expansion.js';

const c = (id: string, year: number | null, degree = 1): Candidate => ({ id, type: year === null ? 'Theme' : 'Measure', year, degree });

describe('rankNeighbours', () => {
  it('keeps hubs first, then takes years round-robin from the newest, so a cut keeps every year', () => {
    const ranked = rankNeighbours([c('a', 2017), c('b', 2017), c('c', 2017), c('d', 2021), c('e', 2025), c('t', null, 9)]);
    expect(ranked.map((x) => x.id)).toEqual(['t', 'e', 'd', 'a', 'b', 'c']);
    // a cut to four keeps the newest year and the oldest
    expect(new Set(ranked.slice(0, 4).map((x) => x.year))).toEqual(new Set([null, 2025, 2021, 2017]));
  });

  it('prefers the better connected node inside a year', () => {
    expect(rankNeighbours([c('a', 2020, 1), c('b', 2020, 5)]).map((x) => x.id)).toEqual(['b', 'a']);
  });
});
