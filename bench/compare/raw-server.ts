// The floor of the comparison: one hand-written Cypher statement per question, run through
// neo4j-driver behind the thinnest HTTP endpoint Node offers (no framework, no GraphQL), so the
// load generator sees the same transport as for the GraphQL servers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { QUERY_NAMES, RAW_CYPHER, rawParams, type QueryName } from './queries.js';

/** Neo4j integers to JSON numbers, recursively (as the GraphQL APIs return them). */
function plain(v: unknown): unknown {
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
}

export async function startRawServer(opts: { driver: Driver; database?: string; port: number }): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: QueryName; variables: Record<string, unknown> };
          if (!QUERY_NAMES.includes(body.query)) throw new Error(`unknown query ${String(body.query)}`);
          const r = await opts.driver.executeQuery(RAW_CYPHER[body.query], rawParams(body.query, body.variables), {
            database: opts.database,
            routing: 'READ',
          });
          const data = r.records.map((rec) => plain(rec.get(0)));
          res.writeHead(200, { 'content-type': 'application/json' });
          // The GraphQL response shape, so the load generator and the answer check treat all alike.
          res.end(JSON.stringify({ data: { [body.query]: body.query === 'search' ? data : (data[0] ?? null) } }));
        } catch (err) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: err instanceof Error ? err.message : String(err) }] }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/raw`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
