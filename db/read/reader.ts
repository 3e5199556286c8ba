// The one way the read side reaches Neo4j: read-only transactions with a timeout, results
// converted to plain JSON values, and a count of the queries run (the N+1 tests read it).
import neo4j, { type Driver, isInt, isDate, isDateTime, isLocalDateTime, isTime, isLocalTime, isDuration } from 'neo4j-driver';

export interface ReaderOptions {
  database?: string;
  /** Transaction timeout in milliseconds: a runaway query is killed by the server. */
  timeoutMs?: number;
}

export type Row = Record<string, unknown>;

/** Thrown for a query the database refused or timed out; the API maps it to an error code. */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ReadError';
  }
}

export class Reader {
  readonly database: string | undefined;
  readonly timeoutMs: number;
  /** Cypher queries run through this reader so far. */
  queryCount = 0;

  constructor(
    readonly driver: Driver,
    opts: ReaderOptions = {},
  ) {
    this.database = opts.database;
    this.timeoutMs = opts.timeoutMs ?? 5_000;
  }

  /** A reader on the same driver with its own query count (one per API request). */
  fork(): Reader {
    return new Reader(this.driver, { database: this.database, timeoutMs: this.timeoutMs });
  }

  /**
   * Runs one parameterised query in a read transaction and returns its rows as plain objects.
   * The Cypher text is always a constant of a db/read module; request values go in `params`.
   */
  async rows(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.queryCount++;
    const parameters = toNeo4jParams(params) as Record<string, unknown>;
    // An auto-commit query in a READ session: one round trip, and the server refuses writes.
    // Not executeRead: its retries wait up to 30 s when Neo4j is down, and an API should say so
    // at once; a transient failure is retried once here instead.
    for (let attempt = 0; ; attempt++) {
      // READ: under neo4j:// routing it goes to a secondary; the shared bookmark manager makes it
      // wait for the writes this process made (an import, then the API in `npm start`).
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        const result = await session.run(cypher, parameters, { timeout: this.timeoutMs, metadata: { app: 'policy-lineage-api' } });
        return result.records.map((record) => {
          const row: Row = {};
          for (const key of record.keys) row[key as string] = toPlain(record.get(key));
          return row;
        });
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        const retryable = (error as { retryable?: boolean }).retryable === true;
        if (retryable && attempt === 0 && !code.includes('TransactionTimedOut')) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        throw classifyReadError(error) ?? error;
      } finally {
        await session.close();
      }
    }
  }
}

/**
 * The error a client is told for a driver error it can act on (narrow the query, retry in a
 * moment); undefined for any other, which the API reports as an internal error.
 */
export function classifyReadError(error: unknown): ReadError | undefined {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : '';
  if (code.includes('TransactionTimedOut') || code.includes('Terminated')) {
    return new ReadError('The query took too long and was stopped; narrow it (smaller depth, limit or page).', 'QUERY_TIMEOUT', { cause: error });
  }
  // DatabaseUnavailable: the server answers but the database is still starting (recovery after a
  // restart); a transient error that a retry did not clear; a pool that could not get a connection
  // in time (the driver gives that one no code: a server that accepts connections but is too busy
  // starting up to answer them). To a client each is the same outage.
  if (
    code.includes('ServiceUnavailable') ||
    code.includes('SessionExpired') ||
    code.includes('DatabaseUnavailable') ||
    code.startsWith('Neo.TransientError.') ||
    /^Connection acquisition timed out/.test(message)
  ) {
    return new ReadError('The database is not reachable right now; retry in a moment.', 'DATABASE_UNAVAILABLE', { cause: error });
  }
  return undefined;
}

/**
 * JavaScript numbers reach Cypher as floats; whole numbers become Neo4j integers so that LIMIT,
 * SKIP, slices and comparisons with stored integers (years) behave.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}

/** Neo4j values → JSON values: Integers become numbers, temporal values ISO strings, nodes their properties. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings, numbers and booleans: returned before any of the checks below.
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  // Lists and maps are the driver's fresh copies of one record's values, owned by nobody else:
  // converted in place, since a nested projection of a few hundred items is mostly these and a
  // copy of each is garbage for the collector. Maps come before the checks below, which probe
  // each object's properties for every driver type.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const k in map) map[k] = toPlain(map[k]);
    return map;
  }
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return String(value);
  }
  const v = value as Record<string, unknown>;
  // Node or Relationship: their properties are what a caller wants.
  if ('properties' in v && ('labels' in v || 'type' in v) && 'elementId' in v) return toPlain(v.properties);
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = toPlain(v[k]);
  return out;
}

// Small typed accessors for rows: the database is schemaless, so every read is defensive.
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
export const int = (v: unknown): number | null => {
  const n = num(v);
  return n === null ? null : Math.trunc(n);
};
export const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined).map(String) : typeof v === 'string' && v !== '' ? [v] : [];
