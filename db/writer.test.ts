import { describe, expect, it } from 'vitest';
import { bulkSlices } from './writer.js';

const row = (id: string, text: string) => ({ id, props: { text } });

describe('bulkSlices', () => {
  it('bounds a batch by rows and by characters, keeps the order, and lets an oversized row go alone', () => {
    const rows = [row('a', 'x'.repeat(10)), row('b', 'x'.repeat(10)), row('c', 'x'.repeat(100)), row('d', ''), row('e', ''), row('f', '')];
    const ids = (slices: Iterable<{ id: string }[]>) => [...slices].map((s) => s.map((r) => r.id).join(''));
    expect(ids(bulkSlices(rows, 2, 1_000))).toEqual(['ab', 'cd', 'ef']);
    expect(ids(bulkSlices(rows, 10, 30))).toEqual(['ab', 'c', 'def']);
    expect(ids(bulkSlices([], 10, 30))).toEqual([]);
  });
});
