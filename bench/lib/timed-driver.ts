// Where the load's time goes without touching the writer: a driver whose write transactions time
// every statement by its shape (the Cypher text, whitespace collapsed), plus the time spent
// outside statements (commit and round trips), so a slow load names the statement to fix.
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

export interface StatementTiming {
  statement: string;
  count: number;
  ms: number;
  rows: number; // UNWIND rows sent, when the statement takes $rows
}

export interface DriverTimings {
  statements: Map<string, StatementTiming>;
  transactions: number;
  transactionMs: number;
}

function shape(query: string): string {
  return query.replace(/\s+/g, ' ').trim().slice(0, 140);
}

export function timedDriver(driver: Driver): { driver: Driver; timings: DriverTimings } {
  const timings: DriverTimings = { statements: new Map(), transactions: 0, transactionMs: 0 };
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop !== 'run') return Reflect.get(target, prop, receiver) as unknown;
        return async (query: string, params?: Record<string, unknown>) => {
          const t0 = performance.now();
          const result = await target.run(query, params);
          const key = shape(query);
          const s = timings.statements.get(key) ?? { statement: key, count: 0, ms: 0, rows: 0 };
          s.count++;
          s.ms += performance.now() - t0;
          s.rows += Array.isArray(params?.rows) ? params.rows.length : 0;
          timings.statements.set(key, s);
          return result;
        };
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop !== 'executeWrite') return Reflect.get(target, prop, receiver) as unknown;
        return async <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: unknown) => {
          const t0 = performance.now();
          try {
            return await target.executeWrite((tx) => work(wrapTx(tx)), config as never);
          } finally {
            timings.transactions++;
            timings.transactionMs += performance.now() - t0;
          }
        };
      },
    });
  const proxied = new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop !== 'session') return Reflect.get(target, prop, receiver) as unknown;
      return (...args: Parameters<Driver['session']>) => wrapSession(target.session(...args));
    },
  });
  return { driver: proxied, timings };
}

/** The statements that took the most time, with the share of the load each took. */
export function topStatements(t: DriverTimings, totalMs: number, k = 6) {
  const statementsMs = [...t.statements.values()].reduce((a, s) => a + s.ms, 0);
  return {
    transactions: t.transactions,
    /** Time inside transactions but outside statements: commits and round trips. */
    commitAndOverheadMs: Math.round(t.transactionMs - statementsMs),
    statements: [...t.statements.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, k)
      .map((s) => ({ ...s, ms: Math.round(s.ms), share: Number((s.ms / Math.max(1, totalMs)).toFixed(3)), msPerCall: Number((s.ms / s.count).toFixed(2)) })),
  };
}
