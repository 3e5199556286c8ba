// One worker of the parse pool: decode and parse the files it is sent, one at a time, and send
// back both results. Pure per-document work only: everything that looks across documents
// (duplicates, extraction, resolution, linking) stays on the main thread, in file order.
import { parentPort } from 'node:worker_threads';
import { decodeDocument } from '../decode.js';
import { manifestEntryFor } from '../metadata.js';
import { parseDocument } from '../parse/document.js';
import type { ParseJob, ParseReply } from './pool.js';

if (!parentPort) throw new Error('ingest/parallel/worker.ts runs only as a worker thread of the parse pool');
const port = parentPort;

port.on('message', (job: ParseJob) => {
  void (async (): Promise<ParseReply> => {
    try {
      const decoded = await decodeDocument(job.file);
      if (!decoded.ok) return { id: job.id, decoded };
      const manifest = job.manifest ? manifestEntryFor(job.file, decoded.source.sha256) : undefined;
      return { id: job.id, decoded, parsed: parseDocument(decoded.source, manifest) };
    } catch (err) {
      return { id: job.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
  })().then((reply) => port.postMessage(reply));
});
