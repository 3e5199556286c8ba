/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here; the assertions check their shape. */
// The write path end to end on a real Neo4j: the token guards every mutation and the upload; an
// import runs the CLI's pipeline and writer and links into the stored lineage; removing the
// document gives back exactly the graph before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { buildSchema } from 'graphql';
import { emptyDatabase } from '../../test/neo4j.js';
import { graphSnapshot } from '../../test/graph-snapshot.js';
import { seedFiles } from '../../test/seed-graph.js';
import { writeGraph } from '../../db/writer.js';
import { ingestFiles } from '../../ingest/pipeline.js';
import { startServer, type RunningServer } from '../server.js';
import { IMPORT_LIMITS } from './limits.js';

const TOKEN = 'test-token-0123456789abcdef';
let driver: Driver;
let server: RunningServer;
let importDir: string;
const seeds = seedFiles();
// The last seed is uploaded; the others are the stored graph it links into.
const uploaded = seeds[seeds.length - 1]!;

beforeAll(async () => {
  driver = await emptyDatabase();
  await writeGraph(driver, await ingestFiles(seeds.slice(0, -1)));
  importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-'));
  server = await startServer({ driver, port: 0, host: '127.0.0.1', log: () => {}, warmUp: false, writeToken: TOKEN, importDir, queryTimeoutMs: 60_000 });
});

afterAll(async () => {
  await server?.close();
});

async function gql(query: string, variables: Record<string, unknown> = {}, token: string | null = TOKEN) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-curator': 'tester' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, json: (await res.json()) as any };
}

function upload(files: { name: string; bytes: Uint8Array | string }[], fields: Record<string, string> = {}, token: string | null = TOKEN) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('file', new Blob([typeof f.bytes === 'string' ? f.bytes : Buffer.from(f.bytes)]), f.name);
  return fetch(`${server.url}/api/documents`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function waitForJob(id: string): Promise<any> {
  for (let i = 0; i < 600; i++) {
    const r = await gql(
      `query($id: ID!) { job(id: $id) { id status error files { name kind stage progress message measures linksToStored
         document { id title year yearSource yearReason measures(first: 5) { totalCount nodes { id text responsibilities { role department { name } } } } }
         diagnostics { file line column severity rule message lineText } } } }`,
      { id },
    );
    const job = r.json.data.job;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('the write token', () => {
  it('refuses every mutation without it, with a clear error, and changes nothing', async () => {
    const before = await graphSnapshot(driver);
    const schema = buildSchema(fs.readFileSync('schema.graphql', 'utf8'));
    const fields = Object.values(schema.getMutationType()!.getFields());
    expect(fields.length).toBeGreaterThanOrEqual(10);
    const placeholder = (t: string) => (t.includes('Int') ? 2020 : t.includes('[PartyInput') ? [{ departmentId: 'x', role: 'lead' }] : 'x');
    for (const token of [null, 'wrong-token-0123456789']) {
      for (const field of fields) {
        const args = field.args.filter((a) => String(a.type).endsWith('!'));
        const decl = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
        const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const selection = String(field.type).startsWith('Curation') ? '{ id }' : '{ removed }';
        const r = await gql(`mutation${decl ? `(${decl})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection} }`, Object.fromEntries(args.map((a) => [a.name, placeholder(String(a.type))])), token);
        expect(r.json.errors?.[0]?.extensions?.code, field.name).toBe('UNAUTHENTICATED');
        expect(r.json.errors[0].message).toMatch(/write token/);
      }
    }
    const res = await upload([{ name: 'a.txt', bytes: '关于印发某方案的通知' }], {}, null);
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await graphSnapshot(driver)).toEqual(before);
  });

  it('on a server without a token, writes are disabled', async () => {
    const other = await startServer({ driver, port: 0, host: '127.0.0.1', log: () => {}, warmUp: false });
    try {
      const res = await fetch(`${other.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query: 'mutation { removeDocument(id: "x") { removed } }' }) });
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    } finally {
      await other.close();
    }
  });
});

describe('import', () => {
  it('refuses each bad file with a reason, and imports nothing when none is good', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    const big = new Uint8Array(IMPORT_LIMITS.maxFileBytes + 10).fill(0x41);
    const res = await upload([
      { name: 'plan.txt', bytes: png },
      { name: 'empty.txt', bytes: '' },
      { name: 'huge.txt', bytes: big },
    ]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('NO_FILES');
    expect(body.refused.map((r: any) => r.name)).toEqual(['plan.txt', 'empty.txt', 'huge.txt']);
    expect(body.refused[0].reason).toMatch(/image\/png/);
    expect(body.refused[1].reason).toMatch(/empty/);
    expect(body.refused[2].reason).toMatch(/larger than 10 MB/);
    const bad = await upload([{ name: 'a.txt', bytes: '通知' }], { year: '20x', level: 'city' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].message).toMatch(/`year` must be a year.*`level` must be one of/s);
    const tooMany = await upload(Array.from({ length: IMPORT_LIMITS.maxFiles + 1 }, (_, i) => ({ name: `f${i}.bin`, bytes: new Uint8Array([0, 1, 2]) })));
    expect(((await tooMany.json()) as any).refused.some((r: any) => /more than 20 files/.test(r.reason))).toBe(true);
  });

  it('imports a document through the CLI pipeline, links it to the stored lineage, and removal restores the graph exactly', async () => {
    const before = await graphSnapshot(driver);
    const text = fs.readFileSync(uploaded);
    const res = await upload([
      { name: path.basename(uploaded), bytes: new Uint8Array(text) },
      { name: 'photo.txt', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]) },
    ]);
    expect(res.status).toBe(202);
    const body = (await res.json()) as any;
    expect(body.refused).toEqual([{ name: 'photo.txt', reason: expect.stringMatching(/image\/jpeg/) }]);
    const job = await waitForJob(body.job.id);
    expect(job.status).toBe('done');
    const [file] = job.files;
    expect(file).toMatchObject({ stage: 'done', progress: 1, kind: 'text' });
    expect(file.measures).toBeGreaterThan(0);
    expect(file.linksToStored).toBeGreaterThan(0);
    expect(file.document.measures.totalCount).toBe(file.measures);
    expect(file.document.year).toBeGreaterThan(2000);
    // every diagnostic carries its place and the line it points to
    for (const d of file.diagnostics) {
      expect(d.file).toMatch(/\.txt$/);
      expect(d.line).toBeGreaterThan(0);
      expect(typeof d.lineText).toBe('string');
    }
    // the same answer as the CLI's pipeline on the same file, linked against the same stored measures
    const docId = file.document.id as string;
    const stored = await driver.executeQuery('MATCH (:Document {id: $id})-[:HAS_MEASURE]->(m) RETURN count(m) AS n', { id: docId });
    expect(Number(stored.records[0]!.get('n'))).toBe(file.measures);
    const cross = await driver.executeQuery(
      'MATCH (:Document {id: $id})-[:HAS_MEASURE]->(m)-[:EVOLVES_FROM]-(o:Measure) WHERE o.documentId <> $id RETURN count(*) AS n',
      { id: docId },
    );
    expect(Number(cross.records[0]!.get('n'))).toBe(file.linksToStored);

    // the same text again is refused as a duplicate, naming the stored file
    const again = await upload([{ name: 'copy.txt', bytes: new Uint8Array(text) }]);
    const dup = await waitForJob(((await again.json()) as any).job.id);
    expect(dup.files[0].stage).toBe('refused');
    expect(dup.files[0].message).toMatch(/already holds this text/);

    const removed = await gql('mutation($id: ID!) { removeDocument(id: $id) { id removed title nodes } }', { id: docId });
    expect(removed.json.data.removeDocument).toMatchObject({ id: docId, removed: true });
    expect(removed.json.data.removeDocument.nodes).toBeGreaterThan(file.measures);
    expect(await graphSnapshot(driver)).toEqual(before);
  });

  it('takes metadata for what the text does not state', async () => {
    const text = '关于推进社区便民服务的通知\n\n一、完善便民服务网点。推动便民服务网点进社区。（市商务局牵头）\n';
    const res = await upload([{ name: '便民.txt', bytes: text }], { year: '2022', jurisdiction: '天津市', level: 'municipal' });
    expect(res.status).toBe(202);
    const job = await waitForJob(((await res.json()) as any).job.id);
    const [file] = job.files;
    expect(file.stage).toBe('done');
    expect(file.document).toMatchObject({ year: 2022, yearSource: 'manifest' });
    expect(file.document.yearReason).toMatch(/given at import by token holder|tester/);
    // The given jurisdiction places the text's relative names (市商务局) too, not only the document.
    const read = await gql('query($id: ID!) { document(id: $id) { jurisdiction level measures { edges { node { responsibilities { department { id } } } } } } }', { id: file.document.id });
    const document = read.json.data.document;
    expect(document).toMatchObject({ jurisdiction: '天津市', level: 'municipal' });
    expect(document.measures.edges.flatMap((e: any) => e.node.responsibilities.map((r: any) => r.department.id))).toEqual(['dept:天津市/市商务局']);
    const removed = await gql('mutation($id: ID!) { removeDocument(id: $id) { removed } }', { id: file.document.id });
    expect(removed.json.data.removeDocument.removed).toBe(true);
  });
});
