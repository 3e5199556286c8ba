// Read queries about measures and what hangs off them: responsibilities, theme tags,
// initiatives, targets, requirement clauses, lineage links and chains, filtered pages.
// Every function takes a batch of ids and answers with one query (the API's DataLoaders call them).
import { type Reader, type Row, str, int, num, strList } from './reader.js';
import {
  DEPARTMENT_PROJECTION, INITIATIVE_PROJECTION, MEASURE_ORDER, MEASURE_PROJECTION, THEME_PROJECTION,
  MEASURE_READING_ORDER, measureProjection, toDepartment, toInitiative, toMeasure, toTheme,
  type DepartmentRecord, type InitiativeRecord, type MeasureRecord, type SourceSpanRecord, type ThemeRecord,
} from './projections.js';
import { resolveThemeIds } from './themes.js';
import { FULLTEXT_INDEX } from '../migrations.js';
import { toLuceneQuery } from './search.js';

export type { MeasureRecord, SourceSpanRecord };


export interface ResponsibilityRecord {
  department: DepartmentRecord;
  role: string;
  asWritten: string | null;
}

export interface ThemeTagRecord {
  theme: ThemeRecord;
  evidence: string[];
}

export interface LinkProperties {
  score: number;
  method: string | null;
  evidence: string[];
  sharedThemes: string[];
  sharedInitiatives: string[];
  /** A person's review of the link (db/curation.ts): rejected, confirmed or added; null when none. */
  curation: string | null;
  curationNote: string | null;
}

export interface LineageLinkRecord extends LinkProperties {
  measure: MeasureRecord;
}

export interface LineageEdgeRecord extends LinkProperties {
  later: MeasureRecord;
  earlier: MeasureRecord;
}

export interface LineageRecord {
  focusId: string;
  measures: MeasureRecord[];
  links: LineageEdgeRecord[];
  truncated: boolean;
}

export interface MeasurePage {
  totalCount: number;
  /** Index of the first item in the whole result (for cursors). */
  offset: number;
  items: MeasureRecord[];
}

export interface TargetRecord {
  id: string;
  text: string;
  year: number | null;
  value: number | null;
  unit: string | null;
  metric: string | null;
  measureId: string | null;
}

export interface RequirementRecord {
  id: string;
  text: string;
  section: string | null;
  documentId: string | null;
}

/** Lineage chains are short in practice; these bounds stop a pathological graph from exploding. */
export const LINEAGE_MAX_DEPTH = 10;
export const LINEAGE_MAX_MEASURES = 200;


function toLink(r: Row): LinkProperties {
  return {
    score: num(r.score) ?? 0,
    method: str(r.method),
    evidence: strList(r.evidence),
    sharedThemes: strList(r.sharedThemes),
    sharedInitiatives: strList(r.sharedInitiatives),
    curation: str(r.curation),
    curationNote: str(r.curationNote),
  };
}

function group<T>(rows: Row[], map: (r: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const key = str(r.id) ?? '';
    const list = out.get(key);
    if (list) list.push(map(r));
    else out.set(key, [map(r)]);
  }
  return out;
}

export async function measuresByIds(reader: Reader, ids: readonly string[]): Promise<Map<string, MeasureRecord>> {
  const rows = await reader.rows(`UNWIND $ids AS id MATCH (m:Measure {id: id}) RETURN ${MEASURE_PROJECTION} AS measure`, { ids: [...ids] });
  return new Map(rows.map((r) => {
    const m = toMeasure(r.measure);
    return [m.id, m];
  }));
}

/** Responsible departments of each measure: leads first, then joint, then support, by name. */
export async function responsibilitiesOfMeasures(reader: Reader, ids: readonly string[]): Promise<Map<string, ResponsibilityRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (:Measure {id: id})-[a:ASSIGNED_TO]->(x:Department)
     RETURN id, ${DEPARTMENT_PROJECTION} AS dept, a.role AS role, a.asWritten AS asWritten
     ORDER BY id, CASE a.role WHEN 'lead' THEN 0 WHEN 'joint' THEN 1 ELSE 2 END, x.name`,
    { ids: [...ids] },
  );
  return group(rows, (r) => ({ department: toDepartment(r.dept), role: str(r.role) ?? 'joint', asWritten: str(r.asWritten) }));
}

export async function themeTagsOfMeasures(reader: Reader, ids: readonly string[]): Promise<Map<string, ThemeTagRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (:Measure {id: id})-[a:ABOUT]->(t:Theme)
     RETURN id, ${THEME_PROJECTION} AS theme, a.evidence AS evidence ORDER BY id, t.name`,
    { ids: [...ids] },
  );
  return group(rows, (r) => ({ theme: toTheme(r.theme), evidence: strList(r.evidence) }));
}

export async function initiativesOfMeasures(reader: Reader, ids: readonly string[]): Promise<Map<string, InitiativeRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (:Measure {id: id})-[:MENTIONS]->(i:Initiative)
     RETURN id, ${INITIATIVE_PROJECTION} AS initiative ORDER BY id, i.name`,
    { ids: [...ids] },
  );
  return group(rows, (r) => toInitiative(r.initiative));
}

export function toTarget(v: unknown, measureId: string | null): TargetRecord {
  const r = (v ?? {}) as Row;
  return {
    id: str(r.id) ?? '',
    text: str(r.text) ?? '',
    year: int(r.year),
    value: num(r.value),
    unit: str(r.unit),
    metric: str(r.metric),
    measureId,
  };
}

export async function targetsOfMeasures(reader: Reader, ids: readonly string[]): Promise<Map<string, TargetRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (:Measure {id: id})-[:SETS]->(t:Target)
     RETURN id, t { .id, .text, .year, .value, .unit, .metric } AS target ORDER BY id, t.year, t.id`,
    { ids: [...ids] },
  );
  return group(rows, (r) => toTarget(r.target, str(r.id)));
}

const REQUIREMENT_PROJECTION = `q { .id, .text, .section, documentId: head([(q)-[:PART_OF]->(doc:Document) | doc.id]) }`;

function toRequirement(v: unknown): RequirementRecord {
  const r = (v ?? {}) as Row;
  return { id: str(r.id) ?? '', text: str(r.text) ?? '', section: str(r.section), documentId: str(r.documentId) };
}

/** The requirement clauses each measure implements. */
export async function requirementsOfMeasures(reader: Reader, ids: readonly string[]): Promise<Map<string, RequirementRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (:Measure {id: id})-[:IMPLEMENTS]->(q:Requirement)
     RETURN id, ${REQUIREMENT_PROJECTION} AS req ORDER BY id, q.id`,
    { ids: [...ids] },
  );
  return group(rows, (r) => toRequirement(r.req));
}

/** The requirement clauses that are part of each document, in the order their implementers appear. */
export async function requirementsOfDocuments(reader: Reader, ids: readonly string[]): Promise<Map<string, RequirementRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (q:Requirement)-[:PART_OF]->(:Document {id: id})
     CALL (q) { OPTIONAL MATCH (m:Measure)-[:IMPLEMENTS]->(q) RETURN min(m.startOffset) AS position }
     RETURN id, ${REQUIREMENT_PROJECTION} AS req ORDER BY id, position, q.id`,
    { ids: [...ids] },
  );
  return group(rows, (r) => toRequirement(r.req));
}

/** The measures implementing each requirement clause, in reading order. */
export async function implementersOfRequirements(reader: Reader, ids: readonly string[]): Promise<Map<string, MeasureRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (m:Measure)-[:IMPLEMENTS]->(:Requirement {id: id})
     RETURN id, ${MEASURE_PROJECTION} AS measure ORDER BY id, ${MEASURE_ORDER}`,
    { ids: [...ids] },
  );
  return group(rows, (r) => toMeasure(r.measure));
}

// A lineage link's properties as a map, for the relationship bound to `r`.
const LINK_MAP = `score: r.score, method: r.method, evidence: r.evidence, sharedThemes: r.sharedThemes,
  sharedInitiatives: r.sharedInitiatives, curation: r.curation, curationNote: r.curationNote`;

// Each measure's EVOLVES_FROM links in one direction, best score first; `pattern` is one of
// the two constants below.
async function linksOf(reader: Reader, ids: readonly string[], pattern: string): Promise<Map<string, LineageLinkRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH ${pattern}
     RETURN id, ${MEASURE_PROJECTION} AS measure, {${LINK_MAP}} AS link
     ORDER BY id, r.score DESC, m.id`,
    { ids: [...ids] },
  );
  return group(rows, (r) => ({ measure: toMeasure(r.measure), ...toLink(r.link as Row) }));
}

/** Outgoing EVOLVES_FROM of each measure (its predecessors), best score first. */
export const evolvesFromOf = (reader: Reader, ids: readonly string[]) => linksOf(reader, ids, '(:Measure {id: id})-[r:EVOLVES_FROM]->(m:Measure)');

/** Incoming EVOLVES_FROM of each measure (its successors), best score first. */
export const evolvesIntoOf = (reader: Reader, ids: readonly string[]) => linksOf(reader, ids, '(:Measure {id: id})<-[r:EVOLVES_FROM]-(m:Measure)');

/** GraphQL Measure fields the members of a lineage are read with besides the focus (null: all). */
export type LineageFields = readonly string[] | null;

/** GraphQL LineageEdge fields the links of a lineage are read with (null: all). */
export type LineageLinkFields = readonly string[] | null;

// The link property each LineageEdge field needs. The review (curation) is always read: a rejected
// link, and what only it reaches, is left out of the answer unless asked for.
const LINK_FIELDS: Record<string, string> = {
  score: 'score: r.score',
  method: 'method: r.method',
  evidence: 'evidence: r.evidence',
  sharedThemes: 'sharedThemes: r.sharedThemes',
  themes: 'sharedThemes: r.sharedThemes',
  sharedInitiatives: 'sharedInitiatives: r.sharedInitiatives',
  initiatives: 'sharedInitiatives: r.sharedInitiatives',
  curationNote: 'curationNote: r.curationNote',
};

function linkMap(fields: LineageLinkFields): string {
  if (!fields) return LINK_MAP;
  const parts = new Set(['curation: r.curation']);
  for (const f of fields) {
    const p = LINK_FIELDS[f];
    if (p) parts.add(p);
  }
  return [...parts].join(', ');
}

// The lineage of the measure bound to `f`, in reading order; members other than the focus read
// only `members` (a projection of m) and the links only `link` (what the request selects), since
// long texts and evidence lists are most of what a long lineage costs to send and decode.
const lineageCypher = (members: string, link: string) => `UNWIND $ids AS id MATCH (f:Measure {id: id})
     CALL (f) {
       MATCH (f)-[:EVOLVES_FROM*1..${LINEAGE_MAX_DEPTH}]->(x:Measure) RETURN DISTINCT x
       UNION
       MATCH (x:Measure)-[:EVOLVES_FROM*1..${LINEAGE_MAX_DEPTH}]->(f) RETURN DISTINCT x
     }
     WITH id, f, x ORDER BY x.year, x.startOffset, x.id
     WITH id, f, collect(x) AS others
     WITH id, f, others[..${LINEAGE_MAX_MEASURES - 1}] AS kept, size(others) >= ${LINEAGE_MAX_MEASURES} AS truncated
     WITH id, f, truncated, [f] + kept AS members
     WITH id, f, truncated, members, COLLECT { UNWIND members AS m RETURN m ORDER BY ${MEASURE_READING_ORDER} } AS ordered
     RETURN id, truncated, [m IN ordered | CASE WHEN m = f THEN ${MEASURE_PROJECTION} ELSE ${members} END] AS measures,
            COLLECT {
              UNWIND members AS a
              MATCH (a)-[r:EVOLVES_FROM]->(b:Measure) WHERE b IN members
              RETURN {later: a.id, earlier: b.id, ${link}} AS link
              ORDER BY a.year, a.id, r.score DESC, b.id
            } AS links
     UNION
     UNWIND $ids AS id MATCH (f:Measure {id: id}) WHERE NOT (f)-[:EVOLVES_FROM]-()
     RETURN id, false AS truncated, [m IN [f] | ${MEASURE_PROJECTION}] AS measures, [] AS links`;

/**
 * The lineage of each measure: its ancestors (EVOLVES_FROM followed forwards) and descendants
 * (followed backwards), bounded in depth and size, and every EVOLVES_FROM link among them.
 * Siblings (other descendants of an ancestor) are not part of a measure's own lineage. The focus
 * is read whole (callers reuse it as the measure itself); the others with `fields` only, the
 * links with `linkFields` only.
 */
export async function lineageOf(
  reader: Reader,
  ids: readonly string[],
  fields: LineageFields = null,
  linkFields: LineageLinkFields = null,
): Promise<Map<string, LineageRecord>> {
  const members = measureProjection(fields ? new Set(fields) : null);
  const rows = await reader.rows(lineageCypher(members, linkMap(linkFields)), { ids: [...ids] });
  const out = new Map<string, LineageRecord>();
  for (const r of rows) {
    const id = str(r.id) ?? '';
    const measures = (Array.isArray(r.measures) ? r.measures : []).map(toMeasure);
    const byId = new Map(measures.map((m) => [m.id, m]));
    const links: LineageEdgeRecord[] = [];
    for (const l of Array.isArray(r.links) ? (r.links as Row[]) : []) {
      const later = byId.get(str(l.later) ?? '');
      const earlier = byId.get(str(l.earlier) ?? '');
      if (later && earlier) links.push({ later, earlier, ...toLink(l) });
    }
    out.set(id, { focusId: id, measures, links, truncated: r.truncated === true });
  }
  return out;
}

export interface MeasureFilterArgs {
  years?: readonly number[] | null;
  themes?: readonly string[] | null;
  departments?: readonly string[] | null;
  documents?: readonly string[] | null;
  text?: string | null;
}

// The filter is one constant WHERE clause; absent filters are null parameters that let it pass.
const MEASURE_FILTER = `
  ($years IS NULL OR m.year IN $years)
  AND ($documents IS NULL OR EXISTS { MATCH (d:Document)-[:HAS_MEASURE]->(m) WHERE d.id IN $documents })
  AND ($themes IS NULL OR EXISTS { MATCH (m)-[:ABOUT]->(t:Theme) WHERE t.id IN $themes })
  AND ($departments IS NULL OR EXISTS {
        MATCH (m)-[:ASSIGNED_TO]->(:Department)-[:SUCCEEDED_BY*0..20]->(y:Department)
        WHERE y.id IN $departments OR y.name IN $departments OR any(a IN coalesce(y.aliases, []) WHERE a IN $departments) })`;

const PAGE_RETURN = `
  WITH m ORDER BY ${MEASURE_ORDER}
  WITH collect(m) AS found
  RETURN size(found) AS total, [m IN found[$skip..($skip + $limit)] | ${MEASURE_PROJECTION}] AS page`;

/** One page of the measures matching every given filter, in reading order, with the total count. */
export async function findMeasures(reader: Reader, filter: MeasureFilterArgs, skip: number, limit: number): Promise<MeasurePage> {
  const list = <T>(v: readonly T[] | null | undefined): T[] | null => (v && v.length > 0 ? [...v] : null);
  // Theme names are resolved first (Chinese, English, synonyms, loose English), then matched by id.
  const themeNames = list(filter.themes);
  const themes = themeNames ? await resolveThemeIds(reader, themeNames) : null;
  if (themes && themes.length === 0) return { totalCount: 0, offset: skip, items: [] };
  const lucene = filter.text ? toLuceneQuery(filter.text) : null;
  if (filter.text && !lucene) return { totalCount: 0, offset: skip, items: [] };
  const params = {
    years: list(filter.years),
    documents: list(filter.documents),
    themes,
    departments: list(filter.departments),
    query: lucene,
    skip,
    limit,
  };
  // Start from the most selective given filter (an index or a few relationships) rather than
  // from every measure; the full filter still applies to what that start finds.
  const source = lucene
    ? `CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $query) YIELD node WITH node AS m WHERE m:Measure WITH m`
    : params.documents
      ? `MATCH (d0:Document) WHERE d0.id IN $documents MATCH (d0)-[:HAS_MEASURE]->(m:Measure) WITH DISTINCT m`
      : themes
        ? `MATCH (t0:Theme) WHERE t0.id IN $themes MATCH (t0)<-[:ABOUT]-(m:Measure) WITH DISTINCT m`
        : params.years
          ? `MATCH (m:Measure) WHERE m.year IN $years WITH m`
          : `MATCH (m:Measure) WITH m`;
  const rows = await reader.rows(`${source} WHERE ${MEASURE_FILTER} ${PAGE_RETURN}`, params);
  const row = rows[0] ?? {};
  return { totalCount: int(row.total) ?? 0, offset: skip, items: (Array.isArray(row.page) ? row.page : []).map(toMeasure) };
}

/** One page of each document's measures in document order (same skip and limit for all). */
export async function measuresOfDocuments(
  reader: Reader,
  ids: readonly string[],
  skip: number,
  limit: number,
): Promise<Map<string, MeasurePage>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (d:Document {id: id})
     OPTIONAL MATCH (d)-[:HAS_MEASURE]->(m:Measure)
     WITH id, m ORDER BY m.startOffset, m.id
     WITH id, collect(m) AS found
     RETURN id, size(found) AS total, [m IN found[$skip..($skip + $limit)] | ${MEASURE_PROJECTION}] AS page`,
    { ids: [...ids], skip, limit },
  );
  return new Map(
    rows.map((r) => [str(r.id) ?? '', { totalCount: int(r.total) ?? 0, offset: skip, items: (Array.isArray(r.page) ? r.page : []).map(toMeasure) }]),
  );
}
