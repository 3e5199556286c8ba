// The pipeline with decode + parse on every core (bulk ingest: the CLI's folders, the benchmark).
// Same graph as ingest() on one thread: only per-document work moves to the pool.
import { ingest, ingestSync, type PipelineOptions, type PipelineReport } from '../pipeline.js';
import { defaultThreads, parseFilesInParallel } from './pool.js';

export { defaultThreads } from './pool.js';

export interface ParallelOptions extends PipelineOptions {
  /** Worker threads for decode + parse (default: os.availableParallelism()). */
  threads?: number;
}

/** Below this many files a pool's start-up (a module graph per thread) costs more than it saves. */
const MIN_FILES_FOR_POOL = 8;

export async function ingestParallel(files: string[], opts: ParallelOptions = {}): Promise<PipelineReport> {
  const { threads = defaultThreads(), onProgress, ...rest } = opts;
  const t0 = performance.now();
  const pre = files.filter((f) => !opts.decoded?.has(f));
  if (threads < 2 || pre.length < MIN_FILES_FOR_POOL) {
    return ingest(files, opts);
  }
  const { decoded, parsed } = await parseFilesInParallel(pre, { threads, manifest: opts.manifest, onProgress });
  for (const [f, d] of opts.decoded ?? []) decoded.set(f, d);
  const poolMs = performance.now() - t0;
  const report = ingestSync(files, { ...rest, decoded, parsed });
  return { ...report, ms: { parse: report.ms.parse + poolMs, assemble: report.ms.assemble, total: report.ms.total + poolMs } };
}
