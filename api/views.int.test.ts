/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are untyped JSON here; the assertions check their shape. */
// The queries the UI's views added: version groups, clause comparison, honest expansion and
// exact look-up, on the real Neo4j with the seeds.
import { describe, expect, it } from 'vitest';
import { seededApollo } from '../test/api-server.js';

const api = seededApollo();

async function run(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { data, errors } = await api.execute(query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data;
}

/** The measures of the 5G theme that have lineage links. */
async function linked5G(): Promise<string[]> {
  const data = await run(`{ theme(name: "5G") { timeline { measures { id evolvesFrom { score } evolvesInto { score } } } } }`);
  return data.theme.timeline.flatMap((y: any) => y.measures).filter((m: any) => m.evolvesFrom.length + m.evolvesInto.length > 0).map((m: any) => m.id);
}

describe('versionGroup', () => {
  it('gives every member the same group, and a neighbourhood that is mutual, with earlier → later links', async () => {
    const ids = await linked5G();
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const versions = new Map<string, string>();
    const shown = new Map<string, Set<string>>();
    const years = new Map<string, Set<number>>();
    for (const id of ids) {
      const data = await run(
        `query($id: ID!) { versionGroup(id: $id) { versions { measure { id year } } related { measure { id year } } links { earlier { year } later { year } tier } } }`,
        { id },
      );
      const g = data.versionGroup;
      expect(g.versions.map((v: any) => v.measure.id)).toContain(id);
      for (const l of g.links) expect(l.earlier.year).toBeLessThanOrEqual(l.later.year);
      versions.set(id, g.versions.map((v: any) => v.measure.id).sort().join());
      const all = [...g.versions, ...g.related].map((v: any) => v.measure);
      shown.set(id, new Set(all.map((m: any) => m.id)));
      years.set(id, new Set(all.map((m: any) => m.year)));
    }
    // members of one same-tier group see the same group
    for (const [, g] of versions) for (const member of g.split(',')) if (versions.has(member)) expect(versions.get(member)).toBe(g);
    // what a measure's page shows is mutual: B on A's page ⇔ A on B's page
    for (const [a, members] of shown) for (const b of members) if (shown.has(b)) expect(shown.get(b)!.has(a), `${b} shows ${a}`).toBe(true);
    // some 5G measure's page spans three or more years of the measure's history
    expect(Math.max(...[...years.values()].map((y) => y.size))).toBeGreaterThanOrEqual(3);
  });

  it('is null for an unknown id', async () => {
    expect((await run(`{ versionGroup(id: "m:nope") { truncated } }`)).versionGroup).toBeNull();
  });
});

describe('compare', () => {
  it('aligns two linked measures clause by clause', async () => {
    const [id] = await linked5G();
    const g = (await run(`query($id: ID!) { versionGroup(id: $id) { links { earlier { id text } later { id text } } } }`, { id })).versionGroup;
    const link = g.links[0];
    const c = (await run(`query($a: ID!, $b: ID!) { compare(a: $a, b: $b) { similarity sharedWords totalWords rows { kind left right parts { kind text } } } }`, { a: link.earlier.id, b: link.later.id })).compare;
    expect(c.rows.length).toBeGreaterThan(0);
    // the rows rebuild both texts (flattened)
    const flat = (s: string) => s.replace(/\s+/g, '');
    expect(flat(c.rows.map((r: any) => r.left ?? '').join(''))).toBe(flat(link.earlier.text));
    expect(flat(c.rows.map((r: any) => r.right ?? '').join(''))).toBe(flat(link.later.text));
    for (const r of c.rows) if (r.kind === 'changed') expect(r.parts.length).toBeGreaterThan(1);
    expect(c.sharedWords).toBeLessThanOrEqual(c.totalWords);
  });
});

describe('expand', () => {
  it('counts every neighbour, says how many it kept, and keeps the newest year', async () => {
    const all = (await run(`{ expand(id: "dept:天津市/市商务局", limit: 1000) { total shown nodes { id year } relationships { name count } } }`)).expand;
    expect(all.total).toBe(all.shown);
    expect(all.total).toBeGreaterThan(20);
    const cut = (await run(`{ expand(id: "dept:天津市/市商务局", limit: 20) { total shown nodes { id year } } }`)).expand;
    expect(cut.total).toBe(all.total);
    expect(cut.shown).toBe(19);
    const newest = Math.max(...all.nodes.map((n: any) => n.year ?? 0));
    expect(cut.nodes.some((n: any) => n.year === newest)).toBe(true);
    const assigned = all.relationships.find((r: any) => r.name === 'ASSIGNED_TO');
    const only = (await run(`{ expand(id: "dept:天津市/市商务局", limit: 1000, relationships: ["ASSIGNED_TO"]) { total } }`)).expand;
    expect(only.total).toBe(assigned.count);
  });
});

describe('lookup', () => {
  it('finds a theme, a programme and a department by exact name', async () => {
    const hits = async (text: string) => (await run(`query($t: String!) { lookup(text: $t) { type label } }`, { t: text })).lookup;
    expect((await hits('老字号'))[0]).toMatchObject({ type: 'Theme' });
    expect((await hits('“津体惠”'))[0]).toMatchObject({ type: 'Initiative', label: '津体惠' });
    expect((await hits('市商务局'))[0]).toMatchObject({ type: 'Department' });
  });
});
