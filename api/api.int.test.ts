/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here; the assertions check their shape. */
// The API against the real Neo4j holding the seeds as ingested by the real pipeline. Expected
// answers come from the documents' content (names, years, programmes they mention) and from the
// pipeline's own graph; no node id is written down here.
import { describe, expect, it } from 'vitest';
import { seededHttpServer } from '../test/api-server.js';
import { EXAMPLES } from './examples.js';

const api = seededHttpServer();

interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

/** Data of a query that must succeed. */
async function data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await gql<T>(query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

const nodesWith = (label: string) => api.graph.nodes.filter((n) => n.labels.includes(label));

describe('probes', () => {
  it('report alive and ready on the loaded graph', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { documents: number }).documents).toBeGreaterThanOrEqual(5);
  });
});

describe('documents', () => {
  it('lists the ingested documents with their years, and their measure counts match the graph', async () => {
    const { documents } = await data<{ documents: any[] }>(
      `{ documents(level: "municipal") { id title year yearSource yearReason sourceFile measureCount cites { docNumber level } } }`,
    );
    const sources = nodesWith('Document').filter((n) => n.properties.sourceFile && n.properties.level !== 'national');
    expect(documents.map((d) => d.id).sort()).toEqual(sources.map((n) => n.id).sort());
    const years = documents.map((d) => d.year);
    expect(years).toEqual([...years].sort((a, b) => (a ?? 9999) - (b ?? 9999)));
    for (const y of [2017, 2020, 2021, 2025]) expect(years).toContain(y);
    // A year the text does not state is inferred, and the reason is kept.
    for (const d of documents.filter((x) => x.yearSource === 'inferred')) expect(d.yearReason).toBeTruthy();
    const hasMeasure = api.graph.relationships.filter((r) => r.type === 'HAS_MEASURE');
    for (const d of documents) expect(d.measureCount).toBe(hasMeasure.filter((r) => r.start === d.id).length);
    // The 2017 plan implements 国发〔2017〕40号, which it names.
    const d2017 = documents.find((d) => d.year === 2017)!;
    expect(d2017.cites.some((c: any) => c.level === 'national' && String(c.docNumber).includes('2017') && String(c.docNumber).includes('40'))).toBe(true);
  });

  it('pages through a document in order, and each measure\'s source span points at its text in sourceText', async () => {
    const { documents } = await data<{ documents: any[] }>(`{ documents(level: "municipal") { id measureCount } }`);
    const big = documents.reduce((a, b) => (b.measureCount > a.measureCount ? b : a));
    const seen: any[] = [];
    let after: string | null = null;
    let text = '';
    for (let page = 0; page < 20; page++) {
      const d: any = await data(
        `query($id: ID!, $after: String) { document(id: $id) { sourceText measures(first: 25, after: $after) {
           totalCount pageInfo { hasNextPage endCursor } nodes { id text source { startOffset endOffset startLine endLine } } } } }`,
        { id: big.id, after },
      );
      text = d.document.sourceText;
      expect(d.document.measures.totalCount).toBe(big.measureCount);
      seen.push(...d.document.measures.nodes);
      if (!d.document.measures.pageInfo.hasNextPage) break;
      after = d.document.measures.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(big.measureCount);
    expect(new Set(seen.map((m) => m.id)).size).toBe(seen.length);
    const offsets = seen.map((m) => m.source.startOffset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    for (const m of seen) {
      expect(text.slice(m.source.startOffset, m.source.endOffset)).toBe(m.text);
      expect(m.source.endLine).toBeGreaterThanOrEqual(m.source.startLine);
    }
  });
});

describe('measures', () => {
  it('filters by theme name in English and by year, with a total count that matches the graph', async () => {
    const found: any = await data(`{ theme(name: "cold chain") { id } }`);
    const coldChain = nodesWith('Theme').find((t) => t.id === found.theme.id)!;
    expect(String(coldChain.properties.nameEn).toLowerCase()).toContain('cold');
    const tagged = api.graph.relationships.filter((r) => r.type === 'ABOUT' && r.end === coldChain.id);
    const all: any = await data(`{ measures(filter: { themes: ["cold chain"] }, first: 200) { totalCount nodes { id year themes { theme { id } evidence } } } }`);
    expect(all.measures.totalCount).toBe(tagged.length);
    for (const m of all.measures.nodes) {
      const tag = m.themes.find((t: any) => t.theme.id === coldChain.id);
      expect(tag.evidence.length).toBeGreaterThan(0);
    }
    const year = all.measures.nodes[0].year;
    const one: any = await data(`query($y: Int!, $t: String!) { measures(filter: { themes: [$t], years: [$y] }) { totalCount nodes { year } } }`, { y: year, t: coldChain.properties.name });
    expect(one.measures.totalCount).toBe(all.measures.nodes.filter((m: any) => m.year === year).length);
  });

  it('filters by department including measures written under a former name', async () => {
    const r: any = await data(`{ measures(filter: { departments: ["市商务局"] }, first: 200) { totalCount nodes { year responsibilities { asWritten } } } }`);
    const years = new Set(r.measures.nodes.map((m: any) => m.year));
    expect(years.has(2017)).toBe(true);
    expect(r.measures.nodes.some((m: any) => m.responsibilities.some((x: any) => String(x.asWritten).includes('商务委')))).toBe(true);
  });

  it('filters by full text and combines filters with AND', async () => {
    const r: any = await data(`{ measures(filter: { text: "津体惠" }) { totalCount nodes { id year text } } }`);
    expect(r.measures.totalCount).toBeGreaterThanOrEqual(3);
    for (const m of r.measures.nodes) expect(m.text.replace(/\s/g, '')).toContain('津体惠');
    const y = r.measures.nodes[0].year;
    const narrowed: any = await data(`query($y: Int!) { measures(filter: { text: "津体惠", years: [$y] }) { totalCount } }`, { y });
    expect(narrowed.measures.totalCount).toBe(r.measures.nodes.filter((m: any) => m.year === y).length);
  });

  it('gives a measure its departments as written, themes with evidence, targets and document', async () => {
    const hits: any = await data(`{ search(text: "5G基站", types: [Measure], first: 5) { id year } }`);
    const target = hits.search.find((h: any) => h.year === 2021) ?? hits.search[0];
    const { measure }: any = await data(
      `query($id: ID!) { measure(id: $id) { id text year document { id year } responsibilities { department { id name kind } role asWritten }
         themes { theme { id name nameEn } evidence } targets { text year value unit measure { id } } } }`,
      { id: target.id },
    );
    expect(measure.document.year).toBe(measure.year);
    expect(measure.responsibilities.length).toBeGreaterThan(0);
    for (const r of measure.responsibilities) expect(['lead', 'joint', 'support']).toContain(r.role);
    const fiveG: any = await data(`{ theme(name: "5G") { id } }`);
    expect(measure.themes.some((t: any) => t.theme.id === fiveG.theme.id && t.evidence.length > 0)).toBe(true);
    for (const t of measure.targets) expect(t.measure.id).toBe(measure.id);
  });

  it('draws lineage: ordered by year, links between members, earlier measures in earlier documents', async () => {
    const hits: any = await data(`{ search(text: "5G", types: [Measure], first: 50) { id year } }`);
    const latest = [...hits.search].sort((a: any, b: any) => b.year - a.year);
    let best: any = null;
    for (const h of latest) {
      const { measure }: any = await data(
        `query($id: ID!) { measure(id: $id) { id year document { id }
           evolvesFrom { measure { id year document { id } } score evidence }
           lineage { focus { id } truncated measures { id year } links { later { id year } earlier { id year } score evidence } } } }`,
        { id: h.id },
      );
      if (!best || measure.lineage.measures.length > best.lineage.measures.length) best = measure;
    }
    const lineage = best.lineage;
    expect(lineage.focus.id).toBe(best.id);
    const years = lineage.measures.map((m: any) => m.year);
    expect(years).toEqual([...years].sort((a: number, b: number) => a - b));
    // 5G recurs from 2017 to 2021 in the seeds: its chain spans at least three years.
    expect(new Set(years).size).toBeGreaterThanOrEqual(3);
    const ids = new Set(lineage.measures.map((m: any) => m.id));
    for (const l of lineage.links) {
      expect(ids.has(l.later.id) && ids.has(l.earlier.id)).toBe(true);
      expect(l.earlier.year).toBeLessThanOrEqual(l.later.year);
      expect(l.evidence.length).toBeGreaterThan(0);
    }
    for (const l of best.evolvesFrom) expect(l.measure.document.id).not.toBe(best.document.id);
  });

  it('gives a lineage the same members, order and links whatever fields the request selects', async () => {
    const linked = api.graph.relationships.filter((r) => r.type === 'EVOLVES_FROM').map((r) => r.start);
    expect(linked.length).toBeGreaterThan(0);
    for (const id of [...new Set(linked)].slice(0, 5)) {
      const { full, lean }: any = await data(
        `query($id: ID!) {
           full: measure(id: $id) { lineage { measures { id year text document { id } source { startOffset } }
             links { later { id } earlier { id } score method evidence sharedThemes sharedInitiatives origin curationNote } } }
           lean: measure(id: $id) { lineage { measures { id } links { later { id } earlier { id } } } } }`,
        { id },
      );
      const members = full.lineage.measures;
      expect(members.length).toBeGreaterThan(1);
      // Reading order: year, then document, then position in the document, then id.
      const key = (m: any) => [m.year ?? Number.MAX_SAFE_INTEGER, m.document.id, m.source?.startOffset ?? 0, m.id] as const;
      const sorted = [...members].sort((a: any, b: any) => {
        const [x, y] = [key(a), key(b)];
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
        return 0;
      });
      expect(members.map((m: any) => m.id)).toEqual(sorted.map((m: any) => m.id));
      expect(lean.lineage.measures.map((m: any) => m.id)).toEqual(members.map((m: any) => m.id));
      expect(lean.lineage.links).toEqual(full.lineage.links.map((l: any) => ({ later: l.later, earlier: l.earlier })));
      for (const l of full.lineage.links) {
        expect(l.score).toBeGreaterThan(0);
        expect(l.evidence.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('departments', () => {
  it('resolves 市商务委 to the institution that became 市商务局, with its 2017 responsibilities', async () => {
    const { department }: any = await data(
      `{ department(name: "市商务委") { id name current { name } successors { department { name } year }
         responsibilities { year asWritten role } } }`,
    );
    expect(department).not.toBeNull();
    expect(department.current.map((d: any) => d.name)).toContain('市商务局');
    expect(department.successors.some((s: any) => s.department.name === '市商务局' && s.year === 2018)).toBe(true);
    expect(department.responsibilities.some((r: any) => r.year === 2017)).toBe(true);
  });

  it("gives 市商务局 its predecessors' measures only when asked, and partners by shared measures", async () => {
    const { department }: any = await data(
      `{ department(name: "市商务局") { id predecessors { department { name } year }
         all: responsibilities { year asWritten viaPredecessor assignedTo { name } }
         own: responsibilities(includePredecessors: false) { year viaPredecessor }
         recent: responsibilities(fromYear: 2020, toYear: 2021) { year }
         partners(first: 5) { department { id name } count } } }`,
    );
    expect(department.predecessors.map((p: any) => p.department.name)).toContain('市商务委');
    const old = department.all.filter((r: any) => r.year === 2017);
    expect(old.length).toBeGreaterThan(0);
    for (const r of old) {
      expect(r.viaPredecessor).toBe(true);
      expect(r.assignedTo.name).not.toBe('市商务局');
    }
    expect(department.own.every((r: any) => !r.viaPredecessor)).toBe(true);
    expect(department.own.length).toBeLessThan(department.all.length);
    expect(department.recent.every((r: any) => r.year >= 2020 && r.year <= 2021)).toBe(true);
    const counts = department.partners.map((p: any) => p.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(department.partners.every((p: any) => p.department.id !== department.id && p.count > 0)).toBe(true);
  });

  it('resolves every alias in the reference data to its institution', async () => {
    const withAliases = nodesWith('Department').filter((d) => Array.isArray(d.properties.aliases) && (d.properties.aliases as string[]).length > 0);
    expect(withAliases.length).toBeGreaterThan(0);
    for (const d of withAliases.slice(0, 10)) {
      for (const alias of (d.properties.aliases as string[]).slice(0, 2)) {
        const r: any = await data(`query($n: String!) { department(name: $n) { id } }`, { n: alias });
        // An alias that is also another node's own name resolves to that node; otherwise to d.
        const owner = nodesWith('Department').find((x) => x.properties.name === alias);
        expect(r.department.id).toBe(owner ? owner.id : d.id);
      }
    }
    expect((await data<any>(`{ department(name: "不存在的部门") { id } }`)).department).toBeNull();
  });
});

describe('themes', () => {
  it('finds cold chain by its English name, Chinese name and synonyms, across several years', async () => {
    const r: any = await data(
      `{ en: theme(name: "Cold Chain") { id name measureCount timeline { year measureCount measures { id themes { theme { id } } } documents { id } departments { name } } }
         zh: theme(name: "冷链") { id } }`,
    );
    expect(r.en.id).toBe(r.zh.id);
    expect(r.en.timeline.length).toBeGreaterThanOrEqual(3);
    expect(r.en.timeline.reduce((n: number, y: any) => n + y.measureCount, 0)).toBe(r.en.measureCount);
    for (const y of r.en.timeline) {
      expect(y.documents.length).toBeGreaterThan(0);
      for (const m of y.measures) expect(m.themes.map((t: any) => t.theme.id)).toContain(r.en.id);
    }
    const withSynonyms = nodesWith('Theme').filter((t) => Array.isArray(t.properties.synonyms) && (t.properties.synonyms as string[]).length > 0);
    for (const t of withSynonyms.slice(0, 8)) {
      const synonym = (t.properties.synonyms as string[])[0]!;
      const owner = nodesWith('Theme').find((x) => x.properties.name === synonym || String(x.properties.nameEn).toLowerCase() === synonym.toLowerCase());
      const s: any = await data(`query($n: String!) { theme(name: $n) { id } }`, { n: synonym });
      expect(s.theme.id).toBe(owner ? owner.id : t.id);
    }
  });

  it('lists themes and the themes × years matrix consistently', async () => {
    const r: any = await data(`{ themes { id measureCount } themeMatrix { years themes { id } cells { themeId year measureCount documentCount } } }`);
    expect(r.themes.length).toBe(nodesWith('Theme').length);
    expect(r.themeMatrix.years).toEqual([...r.themeMatrix.years].sort((a: number, b: number) => a - b));
    for (const t of r.themes) {
      const cells = r.themeMatrix.cells.filter((c: any) => c.themeId === t.id);
      expect(cells.reduce((n: number, c: any) => n + c.measureCount, 0)).toBeLessThanOrEqual(t.measureCount);
      for (const c of cells) expect(c.documentCount).toBeLessThanOrEqual(c.measureCount);
    }
  });
});

describe('initiatives and search', () => {
  it('follows “津体惠” across three years', async () => {
    const r: any = await data(`{ initiative(name: "“津体惠”") { name years measureCount measures { year text } } initiatives { name } }`);
    expect(r.initiative.name).toBe('津体惠');
    expect(r.initiative.years.length).toBeGreaterThanOrEqual(3);
    expect(r.initiative.measures).toHaveLength(r.initiative.measureCount);
    for (const m of r.initiative.measures) expect(m.text.replace(/\s/g, '')).toContain('津体惠');
    expect(r.initiatives.length).toBe(nodesWith('Initiative').length);
  });

  it('searches Chinese text: 津体惠 finds measures of three years with highlighted snippets', async () => {
    const r: any = await data(`{ search(text: "津体惠") { type id label score year snippet highlights { start end } } }`);
    const measures = r.search.filter((h: any) => h.type === 'Measure');
    expect(new Set(measures.map((h: any) => h.year)).size).toBeGreaterThanOrEqual(3);
    expect(r.search.some((h: any) => h.type === 'Initiative')).toBe(true);
    const scores = r.search.map((h: any) => h.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    for (const h of measures) expect(h.highlights.map((x: any) => h.snippet.slice(x.start, x.end))).toContain('津体惠');
  });

  it('restricts search to the given types and finds departments by alias', async () => {
    const r: any = await data(`{ search(text: "商务", types: [Department], first: 10) { type label } }`);
    expect(r.search.length).toBeGreaterThan(0);
    expect(r.search.every((h: any) => h.type === 'Department')).toBe(true);
  });
});

describe('neighborhood, overview, node, stats', () => {
  it('is bounded, deterministic and closed (edges only between returned nodes)', async () => {
    const theme: any = await data(`{ theme(name: "5G") { id } }`);
    const q = `query($id: ID!, $limit: Int!) { neighborhood(id: $id, depth: 2, limit: $limit) { center truncated nodes { id type distance } edges { id type source target } } }`;
    const full: any = await data(q, { id: theme.theme.id, limit: 1000 });
    const size = full.neighborhood.nodes.length;
    expect(full.neighborhood.truncated).toBe(false);
    expect(size).toBeGreaterThan(10);
    const a: any = await data(q, { id: theme.theme.id, limit: size - 5 });
    const b: any = await data(q, { id: theme.theme.id, limit: size - 5 });
    expect(b).toEqual(a);
    const n = a.neighborhood;
    expect(n.nodes.length).toBe(size - 5);
    expect(n.nodes[0]).toMatchObject({ id: theme.theme.id, distance: 0 });
    expect(n.truncated).toBe(true);
    // The cut keeps the nearer nodes: every node of the cut answer is in the full one.
    const fullIds = new Set(full.neighborhood.nodes.map((x: any) => x.id));
    expect(n.nodes.every((x: any) => fullIds.has(x.id))).toBe(true);
    const ids = new Set(n.nodes.map((x: any) => x.id));
    expect(ids.size).toBe(n.nodes.length);
    for (const e of n.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    const distances = n.nodes.map((x: any) => x.distance);
    expect(distances).toEqual([...distances].sort((x: number, y: number) => x - y));

    // Without `properties` the nodes come from a lighter query; labels and order are the same.
    const withProps: any = await data(`query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 1000) { nodes { id label year properties } } }`, { id: theme.theme.id });
    const light: any = await data(`query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 1000) { nodes { id label year } } }`, { id: theme.theme.id });
    expect(light.neighborhood.nodes).toEqual(withProps.neighborhood.nodes.map(({ properties: _p, ...rest }: any) => rest));
    const measureNode = withProps.neighborhood.nodes.find((x: any) => x.properties.text && x.properties.startOffset !== undefined);
    expect(measureNode).toBeTruthy();
    expect(withProps.neighborhood.nodes.every((x: any) => x.properties.sourceText === undefined)).toBe(true);

    const only: any = await data(`query($id: ID!) { neighborhood(id: $id, types: [Measure], limit: 1000) { nodes { type } truncated } }`, { id: theme.theme.id });
    expect(only.neighborhood.nodes.slice(1).every((x: any) => x.type === 'Measure')).toBe(true);
    const missing: any = await data(`{ neighborhood(id: "no such node") { nodes { id } } }`);
    expect(missing.neighborhood.nodes).toEqual([]);
  });

  it('gives an overview of documents and themes, a node by id, and stats matching the graph', async () => {
    const r: any = await data(`{ overview { nodes { id type } edges { source target properties } } stats { labels { name count } relationships { name count } years } }`);
    expect(r.overview.nodes.filter((x: any) => x.type === 'Document').length).toBeGreaterThanOrEqual(5);
    for (const e of r.overview.edges) expect(e.properties.measureCount).toBeGreaterThan(0);
    for (const { name, count } of r.stats.labels) expect(count).toBe(nodesWith(name).length);
    for (const { name, count } of r.stats.relationships) expect(count).toBe(api.graph.relationships.filter((x) => x.type === name).length);
    expect(r.stats.years).toContain(2017);
    const dept = nodesWith('Department')[0]!;
    const n: any = await data(`query($id: ID!) { node(id: $id) { id type label properties } }`, { id: dept.id });
    expect(n.node).toMatchObject({ id: dept.id, type: 'Department', label: dept.properties.name });
  });
});

describe('examples', () => {
  it.each(EXAMPLES.map((e) => [e.name, e] as const))('%s runs without errors', async (_name, example) => {
    const r = await gql(example.query, example.variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.status).toBe(200);
  });
});
