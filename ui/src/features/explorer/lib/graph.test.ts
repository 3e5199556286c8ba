import { describe, expect, it } from 'vitest';
import { mergeGraphs, overviewPositions, shortestPath } from './graph.js';

const node = (id: string, type: string, year?: number) => ({ id, type, label: id, year: year ?? null });
const edge = (source: string, target: string, type = 'ABOUT', properties: Record<string, unknown> = {}) => ({
  id: `${source}|${type}|${target}`,
  type,
  source,
  target,
  properties,
});

describe('mergeGraphs', () => {
  it('unions nodes and edges and records which expansion brought each node', () => {
    const base = { nodes: [node('a', 'Document', 2017)], edges: [] };
    const first = { nodes: [node('a', 'Document', 2017), node('b', 'Measure', 2017)], edges: [edge('a', 'b', 'HAS_MEASURE')] };
    const second = { nodes: [node('b', 'Measure'), node('c', 'Theme')], edges: [edge('b', 'c'), edge('a', 'b', 'HAS_MEASURE')] };
    const merged = mergeGraphs(base, [first, second]);
    expect(merged.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(merged.edges).toHaveLength(2);
    expect([...merged.origin.entries()]).toEqual([
      ['a', -1],
      ['b', 0],
      ['c', 1],
    ]);
  });
  it('drops node types the canvas does not know and reads edge weights from counts', () => {
    const merged = mergeGraphs({ nodes: [node('x', 'Alien'), node('d', 'Document')], edges: [edge('d', 't', 'OVERVIEW', { count: 4 })] }, []);
    expect(merged.nodes.map((n) => n.id)).toEqual(['d']);
    expect(merged.edges[0]?.weight).toBe(4);
  });
});

describe('overviewPositions', () => {
  it('orders documents left to right by year and puts themes below, near their documents', () => {
    const nodes = [
      { id: 'd2020', type: 'Document' as const, label: '', year: 2020 },
      { id: 'd2017', type: 'Document' as const, label: '', year: 2017 },
      { id: 'd2017b', type: 'Document' as const, label: '', year: 2017 },
      { id: 't', type: 'Theme' as const, label: '' },
    ];
    const edges = [{ id: 'e', source: 'd2020', target: 't', type: 'ABOUT', weight: 3 }];
    const pos = overviewPositions(nodes, edges);
    expect(pos.get('d2017')!.x).toBeLessThan(pos.get('d2020')!.x);
    expect(pos.get('d2017')!.x).toBe(pos.get('d2017b')!.x);
    expect(pos.get('d2017')!.y).not.toBe(pos.get('d2017b')!.y);
    expect(pos.get('t')!.y).toBeGreaterThan(pos.get('d2017b')!.y);
  });
  it('orders themes left to right by the years of their documents', () => {
    const nodes = [
      { id: 'd2017', type: 'Document' as const, label: '', year: 2017 },
      { id: 'd2025', type: 'Document' as const, label: '', year: 2025 },
      { id: 'late', type: 'Theme' as const, label: '' },
      { id: 'early', type: 'Theme' as const, label: '' },
    ];
    const edges = [
      { id: '1', source: 'd2017', target: 'early', type: 'ABOUT' },
      { id: '2', source: 'd2025', target: 'late', type: 'ABOUT' },
    ];
    const pos = overviewPositions(nodes, edges);
    expect(pos.get('early')!.x).toBeLessThan(pos.get('late')!.x);
  });
  it('gives every theme its own place', () => {
    const nodes = [
      { id: 'd', type: 'Document' as const, label: '', year: 2019 },
      { id: 't1', type: 'Theme' as const, label: '' },
      { id: 't2', type: 'Theme' as const, label: '' },
    ];
    const edges = [
      { id: '1', source: 'd', target: 't1', type: 'ABOUT' },
      { id: '2', source: 'd', target: 't2', type: 'ABOUT' },
    ];
    const pos = overviewPositions(nodes, edges);
    const a = pos.get('t1')!;
    const b = pos.get('t2')!;
    expect(a.x !== b.x || a.y !== b.y).toBe(true);
  });
});

describe('shortestPath', () => {
  const e = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, type: 'X' });
  it('finds the fewest hops either way along the edges', () => {
    const edges = [e('a', 'b'), e('c', 'b'), e('c', 'd'), e('a', 'x'), e('x', 'y'), e('y', 'z'), e('z', 'd')];
    expect(shortestPath(edges, 'a', 'd')).toEqual({ nodes: ['a', 'b', 'c', 'd'], edges: ['a-b', 'c-b', 'c-d'] });
    expect(shortestPath(edges, 'a', 'nowhere')).toBeNull();
  });
});
