/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here; the assertions check their shape. */
// The request budget and the long-text search against the live server over the seeds: the
// abusive queries of issue 12 are refused fast with a clear code, and a pasted paragraph finds
// the measure it was taken from instead of failing.
import { describe, expect, it } from 'vitest';
import { seededHttpServer } from '../test/api-server.js';
import { BUDGET } from './budget.js';

const api = seededHttpServer();

async function gql(query: string, variables?: Record<string, unknown>) {
  const t0 = performance.now();
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const json: any = await res.json();
  return { status: res.status, json, ms: performance.now() - t0, codes: (json.errors ?? []).map((e: any) => e.extensions?.code) };
}

describe('the request budget', () => {
  it('refuses the depth-12 query of nested lists before it runs', async () => {
    const r = await gql('{ themes { timeline { measures { responsibilities { department { responsibilities { measure { themes { theme { timeline { measures { id } } } } } } } } } } } }');
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.json.errors[0].message).toMatch(/too expensive/);
    expect(r.ms).toBeLessThan(1_000);
  });

  it('counts `first` passed as a variable at its maximum', async () => {
    const query = 'query ($n: Int) { measures(first: $n) { nodes { document { measures(first: $n) { nodes { id text responsibilities { department { name } } } } } } } }';
    const r = await gql(query, { n: 200 });
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.ms).toBeLessThan(1_000);
  });

  it('refuses 20 aliases of a document’s whole text', async () => {
    const doc = (await gql('{ documents(level: "municipal") { id } }')).json.data.documents[0].id;
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: document(id: "${doc}") { sourceText }`).join(' ');
    const r = await gql(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.ms).toBeLessThan(1_000);
  });

  it('refuses a filter of 20,000 theme names at once', async () => {
    // ~150 kB of JSON, under the body limit: the list cap is what refuses it.
    const themes = Array.from({ length: 20_000 }, (_, i) => `t${i}`);
    const r = await gql('query ($t: [String!]) { measures(filter: { themes: $t }) { totalCount } }', { t: themes });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.json.errors[0].message).toMatch(new RegExp(`at most ${BUDGET.maxFilterItems}`));
    expect(r.ms).toBeLessThan(1_000);
  });

  it('still answers a broad query within the budget', async () => {
    const r = await gql('{ themes { name timeline { year measureCount documents { title } } } }');
    expect(r.json.errors).toBeUndefined();
    expect(r.json.data.themes.length).toBeGreaterThan(0);
  });
});

describe('cursors', () => {
  it('refuses a forged cursor with BAD_USER_INPUT', async () => {
    const after = Buffer.from('pos:2147483647').toString('base64url');
    const r = await gql('query ($a: String) { measures(first: 5, after: $a) { totalCount nodes { id } } }', { a: after });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
  });
});

describe('long text search', () => {
  it('finds the measure a lightly reworded paragraph was taken from, for every long measure of the seeds', async () => {
    const rows = await api.driver.executeQuery(
      "MATCH (m:Measure) WHERE size(m.normText) >= 150 RETURN m.id AS id, m.text AS text ORDER BY m.id LIMIT 40",
    );
    expect(rows.records.length).toBeGreaterThan(10);
    let top3 = 0;
    for (const rec of rows.records) {
      // Lightly reworded: every ninth character dropped and a clause order swapped.
      const text = [...(rec.get('text') as string)].filter((_, i) => i % 9 !== 4).join('');
      const parts = text.split('，');
      const reworded = parts.length > 2 ? [parts[1], parts[0], ...parts.slice(2)].join('，') : text;
      const r = await gql('query ($t: String!) { search(text: $t, first: 5) { id type score } }', { t: reworded.slice(0, 2_000) });
      expect(r.json.errors, reworded.slice(0, 40)).toBeUndefined();
      const ids = r.json.data.search.map((h: any) => h.id);
      if (ids.slice(0, 3).includes(rec.get('id'))) top3++;
      for (const h of r.json.data.search) {
        expect(h.type).toBe('Measure');
        expect(h.score).toBeGreaterThanOrEqual(0);
        expect(h.score).toBeLessThanOrEqual(1);
      }
    }
    expect(top3 / rows.records.length).toBeGreaterThan(0.9);
  });

  it('answers a long filter text without an internal error', async () => {
    const long = '加快推进冷链物流基础设施建设，完善农产品产地冷藏保鲜设施网络，支持企业建设区域性冷链物流配送中心'.repeat(4);
    const r = await gql('query ($t: String!) { measures(filter: { text: $t }, first: 5) { totalCount } }', { t: long });
    expect(r.json.errors).toBeUndefined();
  });
});
