// Opaque cursors for connections. A cursor encodes the item's position in the ordered result;
// that is enough because every list the API pages through has a total, deterministic order.
import type { MeasurePage } from '../db/read/measures.js';
import { badInput } from './errors.js';

const PREFIX = 'pos:';
/** No list the API pages through is this long; a larger position is a forged cursor. */
export const MAX_POSITION = 10_000_000;

export function encodeCursor(position: number): string {
  return Buffer.from(`${PREFIX}${position}`, 'utf8').toString('base64url');
}

/** The number of items to skip to resume after `cursor` (0 without one). */
export function skipAfter(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = decoded.startsWith(PREFIX) ? decoded.slice(PREFIX.length) : '';
  const position = /^\d{1,8}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isInteger(position) || position < 0 || position >= MAX_POSITION) {
    throw badInput('`after` is not a cursor of this API; pass an `endCursor` or `cursor` value from a previous page.', 'after');
  }
  return position + 1;
}

export function connection(page: MeasurePage) {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    totalCount: page.totalCount,
    nodes: page.items,
    edges,
    pageInfo: {
      hasNextPage: page.offset + page.items.length < page.totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
