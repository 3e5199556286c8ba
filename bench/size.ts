// One corpus size, end to end: dry-run pipeline, lineage linking alone, load into a private
// Neo4j, then HTTP load on our API, on raw Cypher and on the @neo4j/graphql equivalent.
// run.ts starts this once per size in a fresh process, so that the peak-memory figures belong to
// that size alone; the smoke test calls benchSize() directly with the test database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { localTarget } from '../db/config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../db/local.js';
import { migrate } from '../db/migrations.js';
import { clearGraph, writeGraph, type WriteOptions } from '../db/writer.js';
import { defaultThreads } from '../ingest/parallel/pool.js';
import { isSourceDocument } from '../model/graph.js';
import { linkMeasures, type LinkStats } from '../ingest/link/lineage.js';
// The evaluation's reading of the linker's input (with each document's place, level and year source).
import { linkableMeasuresFromGraph } from '../eval/lineage/evaluate.js';
import type { Graph } from '../ingest/types.js';
import { ensureCorpus, projectRoot } from './corpus.js';
import { startNeo4jGraphqlServer } from './compare/neo4j-graphql-server.js';
import {
  NEO4J_GRAPHQL_QUERIES,
  OUR_QUERIES,
  QUERY_NAMES,
  neo4jGraphqlVariables,
  type QueryArgs,
  type QueryName,
} from './compare/queries.js';
import { startRawServer } from './compare/raw-server.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { measureExplorer, type ExplorerResult } from './lib/real-ui.js';
import { timedDriver, topStatements } from './lib/timed-driver.js';
import { ownPeakRssMb, peakRssMb, pidListeningOn, processCpuMs } from './lib/proc.js';

export type Section = 'pipeline' | 'link' | 'load' | 'api' | 'compare' | 'ui';
export const ALL_SECTIONS: Section[] = ['pipeline', 'link', 'load', 'api', 'compare', 'ui'];

export interface SizeOptions {
  /** Generated documents, or 'seeds' for the seed documents themselves. */
  docs: number | 'seeds';
  seed: number;
  /** Use this database instead of starting the private one (it is wiped). */
  driver?: Driver;
  database?: string;
  neo4jPort?: number;
  apiPort?: number;
  rawPort?: number;
  generatedPort?: number;
  /** Requests per query and server, and concurrent connections. */
  requests?: number;
  connections?: number;
  sections?: Section[];
  /** Documents written again through the incremental path after the load (default 50). */
  incrementalSample?: number;
  /** Passed to writeGraph: whole documents per transaction (1, the default, is the product's). */
  documentsPerTransaction?: number;
  log?: (line: string) => void;
}

export interface ServerLatency extends LoadResult {
  /** Size of the first answer (items in its main list), to show the three servers agree. */
  answerItems: number | null;
  /** Where a request's cost goes: CPU of the Node server process and of the Neo4j JVM, per request. */
  nodeCpuMsPerRequest: number;
  neo4jCpuMsPerRequest: number | null;
}

export interface SizeResult {
  docs: number | 'seeds';
  seed: number;
  corpus: { files: number; bytes: number; measuresWritten: number | null; tableDocuments: number | null; generateMs: number | null };
  pipeline?: {
    ms: number;
    /** CPU time of this process during the run (user + system). */
    cpuMs: number;
    measuresPerCpuSec: number;
    /** 1-minute load average at the end (the machine is shared). */
    loadAverage: number;
    /** decode+parse, assemble without linking, linking (when the pipeline reports them). */
    stages: { parseMs: number; assembleMs: number; linkMs: number | null } | null;
    refused: number;
    documents: number;
    measures: number;
    nodes: number;
    relationships: number;
    evolvesFrom: number;
    diagnostics: number;
    diagnosticsByRule: Record<string, number>;
    measuresPerSec: number;
    /** Measures the parser found over measures the generator wrote (null for the seeds). */
    measureRecall: number | null;
    nodePeakRssMb: number;
    /** Worker threads that decoded and parsed (ingest/parallel). */
    threads?: number;
  };
  link?: LinkStats & { source: 'pipeline' | 'rerun'; pairsPerMeasure: number; linksPerMeasure: number };
  load?: {
    /** The writer's path: bulk (first load of an empty database) or incremental. */
    mode?: 'bulk' | 'incremental';
    ms: number;
    nodes: number;
    relationships: number;
    nodesPerSec: number;
    relationshipsPerSec: number;
    /** CPU time of the Node process (the writer); Neo4j's is in its own process. */
    nodeCpuMs: number;
    /** CPU time of the Neo4j JVM during the load. */
    neo4jCpuMs: number | null;
    /** Time per statement shape of the writer, and commits. */
    breakdown: ReturnType<typeof topStatements>;
    loadAverage: number;
    nodePeakRssMb: number;
    neo4jPeakRssMb: number | null;
    storedNodes: number;
    storedRelationships: number;
  };
  /**
   * The incremental path on the loaded graph: a sample of its documents written again, one
   * transaction per document (each replaces its stored version), as `npm run ingest` does.
   */
  incremental?: NonNullable<SizeResult['load']> & { documents: number };
  api?: Partial<Record<QueryName, { ours: ServerLatency; raw?: ServerLatency; generated?: ServerLatency }>>;
  /** The real explorer (ui/dist) on this graph: navigation → last layout. */
  explorer?: ExplorerResult[];
  neo4jPeakRssMb?: number | null;
  neo4jVersion?: string;
  errors: string[];
}

/** The pipeline's own report, when it offers one (stage times and the linker's statistics). */
interface PipelineReport {
  graph: Graph;
  linkStats?: LinkStats;
  ms?: { parse: number; assemble: number; total: number };
  refused?: string[];
}
type Ingest = (files: string[]) => Promise<PipelineReport>;
type StartServer = (opts: {
  driver: Driver;
  database?: string;
  port: number;
  host?: string;
  uiDir?: string;
  warmUp?: boolean;
  log?: (line: string) => void;
}) => Promise<{ url: string; close(): Promise<void> }>;

// Imported at run time: the harness stays usable (corpus, linking) while a stage is being built.
// The bulk path of the product: decode + parse on every core (ingest/parallel), the rest in order.
async function loadIngest(): Promise<Ingest> {
  const mod = (await import(['..', 'ingest', 'parallel', 'index.js'].join('/'))) as { ingestParallel: Ingest };
  return (files) => mod.ingestParallel(files);
}

/** The sample's documents with what they own (measures, targets), every relationship touching
 * those, and the nodes at the other ends: what an incremental ingest of these files writes. */
export function documentSubgraph(graph: Graph, documentIds: ReadonlySet<string>): Graph {
  const owned = new Set<string>(documentIds);
  for (const type of ['HAS_MEASURE', 'SETS']) {
    for (const r of graph.relationships) if (r.type === type && owned.has(r.start)) owned.add(r.end);
  }
  const relationships = graph.relationships.filter((r) => owned.has(r.start) || owned.has(r.end));
  const keep = new Set(owned);
  for (const r of relationships) keep.add(r.start).add(r.end);
  return { nodes: graph.nodes.filter((n) => keep.has(n.id)), relationships, diagnostics: [] };
}
async function loadServer(): Promise<StartServer> {
  const mod = (await import(['..', 'api', 'server.js'].join('/'))) as { startServer: StartServer };
  return mod.startServer;
}

/** The seed documents as a corpus (the smallest size, and the API targets' reference). */
function seedCorpus(): { files: string[]; bytes: number; measuresWritten: null; tableDocuments: null; ms: null } {
  const dir = path.join(projectRoot, 'seeds');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join('seeds', f));
  const bytes = files.reduce((a, f) => a + fs.statSync(path.join(projectRoot, f)).size, 0);
  return { files, bytes, measuresWritten: null, tableDocuments: null, ms: null };
}

/** Arguments for the five questions, sampled deterministically from the loaded graph. */
async function sampleArgs(driver: Driver, database: string | undefined): Promise<QueryArgs> {
  const q = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database, routing: 'READ' })).records;
  const spread = <T>(items: T[], k: number): T[] => {
    if (items.length <= k) return items;
    return Array.from({ length: k }, (_, i) => items[Math.floor((i * items.length) / k)]!);
  };
  const measures = (await q(`MATCH (m:Measure) RETURN m.id AS id ORDER BY id`)).map((r) => r.get('id') as string);
  const linked = (await q(`MATCH (m:Measure) WHERE (m)-[:EVOLVES_FROM]-() RETURN m.id AS id ORDER BY id`)).map((r) => r.get('id') as string);
  const themes = (await q(`MATCH (t:Theme)<-[:ABOUT]-() RETURN t.name AS name, count(*) AS c ORDER BY c DESC, name LIMIT 10`)).map(
    (r) => r.get('name') as string,
  );
  const depts = (
    await q(`MATCH (d:Department {kind: 'institution'})<-[:ASSIGNED_TO]-() RETURN d.name AS name, count(*) AS c ORDER BY c DESC, name LIMIT 10`)
  ).map((r) => r.get('name') as string);
  const years = (await q(`MATCH (d:Document) WHERE d.year IS NOT NULL RETURN DISTINCT d.year AS y ORDER BY y`)).map((r) => Number(r.get('y')));
  // Words of the genre a researcher would type; all occur in the seeds and the generated corpus.
  const words = ['冷链', '老字号', '5G', '跨境电商', '养老', '家政', '直播', '免税', '消费券', '智慧商圈'];
  const mid = years.length ? years[Math.floor(years.length / 2)]! : 2020;
  return {
    search: words.map((text) => ({ text })),
    neighborhood: spread(measures, 10).map((id) => ({ id })),
    themeTimeline: themes.map((name) => ({ name })),
    measureLineage: spread(linked.length ? linked : measures, 10).map((id) => ({ id })),
    // A three-year window: the department pages ask per period, and an unbounded list for the
    // busiest department grows with the whole corpus.
    departmentResponsibilities: depts.map((name, i) => ({ name, fromYear: mid - 1 + (i % 3) - 1, toYear: mid + 1 + (i % 3) - 1 })),
  };
}

/** Explorer views from small to large: a measure, a document, a busy department, then that
 * department with documents expanded (the explorer's x= list), for about 1,000 and 3,000 elements. */
async function explorerCases(driver: Driver, database: string | undefined, args: QueryArgs) {
  // The explorer focuses by id, and a department's id carries its jurisdiction (dept:天津市/市商务局).
  const found = await driver.executeQuery(
    `MATCH (d:Department {name: $dept})<-[:ASSIGNED_TO]-(:Measure)<-[:HAS_MEASURE]-(doc:Document)
     WITH d, doc, count(*) AS c ORDER BY c DESC, doc.id
     WITH d, collect(doc.id)[..30] AS docs, sum(c) AS total ORDER BY total DESC, d.id LIMIT 1
     RETURN d.id AS dept, docs`,
    { dept: args.departmentResponsibilities[0]?.name ?? '' },
    { database, routing: 'READ' },
  );
  const dept = found.records[0]?.get('dept') as string | undefined;
  const docs = (found.records[0]?.get('docs') as string[] | undefined) ?? [];
  const measure = args.measureLineage[0]?.id;
  const q = (focus: string, x: string[] = []) => `/explore?focus=${encodeURIComponent(focus)}${x.length ? `&x=${x.map(encodeURIComponent).join('~')}` : ''}`;
  const cases: { label: string; path: string }[] = [];
  if (measure) cases.push({ label: 'measure', path: q(measure) });
  if (docs[0]) cases.push({ label: 'document', path: q(docs[0]) });
  if (dept) {
    cases.push({ label: 'department', path: q(dept) });
    if (docs.length > 0) cases.push({ label: `department + ${Math.min(8, docs.length)} documents`, path: q(dept, docs.slice(0, 8)) });
    if (docs.length > 8) cases.push({ label: `department + ${Math.min(25, docs.length)} documents`, path: q(dept, docs.slice(0, 25)) });
  }
  return cases;
}

function answerItems(name: QueryName, body: unknown): number | null {
  const data = (body as { data?: Record<string, unknown> | unknown[] | null })?.data;
  if (!data) return null;
  const first = (v: unknown): Record<string, unknown> | undefined =>
    Array.isArray(v) ? (v[0] as Record<string, unknown> | undefined) : (v as Record<string, unknown> | undefined);
  const root = first(Array.isArray(data) ? data : (Object.values(data)[0] ?? data));
  switch (name) {
    case 'search':
      return Array.isArray(data) ? data.length : Array.isArray(Object.values(data)[0]) ? (Object.values(data)[0] as unknown[]).length : null;
    case 'neighborhood':
      return Array.isArray(root?.nodes) ? root.nodes.length : null;
    case 'themeTimeline': {
      const t = root?.timeline as { measureCount: number }[] | undefined;
      return t ? t.reduce((a, y) => a + Number(y.measureCount), 0) : null;
    }
    case 'measureLineage': {
      const l = (root?.lineage ?? root) as { measures?: unknown[] } | unknown[];
      return Array.isArray(l) ? l.length : Array.isArray(l?.measures) ? l.measures.length : null;
    }
    case 'departmentResponsibilities': {
      if (Array.isArray(root?.responsibilities)) return root.responsibilities.length;
      const own = (root?.measuresConnection as { edges: unknown[] } | undefined)?.edges.length ?? 0;
      const preds = (root?.predecessors as { measuresConnection: { edges: unknown[] } }[] | undefined) ?? [];
      return root ? own + preds.reduce((a, p) => a + p.measuresConnection.edges.length, 0) : null;
    }
  }
}

async function post(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return res.json();
}

export async function benchSize(opts: SizeOptions): Promise<SizeResult> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const sections = new Set(opts.sections ?? ALL_SECTIONS);
  const requests = opts.requests ?? 400;
  const connections = opts.connections ?? 20;
  const manifest = opts.docs === 'seeds' ? seedCorpus() : await ensureCorpus(opts.docs, opts.seed, log);
  const files = manifest.files.map((f) => path.relative(process.cwd(), path.join(projectRoot, f)));
  const result: SizeResult = {
    docs: opts.docs,
    seed: opts.seed,
    corpus: {
      files: manifest.files.length,
      bytes: manifest.bytes,
      measuresWritten: manifest.measuresWritten,
      tableDocuments: manifest.tableDocuments,
      generateMs: manifest.ms,
    },
    errors: [],
  };

  // (a) Pipeline, dry run.
  log(`[${opts.docs}] pipeline (dry run) over ${files.length} files…`);
  const ingest = await loadIngest();
  // CPU time beside wall time: on a shared 2-core machine the wall clock also counts the
  // neighbours' work, the CPU time only ours.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await ingest(files);
  const pipelineMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const pipelineCpuMs = (cpu.user + cpu.system) / 1000;
  const graph = report.graph;
  const count = (label: string) => graph.nodes.filter((n) => n.labels.includes(label)).length;
  const measures = count('Measure');
  const byRule: Record<string, number> = {};
  for (const d of graph.diagnostics) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
  result.pipeline = {
    ms: Math.round(pipelineMs),
    cpuMs: Math.round(pipelineCpuMs),
    measuresPerCpuSec: Math.round(measures / (pipelineCpuMs / 1000)),
    loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(1)),
    stages: report.ms
      ? {
          parseMs: Math.round(report.ms.parse),
          assembleMs: Math.round(report.ms.assemble - (report.linkStats?.ms ?? 0)),
          linkMs: report.linkStats ? Math.round(report.linkStats.ms) : null,
        }
      : null,
    refused: report.refused?.length ?? 0,
    documents: graph.nodes.filter((n) => n.labels.includes('Document') && n.properties.level !== 'national').length,
    measures,
    nodes: graph.nodes.length,
    relationships: graph.relationships.length,
    evolvesFrom: graph.relationships.filter((r) => r.type === 'EVOLVES_FROM').length,
    diagnostics: graph.diagnostics.length,
    diagnosticsByRule: byRule,
    measuresPerSec: Math.round(measures / (pipelineMs / 1000)),
    measureRecall: manifest.measuresWritten ? Number((measures / manifest.measuresWritten).toFixed(3)) : null,
    nodePeakRssMb: ownPeakRssMb(),
    threads: files.length >= 8 ? defaultThreads() : 1,
  };
  log(`[${opts.docs}] pipeline: ${measures} measures in ${Math.round(pipelineMs)} ms (${result.pipeline.measuresPerSec}/s)`);

  // (b) Lineage linking: the pipeline's own figures when it reports them, else the linker run
  // again alone on the measures the pipeline produced.
  if (sections.has('link')) {
    const stats = report.linkStats ?? linkMeasures(linkableMeasuresFromGraph(graph), {}).stats;
    result.link = {
      ...stats,
      source: report.linkStats ? 'pipeline' : 'rerun',
      pairsPerMeasure: Number((stats.candidatePairs / Math.max(1, stats.measures)).toFixed(1)),
      linksPerMeasure: Number((stats.links / Math.max(1, stats.measures)).toFixed(2)),
    };
    log(`[${opts.docs}] linking: ${stats.candidatePairs} candidate pairs, ${stats.links} links in ${Math.round(stats.ms)} ms`);
  }
  if (!['load', 'api', 'compare', 'ui'].some((s) => sections.has(s as Section))) return result;

  // (c) Load into Neo4j.
  let local: LocalNeo4j | undefined;
  let driver = opts.driver;
  let neo4jPid: number | null;
  const database = opts.database;
  const closers: (() => Promise<void>)[] = [];
  try {
    if (!driver) {
      const target = localTarget({ port: opts.neo4jPort ?? 7720, dataDir: path.join(projectRoot, '.data', 'bench-neo4j'), pageCache: '1g', heap: '2g' });
      fs.rmSync(target.dataDir, { recursive: true, force: true });
      log(`[${opts.docs}] starting the benchmark Neo4j on 127.0.0.1:${target.port} (${path.relative(projectRoot, target.dataDir)}, wiped)…`);
      local = await startLocalNeo4j(target, { log });
      neo4jPid = local.pid ?? null;
      driver = neo4j.driver(local.uri, neo4j.auth.basic(local.username, local.password));
      closers.push(async () => {
        await driver!.close();
        await local!.stop();
      });
    } else {
      // Someone else's Neo4j (the test database): find its JVM by the port it listens on.
      neo4jPid = opts.neo4jPort ? pidListeningOn(opts.neo4jPort) : null;
    }
    const components = await driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v', {}, { database });
    result.neo4jVersion = String(components.records[0]?.get('v') ?? '');
    await clearGraph(driver, database);
    await migrate(driver, database);
    log(`[${opts.docs}] loading ${graph.nodes.length} nodes and ${graph.relationships.length} relationships…`);
    const timed = timedDriver(driver);
    const loadCpu0 = process.cpuUsage();
    const neoCpu0 = processCpuMs(neo4jPid);
    const loadStart = performance.now();
    const summary = await writeGraph(timed.driver, graph, {
      database,
      ...(opts.documentsPerTransaction ? { documentsPerTransaction: opts.documentsPerTransaction } : {}),
      // Progress on long loads: if a run is cut short, the rate so far is still on record.
      onDocument: (_file, i, total) => {
        if (i > 0 && i % 500 === 0) log(`[${opts.docs}] load: ${i}/${total} documents in ${Math.round((performance.now() - loadStart) / 1000)} s`);
      },
    });
    const loadCpu = process.cpuUsage(loadCpu0);
    const neoCpu1 = processCpuMs(neo4jPid);
    const stored = await driver.executeQuery(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
      {},
      { database },
    );
    result.load = {
      mode: summary.mode,
      ms: summary.ms,
      nodes: summary.nodes,
      relationships: summary.relationships,
      nodesPerSec: Math.round(summary.nodes / (summary.ms / 1000)),
      relationshipsPerSec: Math.round(summary.relationships / (summary.ms / 1000)),
      nodeCpuMs: Math.round((loadCpu.user + loadCpu.system) / 1000),
      neo4jCpuMs: neoCpu0 !== null && neoCpu1 !== null ? Math.round(neoCpu1 - neoCpu0) : null,
      breakdown: topStatements(timed.timings, summary.ms),
      loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(1)),
      nodePeakRssMb: ownPeakRssMb(),
      neo4jPeakRssMb: peakRssMb(neo4jPid),
      storedNodes: Number(stored.records[0]?.get('nodes')),
      storedRelationships: Number(stored.records[0]?.get('rels')),
    };
    log(`[${opts.docs}] load: ${summary.ms} ms, ${result.load.relationshipsPerSec} relationships/s`);

    // The incremental path (one transaction per document, replacing the stored version) on a
    // sample spread over the corpus; skipped at 10,000 documents (its rate is the 1,000's).
    if (typeof opts.docs === 'number' && opts.docs < 10000) {
      const docs = graph.nodes.filter(isSourceDocument).map((n) => n.id);
      const k = Math.min(opts.incrementalSample ?? 50, docs.length);
      const sample = new Set(Array.from({ length: k }, (_, i) => docs[Math.floor((i * docs.length) / k)]!));
      const sub = documentSubgraph(graph, sample);
      log(`[${opts.docs}] incremental: writing ${k} documents again (${sub.relationships.length} relationships), one transaction each…`);
      const t = timedDriver(driver);
      const c0 = process.cpuUsage();
      const n0 = processCpuMs(neo4jPid);
      const inc = await writeGraph(t.driver, sub, { database, mode: 'incremental' } satisfies WriteOptions);
      const c1 = process.cpuUsage(c0);
      const n1 = processCpuMs(neo4jPid);
      result.incremental = {
        mode: inc.mode,
        documents: k,
        ms: inc.ms,
        nodes: inc.nodes,
        relationships: inc.relationships,
        nodesPerSec: Math.round(inc.nodes / (inc.ms / 1000)),
        relationshipsPerSec: Math.round(inc.relationships / (inc.ms / 1000)),
        nodeCpuMs: Math.round((c1.user + c1.system) / 1000),
        neo4jCpuMs: n0 !== null && n1 !== null ? Math.round(n1 - n0) : null,
        breakdown: topStatements(t.timings, inc.ms),
        loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(1)),
        nodePeakRssMb: ownPeakRssMb(),
        neo4jPeakRssMb: peakRssMb(neo4jPid),
        storedNodes: result.load.storedNodes,
        storedRelationships: result.load.storedRelationships,
      };
      log(`[${opts.docs}] incremental: ${inc.ms} ms, ${result.incremental.relationshipsPerSec} relationships/s`);
    }

    // (d, e) HTTP latency under load.
    if (sections.has('api') || sections.has('compare') || sections.has('ui')) {
      const args = await sampleArgs(driver, database);
      const startServer = await loadServer();
      // Loopback only; no background warm-up: every server gets the same warm-up below, and a
      // warm-up running during the measured load would blur it.
      const uiDir = path.join(projectRoot, 'ui', 'dist');
      const ours = await startServer({ driver, database, port: opts.apiPort ?? 7721, host: '127.0.0.1', warmUp: false, log, uiDir });
      closers.unshift(() => ours.close());
      const ourUrl = new URL('/graphql', ours.url).toString();
      let rawUrl: string | undefined;
      let genUrl: string | undefined;
      if (sections.has('compare')) {
        const raw = await startRawServer({ driver, database, port: opts.rawPort ?? 7722 });
        closers.unshift(() => raw.close());
        rawUrl = raw.url;
        try {
          const gen = await startNeo4jGraphqlServer({ driver, database, port: opts.generatedPort ?? 7723 });
          closers.unshift(() => gen.close());
          genUrl = gen.url;
        } catch (err) {
          result.errors.push(`@neo4j/graphql server: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      result.api = {};
      for (const name of sections.has('api') || sections.has('compare') ? QUERY_NAMES : []) {
        const list = args[name] as Record<string, unknown>[];
        if (list.length === 0) {
          result.errors.push(`${name}: no arguments to ask with (the graph has none)`);
          continue;
        }
        const bodies = {
          ours: list.map((v) => JSON.stringify({ query: OUR_QUERIES[name], variables: v })),
          raw: list.map((v) => JSON.stringify({ query: name, variables: v })),
          generated: list.map((v) => JSON.stringify({ query: NEO4J_GRAPHQL_QUERIES[name], variables: neo4jGraphqlVariables(name, v) })),
        };
        const servers: [keyof typeof bodies, string | undefined][] = [
          ['ours', ourUrl],
          ['raw', rawUrl],
          ['generated', genUrl],
        ];
        const entry: Partial<Record<keyof typeof bodies, ServerLatency>> = {};
        for (const [server, url] of servers) {
          if (!url) continue;
          const items = answerItems(name, await post(url, bodies[server][0]!).catch(() => null));
          // Warm-up (plans cached, JIT warm), then the measured run.
          await runLoad({ url, bodies: bodies[server], connections: Math.min(5, connections), amount: Math.min(50, requests), timeoutSec: 30, maxSeconds: 60 });
          const cpu0 = process.cpuUsage();
          const neo0 = processCpuMs(neo4jPid);
          const r = await runLoad({ url, bodies: bodies[server], connections, amount: requests, timeoutSec: 30, maxSeconds: 120 });
          const cpu = process.cpuUsage(cpu0);
          const neo1 = processCpuMs(neo4jPid);
          const perRequest = (ms: number) => Number((ms / Math.max(1, r.requests)).toFixed(2));
          entry[server] = {
            ...r,
            answerItems: items,
            nodeCpuMsPerRequest: perRequest((cpu.user + cpu.system) / 1000),
            neo4jCpuMsPerRequest: neo0 !== null && neo1 !== null ? perRequest(neo1 - neo0) : null,
          };
          log(
            `[${opts.docs}] ${name} ${server}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
              `CPU/request Node ${entry[server]!.nodeCpuMsPerRequest} ms, Neo4j ${entry[server]!.neo4jCpuMsPerRequest ?? '–'} ms, ` +
              `${r.requests} requests, errors ${r.errors + r.non2xx + r.graphqlErrors}, items ${items}${r.firstError ? `; first error: ${r.firstError.slice(0, 200)}` : ''}`,
          );
        }
        result.api[name] = entry as { ours: ServerLatency; raw?: ServerLatency; generated?: ServerLatency };
      }
      if (sections.has('ui')) {
        if (!fs.existsSync(path.join(uiDir, 'index.html'))) {
          result.errors.push('explorer: ui/dist is not built (npm run build:ui); the real-UI figures are missing');
        } else {
          const cases = await explorerCases(driver, database, args);
          log(`[${opts.docs}] real explorer: ${cases.map((c) => c.label).join(', ')}…`);
          // A browser that times out on a loaded machine loses its own figures, not the size's.
          result.explorer = await measureExplorer(ours.url, cases).catch((err: unknown) => {
            result.errors.push(`explorer: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
            return [];
          });
          for (const e of result.explorer) log(`[${opts.docs}] explorer ${e.label}: ${e.elements} elements, ready ${e.readyMs} ms (${e.layouts} layouts, last ${e.layoutMs} ms), tap ${e.tapMs ?? '–'} ms${e.error ? `; page error: ${e.error}` : ''}`);
        }
      }
    }
    result.neo4jPeakRssMb = peakRssMb(neo4jPid);
  } finally {
    for (const close of closers) await close().catch((err: unknown) => result.errors.push(`shutdown: ${String(err)}`));
  }
  return result;
}

function portsFromEnv(env: NodeJS.ProcessEnv): Pick<SizeOptions, 'neo4jPort' | 'apiPort' | 'rawPort' | 'generatedPort'> {
  const neo4jPort = Number(env.NEO4J_PORT) || undefined;
  const apiPort = Number(env.PORT) || undefined;
  return { neo4jPort, apiPort, rawPort: apiPort && apiPort + 1, generatedPort: apiPort && apiPort + 2 };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

// Child-process entry: `tsx bench/size.ts --docs N --seed S --out result.json [--requests R] [--sections a,b]`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = argValue(args, '--out');
  benchSize({
    docs: argValue(args, '--docs') === 'seeds' ? 'seeds' : Number(argValue(args, '--docs') ?? 100),
    seed: Number(argValue(args, '--seed') ?? 1),
    requests: argValue(args, '--requests') ? Number(argValue(args, '--requests')) : undefined,
    connections: argValue(args, '--connections') ? Number(argValue(args, '--connections')) : undefined,
    sections: argValue(args, '--sections')?.split(',') as Section[] | undefined,
    documentsPerTransaction: argValue(args, '--docs-per-tx') ? Number(argValue(args, '--docs-per-tx')) : undefined,
    // The machine is shared: NEO4J_PORT and PORT move the benchmark's Neo4j and its three HTTP
    // servers (PORT, PORT+1, PORT+2) off the default ports another engineer's run may hold.
    ...portsFromEnv(process.env),
  })
    .then((r) => {
      const json = JSON.stringify(r, null, 1);
      if (out) fs.writeFileSync(out, json);
      else process.stdout.write(`${json}\n`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    });
}
