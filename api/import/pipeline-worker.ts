// The ingest pipeline in a worker thread: parsing and linking are synchronous CPU work (seconds
// on a large graph), and the API's readers must not wait for them. One request at a time.
import { parentPort } from 'node:worker_threads';
import { ingest } from '../../ingest/pipeline.js';
import type { LinkableMeasure } from '../../ingest/link/lineage.js';

interface Request {
  id: number;
  files: string[];
  existing: LinkableMeasure[];
}

parentPort?.on('message', (req: Request) => {
  ingest(req.files, {
    existing: req.existing,
    onProgress: (_done, _total, file) => parentPort?.postMessage({ id: req.id, type: 'parsed', file }),
  }).then(
    (report) => parentPort?.postMessage({ id: req.id, type: 'report', report }),
    (error: unknown) => parentPort?.postMessage({ id: req.id, type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
parentPort?.postMessage({ type: 'ready' });
