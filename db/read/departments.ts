// Read queries about departments: name resolution (aliases, former names), succession,
// responsibilities across reorganisations, and partners.
import { normalise } from '../../model/text.js';
import { type Reader, type Row, str, int } from './reader.js';
import { DEPARTMENT_PROJECTION, measureProjection, toDepartment, toMeasure, type DepartmentRecord, type MeasureRecord } from './projections.js';

export type { DepartmentRecord };


export interface SuccessionRecord {
  department: DepartmentRecord;
  year: number | null;
  note: string | null;
}

export interface DepartmentResponsibilityRecord {
  measure: MeasureRecord;
  role: string;
  asWritten: string | null;
  /** Absent when the request did not select it. */
  assignedTo?: DepartmentRecord;
  viaPredecessor: boolean;
  /** Index in the whole ordered list (for cursors). */
  position: number;
}

export interface PartnerRecord {
  department: DepartmentRecord;
  count: number;
}

/** Reorganisations chain a few times at most; the bound keeps a bad cycle in the data harmless. */
const MAX_SUCCESSION_DEPTH = 20;


export async function listDepartments(reader: Reader, kind?: string | null): Promise<DepartmentRecord[]> {
  const rows = await reader.rows(
    `MATCH (x:Department) WHERE $kind IS NULL OR x.kind = $kind
     RETURN ${DEPARTMENT_PROJECTION} AS dept ORDER BY x.name, x.id`,
    { kind: kind ?? null },
  );
  return rows.map((r) => toDepartment(r.dept));
}

export async function departmentsByIds(reader: Reader, ids: readonly string[]): Promise<Map<string, DepartmentRecord>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (x:Department {id: id}) RETURN ${DEPARTMENT_PROJECTION} AS dept`,
    { ids: [...ids] },
  );
  return new Map(rows.map((r) => {
    const d = toDepartment(r.dept);
    return [d.id, d];
  }));
}

/**
 * The department known by `name` (in `jurisdiction`, when given): exact canonical name or id
 * first, then an alias, each tried as given and in normalised form (full-width/half-width, spaces).
 * Without a jurisdiction a name matching several nodes resolves to the one with the most
 * measures, so the answer is deterministic, and `ambiguousWith` lists the other jurisdictions.
 */
export async function findDepartment(reader: Reader, name: string, jurisdiction?: string | null): Promise<DepartmentRecord | null> {
  return (await findDepartmentWithResponsibilities(reader, name, null, jurisdiction))?.department ?? null;
}

/**
 * findDepartment, and with `args` the department's responsibilities in the same statement (one
 * round trip for the usual "a department and what it is responsible for" request).
 */
export async function findDepartmentWithResponsibilities(
  reader: Reader,
  name: string,
  args: ResponsibilityArgs | null,
  jurisdiction?: string | null,
): Promise<{ department: DepartmentRecord; responsibilities: DepartmentResponsibilityRecord[] | null } | null> {
  const names = [...new Set([name.trim(), normalise(name)])].filter((n) => n !== '');
  if (names.length === 0) return null;
  const j = jurisdiction ? normalise(jurisdiction) : null;
  const rows = await reader.rows(
    `MATCH (x:Department)
     WHERE (x.name IN $names OR x.id IN $names OR any(a IN coalesce(x.aliases, []) WHERE a IN $names))
       AND ($jurisdiction IS NULL OR x.jurisdiction = $jurisdiction)
     WITH x, CASE WHEN x.name IN $names OR x.id IN $names THEN 0 ELSE 1 END AS rank
     WITH x ORDER BY rank, COUNT { (x)<-[:ASSIGNED_TO]-() } DESC, x.id
     WITH collect(x)[0..50] AS xs
     UNWIND xs[0..1] AS x
     WITH x, x AS d, [y IN xs[1..] | y.jurisdiction] AS others
     WITH d, others, ${DEPARTMENT_PROJECTION} AS dept
     ${args ? responsibilitiesSubquery(args) : ''}
     RETURN dept, others${args ? ', responsibilities' : ''}`,
    { names, jurisdiction: j, ...(args ?? {}) },
  );
  const row = rows[0];
  if (!row) return null;
  const found = toDepartment(row.dept);
  const others = ((row.others as unknown[]) ?? []).map(str).filter((x): x is string => !!x && x !== found.jurisdiction);
  return {
    department: { ...found, ambiguousWith: j ? [] : [...new Set(others)].sort() },
    responsibilities: args ? toResponsibilities(row.responsibilities) : null,
  };
}

/** Direct predecessors (institutions that became this one) with the year and note of the step. */
export async function predecessorsOf(reader: Reader, ids: readonly string[]): Promise<Map<string, SuccessionRecord[]>> {
  return succession(
    reader,
    `UNWIND $ids AS id MATCH (x:Department)-[s:SUCCEEDED_BY]->(:Department {id: id})
     RETURN id, ${DEPARTMENT_PROJECTION} AS dept, s.year AS year, s.note AS note ORDER BY s.year, x.name`,
    ids,
  );
}

/** Direct successors with the year and note of the step. */
export async function successorsOf(reader: Reader, ids: readonly string[]): Promise<Map<string, SuccessionRecord[]>> {
  return succession(
    reader,
    `UNWIND $ids AS id MATCH (:Department {id: id})-[s:SUCCEEDED_BY]->(x:Department)
     RETURN id, ${DEPARTMENT_PROJECTION} AS dept, s.year AS year, s.note AS note ORDER BY s.year, x.name`,
    ids,
  );
}

async function succession(reader: Reader, cypher: string, ids: readonly string[]): Promise<Map<string, SuccessionRecord[]>> {
  const rows = await reader.rows(cypher, { ids: [...ids] });
  const out = new Map<string, SuccessionRecord[]>();
  for (const r of rows) {
    const key = str(r.id) ?? '';
    const list = out.get(key) ?? [];
    list.push({ department: toDepartment(r.dept), year: int(r.year), note: str(r.note) });
    out.set(key, list);
  }
  return out;
}

/** The institutions each department finally became (the ends of its SUCCEEDED_BY chains), or itself. */
export async function currentDepartments(reader: Reader, ids: readonly string[]): Promise<Map<string, DepartmentRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (d:Department {id: id})
     OPTIONAL MATCH (d)-[:SUCCEEDED_BY*1..${MAX_SUCCESSION_DEPTH}]->(x:Department) WHERE NOT (x)-[:SUCCEEDED_BY]->()
     WITH id, d, collect(DISTINCT x) AS ends
     UNWIND CASE WHEN size(ends) = 0 THEN [d] ELSE ends END AS x
     RETURN id, ${DEPARTMENT_PROJECTION} AS dept ORDER BY id, x.name`,
    { ids: [...ids] },
  );
  const out = new Map<string, DepartmentRecord[]>();
  for (const r of rows) {
    const key = str(r.id) ?? '';
    out.set(key, [...(out.get(key) ?? []), toDepartment(r.dept)]);
  }
  return out;
}

export interface ResponsibilityArgs {
  fromYear: number | null;
  toYear: number | null;
  includePredecessors: boolean;
  role: string | null;
  /** GraphQL Measure fields the request selects (null: all), and whether it selects assignedTo. */
  measureFields: readonly string[] | null;
  withAssignedTo: boolean;
}

/**
 * Cypher fragment: the department bound to `d` and, when $includePredecessors, every institution
 * it succeeded, bound to `alias` (a constant of this module, never input).
 */
const selfAndPredecessors = (alias: string) => `CALL (d) {
       RETURN d AS ${alias}
       UNION
       MATCH (${alias}:Department)-[:SUCCEEDED_BY*1..${MAX_SUCCESSION_DEPTH}]->(d) WHERE $includePredecessors
       RETURN ${alias}
     }`;

// The responsibilities of the department bound to `d` (with its predecessors' when asked), by
// year then document order, as one list; only the measure fields the request selects.
const responsibilitiesSubquery = (args: ResponsibilityArgs) => `CALL (d) {
       ${selfAndPredecessors('x')}
       MATCH (m:Measure)-[a:ASSIGNED_TO]->(x)
       WHERE ($fromYear IS NULL OR m.year >= $fromYear) AND ($toYear IS NULL OR m.year <= $toYear)
         AND ($role IS NULL OR a.role = $role)
       WITH d, m, a, x ORDER BY m.year IS NULL, m.year, m.documentId, m.startOffset, m.id, x.id
       RETURN collect({measure: ${measureProjection(args.measureFields ? new Set(args.measureFields) : null)}, role: a.role, asWritten: a.asWritten,
                       viaPredecessor: x <> d${args.withAssignedTo ? `, dept: ${DEPARTMENT_PROJECTION}` : ''}}) AS responsibilities
     }`;

function toResponsibilities(v: unknown): DepartmentResponsibilityRecord[] {
  return (Array.isArray(v) ? (v as Row[]) : []).map((r, position) => ({
    position,
    measure: toMeasure(r.measure),
    role: str(r.role) ?? 'joint',
    asWritten: str(r.asWritten),
    ...(r.dept ? { assignedTo: toDepartment(r.dept) } : {}),
    viaPredecessor: r.viaPredecessor === true,
  }));
}

/**
 * Each department's responsibilities, with those of its predecessors at any depth when asked
 * (SUCCEEDED_BY followed backwards), ordered by year then document order. One query for all ids.
 */
export async function responsibilitiesOf(
  reader: Reader,
  ids: readonly string[],
  args: ResponsibilityArgs,
): Promise<Map<string, DepartmentResponsibilityRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (d:Department {id: id})
     ${responsibilitiesSubquery(args)}
     RETURN id, responsibilities`,
    { ids: [...ids], ...args },
  );
  return new Map(rows.map((r) => [str(r.id) ?? '', toResponsibilities(r.responsibilities)]));
}

/** The departments most often assigned to the same measures, most shared measures first. */
export async function partnersOf(
  reader: Reader,
  ids: readonly string[],
  args: { first: number; includePredecessors: boolean },
): Promise<Map<string, PartnerRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (d:Department {id: id})
     ${selfAndPredecessors('s')}
     WITH id, collect(s) AS selves
     UNWIND selves AS s
     MATCH (s)<-[:ASSIGNED_TO]-(m:Measure)-[:ASSIGNED_TO]->(x:Department)
     WHERE NOT x IN selves
     WITH id, x, count(DISTINCT m) AS shared
     ORDER BY shared DESC, x.name, x.id
     WITH id, collect({dept: ${DEPARTMENT_PROJECTION}, count: shared})[..$first] AS partners
     UNWIND partners AS p
     RETURN id, p.dept AS dept, p.count AS count`,
    { ids: [...ids], first: args.first, includePredecessors: args.includePredecessors },
  );
  const out = new Map<string, PartnerRecord[]>();
  for (const r of rows) {
    const key = str(r.id) ?? '';
    out.set(key, [...(out.get(key) ?? []), { department: toDepartment(r.dept), count: int(r.count) ?? 0 }]);
  }
  return out;
}
