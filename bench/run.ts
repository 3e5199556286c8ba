// npm run bench [-- --sizes seeds,100,1000] [--with-10k] [--seed 1] [--requests 400]
//                  [--sections pipeline,link,load,api,compare] [--no-ui] [--big-file-mb 52]
//                  [--profile] [--render] [--merge]
// npm run bench:report: README's Performance figures + bench/results/latency-p50.svg from latest.json
//
// Runs every size in its own process, one after another (the machine is shared: never two heavy
// runs at once), then the UI benchmark, and writes bench/results/latest.{json,md}.
// --profile instead runs the pipeline (with linking) under the V8 profiler at each size and
// writes bench/results/profile.md: where the time goes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, projectRoot } from './corpus.js';
import { summariseProfile, type ProfileSummary } from './lib/cpuprofile.js';
import { benchBigFile, type BigFileResult } from './bigfile.js';
import { latencyChart } from './chart.js';
import { performanceBlock, replaceBetweenMarkers } from './readme.js';
import { evaluateTargets, renderMarkdown, type BenchResults } from './report.js';
import type { SizeResult } from './size.js';
import type { UiResult } from './ui.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, 'results');

interface RunOptions {
  sizes: (number | 'seeds')[];
  seed: number;
  requests: number;
  connections: number;
  sections?: string;
  ui: boolean;
  profile: boolean;
  /** Size of the single large input file (0: not measured). */
  bigFileMb: number;
}

function parseArgs(argv: string[]): RunOptions {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? 'seeds,100,1000').split(',').map((s) => (s.trim() === 'seeds' ? 'seeds' : Number(s)));
  for (const s of sizes) {
    if (s !== 'seeds' && (!Number.isInteger(s) || s < 1)) throw new Error(`--sizes takes positive integers or "seeds", e.g. --sizes seeds,100,1000 (got ${value('--sizes')})`);
  }
  if (argv.includes('--with-10k') && !sizes.includes(10000)) sizes.push(10000);
  return {
    sizes,
    seed: Number(value('--seed') ?? 1),
    requests: Number(value('--requests') ?? 400),
    connections: Number(value('--connections') ?? 20),
    sections: value('--sections'),
    ui: !argv.includes('--no-ui'),
    profile: argv.includes('--profile'),
    bigFileMb: Number(value('--big-file-mb') ?? 52),
  };
}

/** Runs a TypeScript entry in a fresh Node process (own heap, own peak-memory figure). */
function runChild(entry: string, args: string[], nodeFlags: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(benchDir, entry), ...args], {
      cwd: projectRoot,
      // As deployed: graphql-js skips its development-only checks (instanceOf on every value, a
      // tenth of a server's CPU). The three servers share the process, so all three get it.
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${entry} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))));
  });
}

function versionOf(cmd: string, args: string[]): string | null {
  // `java -version` writes to stderr.
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) return null;
  return `${r.stdout}${r.stderr}`.trim().split('\n')[0] ?? null;
}

function machine() {
  const cpus = os.cpus();
  let commit: string | null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
  } catch {
    commit = null;
  }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    java: versionOf('java', ['-version']),
    commit,
  };
}

async function profile(opts: RunOptions): Promise<void> {
  const lines = ['# Where the time goes (pipeline with linking, dry run)', ''];
  for (const size of opts.sizes) {
    if (size !== 'seeds') await ensureCorpus(size, opts.seed, (s) => console.error(s));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prof-'));
    const out = path.join(dir, 'result.json');
    await runChild('size.ts', ['--docs', String(size), '--seed', String(opts.seed), '--sections', 'pipeline,link', '--out', out], [
      '--max-old-space-size=16384',
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
    ]);
    const prof = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!prof) throw new Error('the profiler wrote no .cpuprofile');
    const s: ProfileSummary = summariseProfile(path.join(dir, prof), projectRoot, 20);
    const r = JSON.parse(fs.readFileSync(out, 'utf8')) as SizeResult;
    lines.push(`## ${size} documents: ${r.pipeline?.measures} measures, ${r.pipeline?.ms} ms wall, ${s.totalMs} ms sampled`, '');
    lines.push('| self time by file | ms | share |', '| --- | ---: | ---: |');
    for (const f of s.byFile) lines.push(`| ${f.file} | ${f.ms} | ${(f.share * 100).toFixed(1)}% |`);
    lines.push('', '| self time by function | ms | share |', '| --- | ---: | ---: |');
    for (const f of s.byFunction) lines.push(`| \`${f.name}\` | ${f.ms} | ${(f.share * 100).toFixed(1)}% |`);
    lines.push('');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'profile.md'), `${lines.join('\n')}\n`);
  console.error(`wrote ${path.relative(process.cwd(), path.join(resultsDir, 'profile.md'))}`);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.profile) return profile(opts);
  if (process.argv.includes('--report')) {
    // The README's Performance figures and the chart, from the last run's results file.
    const results = JSON.parse(fs.readFileSync(path.join(resultsDir, 'latest.json'), 'utf8')) as BenchResults;
    const svg = latencyChart(results);
    const chartFile = path.join(resultsDir, 'latency-p50.svg');
    if (svg) fs.writeFileSync(chartFile, svg);
    const readmePath = path.join(projectRoot, 'README.md');
    const block = performanceBlock(results, svg ? path.relative(projectRoot, chartFile) : null);
    fs.writeFileSync(readmePath, replaceBetweenMarkers(fs.readFileSync(readmePath, 'utf8'), block));
    console.error(`wrote README.md (Performance)${svg ? ` and ${path.relative(process.cwd(), chartFile)}` : ''} from the run of ${results.date}`);
    return;
  }
  if (process.argv.includes('--render')) {
    // Re-render latest.md from latest.json (after a change to the report, without re-measuring).
    const results = JSON.parse(fs.readFileSync(path.join(resultsDir, 'latest.json'), 'utf8')) as BenchResults;
    results.targets = evaluateTargets(results);
    const note = process.argv.indexOf('--note');
    if (note >= 0 && process.argv[note + 1]) results.notes = [...(results.notes ?? []), process.argv[note + 1]!];
    fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 1)}\n`);
    fs.writeFileSync(path.join(resultsDir, 'latest.md'), renderMarkdown(results));
    return;
  }
  if (opts.sizes.some((s) => s !== 'seeds' && s >= 10000)) {
    console.error('The 10,000-document run is long: about 250 MB of text, and on two shared cores expect 30–90 minutes end to end.');
  }
  const started = new Date();
  const loadAverageAtStart = os.loadavg();
  console.error(
    `${os.availableParallelism()} cores, load average ${loadAverageAtStart.map((x) => x.toFixed(1)).join(' / ')} at the start: ` +
      'the machine is shared, so every wall-clock figure of this run is an upper bound.',
  );
  const sizes: SizeResult[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  let bigFile: BigFileResult | undefined;
  let ui: UiResult[] | undefined;
  // --merge: add these sizes to the previous results (e.g. a late 10,000-document run of some
  // sections) instead of replacing them; a size measured now replaces its earlier figures.
  const previousPath = path.join(resultsDir, 'latest.json');
  const previous =
    process.argv.includes('--merge') && fs.existsSync(previousPath) ? (JSON.parse(fs.readFileSync(previousPath, 'utf8')) as BenchResults) : undefined;
  // Written after every step: a run cut short (the machine is shared) keeps what it measured.
  const save = (pending: string[]) => {
    const now = new Set(sizes.map((s) => s.docs));
    const all = [...(previous?.sizes.filter((s) => !now.has(s.docs)) ?? []), ...sizes];
    all.sort((x, y) => (x.docs === 'seeds' ? -1 : y.docs === 'seeds' ? 1 : x.docs - (y.docs as number)));
    const results: BenchResults = {
      date: started.toISOString(),
      durationSec: Math.round((Date.now() - started.getTime()) / 1000),
      machine: { ...machine(), neo4j: all.find((s) => s.neo4jVersion)?.neo4jVersion ?? null, loadAverageAtStart, loadAverageAtEnd: os.loadavg() },
      settings: { seed: opts.seed, requests: opts.requests, connections: opts.connections },
      sizes: all,
      ui: ui ?? previous?.ui,
      ...((bigFile ?? previous?.bigFile) ? { bigFile: bigFile ?? previous?.bigFile } : {}),
      failures,
      targets: [],
      notes: [...(previous?.notes ?? []).filter((n) => !n.startsWith('Run in progress')), ...notes, ...(pending.length ? [`Run in progress (or cut short): not yet measured: ${pending.join(', ')}.`] : [])],
    };
    if (!results.notes?.length) delete results.notes;
    results.targets = evaluateTargets(results);
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 1)}\n`);
    fs.writeFileSync(path.join(resultsDir, 'latest.md'), renderMarkdown(results));
    return results;
  };
  const runSize = async (size: number | 'seeds') => {
    const tmp = path.join(os.tmpdir(), `bench-size-${size}-${process.pid}.json`);
    const args = ['--docs', String(size), '--seed', String(opts.seed), '--requests', String(opts.requests), '--connections', String(opts.connections), '--out', tmp];
    // At 10,000 documents the targets are the pipeline, its memory and the end-to-end load; the
    // API targets are set at seeds / 100 / 1,000, and fifteen HTTP runs on a graph ten times larger
    // would hold the shared machine for most of an hour.
    const sections = opts.sections ?? (size !== 'seeds' && size >= 10000 ? 'pipeline,link,load' : undefined);
    if (sections) args.push('--sections', sections);
    if (!opts.sections && sections) notes.push(`${size} documents: sections ${sections} only (the API targets are at seeds / 100 / 1,000 documents).`);
    try {
      await runChild('size.ts', args, ['--max-old-space-size=16384']);
      sizes.push(JSON.parse(fs.readFileSync(tmp, 'utf8')) as SizeResult);
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
      console.error(err instanceof Error ? err.message : err);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  };
  // The single large file (issue 13: peak memory ≤ 5× the input), in its own process.
  const runBigFile = async () => {
    console.error(`[big file] the pipeline on one ${opts.bigFileMb} MB text…`);
    bigFile = await benchBigFile(opts.bigFileMb, 600);
    console.error(`[big file] ${bigFile.error ?? `peak RSS ${bigFile.peakRssMb} MB, ${bigFile.measures} measures in ${bigFile.ms} ms`}`);
  };
  const runUi = async () => {
    const tmp = path.join(os.tmpdir(), `bench-ui-${process.pid}.json`);
    try {
      await runChild('ui.ts', ['--out', tmp]);
      ui = JSON.parse(fs.readFileSync(tmp, 'utf8')) as UiResult[];
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  };
  // Small sizes first, then the large file, then 10,000 documents, then the UI: the longest step
  // late, so that a run cut short has the most targets on record.
  const steps: [string, () => Promise<void>][] = [
    ...opts.sizes.filter((s) => s === 'seeds' || s < 10000).map((s) => [`${s} documents`, () => runSize(s)] as [string, () => Promise<void>]),
    ...(opts.bigFileMb > 0 && (!opts.sections || opts.sections.includes('pipeline')) ? [[`the ${opts.bigFileMb} MB file`, runBigFile] as [string, () => Promise<void>]] : []),
    ...opts.sizes.filter((s) => s !== 'seeds' && s >= 10000).map((s) => [`${s} documents`, () => runSize(s)] as [string, () => Promise<void>]),
    ...(opts.ui ? [['the UI canvas', runUi] as [string, () => Promise<void>]] : []),
  ];
  for (const [i, [, step]] of steps.entries()) {
    await step();
    save(steps.slice(i + 1).map(([name]) => name));
  }
  const results = save([]);
  console.error(`wrote bench/results/latest.json and bench/results/latest.md (${results.durationSec} s)`);
  if (failures.length) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
