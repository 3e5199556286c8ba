/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here. */
// Latency of the main queries through HTTP, sequential: median and p95 of N runs each (after a
// short warm-up). `npx tsx api/latency.ts [--url http://localhost:4000/graphql] [--runs 200]`
// against a running server; without --url it connects to Neo4j (NEO4J_URI or the built-in one)
// and starts its own server on a free port. Prints a Markdown table; --json for JSON.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

export interface TimedQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** The product's main questions, with arguments looked up from the graph itself (no fixed ids). */
async function mainQueries(post: (q: string, v?: Record<string, unknown>) => Promise<any>): Promise<TimedQuery[]> {
  const measure = (await post(`{ search(text: "5G", types: [Measure], first: 50) { id year } }`)).search as { id: string; year: number }[];
  const latest = [...measure].sort((a, b) => b.year - a.year)[0]?.id;
  const theme = (await post(`{ theme(name: "5G") { id } }`)).theme?.id ?? (await post(`{ themes { id } }`)).themes[0].id;
  const doc = (await post(`{ documents(level: "municipal") { id measureCount } }`)).documents.sort((a: any, b: any) => b.measureCount - a.measureCount)[0].id;
  return [
    { name: 'search("津体惠")', query: `query($t: String!) { search(text: $t, first: 20) { type id label score year snippet highlights { start end } } }`, variables: { t: '津体惠' } },
    { name: 'search("冷链物流")', query: `query($t: String!) { search(text: $t, first: 20) { type id label score snippet } }`, variables: { t: '冷链物流' } },
    { name: 'neighborhood(theme 5G, depth 2, limit 300)', query: `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 300) { nodes { id type label year distance properties } edges { id type source target properties } truncated } }`, variables: { id: theme } },
    { name: 'theme("cold chain").timeline', query: `query($n: String!) { theme(name: $n) { id name timeline { year measureCount measures { id text } documents { id title } departments { name } } } }`, variables: { n: 'cold chain' } },
    { name: 'measure.lineage (latest 5G measure)', query: `query($id: ID!) { measure(id: $id) { id lineage { measures { id year text document { title } } links { later { id } earlier { id } score evidence sharedThemes sharedInitiatives } } } }`, variables: { id: latest } },
    { name: 'measure details (5G)', query: `query($id: ID!) { measure(id: $id) { id text year source { file startLine endLine startOffset endOffset } document { id title year } responsibilities { role asWritten department { name current { name } } } themes { theme { name } evidence } initiatives { name } targets { text value unit year } implements { text } evolvesFrom { score evidence measure { id year } } evolvesInto { score measure { id year } } } }`, variables: { id: latest } },
    { name: 'department("市商务局").responsibilities', query: `query($n: String!) { department(name: $n) { id name predecessors { department { name } year } responsibilities { year role asWritten viaPredecessor measure { id text document { title } } } partners { department { name } count } } }`, variables: { n: '市商务局' } },
    { name: 'department("市商务委") resolution', query: `query($n: String!) { department(name: $n) { id name current { name } } }`, variables: { n: '市商务委' } },
    { name: 'initiative("津体惠")', query: `query($n: String!) { initiative(name: $n) { name years measures { id year text } } }`, variables: { n: '津体惠' } },
    { name: 'measures(filter themes+years, first 50)', query: `{ measures(filter: { themes: ["5G", "冷链"] }, first: 50) { totalCount nodes { id year text responsibilities { department { name } } } } }` },
    { name: 'document(largest).measures(first 200)', query: `query($id: ID!) { document(id: $id) { id title measures(first: 200) { totalCount nodes { id path text responsibilities { role department { name } } themes { theme { name } } } } } }`, variables: { id: doc } },
    { name: 'documents', query: `{ documents { id title year level docNumber measureCount cites { id } } }` },
    { name: 'themeMatrix', query: `{ themeMatrix { years themes { id name nameEn } cells { themeId year measureCount documentCount } } }` },
    { name: 'overview', query: `{ overview { nodes { id type label year } edges { source target properties } } }` },
    { name: 'stats', query: `{ stats { labels { name count } relationships { name count } years } }` },
  ];
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface LatencyRow {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  bytes: number;
}

export async function measureLatency(url: string, runs: number, warmup = 10): Promise<LatencyRow[]> {
  const post = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors) throw new Error(`${body.errors[0]!.message} in ${query.slice(0, 80)}`);
    return body.data;
  };
  const rows: LatencyRow[] = [];
  for (const q of await mainQueries(post)) {
    const body = JSON.stringify({ query: q.query, variables: q.variables });
    let bytes = 0;
    const once = async () => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${q.name}: ${res.status} ${text.slice(0, 200)}`);
      bytes = text.length;
    };
    for (let i = 0; i < warmup; i++) await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await once();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    rows.push({ name: q.name, runs, medianMs: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), maxMs: round(times[times.length - 1]!), bytes });
  }
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, runs: { type: 'string', default: '200' }, json: { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  let url = values.url;
  let cleanup = async () => {};
  if (!url) {
    const { connect } = await import('../db/neo4j.js');
    const { startServer } = await import('./server.js');
    const conn = await connect();
    const server = await startServer({ driver: conn.driver, database: conn.database, port: 0, host: '127.0.0.1', log: () => {} });
    url = `${server.url}/graphql`;
    cleanup = async () => {
      await server.close();
      await conn.close();
    };
  }
  try {
    const rows = await measureLatency(url, runs);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      process.stdout.write(`| query | runs | median ms | p95 ms | max ms | response bytes |\n| --- | ---: | ---: | ---: | ---: | ---: |\n`);
      for (const r of rows) process.stdout.write(`| ${r.name} | ${r.runs} | ${r.medianMs} | ${r.p95Ms} | ${r.maxMs} | ${r.bytes} |\n`);
    }
  } finally {
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`latency: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
