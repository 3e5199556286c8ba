 
// The fault suite (npm run test:faults, run by CI): `npm start` as a user runs it, with its own
// built-in Neo4j and data folder, on loopback, every loop bounded. The tests run in order against
// one product; each row of the table in docs/reliability.md comes from here (printed at the end,
// and written to .data/faults-table.md).
// - The JVM's log goes to /dev/full: every write fails with ENOSPC (a real kernel error).
// - The abusive queries of issue 12: each refused within 1 s, the server's memory bounded.
// - kill -9 of Neo4j under load: no request hangs, the API recovers within the stated limit.
// - kill -9 of the ingest at random points: the rerun equals a clean run (counts and a hash).
// - ENOSPC at the store: the data folder is a small tmpfs, filled up (needs the right to mount,
//   which CI has as root; said and skipped where it is missing).
// - SIGTERM to the pid `npm start` prints stops the server and Neo4j.
// - A store Neo4j cannot recover: `npm start` says what happened and what to do, leaves nothing running.
// Limits are derived from how long this machine took to start Neo4j, not fixed guesses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/config.js';
import { portInUse } from '../../db/local.js';
import { SUPERVISION } from '../../db/neo4j.js';
import { clearGraph } from '../../db/writer.js';
import { seedFiles } from '../seed-graph.js';
import { alive, cpuMs, gql, graphDigest, load1, npmStart, printTable, processesNaming, record, rssMb, waitFor, type Product } from './harness.js';

/**
 * No request may take longer than this during the outage (the driver's 10 s acquisition limit plus
 * the 5 s query limit), plus three times the slowest request this machine served before the kill.
 */
const REQUEST_LIMIT_MS = 15_000;
/** Abusive queries must be refused within this (issue 12). */
const REFUSAL_LIMIT_MS = 1_000;

const basePort = Number(process.env.NEO4J_FAULT_PORT ?? 7790);
const runDir = path.join(projectRoot, '.data', `faults-${process.pid}`);
/** A tmpfs when this process may mount one (the store-full test fills it), else a plain folder. */
let storeOnTmpfs = false;
const dataDir = path.join(runDir, 'neo4j');
let neo4jPort = basePort;
let product: Product;
/** Later runs of npm start, stopped in afterAll whatever happens. */
const others: Product[] = [];
let url = '';
/** How long this machine took to start the product's Neo4j (JVM, store, first answer). */
let neo4jStartMs = 0;
let driver: Driver | undefined;

function output(): string {
  return product.output();
}

function tail(): string {
  return `Output:\n${output().slice(-3000)}`;
}

function neo4jPid(): number {
  const all = [...output().matchAll(/Neo4j is up \(pid (\d+)/g)];
  return Number(all[all.length - 1]?.[1]);
}

function password(): string {
  return fs.readFileSync(path.join(dataDir, 'neo4j-password'), 'utf8').trim();
}

function db(): Driver {
  driver ??= neo4j.driver(`bolt://127.0.0.1:${neo4jPort}`, neo4j.auth.basic('neo4j', password()), { connectionAcquisitionTimeout: 20_000 });
  return driver;
}

/** The last ERROR and WARN lines of the store's own log: why a database did not open. */
function debugLogErrors(): string {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'logs', 'debug.log'), 'utf8').split('\n');
    return lines.filter((l) => /\b(ERROR|WARN)\b|Exception|Caused by/.test(l)).slice(-40).join('\n');
  } catch (err) {
    return `(not readable: ${(err as Error).message})`;
  }
}

/** Why the data folder is not on a tmpfs (printed when the store-full test is skipped). */
let noTmpfsReason = '';

function tryMountTmpfs(dir: string, size: string): boolean {
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) noTmpfsReason = (r.error?.message ?? r.stderr.trim()) || `mount exited with ${r.status}`;
  return r.status === 0;
}

beforeAll(async () => {
  while (await portInUse(neo4jPort)) {
    if (++neo4jPort > basePort + 40) throw new Error('no free port for the fault suite’s Neo4j');
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  storeOnTmpfs = tryMountTmpfs(dataDir, '192m');
  product = npmStart({
    NODE_ENV: 'production',
    // Any free port: the test reads the address the server prints.
    PORT: '0',
    NEO4J_PORT: String(neo4jPort),
    NEO4J_DATA: dataDir,
    NEO4J_HEAP: '1g',
    NEO4J_PAGECACHE: '128m',
    NEO4J_LOG: '/dev/full',
  });
  // Bounded by the product's own limit for starting Neo4j (300 s) plus migrations and seeds.
  url = await waitFor(
    'npm start serves',
    600_000,
    () => {
      if (product.child.exitCode !== null) throw new Error(`npm start exited with code ${product.child.exitCode}:\n${output().slice(-3000)}`);
      return /Policy lineage explorer: (http:\/\/\S+)/.exec(output())?.[1];
    },
    tail,
  );
  neo4jStartMs = Number(/Neo4j ready at \S+ \(local\) in (\d+) ms/.exec(output())![1]);
  console.log(`Neo4j started in ${(neo4jStartMs / 1000).toFixed(1)} s (load ${load1()}); data folder on ${storeOnTmpfs ? 'a 192 MB tmpfs' : 'the normal disk'}`);
});

afterAll(async () => {
  await driver?.close().catch(() => {});
  for (const p of [product, ...others]) {
    if (!p) continue;
    if (p.child.exitCode === null) p.child.kill('SIGKILL');
    const printed = p.printedPid();
    if (printed && alive(printed)) process.kill(printed, 'SIGKILL');
  }
  for (const pid of processesNaming(dataDir)) process.kill(pid, 'SIGKILL');
  // For a failure to be read afterwards: the store's own logs are gone with its tmpfs.
  if (process.env.FAULT_KEEP_LOGS) fs.cpSync(path.join(dataDir, 'logs'), process.env.FAULT_KEEP_LOGS, { recursive: true, force: true });
  if (storeOnTmpfs) spawnSync('umount', ['-l', dataDir]);
  fs.rmSync(runDir, { recursive: true, force: true });
  console.log(printTable(`Fault suite, ${new Date().toISOString().slice(0, 16)} UTC, ${(await import('node:os')).cpus().length} cores, Neo4j start ${(neo4jStartMs / 1000).toFixed(1)} s`));
});

describe('a full disk under the Neo4j log', () => {
  it('is reported once, clearly, and the service keeps answering', async () => {
    expect(output()).toMatch(/the Neo4j log is not being written: the disk is full: cannot write \/dev\/full \(ENOSPC\)/);
    expect(output().match(/the Neo4j log is not being written/g)!.length).toBe(1);
    expect(output()).not.toMatch(/Uncaught|unhandled/i);
    // Polled: right after the start, on a loaded machine, a first query may meet the 5 s query limit.
    const r = await waitFor('a query answers', 60_000, async () => {
      const a = await gql(url, '{ stats { years } }').catch(() => undefined);
      return a?.json.data?.stats ? a : undefined;
    }, tail);
    expect(r.json.data.stats.years.length).toBeGreaterThan(0);
    record({
      fault: 'ENOSPC at every write of the Neo4j log (/dev/full)',
      before: 'uncaught ENOSPC killed the API; the JVM ran on orphaned at 100 % CPU',
      time: `served after ${(neo4jStartMs / 1000).toFixed(0)} s of Neo4j start; query ${r.ms.toFixed(0)} ms`,
      memory: '–',
      status: 'one warning line, API answers',
      lost: 'only the log lines',
    });
  });
});

describe('the server', () => {
  it('listens on loopback only by default', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});

describe('abusive queries', () => {
  it('are each refused within 1 s, and the server’s memory stays bounded', async () => {
    const pid = product.printedPid()!;
    const before = rssMb(pid);
    const doc = (await gql(url, '{ documents(level: "municipal") { id } }')).json.data.documents[0].id;
    const attacks: [string, string, string, Record<string, unknown>?][] = [
      ['depth-12 query of nested lists', '28 s, event loop frozen 27 s, Node 3.6 GB', '{ themes { timeline { measures { responsibilities { department { responsibilities { measure { themes { theme { timeline { measures { id } } } } } } } } } } } }'],
      ['`first` as a variable', 'ran at cost 37,108 (refused as a literal)', 'query ($n: Int) { measures(first: $n) { nodes { document { measures(first: $n) { nodes { id text } } } } } }', { n: 200 }],
      ['20 aliases of sourceText', '235 MB response', `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: document(id: "${doc}") { sourceText }`).join(' ')} }`],
      ['filter of 20,000 theme names (150 kB)', 'event loop blocked 7 s', 'query ($t: [String!]) { measures(filter: { themes: $t }) { totalCount } }', { t: Array.from({ length: 20_000 }, (_, i) => `t${i}`) }],
    ];
    const slowest = new Map<string, number>();
    const codes = new Map<string, string>();
    // On a machine busier than its cores, a request waits for a core as long as the load says:
    // the wall-clock limit grows with it, and the server's own CPU time per round keeps the 1 s.
    const cores = (await import('node:os')).cpus().length;
    const wallLimitMs = REFUSAL_LIMIT_MS * Math.max(1, load1() / cores);
    let maxRoundCpuMs = 0;
    // Three rounds of all four at once: the probe ran three of the first at once (82 s each).
    for (let round = 0; round < 3; round++) {
      const cpu0 = cpuMs(pid);
      const results = await Promise.all(attacks.map(([, , q, v]) => gql(url, q, v)));
      maxRoundCpuMs = Math.max(maxRoundCpuMs, cpuMs(pid) - cpu0);
      results.forEach((r, i) => {
        const name = attacks[i]![0];
        expect(r.json.errors?.length, name).toBeGreaterThan(0);
        expect(r.json.data ?? null, name).toBeNull();
        expect(r.ms, name).toBeLessThan(wallLimitMs);
        slowest.set(name, Math.max(slowest.get(name) ?? 0, r.ms));
        codes.set(name, r.codes.join(','));
      });
    }
    const after = rssMb(pid);
    console.log(
      `server RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after 12 abusive requests; server CPU ≤ ${maxRoundCpuMs} ms per round of 4; wall limit ${wallLimitMs.toFixed(0)} ms at load ${load1()} on ${cores} cores`,
    );
    expect(after - before).toBeLessThan(150);
    expect(maxRoundCpuMs).toBeLessThan(REFUSAL_LIMIT_MS);
    for (const [name, was] of attacks) {
      record({
        fault: `query: ${name} (×3, at once with the others)`,
        before: was,
        time: `refused in ≤ ${slowest.get(name)!.toFixed(0)} ms wall (limit ${wallLimitMs.toFixed(0)}); server CPU ≤ ${maxRoundCpuMs} ms per round of all four`,
        memory: `server RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB over all 12`,
        status: codes.get(name)!,
        lost: 'nothing (read only)',
      });
    }
  });
});

describe('kill -9 of Neo4j under load', () => {
  it('no request hangs, /healthz shows the outage, and the API recovers on its own', async () => {
    // The restart is a new start of the same JVM and store: it takes what the first start took on
    // this machine, twice for slack, plus the first backoff and time to notice.
    const recoveryLimitMs = SUPERVISION.backoffMs[0]! + 2 * neo4jStartMs + 15_000;
    const pid = neo4jPid();
    expect(alive(pid)).toBe(true);
    let stop = false;
    const durations: number[] = [];
    const codes = new Set<string>();
    const client = async () => {
      while (!stop) {
        const t0 = performance.now();
        try {
          const r = await gql(url, '{ stats { years } }', undefined, 60_000);
          for (const c of r.codes) codes.add(c);
        } catch (err) {
          codes.add((err as Error).name);
        }
        durations.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const clients = Array.from({ length: 4 }, client);
    await new Promise((r) => setTimeout(r, 2_000));
    // What this machine adds to a request that works: the outage's limit is the product's plus this.
    const machineMs = Math.max(...durations, 0);
    const requestLimitMs = REQUEST_LIMIT_MS + 3 * machineMs;
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const outageSeenMs = await waitFor('/healthz reports the outage', 10_000, async () =>
      (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) })).status === 503 ? Date.now() - killedAt : undefined,
    );
    await waitFor(
      'the API answers again',
      recoveryLimitMs,
      async () => {
        const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
        if (health?.status !== 200) return undefined;
        const r = await gql(url, '{ stats { years } }').catch(() => undefined);
        return r && !r.json.errors ? true : undefined;
      },
      tail,
    );
    const recoveredMs = Date.now() - killedAt;
    stop = true;
    await Promise.all(clients);
    const slowest = Math.max(...durations);
    console.log(
      `recovered ${(recoveredMs / 1000).toFixed(1)} s after kill -9 (limit ${(recoveryLimitMs / 1000).toFixed(0)} s); ${durations.length} requests, slowest ${slowest.toFixed(0)} ms (limit ${requestLimitMs.toFixed(0)} ms, ${machineMs.toFixed(0)} ms before the kill); codes seen: ${[...codes].join(', ') || 'none'}`,
    );
    expect(output()).toMatch(/Neo4j stopped unexpectedly \(killed by SIGKILL\); restarting/);
    expect(output()).toMatch(/Neo4j is back/);
    expect(neo4jPid()).not.toBe(pid);
    expect(slowest).toBeLessThan(requestLimitMs);
    expect([...codes].every((c) => c === 'DATABASE_UNAVAILABLE' || c === 'QUERY_TIMEOUT')).toBe(true);
    const digest = await graphDigest(db());
    expect(digest.nodes).toBeGreaterThan(0);
    record({
      fault: 'kill -9 of Neo4j under load (4 clients)',
      before: 'DATABASE_UNAVAILABLE forever, /healthz 200, nothing logged',
      time: `/healthz 503 after ${(outageSeenMs / 1000).toFixed(1)} s; answers again after ${(recoveredMs / 1000).toFixed(0)} s (limit ${(recoveryLimitMs / 1000).toFixed(0)} s); slowest request ${(slowest / 1000).toFixed(1)} s of ${durations.length} (limit ${(requestLimitMs / 1000).toFixed(1)} s)`,
      memory: `server RSS ${rssMb(product.printedPid()!).toFixed(0)} MB`,
      status: `restarted by the supervisor; clients saw ${[...codes].join(', ') || 'no error'}`,
      lost: `nothing: ${digest.nodes} nodes, ${digest.relationships} relationships after recovery`,
    });
  });
});

describe('kill -9 of the ingest at random points', () => {
  /** The ingest as a user runs it, into the product's Neo4j. */
  function cliIngest(limitMs: number) {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...seedFiles()], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${neo4jPort}`, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: password() },
      encoding: 'utf8',
      timeout: limitMs,
      killSignal: 'SIGKILL',
    });
    return { ...r, ms: Date.now() - t0 };
  }

  function crashIngest(crashAt: number, delayMs: number, limitMs: number) {
    return spawnSync(process.execPath, ['--import', 'tsx', 'test/crash-ingest.ts', ...seedFiles()], {
      cwd: projectRoot,
      env: {
        ...process.env,
        NEO4J_TEST_URI: `bolt://127.0.0.1:${neo4jPort}`,
        NEO4J_TEST_USERNAME: 'neo4j',
        NEO4J_TEST_PASSWORD: password(),
        CRASH_AT: String(crashAt),
        CRASH_DELAY_MS: String(delayMs),
      },
      encoding: 'utf8',
      timeout: limitMs,
      killSignal: 'SIGKILL',
    });
  }

  it('the rerun equals a clean run: counts and a hash of the whole graph', async () => {
    const d = db();
    await clearGraph(d);
    const clean = cliIngest(300_000);
    expect(clean.status, clean.stderr).toBe(0);
    const cleanDigest = await graphDigest(d);
    // A crashed run and its rerun each take about a clean run: the limit follows this machine.
    const runLimit = 3 * clean.ms + 30_000;
    const files = seedFiles().length;
    // Seeded per run and printed, so a failure can be replayed.
    const seed = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
    let state = seed;
    const random = () => ((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647);
    const points = [
      { from: 'an empty graph', crashAt: Math.floor(random() * files), delayMs: Math.floor(random() * 400) },
      { from: 'the whole graph (a re-ingest)', crashAt: Math.floor(random() * files), delayMs: Math.floor(random() * 400) },
    ];
    console.log(`clean ingest ${(clean.ms / 1000).toFixed(1)} s: ${cleanDigest.nodes} nodes, ${cleanDigest.relationships} relationships, ${cleanDigest.sha256.slice(0, 12)}; FAULT_SEED=${seed}`);
    for (const p of points) {
      if (p.from === 'an empty graph') await clearGraph(d);
      const crashed = crashIngest(p.crashAt, p.delayMs, runLimit);
      expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
      const partial = await graphDigest(d);
      const rerun = cliIngest(runLimit);
      expect(rerun.status, rerun.stderr).toBe(0);
      const after = await graphDigest(d);
      console.log(
        `kill -9 at document ${p.crashAt + 1}/${files} + ${p.delayMs} ms from ${p.from}: ${partial.nodes} nodes left; rerun ${(rerun.ms / 1000).toFixed(1)} s → ${after.nodes} nodes, ${after.relationships} relationships, ${after.sha256.slice(0, 12)}`,
      );
      expect(after).toEqual(cleanDigest);
      record({
        fault: `kill -9 of the ingest from ${p.from}, at document ${p.crashAt + 1}/${files} + ${p.delayMs} ms`,
        before: p.from === 'an empty graph' ? 'rerun equalled a clean run (held)' : 're-ingest added 0–5 lineage links; rewritten documents lost their links',
        time: `rerun ${(rerun.ms / 1000).toFixed(0)} s (clean run ${(clean.ms / 1000).toFixed(0)} s)`,
        memory: '–',
        status: `${partial.nodes} nodes after the kill; rerun exit 0`,
        lost: `nothing: ${after.nodes} nodes, ${after.relationships} relationships, sha256 ${after.sha256.slice(0, 12)} = clean run`,
      });
    }
  });
});

// Runs wherever this process may mount a tmpfs (root, as in CI); elsewhere it says why and is skipped.
describe('ENOSPC at the store', () => {
  it('the ingest stops with a clear message, the restart waits for space, and after freeing it nothing is lost', async (ctx) => {
    if (!storeOnTmpfs) {
      console.log(`skipped: the data folder could not be put on a small tmpfs to fill (${noTmpfsReason}); run as root, as CI does`);
      ctx.skip();
    }
    const d = db();
    const clean = await graphDigest(d);
    const filler = path.join(dataDir, 'filler');
    const fd = fs.openSync(filler, 'w');
    const chunk = Buffer.alloc(1 << 20);
    // Bounded: the tmpfs holds 192 MB.
    for (let i = 0; i < 400; i++) {
      try {
        fs.writeSync(fd, chunk);
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
        break;
      }
    }
    fs.closeSync(fd);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...seedFiles()], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${neo4jPort}`, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: password() },
      encoding: 'utf8',
      timeout: 300_000,
      killSignal: 'SIGKILL',
    });
    const ms = Date.now() - t0;
    console.log(`ingest into a full store: exit ${r.status} after ${(ms / 1000).toFixed(1)} s:\n${r.stderr.slice(-1500)}`);
    // The launcher exits on the panic; the supervisor must not restart it on a disk still full
    // (a recovery short of space fails, and the restarts run out) but wait for space. Bounded by
    // the launcher's 20 s shutdown limit plus slack.
    const waiting = await waitFor('the supervisor waits for space', 120_000, () => /waiting for \d+ MB before restarting it/.exec(output())?.[0], tail);
    fs.rmSync(filler);
    const freed = Date.now();
    expect(r.signal).toBeNull();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/disk (holding .* )?is full|No space left on device/i);
    // The server stays up through it, and once there is space again a rerun completes the graph.
    const health = await waitFor('the API answers after the disk is freed', 2 * neo4jStartMs + 30_000, async () => {
      const h = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
      return h?.status === 200 ? h.status : undefined;
    }, () => `${tail()}\nNeo4j's debug.log, its last errors:\n${debugLogErrors()}`);
    expect(health).toBe(200);
    const backMs = Date.now() - freed;
    const rerun = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...seedFiles()], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${neo4jPort}`, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: password() },
      encoding: 'utf8',
      timeout: 300_000,
      killSignal: 'SIGKILL',
    });
    expect(rerun.status, rerun.stderr).toBe(0);
    const after = await graphDigest(d);
    expect(after).toEqual(clean);
    record({
      fault: 'ENOSPC at the store (data folder on a full 192 MB tmpfs) during an ingest',
      before: 'uncaught, JVM orphaned; on restart "recovery not possible" after ~3 min',
      time: `ingest refused after ${(ms / 1000).toFixed(1)} s; API back ${(backMs / 1000).toFixed(0)} s after the space was freed`,
      memory: '–',
      status: `ingest exit ${r.status}: ${/(disk[^.\n]*full[^.\n]*|No space left on device)/i.exec(r.stderr)?.[0] ?? ''}; supervisor: "${waiting}", then restarted`,
      lost: `nothing: rerun after freeing space = the graph before (${after.nodes} nodes, sha256 ${after.sha256.slice(0, 12)})`,
    });
  });
});

describe('SIGTERM to the pid npm start prints', () => {
  it('stops the server, npm and its Neo4j within a bounded time', async () => {
    await driver?.close();
    driver = undefined;
    const printed = product.printedPid()!;
    expect(printed).not.toBe(product.child.pid);
    const jvm = neo4jPid();
    const t0 = Date.now();
    process.kill(printed, 'SIGTERM');
    // stop() kills the JVM after 30 s at most (the launcher halts itself after 20); slack for a busy machine.
    const code = await waitFor('npm start exits', 60_000, () => product.child.exitCode ?? undefined, tail);
    expect(code).toBe(0);
    await waitFor('the JVM exits', 15_000, () => (alive(jvm) ? undefined : true));
    const ms = Date.now() - t0;
    expect(processesNaming(dataDir)).toEqual([]);
    console.log(`stopped in ${(ms / 1000).toFixed(1)} s`);
    record({
      fault: 'SIGTERM to the pid npm start prints',
      before: 'npm does not forward it: server and JVM kept running',
      time: `everything gone after ${(ms / 1000).toFixed(1)} s`,
      memory: '–',
      status: `npm exit ${code}; no process of the data folder left`,
      lost: 'nothing (clean shutdown)',
    });
  });
});

describe('kill -9 of the server', () => {
  it('takes its Neo4j with it: no orphan JVM', async () => {
    const again = npmStart({ NODE_ENV: 'production', PORT: '0', NEO4J_PORT: String(neo4jPort), NEO4J_DATA: dataDir, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' });
    others.push(again);
    await waitFor(
      'npm start serves again',
      600_000,
      () => {
        if (again.child.exitCode !== null) throw new Error(`npm start exited with code ${again.child.exitCode}:\n${again.output().slice(-3000)}`);
        return /Policy lineage explorer: (http:\/\/\S+)/.exec(again.output())?.[1];
      },
      () => again.output().slice(-3000),
    );
    const jvm = Number(/Neo4j is up \(pid (\d+)/.exec(again.output())![1]);
    const t0 = Date.now();
    process.kill(again.printedPid()!, 'SIGKILL');
    // The launcher sees its stdin close and shuts down, halting itself after 20 s at most.
    await waitFor('the JVM exits after its parent', 60_000, () => (alive(jvm) ? undefined : true));
    const ms = Date.now() - t0;
    await waitFor('npm exits', 15_000, () => again.child.exitCode ?? again.child.signalCode ?? undefined);
    expect(processesNaming(dataDir)).toEqual([]);
    console.log(`JVM gone ${(ms / 1000).toFixed(1)} s after kill -9 of the server`);
    record({
      fault: 'kill -9 of the server process (npm start’s node)',
      before: 'the JVM ran on with no parent at 100 % CPU',
      time: `JVM gone after ${(ms / 1000).toFixed(1)} s`,
      memory: '–',
      status: 'npm exited; no process of the data folder left',
      lost: 'nothing committed (store recovered by the next start)',
    });
  });
});

describe('a store Neo4j cannot recover', () => {
  const txDir = path.join(dataDir, 'data', 'transactions', 'neo4j');
  /** The store without its transaction logs: after a crash, recovery is impossible. */
  function removeTransactionLogs(): number {
    const logs = fs.readdirSync(txDir).filter((f) => f.startsWith('neostore.transaction.db'));
    for (const f of logs) fs.rmSync(path.join(txDir, f));
    return logs.length;
  }

  it('found by the supervisor after a crash: the server gives up at the first restart, says what to do, and exits non-zero', async () => {
    const running = npmStart({ PORT: '0', NEO4J_PORT: String(neo4jPort), NEO4J_DATA: dataDir, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' });
    others.push(running);
    await waitFor(
      'npm start serves',
      600_000,
      () => {
        if (running.child.exitCode !== null) throw new Error(`npm start exited with code ${running.child.exitCode}:\n${running.output().slice(-3000)}`);
        return /Policy lineage explorer: (http:\/\/\S+)/.exec(running.output())?.[1];
      },
      () => running.output().slice(-3000),
    );
    const jvm = Number(/Neo4j is up \(pid (\d+)/.exec(running.output())![1]);
    expect(removeTransactionLogs()).toBeGreaterThan(0);
    const t0 = Date.now();
    process.kill(jvm, 'SIGKILL');
    // One restart: the first backoff and one start that finds the store damaged. Retrying it
    // SUPERVISION.maxRestarts times would take that many starts plus every backoff.
    const limitMs = SUPERVISION.backoffMs[0]! + 2 * neo4jStartMs + 30_000;
    const code = await waitFor('the server gives up', limitMs, () => running.child.exitCode ?? undefined, () => running.output().slice(-3000));
    const ms = Date.now() - t0;
    const text = running.output();
    console.log(`damaged store found by the supervisor; server exited ${(ms / 1000).toFixed(1)} s after kill -9: ${text.slice(-800)}`);
    expect(code).not.toBe(0);
    expect(text.match(/Neo4j stopped unexpectedly .*restarting in/g)).toHaveLength(1);
    expect(text).toMatch(/its store cannot be reopened/);
    expect(text).toMatch(/move the data folder aside/);
    expect(text).toMatch(/ingest the seeds again/);
    expect(text).not.toMatch(/Neo4j is back/);
    expect(processesNaming(dataDir)).toEqual([]);
    record({
      fault: 'kill -9 of Neo4j with its transaction logs gone (the supervisor meets a damaged store)',
      before: 'the supervisor restarted it 5 times over minutes, each failing the same way',
      time: `server exited ${(ms / 1000).toFixed(0)} s after the kill (limit ${(limitMs / 1000).toFixed(0)} s)`,
      memory: '–',
      status: `exit ${code} after 1 restart: "cannot be reopened … move the data folder aside … ingest the seeds again"`,
      lost: 'the store was lost with its logs; the message says how to rebuild it',
    });
  });

  it('npm start says what happened and what to do, exits non-zero and leaves nothing running', async () => {
    removeTransactionLogs();
    const t0 = Date.now();
    const damaged = npmStart({ PORT: '0', NEO4J_PORT: String(neo4jPort), NEO4J_DATA: dataDir, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' });
    others.push(damaged);
    // The launcher's own limit for a database that does not come up is 3 minutes; it must say so long before.
    const code = await waitFor('npm start gives up', Math.max(180_000, 3 * neo4jStartMs), () => damaged.child.exitCode ?? undefined, () => damaged.output().slice(-3000));
    const ms = Date.now() - t0;
    const text = damaged.output();
    console.log(`damaged store reported after ${(ms / 1000).toFixed(1)} s: ${text.slice(-600)}`);
    expect(code).not.toBe(0);
    expect(text).toMatch(/does not open: the store is damaged/);
    expect(text).toMatch(/move the data folder aside/);
    expect(text).toMatch(/ingest the seeds again/);
    expect(text).not.toMatch(/Policy lineage explorer:/);
    expect(processesNaming(dataDir)).toEqual([]);
    record({
      fault: 'npm start on a store Neo4j cannot recover (transaction logs gone)',
      before: '~3 min wait, then a vague "does not answer"',
      time: `message and exit after ${(ms / 1000).toFixed(0)} s (Neo4j start here: ${(neo4jStartMs / 1000).toFixed(0)} s)`,
      memory: '–',
      status: `exit ${code}: "does not open … move the data folder aside … ingest the seeds again"`,
      lost: 'the store was already lost; the message says how to rebuild it',
    });
  });
});

// Not a fault of the running product, and cheap: checked last so it never delays the others.
describe('a busy HTTP port', () => {
  it('is reported before Neo4j starts', async () => {
    const blocker = (await import('node:net')).createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const t0 = Date.now();
    const p = npmStart({ PORT: String(port), NEO4J_PORT: String(neo4jPort), NEO4J_DATA: path.join(runDir, 'never') });
    others.push(p);
    const code = await waitFor('npm start refuses the port', 60_000, () => p.child.exitCode ?? undefined, () => p.output());
    const ms = Date.now() - t0;
    blocker.close();
    expect(code).not.toBe(0);
    expect(p.output()).toMatch(new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    expect(p.output()).not.toMatch(/Neo4j is up|Starting \(pid/);
    expect(fs.existsSync(path.join(runDir, 'never'))).toBe(false);
    record({
      fault: 'npm start with its HTTP port taken',
      before: 'found after 24 s of starting Neo4j and ingesting',
      time: `refused after ${(ms / 1000).toFixed(1)} s (npm and node start included)`,
      memory: '–',
      status: `exit ${code}, Neo4j never started`,
      lost: 'nothing',
    });
  });
});
