import neo4j, { type Driver } from 'neo4j-driver';
import { localTarget, targetFromEnv, type Neo4jTarget } from './config.js';
import { explainDatabaseError } from './errors.js';
import { freeSpaceMb, LOW_SPACE_MB, Neo4jOutOfMemoryError, Neo4jSetupError, startLocalNeo4j, StoreDamagedError, type LocalNeo4j } from './local.js';

export { Neo4jSetupError } from './local.js';

/** The database as the supervisor sees it: 'restarting' while the built-in Neo4j comes back. */
export type DatabaseState = 'up' | 'restarting' | 'failed';

export interface Connection {
  driver: Driver;
  /** undefined: the server's default database. */
  database: string | undefined;
  /** 'remote' when NEO4J_URI named a server; 'local' for the built-in one. */
  kind: Neo4jTarget['kind'];
  uri: string;
  /** 'up' for a server named by NEO4J_URI (this process does not supervise it). */
  state(): DatabaseState;
  /** Closes the driver and stops the built-in Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * The one way the product reaches Neo4j: the server in NEO4J_URI, or the built-in one started
 * on loopback. Resolves once a session answers.
 */
export async function connect(
  opts: {
    target?: Neo4jTarget;
    log?: (line: string) => void;
    /**
     * Called when the built-in Neo4j died and could not be brought back (after
     * SUPERVISION.maxRestarts attempts within SUPERVISION.windowMs, or at the first restart that
     * finds the store damaged beyond recovery). Without it the connection just reports 'failed'.
     */
    onFatal?: (reason: string) => void;
  } = {},
): Promise<Connection> {
  const target = opts.target ?? targetFromEnv();
  const log = opts.log ?? (() => {});
  let local: LocalNeo4j | undefined;
  let driver: Driver;
  let uri: string;
  let database: string | undefined;

  if (target.kind === 'remote') {
    uri = target.uri;
    database = target.database;
    driver = neo4j.driver(uri, neo4j.auth.basic(target.username, target.password), {
      disableLosslessIntegers: false,
    });
  } else {
    local = await startLocalNeo4j(target, { log });
    uri = local.uri;
    driver = neo4j.driver(uri, neo4j.auth.basic(local.username, local.password), {
      // Fail fast while the built-in Neo4j restarts instead of holding requests for a minute.
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
    });
  }

  try {
    await waitForSession(driver, database);
  } catch (err) {
    await driver.close();
    await local?.stop();
    const why = err instanceof Error ? err.message : String(err);
    const explained = explainDatabaseError(err);
    if (explained) throw new Neo4jSetupError(`Neo4j at ${uri} answers but cannot work: ${explained}`);
    throw new Neo4jSetupError(
      target.kind === 'remote'
        ? `Could not reach Neo4j at ${uri}: ${why}. Check NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD, or unset NEO4J_URI to use the built-in Neo4j.`
        : `The built-in Neo4j started but does not answer on ${uri}: ${why}.`,
    );
  }

  let closed = false;
  let state: DatabaseState = 'up';
  if (local && target.kind === 'local') {
    const restarts: number[] = [];
    /**
     * A full disk is transient but a restart cannot wait it out: Neo4j would run its recovery
     * short of space and fail, or damage the store, and the restarts would be used up. So the
     * supervisor waits for space first (the server answers DATABASE_UNAVAILABLE meanwhile).
     */
    const waitForSpace = async (how: string): Promise<boolean> => {
      let said = false;
      for (;;) {
        const free = freeSpaceMb(target.dataDir);
        if (closed || free === undefined || free >= LOW_SPACE_MB) return said;
        if (!said) {
          log(`Neo4j stopped (${how}); the disk holding ${target.dataDir} has ${free} MB free: waiting for ${LOW_SPACE_MB} MB before restarting it. Free some space.`);
          said = true;
        }
        await new Promise((r) => setTimeout(r, SUPERVISION.spacePollMs));
      }
    };
    const watch = (current: LocalNeo4j) => {
      void current.died.then(async (how) => {
        if (closed) return;
        state = 'restarting';
        // The launcher says "is full" when a full disk stopped the database (see PanicExit).
        let afterDiskFull = /\bis full\b/.test(how);
        let heap = target.heap;
        for (;;) {
          if (await waitForSpace(how)) afterDiskFull = true;
          if (closed) return;
          const now = Date.now();
          while (restarts.length > 0 && restarts[0]! < now - SUPERVISION.windowMs) restarts.shift();
          if (restarts.length >= SUPERVISION.maxRestarts) {
            state = 'failed';
            const reason = `the built-in Neo4j stopped (${how}) and did not stay up after ${SUPERVISION.maxRestarts} restarts within ${SUPERVISION.windowMs / 60_000} minutes; see ${target.dataDir}/launcher.log`;
            log(`error: ${reason}`);
            opts.onFatal?.(reason);
            return;
          }
          const delay = SUPERVISION.backoffMs[Math.min(restarts.length, SUPERVISION.backoffMs.length - 1)]!;
          restarts.push(now);
          log(`Neo4j stopped unexpectedly (${how}); restarting in ${delay / 1000} s (attempt ${restarts.length} of ${SUPERVISION.maxRestarts}).`);
          await new Promise((r) => setTimeout(r, delay));
          if (closed) return;
          const t0 = Date.now();
          try {
            local = await startLocalNeo4j({ ...target, heap }, { log, afterDiskFull });
            if (closed) {
              await local.stop();
              return;
            }
            state = 'up';
            log(`Neo4j is back (pid ${local.pid}) after ${Math.round((Date.now() - t0) / 100) / 10} s.`);
            watch(local);
            return;
          } catch (err) {
            if (err instanceof StoreDamagedError) {
              // Not transient: every further restart would fail the same way after a full JVM start.
              state = 'failed';
              const reason = `the built-in Neo4j stopped (${how}) and its store cannot be reopened: ${err.message}`;
              log(`error: ${reason}`);
              opts.onFatal?.(reason);
              return;
            }
            // After a full disk, reading the end of the transaction log can allocate a buffer the
            // size that its unreadable bytes spell (seen: an OutOfMemoryError at 1 GB at every
            // restart of the fault suite's store). One retry gets room for it; the read then fails
            // as a read, which the --after-disk-full start recovers from.
            if (afterDiskFull && err instanceof Neo4jOutOfMemoryError && heap === target.heap && heapBytes(target.heap) < heapBytes(SUPERVISION.afterDiskFullHeap)) {
              heap = SUPERVISION.afterDiskFullHeap;
              log(`Neo4j ran out of memory reading its transaction log after the disk was full; trying once more with a ${heap} heap.`);
            }
            how = `restart failed: ${(err as Error).message}`;
          }
        }
      });
    };
    watch(local);
  }
  return {
    driver,
    database,
    kind: target.kind,
    uri,
    state: () => state,
    async close() {
      if (closed) return;
      closed = true;
      await driver.close();
      await local?.stop();
    },
  };
}

/** How the built-in Neo4j is restarted when it dies. */
export const SUPERVISION = {
  maxRestarts: 5,
  windowMs: 10 * 60_000,
  backoffMs: [500, 2_000, 5_000, 10_000, 20_000],
  /** How often the free space is checked while a restart waits for it. */
  spacePollMs: 1_000,
  /** The heap of the one retry of a restart after a full disk that ran out of memory (see `watch`). */
  afterDiskFullHeap: '4g',
};

/** A JVM heap size (512m, 2g, 1024k) in bytes. */
export function heapBytes(size: string): number {
  const m = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!m) return NaN;
  return Number(m[1]) * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
}

async function waitForSession(driver: Driver, database: string | undefined): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await driver.executeQuery('RETURN 1', {}, { database });
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      // Authentication and unknown-database errors will not fix themselves.
      if (code.includes('Security') || code.includes('DatabaseNotFound') || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export { localTarget };
