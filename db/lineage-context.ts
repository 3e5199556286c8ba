// What the lineage stage needs to know about measures already stored: the ingest links the new
// documents and the stored ones together, so the links equal those of a clean run.
import type { Driver } from 'neo4j-driver';
import type { StoredMeasure } from '../model/lineage.js';

export async function loadLinkableMeasures(
  driver: Driver,
  opts: { database?: string; excludeSourceFiles?: string[] } = {},
): Promise<StoredMeasure[]> {
  const r = await driver.executeQuery(
    `MATCH (d:Document)-[:HAS_MEASURE]->(m:Measure)
     WHERE NOT d.sourceFile IN $exclude
     RETURN m.id AS id, d.id AS documentId, m.year AS year, m.text AS text, m.normText AS normText,
            d.issuedOn AS issuedOn, d.yearSource AS yearSource, d.jurisdiction AS jurisdiction, d.level AS level,
            COLLECT { MATCH (m)-[:ABOUT]->(t:Theme) RETURN t.id } AS themes,
            COLLECT { MATCH (m)-[:MENTIONS]->(i:Initiative) RETURN i.id } AS initiatives,
            COLLECT { MATCH (m)-[:SETS]->(g:Target) WHERE g.metric IS NOT NULL RETURN g.metric } AS targetMetrics,
            COLLECT { MATCH (m)-[:ASSIGNED_TO]->(p:Department) RETURN p.id } AS departments,
            d.docNumber AS docNumber, d.title AS docTitle,
            COLLECT { MATCH (d)-[:CITES]->(c:Document) RETURN c.id } AS cites,
            COLLECT { MATCH (m)-[:IMPLEMENTS]->(q:Requirement) OPTIONAL MATCH (q)-[:PART_OF]->(n:Document)
                      RETURN {id: q.id, normText: q.normText, directive: n.id} } AS requirements`,
    { exclude: opts.excludeSourceFiles ?? [] },
    { database: opts.database, routing: 'READ' },
  );
  return r.records.map((rec) => {
    const year = rec.get('year') as { toNumber(): number } | number | null;
    return {
      id: rec.get('id') as string,
      documentId: rec.get('documentId') as string,
      year: year === null ? null : typeof year === 'number' ? year : year.toNumber(),
      text: (rec.get('text') as string | null) ?? '',
      normText: (rec.get('normText') as string | null) ?? '',
      themes: rec.get('themes') as string[],
      initiatives: rec.get('initiatives') as string[],
      targetMetrics: rec.get('targetMetrics') as string[],
      departments: rec.get('departments') as string[],
      issuedOn: (rec.get('issuedOn') as string | null) ?? null,
      yearSource: (rec.get('yearSource') as string | null) ?? null,
      jurisdiction: (rec.get('jurisdiction') as string | null) ?? null,
      level: (rec.get('level') as string | null) ?? null,
      docNumber: (rec.get('docNumber') as string | null) ?? null,
      docTitle: (rec.get('docTitle') as string | null) ?? null,
      cites: rec.get('cites') as string[],
      requirements: rec.get('requirements') as { id: string; normText: string; directive: string | null }[],
    };
  });
}
