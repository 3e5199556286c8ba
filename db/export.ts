// Flat rows for the exports (spreadsheets and CSV): one row per responsibility or measure, with
// the place in the source each one comes from.
import type { Reader } from './read/reader.js';
import { int, str } from './read/reader.js';

export interface ResponsibilityRow {
  year: number | null;
  role: string;
  /** The department the measure names (possibly a predecessor of the one asked for). */
  department: string;
  asWritten: string | null;
  viaPredecessor: boolean;
  measureId: string;
  measure: string;
  path: string | null;
  deadline: string | null;
  deadlineDate: string | null;
  document: string;
  docNumber: string | null;
  sourceFile: string | null;
  startLine: number | null;
  endLine: number | null;
}

/** Every responsibility of a department and of its predecessors (SUCCEEDED_BY, any depth), by year. */
export async function departmentResponsibilityRows(reader: Reader, departmentId: string): Promise<ResponsibilityRow[]> {
  const rows = await reader.rows(
    `MATCH (d:Department {id: $id})
     CALL (d) {
       RETURN d AS x
       UNION
       MATCH (x:Department)-[:SUCCEEDED_BY*1..10]->(d) RETURN x
     }
     MATCH (m:Measure)-[a:ASSIGNED_TO]->(x)
     OPTIONAL MATCH (doc:Document)-[:HAS_MEASURE]->(m)
     RETURN m.year AS year, a.role AS role, x.name AS department, a.asWritten AS asWritten, x <> d AS viaPredecessor,
            m.id AS measureId, m.text AS measure, m.path AS path, m.deadline AS deadline, m.deadlineDate AS deadlineDate,
            coalesce(doc.title, m.documentId) AS document, doc.docNumber AS docNumber, m.sourceFile AS sourceFile,
            m.startLine AS startLine, m.endLine AS endLine
     ORDER BY m.year IS NULL, m.year, m.documentId, m.startOffset, m.id, x.id`,
    { id: departmentId },
  );
  return rows.map((r) => ({
    year: int(r.year),
    role: str(r.role) ?? 'joint',
    department: str(r.department) ?? '',
    asWritten: str(r.asWritten),
    viaPredecessor: r.viaPredecessor === true,
    measureId: str(r.measureId) ?? '',
    measure: str(r.measure) ?? '',
    path: str(r.path),
    deadline: str(r.deadline),
    deadlineDate: str(r.deadlineDate),
    document: str(r.document) ?? '',
    docNumber: str(r.docNumber),
    sourceFile: str(r.sourceFile),
    startLine: int(r.startLine),
    endLine: int(r.endLine),
  }));
}

export interface ThemeMeasureRow {
  year: number | null;
  measureId: string;
  measure: string;
  evidence: string[];
  departments: string[];
  document: string;
  sourceFile: string | null;
  startLine: number | null;
}

/** A theme's measures by year: the timeline, one row per measure. */
export async function themeTimelineRows(reader: Reader, themeId: string): Promise<ThemeMeasureRow[]> {
  const rows = await reader.rows(
    `MATCH (t:Theme {id: $id})<-[a:ABOUT]-(m:Measure)
     OPTIONAL MATCH (doc:Document)-[:HAS_MEASURE]->(m)
     RETURN m.year AS year, m.id AS measureId, m.text AS measure, a.evidence AS evidence,
            COLLECT { MATCH (m)-[r:ASSIGNED_TO]->(p:Department) RETURN p.name + '(' + r.role + ')' ORDER BY r.role, p.name } AS departments,
            coalesce(doc.title, m.documentId) AS document, m.sourceFile AS sourceFile, m.startLine AS startLine
     ORDER BY m.year IS NULL, m.year, m.documentId, m.startOffset, m.id`,
    { id: themeId },
  );
  return rows.map((r) => ({
    year: int(r.year),
    measureId: str(r.measureId) ?? '',
    measure: str(r.measure) ?? '',
    evidence: Array.isArray(r.evidence) ? (r.evidence as string[]) : [],
    departments: Array.isArray(r.departments) ? (r.departments as string[]) : [],
    document: str(r.document) ?? '',
    sourceFile: str(r.sourceFile),
    startLine: int(r.startLine),
  }));
}
