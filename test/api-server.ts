// One start-up for the API's integration tests: the seeds in the test Neo4j, then the API either
// as the real HTTP server on a free loopback port or as the Apollo server run in-process (which
// lets a test count the Cypher queries of a request). Each registers its own vitest hooks, so a
// test file writes `const api = seededHttpServer();` at the top and reads `api.url` in its tests.
import { afterAll, beforeAll } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { testDriver } from './neo4j.js';
import { loadSeedGraph } from './seed-graph.js';
import type { Graph } from '../ingest/types.js';
import { Reader, type ReaderOptions } from '../db/read/reader.js';
import { createApolloServer, createContext, startServer, type RunningServer } from '../api/server.js';

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test/api-server: ${what} is read before beforeAll ran; read it inside a test or hook`);
  return value;
}

export interface SeededHttpServer {
  readonly driver: Driver;
  /** The seed graph as the pipeline made it (what the database holds). */
  readonly graph: Graph;
  readonly server: RunningServer;
  /** The server's base URL (http://127.0.0.1:port, no trailing slash). */
  readonly url: string;
}

/** The HTTP server (api/server.ts) over the seeds, started before the file's tests and closed after. */
export function seededHttpServer(): SeededHttpServer {
  let driver: Driver | undefined;
  let graph: Graph | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    driver = testDriver();
    graph = await loadSeedGraph(driver);
    server = await startServer({ driver, port: 0, host: '127.0.0.1', log: () => {}, warmUp: false });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get driver() {
      return ready(driver, 'the driver');
    },
    get graph() {
      return ready(graph, 'the seed graph');
    },
    get server() {
      return ready(server, 'the server');
    },
    get url() {
      return ready(server, 'the server').url.replace(/\/$/u, '');
    },
  };
}

export interface OperationResult {
  data: Record<string, unknown> | null | undefined;
  errors: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined;
  /** How many Cypher queries the request ran (every query goes through the request's reader). */
  queries: number;
}

export interface SeededApollo {
  readonly driver: Driver;
  /** Runs one operation with a fresh request context, as the HTTP server would. */
  execute(query: string, variables?: Record<string, unknown>, reader?: ReaderOptions): Promise<OperationResult>;
}

/** The Apollo server in-process over the seeds, started before the file's tests and stopped after. */
export function seededApollo(): SeededApollo {
  let driver: Driver | undefined;
  const server = createApolloServer({ log: () => {} });
  beforeAll(async () => {
    driver = testDriver();
    await loadSeedGraph(driver);
    await server.start();
    return () => server.stop();
  });
  return {
    get driver() {
      return ready(driver, 'the driver');
    },
    async execute(query, variables = {}, reader) {
      const context = createContext(new Reader(ready(driver, 'the driver'), reader));
      const response = await server.executeOperation({ query, variables }, { contextValue: context });
      if (response.body.kind !== 'single') throw new Error('test/api-server: expected a single result, not an incremental one');
      const { data, errors } = response.body.singleResult;
      return { data, errors, queries: context.reader.queryCount };
    },
  };
}
