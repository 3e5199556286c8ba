/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here; the assertions check their shape. */
// Curation that survives re-ingest, on a real Neo4j: reject a link, add one, fix a measure's
// department, merge two departments, confirm an inferred year; ingest the same files again as
// the CLI does; every correction is still there; undo restores what the ingest gave.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { emptyDatabase } from '../../test/neo4j.js';
import { graphSnapshot } from '../../test/graph-snapshot.js';
import { seedFiles } from '../../test/seed-graph.js';
import { writeGraph } from '../../db/writer.js';
import { loadLinkableMeasures } from '../../db/lineage-context.js';
import { ingest } from '../../ingest/pipeline.js';
import { startServer, type RunningServer } from '../server.js';

const TOKEN = 'curation-test-token-0123456789';
let driver: Driver;
let server: RunningServer;
const seeds = seedFiles();

/** What `npm run ingest` does with these files: link against the others stored, write, re-apply curations. */
async function reingest(): Promise<void> {
  const existing = await loadLinkableMeasures(driver, { excludeSourceFiles: seeds });
  const report = await ingest(seeds, { existing });
  await writeGraph(driver, report.graph);
}

/** The graph without the curation records themselves. */
async function graphOnly() {
  const s = await graphSnapshot(driver);
  return { nodes: s.nodes.filter((n) => !n.includes('"Curation"')), relationships: s.relationships };
}

beforeAll(async () => {
  driver = await emptyDatabase();
  await reingest();
  server = await startServer({
    driver, port: 0, host: '127.0.0.1', log: () => {}, warmUp: false, writeToken: TOKEN, queryTimeoutMs: 60_000,
    importDir: fs.mkdtempSync(path.join(os.tmpdir(), 'imports-')),
  });
});

afterAll(async () => {
  await server?.close();
});

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-curator': encodeURIComponent('研究员甲') },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as any;
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

async function one(cypher: string, params: Record<string, unknown> = {}) {
  const r = await driver.executeQuery(cypher, params);
  return r.records.map((x) => x.toObject());
}

describe('curation', () => {
  it('survives a re-ingest of the same files, and undo gives back the ingested graph', async () => {
    const raw = await graphOnly();
    // Targets chosen from the graph, not named: a system link, two unlinked measures of different
    // years, a measure with one lead, two departments, the document whose year was inferred.
    const [link] = await one(`MATCH (a:Measure)-[r:EVOLVES_FROM]->(b:Measure) WHERE (a)-[:EVOLVES_FROM]->() RETURN a.id AS later, b.id AS earlier ORDER BY r.score DESC, a.id LIMIT 1`);
    const [pair] = await one(
      `MATCH (a:Measure), (b:Measure) WHERE a.year > b.year AND a.documentId <> b.documentId AND NOT (a)-[:EVOLVES_FROM]-(b)
       RETURN a.id AS later, b.id AS earlier ORDER BY a.id, b.id LIMIT 1`,
    );
    const [fix] = await one(
      `MATCH (m:Measure)-[:ASSIGNED_TO {role: 'lead'}]->(p:Department) WITH m, collect(p) AS ps WHERE size(ps) = 1
       MATCH (o:Department) WHERE NOT o IN ps AND o.kind = 'institution'
       RETURN m.id AS measure, ps[0].id AS was, o.id AS now ORDER BY m.id, o.id LIMIT 1`,
    );
    const [merge] = await one(
      `MATCH (f:Department)<-[:ASSIGNED_TO]-(m:Measure) WHERE NOT (f)-[:SUCCEEDED_BY]-()
       WITH f, count(m) AS n ORDER BY n, f.id LIMIT 1
       MATCH (t:Department) WHERE t <> f AND t.kind = 'institution' AND NOT (t)-[:SUCCEEDED_BY]-()
       RETURN f.id AS from, f.name AS fromName, t.id AS into, n ORDER BY t.id LIMIT 1`,
    );
    const [doc] = await one(`MATCH (d:Document) WHERE d.yearSource = 'inferred' RETURN d.id AS id, d.year AS year LIMIT 1`);
    expect(link && pair && fix && merge && doc).toBeTruthy();

    const rejected = (await gql(`mutation($l: ID!, $e: ID!) { rejectLink(later: $l, earlier: $e, note: "different subject") { id kind applied author } }`, { l: link!.later, e: link!.earlier })).rejectLink;
    expect(rejected).toMatchObject({ kind: 'link.reject', applied: true, author: '研究员甲' });
    const added = (await gql(`mutation($l: ID!, $e: ID!) { addLink(later: $l, earlier: $e, note: "same programme, renamed") { id applied } }`, { l: pair!.later, e: pair!.earlier })).addLink;
    const parties = (await gql(`mutation($m: ID!, $d: ID!) { setMeasureParties(measureId: $m, parties: [{departmentId: $d, role: "lead"}], note: "misread") { id applied } }`, { m: fix!.measure, d: fix!.now })).setMeasureParties;
    const merged = (await gql(`mutation($f: ID!, $t: ID!) { mergeDepartments(from: $f, into: $t) { id applied } }`, { f: merge!.from, t: merge!.into })).mergeDepartments;
    const year = (await gql(`mutation($d: ID!, $y: Int!) { setDocumentYear(documentId: $d, year: $y, note: "checked the portal") { id applied } }`, { d: doc!.id, y: Number(doc!.year) })).setDocumentYear;
    for (const c of [added, parties, merged, year]) expect(c.applied).toBe(true);

    const check = async () => {
      const lineage = (await gql(
        `query($id: ID!) { measure(id: $id) { evolvesFrom { measure { id } origin }
           lineage { links { earlier { id } origin } } all: lineage(includeRejected: true) { links { later { id } earlier { id } origin curationNote } } } }`,
        { id: link!.later },
      )).measure;
      expect(lineage.evolvesFrom.map((l: any) => l.measure.id)).not.toContain(link!.earlier);
      expect(lineage.lineage.links.map((l: any) => l.origin)).not.toContain('rejected');
      expect(lineage.all.links).toContainEqual({ later: { id: link!.later }, earlier: { id: link!.earlier }, origin: 'rejected', curationNote: 'different subject' });
      const addedLink = (await gql(`query($id: ID!) { measure(id: $id) { evolvesFrom { measure { id } origin curationNote method } } }`, { id: pair!.later })).measure.evolvesFrom;
      expect(addedLink).toContainEqual({ measure: { id: pair!.earlier }, origin: 'added', curationNote: 'same programme, renamed', method: 'curated' });
      const resp = (await gql(`query($id: ID!) { measure(id: $id) { responsibilities { role department { id } } } }`, { id: fix!.measure })).measure.responsibilities;
      expect(resp).toEqual([{ role: 'lead', department: { id: fix!.now } }]);
      expect(await one('MATCH (d:Department {id: $id}) RETURN d', { id: merge!.from })).toEqual([]);
      const [into] = await one('MATCH (d:Department {id: $id}) RETURN d.aliases AS aliases, COUNT { (d)<-[:ASSIGNED_TO {mergedFrom: $from}]-() } AS moved', { id: merge!.into, from: merge!.from });
      expect(into!.aliases).toContain(merge!.fromName);
      expect(Number(into!.moved)).toBe(Number(merge!.n));
      const d = (await gql(`query($id: ID!) { document(id: $id) { year yearSource yearReason } }`, { id: doc!.id })).document;
      expect(d).toMatchObject({ year: Number(doc!.year), yearSource: 'curated' });
      expect(d.yearReason).toMatch(/^confirmed by 研究员甲 \(was \d{4}, inferred/);
    };
    await check();
    await reingest();
    await check();
    const listed = (await gql('{ curations { id kind target undone } }')).curations;
    expect(listed.map((c: any) => c.kind).sort()).toEqual(['department.merge', 'document.year', 'link.add', 'link.reject', 'measure.parties']);

    // Undo the rejection: the link is the linker's again.
    const undone = (await gql('mutation($id: ID!) { undoCuration(id: $id) { undone undoneBy } }', { id: rejected.id })).undoCuration;
    expect(undone).toEqual({ undone: true, undoneBy: '研究员甲' });
    const back = (await gql(`query($id: ID!) { measure(id: $id) { evolvesFrom { measure { id } origin } } }`, { id: link!.later })).measure.evolvesFrom;
    expect(back).toContainEqual({ measure: { id: link!.earlier }, origin: 'system' });
    expect((await gql('{ curations { id } }')).curations).toHaveLength(4);
    expect((await gql('{ curations(includeUndone: true) { id } }')).curations).toHaveLength(5);

    // Undo the rest (the merge is split again): the graph is the ingested one, property for property.
    for (const c of [added, parties, merged, year]) await gql('mutation($id: ID!) { undoCuration(id: $id) { undone } }', { id: c.id });
    expect(await graphOnly()).toEqual(raw);
    // and a re-ingest now stays raw
    await reingest();
    expect(await graphOnly()).toEqual(raw);
  });

  it('refuses a correction that names nothing in the graph', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: 'mutation { rejectLink(later: "m:nope:001", earlier: "m:nope:002") { id } }' }),
    });
    const json = (await res.json()) as any;
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].message).toMatch(/no lineage link from m:nope:001 to m:nope:002; add one with addLink/);
  });
});
