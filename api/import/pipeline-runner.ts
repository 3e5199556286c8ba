// Runs the CLI's pipeline (ingest/pipeline.ts, the same entry and options) off the main thread.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LinkableMeasure } from '../../ingest/link/lineage.js';
import type { PipelineReport } from '../../ingest/pipeline.js';

const WORKER = new URL('./pipeline-worker.ts', import.meta.url);
// The package's ESM entry (require.resolve would name the CommonJS one).
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/u, '.mjs');
// tsx's loader registered inside the worker: Node does not pass a parent's --import hooks on.
const BOOT = `import(${JSON.stringify(TSX_API)}).then((tsx) => tsx.tsImport(${JSON.stringify(WORKER.href)}, ${JSON.stringify(WORKER.href)}));`;

type Message =
  | { type: 'ready' }
  | { id: number; type: 'parsed'; file: string }
  | { id: number; type: 'report'; report: PipelineReport }
  | { id: number; type: 'error'; message: string };

/**
 * A worker that loads the pipeline once (compiling it costs seconds) and runs it on request.
 * Requests are serial: the import queue sends one file at a time.
 */
export class PipelineWorker {
  private worker: Worker | undefined;
  private next = 1;
  private pending = new Map<number, { resolve: (r: PipelineReport) => void; reject: (e: Error) => void; onParsed?: (file: string) => void }>();

  private start(): Worker {
    const worker = new Worker(BOOT, { eval: true });
    worker.on('message', (msg: Message) => {
      if (msg.type === 'ready') return;
      const waiting = this.pending.get(msg.id);
      if (!waiting) return;
      if (msg.type === 'parsed') waiting.onParsed?.(msg.file);
      else {
        this.pending.delete(msg.id);
        if (msg.type === 'report') waiting.resolve(msg.report);
        else waiting.reject(new Error(`the pipeline failed: ${msg.message}`));
      }
    });
    const fail = (error: Error) => {
      for (const w of this.pending.values()) w.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the pipeline worker stopped (exit code ${code})`)));
    worker.unref();
    return worker;
  }

  run(files: string[], existing: LinkableMeasure[], onParsed?: (file: string) => void): Promise<PipelineReport> {
    this.worker ??= this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onParsed });
      this.worker!.postMessage({ id, files, existing });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}
