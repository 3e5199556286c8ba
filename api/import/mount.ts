// The write path on the HTTP server: the token check for every request, the import queue and
// its upload endpoint. Reads never pass through here.
import path from 'node:path';
import type { Express, Request } from 'express';
import type { Driver } from 'neo4j-driver';
import { projectRoot } from '../../db/config.js';
import { bearer, tokenMatches } from '../auth.js';
import type { ApiContext } from '../context.js';
import { JobQueue } from './jobs.js';
import { PipelineWorker } from './pipeline-runner.js';
import { importHandler } from './route.js';
import { importRunner } from './run.js';

export const DEFAULT_IMPORT_DIR = path.join(projectRoot, '.data', 'imports');

export interface WritePathOptions {
  driver: Driver;
  database?: string;
  /** Without a token every write is refused. */
  writeToken?: string;
  importDir?: string;
  log: (line: string) => void;
}

export interface WritePath {
  /** Absent when the server has no token: there is nothing to queue. */
  queue: JobQueue | undefined;
  /** The write part of a GraphQL request's context. */
  contextFor(req: Request): Pick<ApiContext, 'write' | 'jobs'>;
  close(): Promise<void>;
}

/**
 * The name a request gives for the record (X-Curator, percent-encoded UTF-8 since headers are
 * Latin-1), bounded; the token is what authorises.
 */
export function actorOf(req: Pick<Request, 'headers'>): string {
  const raw = req.headers['x-curator'];
  let name = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // not percent-encoded: kept as sent
  }
  // eslint-disable-next-line no-control-regex -- a name is one line of text
  return name.replace(/[\u0000-\u001f\u007f]/gu, '').slice(0, 60) || 'token holder';
}

export function mountWritePath(app: Express, opts: WritePathOptions): WritePath {
  const worker = new PipelineWorker();
  let queue: JobQueue | undefined;
  if (opts.writeToken) {
    queue = new JobQueue(opts.importDir ?? DEFAULT_IMPORT_DIR, importRunner({ driver: opts.driver, database: opts.database, worker }), opts.log);
    const recovered = queue.recover();
    if (recovered.failed > 0) opts.log(`import: ${recovered.failed} job(s) were interrupted by the last stop and are reported failed`);
    if (recovered.requeued > 0) opts.log(`import: ${recovered.requeued} queued job(s) resumed`);
  }
  const authorize = (req: Request) => ({
    configured: Boolean(opts.writeToken),
    authorized: tokenMatches(opts.writeToken, bearer(req.headers.authorization)),
    actor: actorOf(req),
  });
  app.post('/api/documents', importHandler({ queue, authorize }));
  return {
    queue,
    contextFor: (req) => ({ write: { ...authorize(req), driver: opts.driver, database: opts.database }, jobs: queue }),
    async close() {
      await queue?.stop();
      await worker.close();
    },
  };
}
