// Counts of the graph. Each count names its label or type literally so Neo4j answers from its
// count store instead of scanning.
import { type Reader, int } from './reader.js';

export interface StatsRecord {
  labels: { name: string; count: number }[];
  relationships: { name: string; count: number }[];
  years: number[];
}

export async function stats(reader: Reader): Promise<StatsRecord> {
  const rows = await reader.rows(
    `RETURN
       COUNT { (:Document) } AS Document, COUNT { (:Measure) } AS Measure, COUNT { (:Department) } AS Department,
       COUNT { (:Theme) } AS Theme, COUNT { (:Initiative) } AS Initiative, COUNT { (:Target) } AS Target,
       COUNT { (:Requirement) } AS Requirement,
       COUNT { ()-[:HAS_MEASURE]->() } AS HAS_MEASURE, COUNT { ()-[:ASSIGNED_TO]->() } AS ASSIGNED_TO,
       COUNT { ()-[:SUCCEEDED_BY]->() } AS SUCCEEDED_BY, COUNT { ()-[:ABOUT]->() } AS ABOUT,
       COUNT { ()-[:MENTIONS]->() } AS MENTIONS, COUNT { ()-[:SETS]->() } AS SETS,
       COUNT { ()-[:IMPLEMENTS]->() } AS IMPLEMENTS, COUNT { ()-[:PART_OF]->() } AS PART_OF,
       COUNT { ()-[:CITES]->() } AS CITES, COUNT { ()-[:EVOLVES_FROM]->() } AS EVOLVES_FROM,
       COLLECT { MATCH (d:Document) WHERE d.year IS NOT NULL RETURN DISTINCT d.year AS y ORDER BY y } AS years`,
  );
  const row = rows[0] ?? {};
  const labels = ['Document', 'Measure', 'Department', 'Theme', 'Initiative', 'Target', 'Requirement'];
  const types = ['HAS_MEASURE', 'ASSIGNED_TO', 'SUCCEEDED_BY', 'ABOUT', 'MENTIONS', 'SETS', 'IMPLEMENTS', 'PART_OF', 'CITES', 'EVOLVES_FROM'];
  return {
    labels: labels.map((name) => ({ name, count: int(row[name]) ?? 0 })),
    relationships: types.map((name) => ({ name, count: int(row[name]) ?? 0 })),
    years: Array.isArray(row.years) ? row.years.map((y) => int(y)).filter((y): y is number => y !== null) : [],
  };
}

/** What /readyz checks: the database answers, the model's constraints exist, a document is loaded. */
export async function readiness(reader: Reader): Promise<{ documents: number; constraints: string[] }> {
  const [docs, constraints] = await Promise.all([
    reader.rows(`RETURN COUNT { (:Document) } AS n`),
    reader.rows(`SHOW CONSTRAINTS YIELD name RETURN name`),
  ]);
  return { documents: int(docs[0]?.n) ?? 0, constraints: constraints.map((r) => String(r.name)) };
}
