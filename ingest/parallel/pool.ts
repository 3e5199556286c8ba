// Decode + parse on every core: a pool of worker threads, one document per message. The results
// come back in any order and are handed to the pipeline by file, so the graph is the one a single
// thread builds (the cross-document stages run afterwards, in file order, on the main thread).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DecodeResult } from '../decode.js';
import type { ParseOutcome } from '../parse/document.js';

export interface ParseJob {
  id: number;
  file: string;
  /** Read manifest.json beside the file (the pipeline's `manifest` option). */
  manifest: boolean;
}

export type ParseReply =
  | { id: number; decoded: DecodeResult; parsed?: ParseOutcome; error?: undefined }
  | { id: number; error: string; decoded?: undefined; parsed?: undefined };

export interface ParsedFiles {
  decoded: Map<string, DecodeResult>;
  parsed: Map<string, ParseOutcome>;
}

export interface PoolOptions {
  /** Worker threads (default: os.availableParallelism()). */
  threads?: number;
  manifest?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism());
}

/** Decodes and parses `files` on `threads` worker threads; rejects on the first worker failure. */
export async function parseFilesInParallel(files: string[], opts: PoolOptions = {}): Promise<ParsedFiles> {
  const decoded = new Map<string, DecodeResult>();
  const parsed = new Map<string, ParseOutcome>();
  const unique = [...new Set(files)];
  const threads = Math.max(1, Math.min(opts.threads ?? defaultThreads(), unique.length));
  if (unique.length === 0) return { decoded, parsed };
  // Run as TypeScript (tsx, vitest), the worker needs its entry to register the loader; compiled, it does not.
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js', import.meta.url);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (err: Error) => {
        if (failed) return;
        failed = true;
        reject(err);
      };
      const send = (w: Worker) => {
        if (next >= unique.length) return;
        const id = next++;
        w.postMessage({ id, file: unique[id]!, manifest: opts.manifest !== false } satisfies ParseJob);
      };
      for (let i = 0; i < threads; i++) {
        const w = new Worker(workerUrl);
        workers.push(w);
        w.on('message', (reply: ParseReply) => {
          const file = unique[reply.id]!;
          if (reply.error !== undefined) return fail(new Error(`parse worker failed on ${file}: ${reply.error}`));
          decoded.set(file, reply.decoded);
          if (reply.parsed) parsed.set(file, reply.parsed);
          done++;
          opts.onProgress?.(done, unique.length, file);
          if (done === unique.length) resolve();
          else send(w);
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (done < unique.length) fail(new Error(`a parse worker exited (code ${code}) with ${unique.length - done} files left`));
        });
        send(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { decoded, parsed };
}
