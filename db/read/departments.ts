// Read queries about departments: name resolution (aliases, former names), succession,
// responsibilities across reorganisations, and partners.
import { normalise } from '../../ingest/normalise.js';
import { type Reader, str, int } from './reader.js';
import { DEPARTMENT_PROJECTION, MEASURE_PROJECTION, toDepartment, toMeasure, type DepartmentRecord, type MeasureRecord } from './projections.js';

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
  assignedTo: DepartmentRecord;
  viaPredecessor: boolean;
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
 * The department known by `name`: exact canonical name or id first, then an alias, each tried as
 * given and in normalised form (full-width/half-width, spaces). A name matching several nodes
 * resolves to the one with the most measures, so the answer is deterministic.
 */
export async function findDepartment(reader: Reader, name: string): Promise<DepartmentRecord | null> {
  const names = [...new Set([name.trim(), normalise(name)])].filter((n) => n !== '');
  if (names.length === 0) return null;
  const rows = await reader.rows(
    `MATCH (x:Department)
     WHERE x.name IN $names OR x.id IN $names OR x.id IN [n IN $names | 'dept:' + n]
        OR any(a IN coalesce(x.aliases, []) WHERE a IN $names)
     WITH x, CASE WHEN x.name IN $names OR x.id IN $names OR x.id IN [n IN $names | 'dept:' + n] THEN 0 ELSE 1 END AS rank
     RETURN ${DEPARTMENT_PROJECTION} AS dept
     ORDER BY rank, dept.measureCount DESC, x.id LIMIT 1`,
    { names },
  );
  return rows[0] ? toDepartment(rows[0].dept) : null;
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
     ${selfAndPredecessors('x')}
     MATCH (m:Measure)-[a:ASSIGNED_TO]->(x)
     WHERE ($fromYear IS NULL OR m.year >= $fromYear) AND ($toYear IS NULL OR m.year <= $toYear)
       AND ($role IS NULL OR a.role = $role)
     RETURN id, ${MEASURE_PROJECTION} AS measure, a.role AS role, a.asWritten AS asWritten,
            ${DEPARTMENT_PROJECTION} AS dept, x <> d AS viaPredecessor
     ORDER BY id, m.year IS NULL, m.year, m.documentId, m.startOffset, m.id, x.id`,
    { ids: [...ids], ...args },
  );
  const out = new Map<string, DepartmentResponsibilityRecord[]>();
  for (const r of rows) {
    const key = str(r.id) ?? '';
    const list = out.get(key) ?? [];
    list.push({
      measure: toMeasure(r.measure),
      role: str(r.role) ?? 'joint',
      asWritten: str(r.asWritten),
      assignedTo: toDepartment(r.dept),
      viaPredecessor: r.viaPredecessor === true,
    });
    out.set(key, list);
  }
  return out;
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
