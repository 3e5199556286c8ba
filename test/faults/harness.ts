/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here. */
// What the fault tests share: the product run as a user runs it, bounded waits, process checks
// through /proc, and the table of figures the suite prints at the end (docs/reliability.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import type { Driver } from 'neo4j-driver';
import { projectRoot } from '../../db/config.js';
import { graphSnapshot } from '../graph-snapshot.js';

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `probe` every 250 ms until it gives a value; fails after `limitMs` with `context()` in the message. */
export async function waitFor<T>(
  what: string,
  limitMs: number,
  probe: () => Promise<T | undefined> | T | undefined,
  context: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not within ${(limitMs / 1000).toFixed(0)} s. ${context()}`);
}

/** Every process whose command line names `needle` (a data folder: the JVM of that folder). */
export function processesNaming(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) pids.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return pids;
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** CPU time (user + system) a process has used, in ms. */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function load1(): number {
  return Math.round(os.loadavg()[0]! * 10) / 10;
}

/** A running `npm start`, with everything it printed. */
export interface Product {
  child: ChildProcess;
  output(): string;
  /** The pid the product prints for stopping it (its node process, not npm's). */
  printedPid(): number | undefined;
  exited: Promise<number | null>;
}

/** Runs `npm start` (npm itself, as a user does) with the given environment on top of ours. */
export function npmStart(env: Record<string, string>): Product {
  let out = '';
  const child = spawn('npm', ['start', '--silent'], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: '', HOST: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    printedPid: () => {
      const m = /Starting \(pid (\d+)/.exec(out);
      return m ? Number(m[1]) : undefined;
    },
    exited,
  };
}

export async function gql(url: string, query: string, variables?: Record<string, unknown>, limitMs = 15_000) {
  const t0 = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(limitMs),
  });
  const json: any = await res.json();
  return { status: res.status, json, ms: performance.now() - t0, codes: (json.errors ?? []).map((e: any) => e.extensions?.code as string) };
}

/** Counts and a hash of the whole stored graph (ids, labels, properties, relationships). */
export async function graphDigest(driver: Driver): Promise<{ nodes: number; relationships: number; sha256: string }> {
  const s = await graphSnapshot(driver);
  const sha256 = createHash('sha256').update(JSON.stringify(s)).digest('hex');
  return { nodes: s.nodes.length, relationships: s.relationships.length, sha256 };
}

/** One row of the note's table: what was done to the product, how it was before, how it is now. */
export interface FaultRow {
  fault: string;
  before: string;
  time: string;
  memory: string;
  status: string;
  lost: string;
}

const rows: FaultRow[] = [];

export function record(row: FaultRow): void {
  rows.push({ ...row, status: `${row.status} (load ${load1()})` });
}

/** The table in Markdown, also written to .data/faults-table.md for the note. */
export function printTable(header: string): string {
  const lines = [
    header,
    '',
    '| attack or fault | before (issue 12 probe) | after: time | after: memory | after: status (1-min load average) | nothing lost |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.fault} | ${r.before} | ${r.time} | ${r.memory} | ${r.status} | ${r.lost} |`),
  ];
  const text = `${lines.join('\n')}\n`;
  fs.mkdirSync(`${projectRoot}/.data`, { recursive: true });
  fs.writeFileSync(`${projectRoot}/.data/faults-table.md`, text);
  return text;
}
