import { describe, expect, it } from 'vitest';
import { relatedEntries, span, versionEntries } from './chain.js';

const m = (id: string) => ({ id });
const link = (earlier: string, later: string, score = 0.5) => ({ earlier: { id: earlier }, later: { id: later }, score });

describe('versionEntries', () => {
  it('gives each version the links from versions before it, the nearest first', () => {
    const versions = [m('a2017'), m('b2020'), m('c2021')];
    const entries = versionEntries(versions, [link('a2017', 'c2021', 0.2), link('b2020', 'c2021', 0.9), link('a2017', 'b2020')]);
    expect(entries.map((e) => e.links.map((l) => `${l.earlier.id}>${l.later.id}`))).toEqual([[], ['a2017>b2020'], ['b2020>c2021', 'a2017>c2021']]);
  });

  it('leaves a version linked only to a later one without a link in (a side branch)', () => {
    const versions = [m('a'), m('b'), m('c')];
    const entries = versionEntries(versions, [link('b', 'c'), link('a', 'c')]);
    expect(entries[1]!.links).toEqual([]);
    expect(entries[2]!.links.map((l) => l.earlier.id)).toEqual(['b', 'a']);
  });

  it('ignores links to measures that are not versions (related ones)', () => {
    expect(versionEntries([m('a'), m('b')], [link('x', 'b'), link('a', 'b')])[1]!.links.map((l) => l.earlier.id)).toEqual(['a']);
  });
});

describe('relatedEntries', () => {
  it('gives a related measure its links to versions in either direction, oriented earlier → later', () => {
    const versions = [m('v2020'), m('v2021')];
    const [entry] = relatedEntries([m('r2017')], versions, [link('r2017', 'v2021'), link('v2020', 'v2021'), link('r2017', 'x')]);
    expect(entry!.links.map((l) => `${l.earlier.id}>${l.later.id}`)).toEqual(['r2017>v2021']);
  });

  it('links a version of a related measure to that related measure, printed before it', () => {
    const entries = relatedEntries([m('r2017'), m('r2019')], [m('v2021')], [link('r2017', 'v2021'), link('r2017', 'r2019')]);
    expect(entries.map((e) => e.links.map((l) => `${l.earlier.id}>${l.later.id}`))).toEqual([['r2017>v2021'], ['r2017>r2019']]);
  });
});

describe('span', () => {
  it('writes one number or a range', () => {
    expect(span(3, 3)).toBe('3');
    expect(span(3, 5)).toBe('3–5');
    expect(span(4, null)).toBe('4');
  });
});
