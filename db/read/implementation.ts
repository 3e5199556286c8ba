// Read queries for the implementation of higher-level clauses: a local measure's IMPLEMENTS_CLAUSE
// links to the clauses of the national or provincial documents it carries out, their reverse, and
// the clause a division table's requirement QUOTES. Batched by id, one query each (DataLoaders).
import { type Reader, type Row, int, num, str, strList } from './reader.js';
import { MEASURE_PROJECTION, toMeasure, type MeasureRecord } from './projections.js';

export interface ImplementationLinkRecord {
  /** The measure at the other end: the higher-level clause, or the local measure carrying it out. */
  measure: MeasureRecord;
  /** The document of the higher-level clause. */
  documentId: string | null;
  score: number;
  tier: string;
  evidence: string[];
  clause: string;
  clauseStart: number | null;
  clauseEnd: number | null;
  localClause: string | null;
  found: string | null;
}

const LINK_FIELDS = `r.score AS score, r.tier AS tier, r.evidence AS evidence, r.document AS documentId, r.clause AS clause,
            r.clauseStart AS clauseStart, r.clauseEnd AS clauseEnd, r.localClause AS localClause, r.found AS found`;

function toLink(r: Row): ImplementationLinkRecord {
  return {
    measure: toMeasure(r.measure),
    documentId: str(r.documentId),
    score: num(r.score) ?? 0,
    tier: str(r.tier) ?? 'related',
    evidence: strList(r.evidence),
    clause: str(r.clause) ?? '',
    clauseStart: int(r.clauseStart),
    clauseEnd: int(r.clauseEnd),
    localClause: str(r.localClause),
    found: str(r.found),
  };
}

function group(rows: Row[]): Map<string, ImplementationLinkRecord[]> {
  const out = new Map<string, ImplementationLinkRecord[]>();
  for (const r of rows) {
    const key = str(r.id) ?? '';
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push(toLink(r));
  }
  return out;
}

/**
 * The implementation links at each id, best score first. `path` is one of the constant patterns
 * below (never request text): the start node is bound by `id`, the link `r`, the other measure `m`.
 */
async function linksAt(reader: Reader, ids: readonly string[], path: string): Promise<Map<string, ImplementationLinkRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH ${path}
     RETURN id, ${MEASURE_PROJECTION} AS measure, ${LINK_FIELDS}
     ORDER BY id, r.score DESC, m.id`,
    { ids: [...ids] },
  );
  return group(rows);
}

/** The higher-level clauses each measure implements, best score first. */
export function implementedClausesOf(reader: Reader, ids: readonly string[]): Promise<Map<string, ImplementationLinkRecord[]>> {
  return linksAt(reader, ids, '(:Measure {id: id})-[r:IMPLEMENTS_CLAUSE]->(m:Measure)');
}

/** The local measures implementing each higher-level measure, best score first. */
export function implementersOfClauses(reader: Reader, ids: readonly string[]): Promise<Map<string, ImplementationLinkRecord[]>> {
  return linksAt(reader, ids, '(:Measure {id: id})<-[r:IMPLEMENTS_CLAUSE]-(m:Measure)');
}

/** The clause of its directive each requirement quotes (at most one). */
export function quotedClausesOf(reader: Reader, ids: readonly string[]): Promise<Map<string, ImplementationLinkRecord[]>> {
  return linksAt(reader, ids, '(:Requirement {id: id})-[r:QUOTES]->(m:Measure)');
}
