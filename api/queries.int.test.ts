/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here; the assertions check their shape. */
// No N+1: the number of Cypher queries a request runs depends on the shape of the query, not on
// how many items it returns. Counted by the request's reader (every query goes through it).
import { describe, expect, it } from 'vitest';
import { seededApollo } from '../test/api-server.js';
import { Reader } from '../db/read/reader.js';

const api = seededApollo();

async function run(query: string, variables: Record<string, unknown>): Promise<{ queries: number; data: any }> {
  // It counts queries, not time: a generous timeout keeps a busy machine from failing it.
  const { data, errors, queries } = await api.execute(query, variables, { timeoutMs: 60_000 });
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return { queries, data };
}

const MEASURE_FIELDS = `id text year document { title year cites { id } } responsibilities { role department { name current { name } } }
  themes { theme { name } evidence } initiatives { name } targets { text } implements { text document { title } }
  evolvesFrom { score measure { id document { title } } } evolvesInto { measure { id } } lineage { measures { id } links { score } }`;

describe('Cypher queries per request', () => {
  it('do not grow with the number of measures returned', async () => {
    // Page sizes as literals: a variable `first` counts at its maximum in the request budget.
    const q = (n: number) => `{ measures(first: ${n}) { totalCount nodes { ${MEASURE_FIELDS} } } }`;
    // Both pages are large enough to hold every kind of relation (a page without any targets,
    // say, skips that level's query, which is data, not N+1).
    const small = await run(q(40), {});
    const large = await run(q(150), {});
    expect(small.data.measures.nodes).toHaveLength(40);
    expect(large.data.measures.nodes.length).toBeGreaterThan(100);
    expect(large.queries).toBe(small.queries);
    // One for the page, then one per kind of field and level: bounded by the query's shape.
    expect(large.queries).toBeLessThanOrEqual(20);
  });

  it('do not grow with the number of documents, departments or themes returned', async () => {
    const docs = (n: number) => `{ documents { id measures(first: ${n}) { nodes { id responsibilities { department { name } } } } requirements { id } citedBy { id } } }`;
    const d1 = await run(docs(1), {});
    const d2 = await run(docs(8), {});
    expect(d2.queries).toBe(d1.queries);

    const depts = `{ departments { name predecessors { department { name } } current { name } responsibilities(first: 5) { measure { id document { title } } } partners { count } } }`;
    const themes = `{ themes { name timeline { year measures(first: 3) { id responsibilities { role } } documents(first: 3) { id } } } }`;
    const all = await run(depts, {});
    const one = await run(`{ d: department(name: "市商务局") { name predecessors { department { name } } current { name } responsibilities(first: 5) { measure { id document { title } } } partners { count } } }`, {});
    expect(all.data.departments.length).toBeGreaterThan(20);
    // The list costs what one department costs, plus one: a single department fetches its
    // responsibilities in the statement that finds it, a list in one batched query after it.
    expect(all.queries).toBe(one.queries + 1);
    const t = await run(themes, {});
    const single = await run(`{ theme(name: "5G") { name timeline { year measures(first: 3) { id responsibilities { role } } documents(first: 3) { id } } } }`, {});
    expect(t.data.themes.length).toBeGreaterThan(10);
    // Every theme's timeline costs what one theme's does, plus one (a single theme comes with its
    // timeline and documents in one statement): list, timelines with documents, measures, their
    // responsibilities (one query per kind of field).
    expect(t.queries).toBe(single.queries + 1);
    expect(t.queries).toBeLessThanOrEqual(5);
  });
});

describe('the reader', () => {
  it('runs in read-only transactions: a write is refused by the database', async () => {
    const reader = new Reader(api.driver);
    await expect(reader.rows('CREATE (n:ApiWriteProbe) RETURN n')).rejects.toThrow(/write|read/i);
    const left = await api.driver.executeQuery('MATCH (n:ApiWriteProbe) RETURN count(n) AS n');
    expect(Number(left.records[0]!.get('n'))).toBe(0);
  });

  it('converts Neo4j integers to numbers and sends whole numbers as integers', async () => {
    const rows = await new Reader(api.driver).rows('RETURN $n AS n, [1, 2] AS list, range(0, 2)[$i] AS picked', { n: 7, i: 1 });
    expect(rows[0]).toEqual({ n: 7, list: [1, 2], picked: 1 });
  });
});
