// npm start: HTTP port checked → Neo4j (built-in or NEO4J_URI) → migrations → seeds ingested if
// missing or changed → UI built if stale → UI and GraphQL API on HOST:PORT. Ctrl-C, or SIGTERM to
// the pid it prints, stops everything it started; so does the end of the npm process that ran it
// (npm does not pass signals on to its script).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../db/config.js';
import { connect, Neo4jSetupError, type Connection } from '../db/neo4j.js';
import { migrate } from '../db/migrations.js';
import { storedDocuments, writeGraph } from '../db/writer.js';
import { isDocumentFile } from '../ingest/decode.js';
import { ingestFiles } from '../ingest/pipeline.js';
import { isSourceDocument } from '../model/graph.js';
import { startServer } from '../api/server.js';
import { loadWriteToken } from '../api/auth.js';

const log = (line: string) => console.error(line);

function seedFiles(): string[] {
  const dir = path.join(projectRoot, 'seeds');
  return fs
    .readdirSync(dir)
    .filter(isDocumentFile)
    .sort()
    .map((f) => path.join('seeds', f));
}

async function ingestSeedsIfNeeded(db: Connection): Promise<void> {
  const t0 = performance.now();
  const graph = await ingestFiles(seedFiles());
  const stored = await storedDocuments(db.driver, db.database);
  const wanted = graph.nodes.filter(isSourceDocument);
  const current = wanted.every((d) => stored.get(d.properties.sourceFile as string) === d.properties.sha256);
  if (current && stored.size >= wanted.length) {
    log(`Seeds already in the graph (${wanted.length} documents).`);
    return;
  }
  const summary = await writeGraph(db.driver, graph, {
    database: db.database,
    onDocument: (file, i, total) => log(`  writing ${file} (${i + 1}/${total})`),
  });
  log(`Ingested ${summary.documents} documents: ${summary.nodes} nodes, ${summary.relationships} relationships in ${Math.round(performance.now() - t0)} ms.`);
}

function newestMtime(dir: string, skip: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (p === skip) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p, skip) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs an npm build script when its output is missing or older than its sources. */
function buildIfStale(what: string, script: string, srcDir: string, outDir: string): string {
  const index = path.join(outDir, 'index.html');
  const stale = !fs.existsSync(index) || (fs.existsSync(srcDir) && newestMtime(srcDir, outDir) > fs.statSync(index).mtimeMs);
  if (stale) {
    log(`Building the ${what}…`);
    const r = spawnSync('npm', ['run', '--silent', script], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`The ${what} build failed (npm run ${script}); see the messages above.`);
  }
  return outDir;
}

/** Fails at once when HOST:PORT cannot be bound, before minutes of starting Neo4j and ingesting. */
async function checkHttpPort(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new Neo4jSetupError(
          err.code === 'EADDRINUSE'
            ? `Port ${port} on ${host} is already in use. Stop what holds it or choose another with PORT=…`
            : `Cannot listen on ${host}:${port}: ${err.message}. Choose another PORT or HOST.`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST || '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Neo4jSetupError(`PORT must be a port number (0–65535), got "${process.env.PORT}".`);
  await checkHttpPort(port, host);
  log(`Starting (pid ${process.pid}; Ctrl-C or \`kill ${process.pid}\` stops the server and its database).`);

  let stopping = false;
  let server: { url: string; close(): Promise<void> } | undefined;
  // Filled in as things start, so a signal at any point stops what is running.
  const running: { db?: Connection } = {};
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    // The database is told first (synchronously, inside close()): Ctrl-C or a signal to the process
    // group reaches the JVM too, and its exit must not look like a crash to the supervisor.
    await Promise.all([running.db?.close(), server?.close().catch(() => {})]);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  // Run by npm, this process outlives a signal sent to npm's pid: follow the parent instead.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 1_000).unref();

  const t0 = performance.now();
  const db = await connect({
    log,
    onFatal: (reason) => {
      log(`error: ${reason}. Stopping.`);
      void shutdown(1);
    },
  });
  running.db = db;
  try {
    log(`Neo4j ready at ${db.uri} (${db.kind}) in ${Math.round(performance.now() - t0)} ms.`);
    await migrate(db.driver, db.database);
    await ingestSeedsIfNeeded(db);
    const uiDir = buildIfStale('UI', 'build:ui', path.join(projectRoot, 'ui', 'src'), path.join(projectRoot, 'ui', 'dist'));
    const graphiql = path.join(projectRoot, 'api', 'graphiql');
    buildIfStale('query IDE', 'build:graphiql', graphiql, path.join(graphiql, 'dist'));
    const token = loadWriteToken({ file: path.join(projectRoot, '.data', 'api-token') });
    if (token.created) {
      log(`Write token for imports and corrections (shown this once; kept in ${token.file}, readable only by you):\n  ${token.token}`);
    } else {
      log(`Imports and corrections need the write token (${token.source === 'env' ? 'API_TOKEN' : token.file}).`);
    }
    server = await startServer({ driver: db.driver, database: db.database, port, host, uiDir, writeToken: token.token, databaseState: () => db.state() });
    log(`Policy lineage explorer: ${server.url}  (GraphQL: ${server.url}/graphql, IDE: ${server.url}/graphiql)`);
  } catch (err) {
    const message = String((err as Error).message ?? err);
    log(
      /ENOSPC|No space left on device/i.test(message)
        ? `error: the disk is full (${message.split('\n')[0]}). Free some space and run npm start again; a document half-written is rewritten whole on the next start.`
        : err instanceof Neo4jSetupError || (err as { code?: string }).code === 'EADDRINUSE'
          ? `error: ${message}`
          : `error: ${(err as Error).stack ?? err}`,
    );
    await shutdown(1);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Neo4jSetupError ? `error: ${err.message}` : err);
  process.exit(1);
});
