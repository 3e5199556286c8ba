/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here; the assertions check their shape. */
// The live HTTP server: GraphQL-over-HTTP conformance (graphql-http's audit suite) and abuse:
// each bad request gets a clear error, the server stays up, and the data does not change.
import { beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { seededHttpServer } from '../test/api-server.js';
import { startServer, LIMITS } from './server.js';

const api = seededHttpServer();

async function post(body: string, contentType = 'application/json') {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, accept: 'application/json' }, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // left null: the assertion below reports the raw text
  }
  return { status: res.status, json, text };
}

const gql = (query: string, variables?: Record<string, unknown>) => post(JSON.stringify({ query, variables }));

async function graphFingerprint(): Promise<string> {
  const r = await api.driver.executeQuery(
    `MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels`,
  );
  return `${r.records[0]!.get('nodes')}/${r.records[0]!.get('rels')}`;
}

async function stillUp() {
  expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  const r = await gql('{ stats { years } }');
  expect(r.json.data.stats.years.length).toBeGreaterThan(0);
}

describe('GraphQL over HTTP', () => {
  it('passes every MUST of the graphql-http audit suite', async () => {
    const failures: string[] = [];
    for (const audit of serverAudits({ url: `${api.url}/graphql` })) {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST') && result.status !== 'ok') failures.push(`${audit.id} ${audit.name}: ${'reason' in result ? result.reason : ''}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('abuse', () => {
  let before: string;
  beforeAll(async () => {
    before = await graphFingerprint();
  });

  it('refuses a too-deep query before running it', async () => {
    let inner = 'id';
    for (let i = 0; i < LIMITS.maxDepth; i++) inner = `evolvesFrom { measure { ${inner} } }`;
    const r = await gql(`{ measures(first: 1) { nodes { ${inner} } } }`);
    expect(r.status).toBe(400);
    // The cost rule may object too; the depth rule always does.
    expect(r.json.errors.map((e: any) => e.message).join(' ')).toMatch(/depth limit of \d+ exceeded/i);
    expect(r.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await stillUp();
  });

  it('refuses a too-expensive query', async () => {
    // Within the depth and alias limits, but every full page multiplies the cost of its items.
    const measure = `id text year path section responsibleText document { id title year level sourceFile } responsibilities { role asWritten department { id name kind aliases } } themes { evidence theme { id name nameEn } }`;
    const fields = Array.from({ length: 5 }, (_, i) => `a${i}: measures(first: 200) { nodes { ${measure} lineage { measures { ${measure} } } } }`).join('\n');
    const r = await gql(`{ ${fields} }`);
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: any) => e.message).join(' ')).toMatch(/cost limit of \d+ exceeded/i);
    await stillUp();
  });

  it('refuses too many aliases', async () => {
    const r = await gql(`{ ${Array.from({ length: LIMITS.maxAliases + 5 }, (_, i) => `a${i}: stats { years }`).join(' ')} }`);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toMatch(/alias/i);
  });

  it('refuses a huge page size with PAGE_SIZE_EXCEEDED', async () => {
    // Page sizes in variables reach the resolvers, which name the limit.
    for (const q of ['query($n: Int) { measures(first: $n) { totalCount } }', 'query($n: Int) { search(text: "5G", first: $n) { id } }', 'query($n: Int) { documents { measures(first: $n) { totalCount } } }']) {
      for (const n of [201, 100000]) {
        const r = await gql(q, { n });
        expect(r.json.errors[0].extensions.code).toBe('PAGE_SIZE_EXCEEDED');
        expect(r.json.errors[0].message).toMatch(/between 1 and 200/);
      }
    }
    // A literal huge page is already refused by the cost limit, which counts `first`.
    const literal = await gql('{ measures(first: 100000) { totalCount nodes { id } } }');
    expect(literal.status).toBe(400);
    expect(literal.json.errors[0].message).toMatch(/cost limit/i);
    const n = await gql('{ neighborhood(id: "x", depth: 50, limit: 1000000) { nodes { id } } }');
    expect(n.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await stillUp();
  });

  it('treats Cypher-injection strings in every string argument as plain values', async () => {
    const evil = [`x"}) MATCH (n) DETACH DELETE n //`, `' OR 1=1 //`, `\\"; CALL dbms.shutdown() //`, `市商务局') DETACH DELETE n RETURN ('`, `*:*`, `") OR (n) WITH n DETACH DELETE n //`];
    for (const s of evil) {
      const v = { s, l: [s], ids: [s] };
      const queries = [
        `query($s: String!) { documents(level: $s) { id } departments(kind: $s) { id } }`,
        `query($s: ID!) { document(id: $s) { id } measure(id: $s) { id } node(id: $s) { id } neighborhood(id: $s) { nodes { id } } }`,
        `query($s: String!) { department(name: $s) { id } theme(name: $s) { id } initiative(name: $s) { id } }`,
        `query($s: String!) { search(text: $s) { id } }`,
        `query($s: String!, $l: [String!], $ids: [ID!]) { measures(filter: { text: $s, themes: $l, departments: $l, documents: $ids }) { totalCount } }`,
        `query($s: String!) { department(name: "市商务局") { responsibilities(role: $s) { year } } }`,
        `query($after: String!) { measures(after: $after) { totalCount } }`,
      ];
      for (const q of queries) {
        const r = await gql(q, { ...v, after: s });
        expect(r.status, r.text).toBeLessThan(500);
        for (const e of r.json.errors ?? []) expect(['BAD_USER_INPUT', 'PAGE_SIZE_EXCEEDED']).toContain(e.extensions.code);
      }
    }
    expect(await graphFingerprint()).toBe(before);
    await stillUp();
  });

  it('answers malformed JSON, a wrong content type and a missing query with a clear 4xx', async () => {
    const bad = await post('{"query": "{ stats { years }');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].message).toMatch(/not valid JSON/);
    expect(bad.text).not.toMatch(/at .*\.js:\d+/);
    const noQuery = await post('{}');
    expect(noQuery.status).toBe(400);
    const wrongType = await post('query', 'text/plain');
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);
    const syntax = await gql('{ stats { ');
    expect(syntax.status).toBe(400);
    expect(syntax.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(syntax.json)).not.toMatch(/stacktrace/);
    expect(await graphFingerprint()).toBe(before);
    await stillUp();
  });

  it('lets no write through without the write token', async () => {
    // This server has no write token: every mutation is refused, and the reader refuses writes
    // even if a query were to try.
    const r = await gql('mutation { removeDocument(id: "doc:x") { removed } }');
    expect(r.status).toBeLessThan(500);
    expect(r.json.errors[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await gql('mutation { x }');
    expect(unknown.status).toBeLessThan(500);
    expect(unknown.json.errors[0].message).toMatch(/mutation/i);
    expect(await graphFingerprint()).toBe(before);
  });
});

describe('CORS and static routes', () => {
  it('allows only the configured origins and serves GraphiQL locally', async () => {
    const r = await fetch(`${api.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    const open = await startServer({ driver: api.driver, port: 0, host: '127.0.0.1', log: () => {}, warmUp: false, corsOrigins: ['http://ui.example'] });
    try {
      const allowed = await fetch(`${open.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://ui.example', 'access-control-request-method': 'POST' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://ui.example');
      const other = await fetch(`${open.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.close();
    }
    const g = await fetch(`${api.url}/graphiql/`);
    // npm test builds it (npm run build:graphiql) before the tests, as npm start does.
    expect(g.status).toBe(200);
    const page = await g.text();
    expect(page).toMatch(/<script[^>]+src="\.\/assets\//);
    expect(page).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
  });
});

describe('Neo4j unreachable', () => {
  it('answers at once with DATABASE_UNAVAILABLE, and /healthz and /readyz say 503', async () => {
    const { createServer } = await import('node:net');
    // A port nobody listens on: bound, read, released.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const neo4j = (await import('neo4j-driver')).default;
    const deadDriver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', 'unused'));
    const dead = await startServer({ driver: deadDriver, port: 0, host: '127.0.0.1', log: () => {}, warmUp: false });
    try {
      const health = await fetch(`${dead.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      expect((await fetch(`${dead.url}/readyz`)).status).toBe(503);
      const t0 = Date.now();
      const r = await fetch(`${dead.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { years } }' }) });
      const body = (await r.json()) as any;
      expect(body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
      // No driver-level retry loop: the client learns it within seconds, not after 30 s.
      expect(Date.now() - t0).toBeLessThan(5_000);
    } finally {
      await dead.close();
      await deadDriver.close();
    }
  });
});
