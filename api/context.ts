// What every resolver receives: the request's reader (its own query count) and its DataLoaders,
// and for the write path: whether the request carried the token, who it says it is, the
// connection to write with, and the import queue.
import type { Driver } from 'neo4j-driver';
import type { Reader } from '../db/read/reader.js';
import type { JobQueue } from './import/jobs.js';
import type { Loaders } from './loaders.js';
import type { ResponseBudget } from './budget.js';

export interface WriteContext {
  /** False when the server runs without a token: every write is refused. */
  configured: boolean;
  authorized: boolean;
  /** The name the request gave (X-Curator), for the record of who changed what. */
  actor: string;
  driver: Driver;
  database?: string;
}

export interface ApiContext {
  reader: Reader;
  loaders: Loaders;
  write?: WriteContext;
  jobs?: JobQueue;
  /** Fields and bytes this request may still resolve (api/budget.ts). */
  budget?: ResponseBudget;
}
