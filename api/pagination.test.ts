import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { connection, encodeCursor, skipAfter } from './pagination.js';
import { pageSize, bounded } from './errors.js';

describe('cursors', () => {
  it('resume right after the item they name', () => {
    expect(skipAfter(undefined)).toBe(0);
    expect(skipAfter(encodeCursor(0))).toBe(1);
    expect(skipAfter(encodeCursor(41))).toBe(42);
  });

  it('refuse anything that is not one of ours with BAD_USER_INPUT', () => {
    const forged = ['pos:-3', 'pos:abc', 'pos:2147483647', 'pos:1e3', 'pos:1.5', 'pos:', 'pos:99999999999999999999'];
    for (const bad of ['xyz', ...forged.map((c) => Buffer.from(c).toString('base64url'))]) {
      expect(() => skipAfter(bad)).toThrowError(GraphQLError);
      try {
        skipAfter(bad);
      } catch (e) {
        expect((e as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      }
    }
  });

  it('describe where a page sits', () => {
    const item = (id: string) => ({ id, text: id, normText: null, year: 2020, path: null, section: null, responsibleText: null, summaryText: null, documentId: 'd', source: null });
    const c = connection({ totalCount: 5, offset: 2, items: [item('a'), item('b')] });
    expect(c.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(2), endCursor: encodeCursor(3) });
    expect(skipAfter(c.pageInfo.endCursor)).toBe(4);
    const last = connection({ totalCount: 5, offset: 4, items: [item('c')] });
    expect(last.pageInfo.hasNextPage).toBe(false);
  });
});

describe('argument limits', () => {
  it('refuse a page above the maximum with PAGE_SIZE_EXCEEDED', () => {
    expect(pageSize(undefined, 50)).toBe(50);
    expect(pageSize(200, 50)).toBe(200);
    expect(() => pageSize(201, 50)).toThrowError(/between 1 and 200/);
    expect(() => pageSize(0, 50)).toThrowError(GraphQLError);
    try {
      pageSize(100000, 50);
    } catch (e) {
      expect((e as GraphQLError).extensions.code).toBe('PAGE_SIZE_EXCEEDED');
    }
  });

  it('refuse out-of-range integers with BAD_USER_INPUT', () => {
    expect(bounded(2, 1, 1, 3, 'depth')).toBe(2);
    expect(() => bounded(4, 1, 1, 3, 'depth')).toThrowError(/depth/);
  });
});
