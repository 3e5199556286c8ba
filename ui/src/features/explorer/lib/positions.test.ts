import { describe, expect, it } from 'vitest';
import { decodePositions, encodePositions } from './positions.js';

describe('positions in the URL', () => {
  it('round-trips rounded positions in node order, negative ones included', () => {
    const ids = ['a', 'b', 'c'];
    const encoded = encodePositions(ids, new Map([['a', { x: 10.4, y: -20.6 }], ['c', { x: 1234, y: 5 }]]));
    expect(encoded).not.toMatch(/[^0-9a-z._-]/);
    const back = decodePositions(ids, encoded);
    expect(back.get('a')).toEqual({ x: 10, y: -21 });
    expect(back.has('b')).toBe(false);
    expect(back.get('c')).toEqual({ x: 1234, y: 5 });
  });

  it('ignores a garbled parameter', () => {
    expect(decodePositions(['a'], 'zz').size).toBe(0);
    expect(decodePositions(['a'], null).size).toBe(0);
  });
});
