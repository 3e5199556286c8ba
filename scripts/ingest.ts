// npx tsx scripts/ingest.ts [--dry-run] [--json] [FILE|FOLDER…]
// Runs the pipeline over the files (text, HTML, DOCX, PDF; a folder stands for the documents in
// it; default the documents in seeds/). --dry-run prints a readable summary of each document;
// --dry-run --json prints the graph as JSON on stdout and nothing else; diagnostics, progress and
// the summary go to stderr. Without --dry-run the graph is written to Neo4j. Exit code 1 when a
// file was refused. It lives in scripts/ because it composes ingest/ and db/, which never import
// each other.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { explainDatabaseError } from '../db/errors.js';
import { isDocumentFile } from '../ingest/decode.js';
import { countByRule, formatDiagnostic } from '../ingest/diagnostics.js';
import { ingestParallel } from '../ingest/parallel/index.js';
import type { PipelineReport } from '../ingest/pipeline.js';
import { documentSummaryLines } from '../ingest/summary.js';
import { writeJsonStreaming, writeLinesStreaming } from './graph-json.js';
import type { Graph } from '../model/graph.js';

interface Args {
  dryRun: boolean;
  json: boolean;
  quiet: boolean;
  files: string[];
}

const USAGE = 'usage: npm run ingest -- [--dry-run] [--json] [--quiet] [FILE|FOLDER…]   (.txt .html .htm .docx .pdf; default: the documents in seeds/)';

/** The documents directly in a folder, by name order. */
function documentsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter(isDocumentFile)
    .sort()
    .map((f) => join(dir, f));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a missing path is reported by decode, with the others
  }
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dryRun: false, json: false, quiet: false, files: [] };
  for (const a of argv) {
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--json') args.json = true;
    else if (a === '--quiet' || a === '-q') args.quiet = true;
    else if (a === '--help' || a === '-h') {
      process.stderr.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) {
      process.stderr.write(`unknown option ${a}\n${USAGE}\n`);
      process.exit(2);
    } else args.files.push(...(isFolder(a) ? documentsIn(a) : [a]));
  }
  if (args.files.length === 0) args.files = documentsIn('seeds');
  return args;
}

function summary(graph: Graph, refused: string[], ms: number, measures: number): string {
  const count = (xs: string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => `${k} ${v}`).join(', ');
  };
  const rules = [...countByRule(graph.diagnostics).entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [
    `nodes: ${count(graph.nodes.flatMap((n) => n.labels))}`,
    `relationships: ${count(graph.relationships.map((r) => r.type))}`,
    `diagnostics: ${graph.diagnostics.length}${rules ? ` (${rules})` : ''}`,
    `refused: ${refused.length === 0 ? 'none' : refused.join(', ')}`,
    `${measures} measures in ${ms.toFixed(0)} ms`,
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const stderr = process.stderr;
  // A bar only helps when a person watches a long run.
  const showBar = stderr.isTTY && !args.quiet && args.files.length >= 50;
  const cliProgress = showBar ? (await import('cli-progress')).default : undefined;
  const bar = cliProgress ? new cliProgress.SingleBar({ stream: stderr, format: 'ingest [{bar}] {value}/{total} {file}' }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(args.files.length, 0, { file: '' });
  const onProgress = (done: number, _total: number, file: string) => bar?.update(done, { file });

  let report: PipelineReport;
  if (args.dryRun) {
    report = await ingestParallel(args.files, { onProgress });
    bar?.stop();
    if (args.json) {
      if (!args.quiet) for (const d of report.graph.diagnostics) stderr.write(`${formatDiagnostic(d)}\n`);
      // Streamed: the same text as JSON.stringify, never one string of the whole graph.
      await writeJsonStreaming(process.stdout, report.graph);
    } else if (!args.quiet) {
      // A person checking a file by hand: each document read back, with its diagnostics. Line by
      // line: the summary of a 50 MB file is tens of MB of text.
      await writeLinesStreaming(stderr, documentSummaryLines(report.graph));
    }
  } else {
    // Imported only here so that a dry run never loads the database code.
    const { connect } = await import('../db/neo4j.js');
    const { migrate } = await import('../db/migrations.js');
    const { writeGraph } = await import('../db/writer.js');
    const { loadLinkableMeasures } = await import('../db/lineage-context.js');
    const conn = await connect({ log: (line) => stderr.write(`${line}\n`) });
    try {
      await migrate(conn.driver, conn.database);
      // Measures of other documents already stored: linked together with the new ones, so the lineage
      // equals a clean run's.
      const existing = await loadLinkableMeasures(conn.driver, { database: conn.database, excludeSourceFiles: args.files });
      report = await ingestParallel(args.files, { onProgress, existing });
      bar?.stop();
      if (!args.quiet) for (const d of report.graph.diagnostics) stderr.write(`${formatDiagnostic(d)}\n`);
      // The ingest linked the stored measures too, so stale lineage links can go (lineageComplete).
      const written = await writeGraph(conn.driver, report.graph, { database: conn.database, lineageComplete: true });
      stderr.write(`written to ${conn.uri}: ${written.documents} documents, ${written.nodes} nodes, ${written.relationships} relationships in ${written.ms.toFixed(0)} ms (linked against ${existing.length} stored measures)\n`);
    } finally {
      await conn.close();
    }
  }
  const { graph } = report;
  stderr.write(`${summary(graph, report.refused, report.ms.total, report.measures)}\n`);
  return report.refused.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Setup errors (no database, bad credentials) say what to do; a stack helps only when debugging.
    const detail = err instanceof Error ? (process.env.DEBUG ? (err.stack ?? err.message) : err.message) : String(err);
    process.stderr.write(`ingest failed: ${explainDatabaseError(err) ?? detail}\n`);
    process.exitCode = 2;
  },
);
