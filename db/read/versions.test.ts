// The walk of a version group over an in-memory graph: which measures are versions, which are
// related, which come in as versions of a related measure, and where the walk stops.
import { describe, expect, it } from 'vitest';
import type { Reader, Row } from './reader.js';
import { RELATED_MAX_MEASURES, versionGroup } from './versions.js';

interface Link {
  start: string;
  end: string;
  type: 'EVOLVES_FROM' | 'RESEMBLES';
  tier: 'same' | 'related';
}

/** A reader over a list of links between measures named `<year>:<name>`; the year is read from the id. */
function fakeReader(links: Link[]): Reader {
  const yearOf = (id: string) => Number(id.split(':')[0]);
  const ids = new Set(links.flatMap((l) => [l.start, l.end]));
  const rows = async (cypher: string, params: Record<string, unknown>): Promise<Row[]> => {
    if (Array.isArray(params.frontier)) {
      const frontier = new Set(params.frontier as string[]);
      return links
        .filter((l) => frontier.has(l.start) || frontier.has(l.end))
        .map((l) => ({ ...l, startYear: yearOf(l.start), endYear: yearOf(l.end), score: 0.5, method: 'test', evidence: [], sharedThemes: [], sharedInitiatives: [] }));
    }
    if (Array.isArray(params.ids)) return (params.ids as string[]).map((id) => ({ id, jurisdiction: '天津市' }));
    if (typeof params.id === 'string') return ids.has(params.id) ? [{ id: params.id }] : [];
    throw new Error(`unexpected query ${cypher}`);
  };
  return { rows } as unknown as Reader;
}

// later → earlier, as the linker writes EVOLVES_FROM
const same = (later: string, earlier: string): Link => ({ start: later, end: earlier, type: 'EVOLVES_FROM', tier: 'same' });
const related = (later: string, earlier: string): Link => ({ start: later, end: earlier, type: 'EVOLVES_FROM', tier: 'related' });

describe('versionGroup', () => {
  // 2021 is a version of 2020 and only related to 2017; nothing links 2020 and 2017
  const lineage = [same('2021:b', '2020:a'), related('2021:b', '2017:c')];

  it('brings the versions of a related measure with it, marked as reached through that measure', async () => {
    const g = (await versionGroup(fakeReader(lineage), '2017:c'))!;
    expect(g.versionIds).toEqual(['2017:c']);
    expect(g.relatedIds.sort()).toEqual(['2020:a', '2021:b']);
    expect(g.relatedVia.get('2020:a')).toBe('2021:b');
    expect(g.relatedVia.has('2021:b')).toBe(false);
    expect(g.links.map((l) => `${l.earlierId}>${l.laterId}:${l.tier}`).sort()).toEqual(['2017:c>2021:b:related', '2020:a>2021:b:same']);
    expect(g.relatedTruncated).toBe(false);
  });

  it('shows every year of the lineage from each of its measures', async () => {
    for (const id of ['2017:c', '2020:a', '2021:b']) {
      const g = (await versionGroup(fakeReader(lineage), id))!;
      expect([...g.versionIds, ...g.relatedIds].sort(), id).toEqual(['2017:c', '2020:a', '2021:b']);
    }
    const fromVersion = (await versionGroup(fakeReader(lineage), '2020:a'))!;
    expect(fromVersion.versionIds.sort()).toEqual(['2020:a', '2021:b']);
    expect(fromVersion.relatedIds).toEqual(['2017:c']);
  });

  it('follows a related link of a directly related measure one step, marked, and no further', async () => {
    // 2021 is related to both 2020 and 2017; nothing links 2020 and 2017; 2023 is related to 2020
    const chain = [related('2021:b', '2020:a'), related('2021:b', '2017:c'), related('2023:d', '2020:a')];
    for (const id of ['2017:c', '2020:a', '2021:b']) {
      const g = (await versionGroup(fakeReader(chain), id))!;
      expect(g.versionIds, id).toEqual([id]);
      expect([...g.versionIds, ...g.relatedIds], id).toEqual(expect.arrayContaining(['2017:c', '2020:a', '2021:b']));
    }
    const from2017 = (await versionGroup(fakeReader(chain), '2017:c'))!;
    expect(from2017.relatedThrough.get('2020:a')).toBe('2021:b');
    expect(from2017.relatedThrough.has('2021:b')).toBe(false);
    // 2023 is three related steps from 2017: not shown
    expect(from2017.relatedIds).not.toContain('2023:d');
  });

  it('cuts the versions of related measures at the bound and says so', async () => {
    // a related measure with more versions than the bound, all linked to it
    const star = Array.from({ length: RELATED_MAX_MEASURES + 20 }, (_, i) => same(`2101:r${i + 1}`, '2100:r0'));
    const g = (await versionGroup(fakeReader([related('2100:r0', '2000:f'), ...star]), '2000:f'))!;
    expect(g.versionIds).toEqual(['2000:f']);
    expect(g.relatedIds.length).toBe(RELATED_MAX_MEASURES);
    expect(g.relatedTruncated).toBe(true);
    expect(g.truncated).toBe(false);
    // every kept link joins two kept measures
    const kept = new Set([...g.versionIds, ...g.relatedIds]);
    for (const l of g.links) expect(kept.has(l.earlierId) && kept.has(l.laterId)).toBe(true);
  });

  it('stops a long chain of versions of a related measure after a bounded number of steps and says so', async () => {
    const chain = Array.from({ length: 40 }, (_, i) => same(`${2101 + i}:r${i + 1}`, `${2100 + i}:r${i}`));
    const g = (await versionGroup(fakeReader([related('2100:r0', '2000:f'), ...chain]), '2000:f'))!;
    expect(g.relatedIds.length).toBeLessThan(41);
    expect(g.relatedTruncated).toBe(true);
  });

  it('is null for an unknown measure', async () => {
    expect(await versionGroup(fakeReader(lineage), '1999:x')).toBeNull();
  });
});
