// The HTTP server: GraphQL at /graphql (Apollo Server 5 on express 5), health and readiness
// probes, the offline GraphiQL at /graphiql, and the built UI on the same origin.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import cors, { type CorsOptions } from 'cors';
import helmet from 'helmet';
import compression from 'compression';
import type neo4j from 'neo4j-driver';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { Reader } from '../db/read/reader.js';
import { readiness } from '../db/read/stats.js';
import { LABELS } from '../model/graph.js';
import { createLoaders } from './loaders.js';
import { routeStatus } from './uiRoutes.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';
import { formatError } from './errors.js';
import { EXAMPLES } from './examples.js';
import type { ApiContext } from './context.js';
import { mountWritePath } from './import/mount.js';
import { mountExports } from './export/routes.js';
import { BUDGET, ResponseBudget, budgeted, budgetedResolvers, costLimitRule } from './budget.js';

export interface StartServerOptions {
  driver: neo4j.Driver;
  database?: string;
  port: number;
  /** Default: env HOST, else 127.0.0.1 (loopback only; HOST=0.0.0.0 opens it to the network). */
  host?: string;
  /**
   * The database as its supervisor sees it (db/neo4j.ts Connection.state): /healthz reports it
   * without waiting for a query to time out. Without it, /healthz asks Neo4j itself.
   */
  databaseState?: () => 'up' | 'restarting' | 'failed';
  /** The built UI, served statically with a fallback to index.html for client-side routes. */
  uiDir?: string;
  /** Allowed CORS origins; default: env CORS_ORIGINS (comma-separated, `*` for any), else same origin only. */
  corsOrigins?: string[];
  /** Neo4j transaction timeout per query in ms; default env NEO4J_QUERY_TIMEOUT_MS or 5000. */
  queryTimeoutMs?: number;
  log?: (line: string) => void;
  /**
   * Run the example queries once in the background after start, so Neo4j has planned the API's
   * Cypher before the first user asks (planning a query costs ~1 s the first time). Default true.
   */
  warmUp?: boolean;
  /** The write token (api/auth.ts); without it every mutation and import is refused. */
  writeToken?: string;
  /** Where import jobs keep their files and state (default .data/imports). */
  importDir?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Limits on the shape of a query, enforced before any resolver runs. */
export const LIMITS = {
  maxDepth: 12,
  maxCost: BUDGET.maxCost,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 5_000,
} as const;

const HEALTH_PING_CACHE_MS = 1_000;
const HEALTH_PING_TIMEOUT_MS = 2_000;

/** The built GraphiQL page (npm run build:graphiql). */
export const GRAPHIQL_DIR = fileURLToPath(new URL('./graphiql/dist/', import.meta.url));

export function createApolloServer(opts: { plugins?: ApolloServerPlugin<ApiContext>[]; log?: (line: string) => void } = {}) {
  const development = process.env.NODE_ENV === 'development';
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    // Armor's cost limit ignores list sizes and variables; api/budget.ts replaces it.
    costLimit: { enabled: false },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    // Armor's token limit re-parses in a plugin and turns every syntax error into a 500; the
    // parser's own maxTokens (parseOptions below) enforces the same limit with a proper 400.
    maxTokens: { enabled: false },
    // Field suggestions help people write queries; the schema is public anyway.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return new ApolloServer<ApiContext>({
    typeDefs: typeDefs(),
    resolvers: budgetedResolvers(resolvers) as never,
    fieldResolver: budgeted(),
    introspection: true,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    includeStacktraceInErrorResponses: development,
    formatError: formatError(development, opts.log ?? ((l) => process.stderr.write(`${l}\n`))),
    validationRules: [...armor.validationRules, costLimitRule(LIMITS.maxCost)],
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<ApiContext>[]),
      responseBudgetPlugin,
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the default cache-control plugin would still hook every field
      // resolution (a third of the server's CPU on a 300-node neighbourhood).
      ApolloServerPluginCacheControlDisabled(),
      ...(opts.plugins ?? []),
    ],
    allowBatchedHttpRequests: false,
    // Stated, not changed: parsed and validated documents are cached (an LRU keyed by the query
    // text), and automatic persisted queries let a client send a hash instead of the text.
    persistedQueries: {},
  });
}

/**
 * A request stopped by its response budget answers with that one error, not with the partial
 * data and one error per field cut off.
 */
const responseBudgetPlugin: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const budget = contextValue.budget;
        if (!budget?.exceeded || response.body.kind !== 'single') return;
        const error = budget.error();
        response.body.singleResult = { data: null, errors: [{ message: error.message, extensions: error.extensions }] };
      },
    };
  },
};

/** A per-request context: its own reader (for the query count), fresh DataLoaders and budget. */
export function createContext(base: Reader, write: Pick<ApiContext, 'write' | 'jobs'> = {}): ApiContext {
  const reader = base.fork();
  return { reader, loaders: createLoaders(reader), budget: new ResponseBudget(), ...write };
}

/**
 * Helmet's headers with a policy the UI and GraphiQL pass: scripts only from this origin, no
 * framing by any site (frame-ancestors 'none', X-Frame-Options DENY), nosniff. Inline styles are
 * allowed because React, Cytoscape and GraphiQL set style attributes; workers and images may come
 * from blob:/data: URLs the pages create themselves. No upgrade-insecure-requests and no HSTS:
 * the server speaks plain HTTP on loopback.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  });
}

/** File names with a content hash (Vite's assets/) never change: cache them for a year; the rest revalidates. */
function cacheHeaders(res: Response, file: string): void {
  const hashed = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(file);
  res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}

function corsOptions(origins: string[] | undefined): CorsOptions {
  const list = origins ?? (process.env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (list.includes('*')) return { origin: true, maxAge: 600 };
  // With no list, only the same origin (the UI served here) can call the API from a browser.
  return { origin: list.length > 0 ? list : false, maxAge: 600 };
}

export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const timeoutMs = opts.queryTimeoutMs ?? (Number(process.env.NEO4J_QUERY_TIMEOUT_MS) || 5_000);
  const base = new Reader(opts.driver, { database: opts.database, timeoutMs });
  const host = opts.host ?? (process.env.HOST || '127.0.0.1');
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  // Timelines and neighbourhoods are large, repetitive JSON: gzip cuts them 5–10× for a browser
  // (clients that send no Accept-Encoding, like the benchmark's, get them as they are).
  app.use(compression({ threshold: 2048 }));
  const httpServer: Server = createServer(app);
  const apollo = createApolloServer({ plugins: [ApolloServerPluginDrainHttpServer({ httpServer })], log });
  await apollo.start();

  // Liveness of the service as a whole: this process and its database. A restart of the built-in
  // Neo4j shows here as 503 'restarting', so a probe sees the outage and its end.
  let lastPing: { at: number; ok: boolean } = { at: 0, ok: false };
  const pingDatabase = async (): Promise<boolean> => {
    if (Date.now() - lastPing.at < HEALTH_PING_CACHE_MS) return lastPing.ok;
    let timer: NodeJS.Timeout | undefined;
    const ok = await Promise.race([
      opts.driver.executeQuery('RETURN 1', {}, { database: opts.database }).then(() => true, () => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), HEALTH_PING_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    lastPing = { at: Date.now(), ok };
    return ok;
  };
  app.get('/healthz', async (_req, res) => {
    const state = opts.databaseState?.() ?? 'up';
    const database = state === 'up' ? ((await pingDatabase()) ? 'up' : 'unreachable') : state;
    res.status(database === 'up' ? 200 : 503).json({ status: database === 'up' ? 'ok' : 'unavailable', database });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      const state = await readiness(base.fork());
      const missing = LABELS.filter((l) => !state.constraints.includes(`${l.toLowerCase()}_id`));
      const problems = [
        ...(missing.length > 0 ? [`constraints missing for ${missing.join(', ')}: run the migrations (npm start does)`] : []),
        ...(state.documents === 0 ? ['no documents in the graph: ingest some (npm run ingest)'] : []),
      ];
      res.status(problems.length === 0 ? 200 : 503).json({ status: problems.length === 0 ? 'ready' : 'not ready', documents: state.documents, problems });
    } catch (error) {
      res.status(503).json({ status: 'not ready', problems: [`Neo4j is not reachable: ${(error as Error).message}`] });
    }
  });

  const corsMiddleware = cors(corsOptions(opts.corsOrigins));
  app.use('/api', corsMiddleware);
  const writePath = mountWritePath(app, { driver: opts.driver, database: opts.database, writeToken: opts.writeToken, importDir: opts.importDir, log });
  mountExports(app, base);
  app.use(
    '/graphql',
    corsMiddleware,
    express.json({ limit: '200kb' }),
    // express 5 leaves req.body unset for bodiless requests (GET); Apollo needs the property.
    (req: Request, _res: Response, next: NextFunction) => {
      if (!('body' in req) || req.body === undefined) (req as { body?: unknown }).body = undefined;
      next();
    },
    expressMiddleware(apollo, { context: async ({ req }) => createContext(base, writePath.contextFor(req)) }),
  );

  // Relative asset paths need the trailing slash; express matches /graphiql and /graphiql/ alike.
  app.get('/graphiql', (req, res, next) => (req.originalUrl.split('?')[0] === '/graphiql' ? res.redirect(301, '/graphiql/') : next()));
  if (existsSync(path.join(GRAPHIQL_DIR, 'index.html'))) {
    app.use('/graphiql/', express.static(GRAPHIQL_DIR, { index: 'index.html', setHeaders: cacheHeaders }));
  } else {
    app.get('/graphiql/', (_req, res) => {
      res.status(503).type('text/plain').send('GraphiQL is not built yet: run `npm run build:graphiql` (npm start does it), then reload.');
    });
  }

  if (opts.uiDir && existsSync(opts.uiDir)) {
    const uiDir = path.resolve(opts.uiDir);
    app.use(express.static(uiDir, { index: 'index.html', setHeaders: cacheHeaders }));
    // Client-side routes (/lineage/…, /theme/…) get the app; missing assets stay 404.
    // An unknown page or id still gets the app (it shows "not found" with suggestions), but with
    // HTTP 404, so links checkers and crawlers see it; a database error does not turn into a 404.
    app.get(/^\/(?!graphql|graphiql|healthz|readyz|api\/).*/, async (req, res, next) => {
      if (req.method !== 'GET' || path.extname(req.path) !== '') return next();
      const status = await routeStatus(base.fork(), req.path).catch(() => 200 as const);
      res.setHeader('Cache-Control', 'no-cache');
      res.status(status).sendFile(path.join(uiDir, 'index.html'));
    });
  }

  // Malformed JSON and oversized bodies: a GraphQL-shaped error, never an HTML page or a stack.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const code = error.type === 'entity.parse.failed' ? 'BAD_REQUEST' : error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    const message =
      code === 'BAD_REQUEST' && error.type === 'entity.parse.failed'
        ? `The request body is not valid JSON: ${error.message}. Send {"query": "...", "variables": {...}} with Content-Type: application/json.`
        : code === 'PAYLOAD_TOO_LARGE'
          ? 'The request body is too large (at most 200 kB).'
          : status < 500
            ? error.message
            : 'Internal server error; the server logged the details.';
    if (status >= 500) log(`http error: ${error.stack ?? error.message}`);
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, host, () => resolve());
  });
  if (opts.warmUp ?? true) {
    void (async () => {
      const t0 = Date.now();
      for (const example of EXAMPLES) {
        // Errors here only mean an empty graph; the real requests will report them.
        await apollo.executeOperation({ query: example.query, variables: example.variables }, { contextValue: createContext(base) }).catch(() => undefined);
      }
      log(`api: warmed up ${EXAMPLES.length} example queries in ${Date.now() - t0} ms`);
    })();
  }

  const address = httpServer.address() as AddressInfo;
  const shown = host !== '0.0.0.0' && host !== '::' ? host : 'localhost';
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`;
  return {
    url,
    async close() {
      await writePath.close();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
