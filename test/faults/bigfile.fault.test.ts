// Finding 9 of issue 12: a 52 MB input peaked at 1.6 GB. The dry run of such a file, as a user runs
// it (`npm run ingest -- --dry-run [--json] FILE`, in its own process), must stay within a bound of
// the file's size in peak resident memory, whatever this machine's speed: a memory bound, not a
// timing. The target of issues 12 and 13 is 5 ×; measured on 2026-12-01 it is 7–9 × (the parse and
// assemble stages hold most of it), so the bound asserted is 10 ×: it holds what was gained (the
// readable summary, built as one string, took 12.5 ×) and is to come down to 5 × when they do.
// The text is the seeds repeated to 52 MB, as the file of the probe was (bench/bigfile.ts makes the
// same one for the benchmark).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/config.js';
import { load1 } from './harness.js';

const MB = 2 ** 20;
/** Peak resident memory allowed, as a multiple of the input's size (the target is 5 ×; see above). */
const FACTOR = 10;
const SEEDS = ['000_82e49faece65b6da', '001_ef56ec4b67c98340', '002_0a5072e4fb879473'];

let dir = '';
let file = '';
let bytes = 0;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-bigfile-'));
  file = path.join(dir, 'big.txt');
  const unit = SEEDS.map((s) => fs.readFileSync(path.join(projectRoot, 'seeds', `${s}.txt`), 'utf8')).join('\n');
  fs.writeFileSync(file, unit.repeat(Math.ceil((52 * MB) / Buffer.byteLength(unit))));
  bytes = fs.statSync(file).size;
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the dry run in a child process with its output in files (not in this process's memory) and
 * returns the child's own peak RSS, written by a hook when it exits.
 */
async function dryRun(json: boolean): Promise<{ code: number | null; peakMb: number; ms: number; stderrTail: string }> {
  const peakFile = path.join(dir, `peak-${json ? 'json' : 'text'}`);
  const hook = `data:text/javascript,${encodeURIComponent(
    `import fs from 'node:fs'; process.on('exit', () => fs.writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS)));`,
  )}`;
  const out = fs.openSync(path.join(dir, 'out'), 'w');
  const errPath = path.join(dir, 'err');
  const err = fs.openSync(errPath, 'w');
  const t0 = Date.now();
  const args = ['--import', hook, 'scripts/run-bundled.mjs', 'scripts/ingest.ts', '--dry-run', ...(json ? ['--json'] : []), file];
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', out, err] });
  // Outer bound only (the test is about memory): a 2-core machine under load took 4 min.
  const timer = setTimeout(() => child.kill('SIGKILL'), 25 * 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  fs.closeSync(out);
  fs.closeSync(err);
  const stat = fs.statSync(errPath);
  const fd = fs.openSync(errPath, 'r');
  const tail = Buffer.alloc(Math.min(2000, stat.size));
  fs.readSync(fd, tail, 0, tail.length, stat.size - tail.length);
  fs.closeSync(fd);
  const peakKb = fs.existsSync(peakFile) ? Number(fs.readFileSync(peakFile, 'utf8')) : NaN;
  return { code, peakMb: peakKb / 1024, ms: Date.now() - t0, stderrTail: tail.toString('utf8') };
}

describe('a 52 MB input', () => {
  for (const json of [true, false]) {
    const mode = json ? '--dry-run --json' : '--dry-run (readable summary)';
    it(`peaks at no more than ${FACTOR} × its size in ${mode}`, async () => {
      const r = await dryRun(json);
      const limitMb = (FACTOR * bytes) / MB;
      console.log(`${mode} of ${(bytes / MB).toFixed(1)} MB: exit ${r.code}, peak RSS ${r.peakMb.toFixed(0)} MB (limit ${limitMb.toFixed(0)} MB), ${(r.ms / 1000).toFixed(0)} s at load ${load1()}`);
      expect(r.code, r.stderrTail).toBe(0);
      expect(r.stderrTail).toMatch(/\d+ measures in \d+ ms/);
      expect(r.peakMb).toBeLessThanOrEqual(limitMb);
      // A row for the note's table (docs/reliability.md); the suite's own table lives in another worker.
      console.log(
        `| npm run ingest -- ${mode} of a ${(bytes / MB).toFixed(0)} MB text | 1.6 GB peak (issue 12 probe) | ${(r.ms / 1000).toFixed(0)} s | peak RSS ${r.peakMb.toFixed(0)} MB = ${((r.peakMb * MB) / bytes).toFixed(1)} × the input (limit ${FACTOR} ×) | exit ${r.code} (load ${load1()}) | nothing (dry run) |`,
      );
    });
  }
});
