// One large input file through the pipeline (decode, parse, linking; dry run) in its own process:
// its peak resident set against the file's size (issue 13: ≤ 5× the input). The text is the seeds
// repeated to the size asked, as the 52 MB file of the issue was.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './corpus.js';

export interface BigFileResult {
  bytes: number;
  /** Peak RSS of the process that read it, and of the same process before reading (Node + modules). */
  peakRssMb: number | null;
  baseRssMb: number | null;
  ms: number | null;
  measures: number | null;
  /** Set when the run did not finish (time limit, crash). */
  error?: string;
}

const SEEDS = ['000_82e49faece65b6da', '001_ef56ec4b67c98340', '002_0a5072e4fb879473'];

async function child(file: string): Promise<void> {
  const base = process.resourceUsage().maxRSS;
  const { ingest } = await import('../ingest/pipeline.js');
  const t0 = performance.now();
  const r = await ingest([file]);
  const out = { ms: Math.round(performance.now() - t0), measures: r.measures, baseMb: Math.round(base / 1024), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(JSON.stringify(out));
}

/** Writes a `mb` MB text, runs the pipeline on it in a child process, at most `limitSec` seconds. */
export async function benchBigFile(mb: number, limitSec: number): Promise<BigFileResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bigfile-'));
  const file = path.join(dir, 'big.txt');
  try {
    const unit = SEEDS.map((s) => fs.readFileSync(path.join(projectRoot, 'seeds', `${s}.txt`), 'utf8')).join('\n');
    fs.writeFileSync(file, unit.repeat(Math.ceil((mb * 2 ** 20) / Buffer.byteLength(unit))));
    const bytes = fs.statSync(file).size;
    const self = fileURLToPath(import.meta.url);
    return await new Promise<BigFileResult>((resolve) => {
      const p = spawn(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', self, '--child', file], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const timer = setTimeout(() => p.kill('SIGKILL'), limitSec * 1000);
      p.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (code !== 0) {
          resolve({ bytes, peakRssMb: null, baseRssMb: null, ms: null, measures: null, error: signal === 'SIGKILL' ? `not finished within ${limitSec} s` : `exit ${code}: ${err.trim().split('\n').at(-1) ?? ''}` });
          return;
        }
        const r = JSON.parse(out) as { ms: number; measures: number; baseMb: number; peakMb: number };
        resolve({ bytes, peakRssMb: r.peakMb, baseRssMb: r.baseMb, ms: r.ms, measures: r.measures });
      });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--child');
  if (i >= 0) await child(process.argv[i + 1]!);
  else process.stdout.write(`${JSON.stringify(await benchBigFile(Number(process.argv[2] ?? 52), Number(process.argv[3] ?? 600)))}\n`);
}
