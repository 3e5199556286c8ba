// The blind-sample procedure of README.md, as a script, so the figures can be rerun and reviewed.
//
//   npx tsx eval/lineage/blind-sample.ts draw [--seed N] [--size 40] [--corpus seeds|all] > sample.txt
//     draws links of the current linker on the seeds at random (fixed seed), excluding pairs already
//     labelled in pairs.json, and prints both measures' texts only: no score, tier or evidence.
//     With --json it prints a judgments skeleton to fill in (judgment S | R | W, reason);
//     --include-labelled draws from all links (when the unlabelled ones are fewer than --size);
//     --corpus all links the seeds together with the real documents of eval/documents, whose links
//     the linker was not calibrated on (an independent sample).
//   npx tsx eval/lineage/blind-sample.ts reveal eval/lineage/blind-sample-<date>.json [--corpus all] [--link '{…}']
//     reruns the linker, finds each judged pair's link, and reports the fractions and tiers.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkMeasures, type LineageLink, type LinkOptions } from '../../ingest/link/lineage.js';
import { normalise } from '../../ingest/normalise.js';
import {
  defaultSeedFiles,
  linkableMeasuresFromGraph,
  loadLabelledSet,
  resolveRef,
  seedGraph,
  type EvalMeasure,
  type MeasureRef,
} from './evaluate.js';
import { mulberry32 } from '../../bench/lib/prng.js';

export type Judgment = 'S' | 'R' | 'W';

export interface JudgedLink {
  later: MeasureRef;
  earlier: MeasureRef;
  /** S: the same measure evolved; R: related, a different measure; W: wrong (unrelated). */
  judgment: Judgment;
  reason: string;
}

export interface BlindSampleFile {
  about: string;
  seed: number;
  drawnFrom: number;
  links: JudgedLink[];
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

const DOCUMENTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'documents');

export type Corpus = 'seeds' | 'all';

/**
 * The documents a sample is drawn over: `seeds` the seed documents pairs.json was written on; `all`
 * adds every document of the development corpus (eval/documents: many cities, provinces and levels).
 */
export function corpusFiles(corpus: Corpus): string[] {
  if (corpus === 'seeds') return defaultSeedFiles();
  const documents = readdirSync(DOCUMENTS_DIR).filter((f) => f.endsWith('.txt')).sort();
  return [...defaultSeedFiles(), ...documents.map((f) => join(DOCUMENTS_DIR, f))];
}

/** The shortest opening of the measure's text (at least 12 characters) that names it alone in its file. */
export function refOf(m: EvalMeasure, measures: EvalMeasure[]): MeasureRef {
  const file = baseName(m.sourceFile);
  const siblings = measures.filter((o) => baseName(o.sourceFile) === file && o.id !== m.id);
  for (let n = 12; n <= m.normText.length; n += 4) {
    const text = m.normText.slice(0, n);
    if (!siblings.some((o) => o.normText.includes(text))) return { file, text };
  }
  return { file, text: m.normText };
}

/** Links not already labelled, shuffled with the seed, the first `size` of them. */
export function drawSample(links: LineageLink[], measures: EvalMeasure[], seed: number, size: number, includeLabelled = false): LineageLink[] {
  const set = includeLabelled ? { positives: [], negatives: [] } : loadLabelledSet();
  const labelled = new Set<string>();
  for (const p of [...set.positives, ...set.negatives]) {
    const e = resolveRef(p.earlier, measures);
    const l = resolveRef(p.later, measures);
    if (typeof e !== 'string' && typeof l !== 'string') labelled.add(`${l.id}→${e.id}`);
  }
  const pool = links.filter((l) => !labelled.has(`${l.from}→${l.to}`)).sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
  const next = mulberry32(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, size);
}

export interface Revealed {
  judged: number;
  found: number;
  counts: Record<Judgment, number>;
  /** The judgments of the links the linker (with the options given) still draws. */
  linkedCounts: Record<Judgment, number>;
  /** S tiered same or R tiered related. */
  correctlyTiered: number;
  /** S (any tier) or R tiered related: the issue's "same or correctly-tiered related". */
  sameOrTieredRelated: number;
  wrongScores: number[];
  /** The judgments of the links still drawn, by kind (EVOLVES_FROM, RESEMBLES). */
  byKind: Record<string, Record<Judgment, number>>;
  rows: string[];
}

export function reveal(file: BlindSampleFile, links: LineageLink[], measures: EvalMeasure[]): Revealed {
  const byPair = new Map(links.map((l) => [`${l.from}→${l.to}`, l]));
  const counts: Record<Judgment, number> = { S: 0, R: 0, W: 0 };
  const linkedCounts: Record<Judgment, number> = { S: 0, R: 0, W: 0 };
  let found = 0;
  let correctlyTiered = 0;
  let sameOrTieredRelated = 0;
  const wrongScores: number[] = [];
  const byKind: Record<string, Record<Judgment, number>> = {};
  const rows: string[] = [];
  // A skeleton's blank would otherwise count as a judgment (it once was pre-filled with R).
  const blank = file.links.findIndex((j) => !(['S', 'R', 'W'] as unknown[]).includes(j.judgment));
  if (blank >= 0) throw new Error(`link #${blank + 1} has no judgment (S, R or W): judge every link before the reveal`);
  for (const j of file.links) {
    counts[j.judgment]++;
    const e = resolveRef(j.earlier, measures);
    const l = resolveRef(j.later, measures);
    const link = typeof e === 'string' || typeof l === 'string' ? undefined : byPair.get(`${l.id}→${e.id}`);
    if (link) {
      found++;
      linkedCounts[j.judgment]++;
      const kind = link.kind ?? 'EVOLVES_FROM';
      (byKind[kind] ??= { S: 0, R: 0, W: 0 })[j.judgment]++;
    }
    const tier = link?.tier ?? 'not linked now';
    if ((j.judgment === 'S' && tier === 'same') || (j.judgment === 'R' && tier === 'related')) correctlyTiered++;
    if (j.judgment === 'S' || (j.judgment === 'R' && tier === 'related')) sameOrTieredRelated++;
    if (j.judgment === 'W' && link) wrongScores.push(link.score);
    rows.push(`${j.judgment} ${tier.padEnd(8)} ${(link?.kind ?? '').padEnd(12)} ${link ? link.score.toFixed(3) : '  -  '}  ${j.later.file.slice(0, 3)} “${j.later.text.slice(0, 14)}” ⇢ ${j.earlier.file.slice(0, 3)} “${j.earlier.text.slice(0, 14)}”: ${j.reason}`);
    if (link) rows.push(`    linker: ${link.reason ?? link.method}; evidence ${link.evidence.join(' ')}`);
  }
  return { judged: file.links.length, found, counts, linkedCounts, correctlyTiered, sameOrTieredRelated, wrongScores, byKind, rows };
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const corpusArg = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : 'seeds';
  if (corpusArg !== 'seeds' && corpusArg !== 'all') throw new Error(`--corpus ${corpusArg}: expected seeds or all`);
  const graph = await seedGraph(corpusFiles(corpusArg));
  const measures = linkableMeasuresFromGraph(graph);
  // --link '{"minClause":0.25}': the linker's options, to see what a calibration would keep.
  const linkArg = args.indexOf('--link');
  const { links } = linkMeasures(measures, linkArg >= 0 ? (JSON.parse(args[linkArg + 1]!) as LinkOptions) : {});
  const byId = new Map(measures.map((m) => [m.id, m]));
  if (command === 'draw') {
    const seed = option('--seed', 20261201);
    // --include-labelled: once pairs.json covers most of a small corpus's links, the unlabelled
    // pool is too small for 40; judge labelled links again, blind, without reading their labels.
    const includeLabelled = args.includes('--include-labelled');
    const size = option('--size', 40);
    const sample = drawSample(links, measures, seed, size, includeLabelled);
    if (args.includes('--json')) {
      // Judgments left blank: the reveal refuses a file with any blank left.
      const skeleton: Omit<BlindSampleFile, 'links'> & { links: (Omit<JudgedLink, 'judgment'> & { judgment: '' })[] } = {
        about: `Blind sample of lineage links (eval/lineage/README.md), corpus ${corpusArg}: judged by reading both texts, without score or tier.`,
        seed,
        drawnFrom: links.length,
        links: sample.map((l) => ({ later: refOf(byId.get(l.from)!, measures), earlier: refOf(byId.get(l.to)!, measures), judgment: '', reason: '' })),
      };
      console.log(JSON.stringify(skeleton, null, 1));
      return;
    }
    if (sample.length < size) console.log(`only ${sample.length} links to draw from, fewer than ${size}: all of them drawn`);
    console.log(`${sample.length} of ${links.length} links (seed ${seed}, corpus ${corpusArg}), labelled pairs ${includeLabelled ? 'included' : 'excluded'}; texts only\n`);
    sample.forEach((l, i) => {
      const later = byId.get(l.from)!;
      const earlier = byId.get(l.to)!;
      console.log(`#${i + 1}\n  later   ${baseName(later.sourceFile)} ${later.year}: ${normalise(later.text)}\n  earlier ${baseName(earlier.sourceFile)} ${earlier.year}: ${normalise(earlier.text)}\n`);
    });
    return;
  }
  if (command === 'reveal' && args[0] && !args[0].startsWith('--')) {
    const file = JSON.parse(readFileSync(args[0], 'utf8')) as BlindSampleFile;
    const r = reveal(file, links, measures);
    const pct = (n: number) => `${n} (${((100 * n) / r.judged).toFixed(1)} %)`;
    console.log(r.rows.join('\n'));
    const kinds = Object.entries(r.byKind).map(([k, c]) => `${k} S ${c.S}, R ${c.R}, W ${c.W}`);
    console.log(`\nby kind (links still drawn): ${kinds.join('; ')}`);
    console.log(
      `\n${r.judged} judged, ${r.found} still linked: S ${pct(r.counts.S)}, R ${pct(r.counts.R)}, W ${pct(r.counts.W)}; ` +
        `S tiered same or R tiered related ${pct(r.correctlyTiered)}; S or R tiered related ${pct(r.sameOrTieredRelated)}; ` +
        `of the ${r.found} still linked: S ${r.linkedCounts.S}, R ${r.linkedCounts.R}, W ${r.linkedCounts.W}; ` +
        `W scores ${r.wrongScores.length ? `${Math.min(...r.wrongScores)}–${Math.max(...r.wrongScores)}` : 'none'}`,
    );
    return;
  }
  console.error('usage: blind-sample.ts draw [--seed N] [--size 40] [--json] [--include-labelled] [--corpus seeds|all] | reveal FILE.json [--corpus seeds|all] [--link JSON]');
  process.exit(2);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
