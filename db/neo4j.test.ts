import { describe, expect, it } from 'vitest';
import { heapBytes, SUPERVISION } from './neo4j.js';

describe('heapBytes', () => {
  it('reads the JVM’s size suffixes, so the after-disk-full retry only ever raises the heap', () => {
    expect(heapBytes('512m')).toBe(512 * 1024 ** 2);
    expect(heapBytes('2G')).toBe(2 * 1024 ** 3);
    expect(heapBytes('1048576')).toBe(1048576);
    expect(heapBytes('lots')).toBeNaN();
    expect(heapBytes('1g')).toBeLessThan(heapBytes(SUPERVISION.afterDiskFullHeap));
    expect(heapBytes('8g')).toBeGreaterThan(heapBytes(SUPERVISION.afterDiskFullHeap));
  });
});
