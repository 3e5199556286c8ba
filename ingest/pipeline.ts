// The ingest pipeline. Pure stages over the files given; diagnostics are collected, never thrown.
//
//   per file    decode          decode.ts                bytes → SourceText (encoding, exact text)
//               structure       structure/               outline, parts, furniture, portal block, dates, place
//               measures        measures/items.ts        operative items → measures, aims → document targets
//               responsibility  responsibility/          brackets, label lines, subjects, notes → clauses, deadlines
//                               (layout rules for tables: parse/document.ts LAYOUTS; head: metadata.ts)
//   per corpus  extract         extract/                 themes, initiatives, targets
//               resolve         resolve/ + responsibility/resolve-clauses.ts   parties → departments
//               link            link/                    lineage between measures
//               assemble        assemble.ts              the graph (model/graph.ts ids and labels)
//
// A file that cannot be read as a text is refused and contributes nothing; the others go on.
import { decodeDocument, decodeFile, type DecodeResult } from './decode.js';
import { sortDiagnostics } from './diagnostics.js';
import { manifestEntryFor } from './metadata.js';
import { parseDocument, type ParseOutcome } from './parse/document.js';
import { assemble, type AssembleDocument } from './assemble.js';
import { loadDepartmentReference, type DepartmentReference } from './resolve/departments.js';
import { loadThemes, type ThemeTaxonomy } from './extract/themes.js';
import type { LinkableMeasure, LinkStats } from './link/lineage.js';
import type { Diagnostic, Graph } from './types.js';

export interface PipelineOptions {
  /** Department reference data (default: seeds/reference). */
  referenceDir?: string;
  /** Theme taxonomy file (default: seeds/reference/themes.json). */
  themesFile?: string;
  ref?: DepartmentReference;
  taxonomy?: ThemeTaxonomy;
  /** Read manifest.json beside the files for years the text does not state (default true). */
  manifest?: boolean;
  /** Measures already stored, for incremental lineage. */
  existing?: LinkableMeasure[];
  /** Files already decoded (decodeDocument: the only reader of DOCX and PDF); the others are decoded here, as text or HTML. */
  decoded?: ReadonlyMap<string, DecodeResult>;
  /** Files already parsed (the worker pool, ingest/parallel/): used instead of parsing them here. */
  parsed?: ReadonlyMap<string, ParseOutcome>;
  /** Called after each file is parsed. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface PipelineReport {
  graph: Graph;
  /** Files that contributed nothing because of an error (empty, binary, truncated…). */
  refused: string[];
  /** Files whose content duplicates an earlier file (kept once, under the first name). */
  duplicates: { file: string; sameAs: string }[];
  documents: number;
  measures: number;
  linkStats: LinkStats;
  ms: { parse: number; assemble: number; total: number };
}

// A loop, not push(...items): a very large file can carry more diagnostics than the call stack takes arguments.
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

export function ingestSync(files: string[], opts: PipelineOptions = {}): PipelineReport {
  const t0 = performance.now();
  const ref = opts.ref ?? loadDepartmentReference(opts.referenceDir);
  const taxonomy = opts.taxonomy ?? loadThemes(opts.themesFile);
  const diagnostics: Diagnostic[] = [];
  const refused: string[] = [];
  const duplicates: PipelineReport['duplicates'] = [];
  const bySha = new Map<string, AssembleDocument>();
  const documents: AssembleDocument[] = [];

  files.forEach((file, i) => {
    const decoded = opts.decoded?.get(file) ?? decodeFile(file);
    append(diagnostics, decoded.diagnostics);
    if (!decoded.ok) {
      refused.push(file);
    } else {
      const first = bySha.get(decoded.source.sha256);
      if (first) {
        const sameAs = first.parsed.doc.source.file;
        duplicates.push({ file, sameAs });
        first.aliasFiles.push(file);
        diagnostics.push({
          file, line: 1, column: 1, severity: 'warning', rule: 'duplicate-document',
          message: `same content as ${sameAs} (sha256 ${decoded.source.sha256.slice(0, 16)}…): ingested once, under ${sameAs}; remove one of the copies`,
        });
      } else {
        const parsed: ParseOutcome =
          opts.parsed?.get(file) ?? parseDocument(decoded.source, opts.manifest === false ? undefined : manifestEntryFor(file, decoded.source.sha256));
        append(diagnostics, parsed.diagnostics);
        if (parsed.refused) {
          refused.push(file);
        } else {
          const entry = { parsed, aliasFiles: [] };
          bySha.set(decoded.source.sha256, entry);
          documents.push(entry);
        }
      }
    }
    opts.onProgress?.(i + 1, files.length, file);
  });
  const t1 = performance.now();

  const assembled = assemble({ documents, ref, taxonomy, existing: opts.existing });
  append(diagnostics, assembled.diagnostics);
  const t2 = performance.now();

  return {
    graph: { nodes: assembled.nodes, relationships: assembled.relationships, diagnostics: sortDiagnostics(diagnostics) },
    refused,
    duplicates,
    documents: documents.length,
    measures: documents.reduce((n, d) => n + d.parsed.doc.measures.length, 0),
    linkStats: assembled.linkStats,
    ms: { parse: t1 - t0, assemble: t2 - t1, total: t2 - t0 },
  };
}

export async function ingest(files: string[], opts: PipelineOptions = {}): Promise<PipelineReport> {
  const decoded = new Map(opts.decoded);
  for (const file of files) if (!decoded.has(file)) decoded.set(file, await decodeDocument(file));
  return ingestSync(files, { ...opts, decoded });
}

/** The whole pipeline over `files`: the graph the dry run prints and the writer stores. */
export async function runPipeline(files: string[], opts: PipelineOptions = {}): Promise<Graph> {
  return (await ingest(files, opts)).graph;
}

/** For the start script: ingest these files with the default reference data. */
export async function ingestFiles(files: string[]): Promise<Graph> {
  return runPipeline(files);
}
