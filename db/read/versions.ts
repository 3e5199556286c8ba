// The version group of a measure: every measure reachable through lineage links in either
// direction (not only its ancestors and descendants, so a side branch such as a 2020 version
// beside a 2017 → 2021 chain belongs to the group), split by the links' tier: `same` links
// (and EVOLVES_FROM links written before tiers existed) make versions; `related` links and
// cross-jurisdiction RESEMBLES links are shown apart. A related measure comes with its own
// versions (its same-tier group) and with the measures it is itself related to (one step, no
// further), so a reader starting from any measure of a chain whose steps are only `related`
// (2017 ~ 2021 ~ 2020) still sees every year of it.
import { type Reader, type Row, str, num, strList } from './reader.js';
import type { LinkProperties, MeasureRecord } from './measures.js';

/** A link of the group: the lineage link's own properties (a rejected link never gets here). */
export interface VersionLinkRecord extends Omit<LinkProperties, 'curationNote'> {
  /** EVOLVES_FROM or RESEMBLES. */
  type: string;
  tier: 'same' | 'related';
  earlierId: string;
  laterId: string;
}

export interface VersionGroupRecord {
  focusId: string;
  /** Measures of the same-tier group, the focus included (ids; the API loads and orders them). */
  versionIds: string[];
  /** Measures linked to the group only through related links, and the versions of those measures. */
  relatedIds: string[];
  /** For a related measure that is in the group as a version of a related measure: that measure's id. */
  relatedVia: Map<string, string>;
  /** For a measure that is in the group because a directly related measure is related to it: that measure's id. */
  relatedThrough: Map<string, string>;
  links: VersionLinkRecord[];
  jurisdictions: Map<string, string | null>;
  truncated: boolean;
  /** True when the versions of the related measures were cut at RELATED_MAX_MEASURES. */
  relatedTruncated: boolean;
}

/** Bounds for a pathological graph; real version groups have a handful of members. */
export const GROUP_MAX_MEASURES = 200;
export const GROUP_MAX_ROUNDS = 20;
/** Related measures together with their versions; the directly related ones are always kept. */
export const RELATED_MAX_MEASURES = 60;

const LINK_TYPES = ['EVOLVES_FROM', 'RESEMBLES'];

/** One breadth-first round: every lineage link touching the frontier, with both ends' years. */
const ROUND = `
  UNWIND $frontier AS id
  MATCH (a:Measure {id: id})-[r]-(b:Measure) WHERE type(r) IN $types AND coalesce(r.curation, '') <> 'rejected'
  RETURN DISTINCT startNode(r).id AS start, endNode(r).id AS end, type(r) AS type, r.tier AS tier,
         startNode(r).year AS startYear, endNode(r).year AS endYear, r.earlierIssuedOn AS earlierIssuedOn,
         r.score AS score, r.method AS method, r.evidence AS evidence,
         r.sharedThemes AS sharedThemes, r.sharedInitiatives AS sharedInitiatives, r.curation AS curation
  ORDER BY start, type, end`;

export function tierOf(type: string, tier: unknown): 'same' | 'related' {
  if (tier === 'same' || tier === 'related') return tier;
  // Before the linker stored tiers every EVOLVES_FROM was a version of the same measure.
  return type === 'EVOLVES_FROM' ? 'same' : 'related';
}

/**
 * Which end is earlier. EVOLVES_FROM runs from the later measure to the earlier one; other
 * links are oriented by year (then as stored), so every arrow the UI draws runs earlier → later.
 */
export function orient(r: { start: string; end: string; type: string; startYear: number | null; endYear: number | null }): { earlierId: string; laterId: string } {
  if (r.type === 'EVOLVES_FROM') return { earlierId: r.end, laterId: r.start };
  if (r.startYear !== null && r.endYear !== null && r.startYear > r.endYear) return { earlierId: r.end, laterId: r.start };
  return { earlierId: r.start, laterId: r.end };
}

function toLink(r: Row): VersionLinkRecord {
  const type = str(r.type) ?? 'EVOLVES_FROM';
  const { earlierId, laterId } = orient({ start: str(r.start) ?? '', end: str(r.end) ?? '', type, startYear: num(r.startYear), endYear: num(r.endYear) });
  return {
    type,
    tier: tierOf(type, r.tier),
    earlierId,
    laterId,
    score: num(r.score) ?? 0,
    method: str(r.method),
    evidence: strList(r.evidence),
    sharedThemes: strList(r.sharedThemes),
    sharedInitiatives: strList(r.sharedInitiatives),
    curation: str(r.curation) ?? null,
  };
}

/**
 * Breadth-first from `start` over lineage links; `visit` decides for each link end whether to
 * follow it (returns true) and may record it elsewhere. Every link seen is added to `links`.
 * Returns true when the walk stopped at GROUP_MAX_ROUNDS with ends still to follow.
 */
async function walk(
  reader: Reader,
  start: string[],
  links: Map<string, VersionLinkRecord>,
  visit: (end: string, link: VersionLinkRecord) => boolean,
): Promise<boolean> {
  let frontier = start;
  for (let round = 0; round < GROUP_MAX_ROUNDS && frontier.length > 0; round++) {
    const rows = await reader.rows(ROUND, { frontier, types: LINK_TYPES });
    const next: string[] = [];
    for (const row of rows) {
      const link = toLink(row);
      links.set(`${link.earlierId}|${link.type}|${link.laterId}`, link);
      for (const end of [link.earlierId, link.laterId]) if (visit(end, link)) next.push(end);
    }
    frontier = next;
  }
  return frontier.length > 0;
}

/**
 * The group of `id`, or null when no measure has that id. Same-tier links are followed to the
 * whole connected component; related links are followed one step out of it; from each related
 * measure its same-tier links again to the whole of its own group, and from each directly related
 * measure its related links one more step (bounded), so a related measure never appears without
 * its versions and a chain of related steps shows every year from any of its measures.
 */
export async function versionGroup(reader: Reader, id: string): Promise<VersionGroupRecord | null> {
  const exists = await reader.rows(`MATCH (m:Measure {id: $id}) RETURN m.id AS id`, { id });
  if (exists.length === 0) return null;
  const versions = new Set<string>([id]);
  const related = new Set<string>();
  const links = new Map<string, VersionLinkRecord>();
  let truncated = false;
  const versionsCut = await walk(reader, [id], links, (end, link) => {
    if (versions.has(end)) return false;
    if (link.tier === 'related') {
      related.add(end);
      return false;
    }
    if (versions.size >= GROUP_MAX_MEASURES) {
      truncated = true;
      return false;
    }
    versions.add(end);
    related.delete(end);
    return true;
  });
  truncated ||= versionsCut;

  // The versions of each related measure (same-tier links, to the whole of its group), and the
  // measures a directly related one is related to (one step: a related measure of those is not
  // followed, so the group stays a neighbourhood, not the whole theme).
  const direct = new Set(related);
  const relatedVia = new Map<string, string>();
  const relatedThrough = new Map<string, string>();
  const viaOf = (m: string) => relatedVia.get(m) ?? m;
  let relatedTruncated = false;
  const relatedCut = await walk(reader, [...related], links, (end, link) => {
    if (versions.has(end) || related.has(end)) return false;
    const from = end === link.earlierId ? link.laterId : link.earlierId;
    if (!related.has(from)) return false;
    if (link.tier === 'related' && !direct.has(from)) return false;
    if (related.size >= RELATED_MAX_MEASURES) {
      relatedTruncated = true;
      return false;
    }
    related.add(end);
    if (link.tier === 'same') {
      relatedVia.set(end, viaOf(from));
      return true;
    }
    relatedThrough.set(end, from);
    return false;
  });
  relatedTruncated ||= relatedCut;

  const members = new Set([...versions, ...related]);
  const kept = [...links.values()].filter((l) => members.has(l.earlierId) && members.has(l.laterId));
  const jurisdictionRows = await reader.rows(
    `UNWIND $ids AS id MATCH (m:Measure {id: id})
     OPTIONAL MATCH (d:Document {id: m.documentId})
     RETURN id, coalesce(d.jurisdiction, m.jurisdiction) AS jurisdiction`,
    { ids: [...members] },
  );
  return {
    focusId: id,
    versionIds: [...versions],
    relatedIds: [...related],
    relatedVia,
    relatedThrough,
    links: kept,
    jurisdictions: new Map(jurisdictionRows.map((r) => [str(r.id) ?? '', str(r.jurisdiction)])),
    truncated,
    relatedTruncated,
  };
}

/** A version as the API serves it: the measure record and its document's jurisdiction. */
export interface VersionRecord {
  measure: MeasureRecord;
  jurisdiction: string | null;
  /** For a related measure that is a version of another related measure: that measure's id. */
  versionOfId: string | null;
  /** For a measure shown because a related measure is related to it: that measure's id. */
  relatedToId: string | null;
}
