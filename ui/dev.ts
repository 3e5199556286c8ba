// npm run dev: the GraphQL API on API_PORT (default PORT + 1) and Vite's dev server on PORT
// (default 5173) with /graphql proxied to the API, so the UI reloads on save against real data.
// The graph must already hold documents: run `npm start` (or `npm run ingest`) once first.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { connect } from '../db/neo4j.js';
import { startServer } from '../api/server.js';

const log = (line: string) => console.error(line);
const uiPort = Number(process.env.PORT ?? 5173);
const apiPort = Number(process.env.API_PORT ?? uiPort + 1);
const uiRoot = fileURLToPath(new URL('.', import.meta.url));

const db = await connect({ log });
const api = await startServer({ driver: db.driver, database: db.database, port: apiPort, log });
const count = await db.driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n', {}, { database: db.database });
if (Number(count.records[0]?.get('n') ?? 0) === 0) log('The graph holds no documents: run `npm start` once to ingest the seeds.');

const vite = await createServer({
  root: uiRoot,
  configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
  server: { port: uiPort, strictPort: true, proxy: { '/graphql': { target: api.url.replace(/\/graphql$/, ''), changeOrigin: true } } },
});
await vite.listen();
log(`API ${api.url} · UI http://localhost:${uiPort}/ (Ctrl-C stops both)`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await vite.close();
  await api.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
