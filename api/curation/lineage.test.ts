import { describe, expect, it } from 'vitest';
import type { MeasureRecord } from '../../db/read/measures.js';
import type { LineageEdgeRecord } from '../../db/read/measures.js';
import { pruneRejected } from './lineage.js';

const m = (id: string) => ({ id }) as MeasureRecord;
const edge = (later: string, earlier: string, curation: string | null = null) => ({ later: m(later), earlier: m(earlier), curation }) as LineageEdgeRecord;

describe('pruneRejected', () => {
  it('drops a rejected link and the measures reached only through it', () => {
    // c → b → a (c evolves from b, b from a), and c → x; b→a rejected
    const links = [edge('c', 'b'), edge('b', 'a', 'rejected'), edge('c', 'x', 'added')];
    const r = pruneRejected('c', [m('a'), m('b'), m('c'), m('x')], links);
    expect(r.measures.map((x) => x.id)).toEqual(['b', 'c', 'x']);
    expect(r.links.map((l) => `${l.later.id}>${l.earlier.id}`)).toEqual(['c>b', 'c>x']);
  });

  it('keeps a measure still reachable another way, and follows descendants', () => {
    const links = [edge('b', 'a', 'rejected'), edge('b', 'x'), edge('x', 'a'), edge('d', 'b', 'confirmed')];
    const r = pruneRejected('b', [m('a'), m('b'), m('d'), m('x')], links);
    expect(r.measures.map((x) => x.id)).toEqual(['a', 'b', 'd', 'x']);
    expect(r.links).toHaveLength(3);
  });
});
