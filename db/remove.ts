// Removing an ingested document with everything only it contributed: its measures and targets,
// then the shared nodes (departments, themes, initiatives, requirements, cited directives) that
// no remaining document refers to. One transaction: the graph never shows half a removal.
import type { Driver, ManagedTransaction } from 'neo4j-driver';

export interface RemoveSummary {
  removed: boolean;
  title: string | null;
  sourceFile: string | null;
  /** Nodes deleted, the document's own and the shared ones left without support. */
  nodes: number;
}

/** Ids of the shared nodes next to the document or its measures: the only ones that may lose their support. */
async function sharedNeighbours(tx: ManagedTransaction, id: string): Promise<string[]> {
  const r = await tx.run(
    `MATCH (d:Document {id: $id})
     OPTIONAL MATCH (d)-[:HAS_MEASURE]->(m:Measure)
     WITH d, collect(m) + [d] AS owners
     UNWIND owners AS o
     MATCH (o)--(x) WHERE NOT x:Measure AND NOT x:Target AND NOT (x:Document AND x.sha256 IS NOT NULL)
     OPTIONAL MATCH (x)-[:PART_OF]->(nat:Document)
     OPTIONAL MATCH (x)-[:SUCCEEDED_BY*1..5]-(kin:Department)
     WITH collect(DISTINCT x.id) + collect(DISTINCT nat.id) + collect(DISTINCT kin.id) AS ids
     UNWIND ids AS i RETURN collect(DISTINCT i) AS ids`,
    { id },
  );
  return (r.records[0]?.get('ids') as string[] | undefined) ?? [];
}

/**
 * A removed document that other documents cite (a national directive, usually) goes back to being
 * known by citation only: a placeholder nat:<number or title>, as the ingest writes it, takes its
 * citations and the requirements quoted from it. The graph is then the one a corpus without the
 * document gives, and ingesting the document again absorbs the placeholder as before.
 */
async function restorePlaceholder(tx: ManagedTransaction, id: string): Promise<void> {
  await tx.run(
    `MATCH (d:Document {id: $id})
     WHERE EXISTS { MATCH (x:Document)-[:CITES]->(d) WHERE x <> d } OR EXISTS { MATCH (:Requirement)-[:PART_OF]->(d) }
     WITH d, coalesce(d.docNumber, replace(d.title, ' ', '')) AS key
     WHERE key IS NOT NULL
     MERGE (ph:Document {id: 'nat:' + key})
     ON CREATE SET ph.title = d.title, ph.docNumber = d.docNumber, ph.year = d.year,
       ph.yearSource = CASE WHEN d.docNumber IS NULL THEN 'unknown' ELSE 'stated' END,
       ph.issuer = d.issuer, ph.level = d.level
     WITH d, ph
     CALL (d, ph) { MATCH (x:Document)-[r:CITES]->(d) WHERE x <> d MERGE (x)-[c:CITES]->(ph) SET c = properties(r) }
     CALL (d, ph) { MATCH (q:Requirement)-[:PART_OF]->(d) MERGE (q)-[:PART_OF]->(ph) }`,
    { id },
  );
}

export async function removeSourceDocument(driver: Driver, id: string, database?: string): Promise<RemoveSummary> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const found = await tx.run(`MATCH (d:Document {id: $id}) WHERE d.sha256 IS NOT NULL RETURN d.title AS title, d.sourceFile AS sourceFile`, { id });
      const rec = found.records[0];
      if (!rec) return { removed: false, title: null, sourceFile: null, nodes: 0 };
      const candidates = await sharedNeighbours(tx, id);
      await restorePlaceholder(tx, id);
      const own = await tx.run(
        `MATCH (d:Document {id: $id})
         OPTIONAL MATCH (d)-[:HAS_MEASURE]->(m:Measure)
         OPTIONAL MATCH (m)-[:SETS]->(t:Target)
         WITH d, collect(DISTINCT m) AS ms, collect(DISTINCT t) AS ts
         WITH [d] + ms + ts AS doomed
         UNWIND doomed AS n
         DETACH DELETE n
         RETURN count(*) AS removed`,
        { id },
      );
      // In dependency order: a requirement holds up its directive, a used department its predecessors.
      const orphans = await tx.run(
        `CALL () {
           MATCH (q:Requirement) WHERE q.id IN $ids AND NOT ()-[:IMPLEMENTS]->(q)
           DETACH DELETE q RETURN count(*) AS requirements
         }
         CALL () {
           MATCH (x) WHERE x.id IN $ids AND (x:Theme OR x:Initiative) AND NOT ()-[:ABOUT|MENTIONS]->(x)
           DETACH DELETE x RETURN count(*) AS tags
         }
         CALL () {
           MATCH (nat:Document) WHERE nat.id IN $ids AND nat.sha256 IS NULL
             AND NOT ()-[:CITES]->(nat) AND NOT ()-[:PART_OF]->(nat)
           DETACH DELETE nat RETURN count(*) AS directives
         }
         CALL () {
           MATCH (p:Department) WHERE p.id IN $ids AND NOT ()-[:ASSIGNED_TO]->(p)
             AND NOT EXISTS { MATCH (p)-[:SUCCEEDED_BY*1..5]-(k:Department) WHERE ()-[:ASSIGNED_TO]->(k) }
           WITH collect(p) AS ps
           FOREACH (p IN ps | DETACH DELETE p)
           RETURN size(ps) AS departments
         }
         RETURN requirements + tags + directives + departments AS n`,
        { ids: candidates },
      );
      const deletedShared = Number(orphans.records[0]?.get('n') ?? 0);
      return {
        removed: true,
        title: rec.get('title') as string | null,
        sourceFile: rec.get('sourceFile') as string | null,
        nodes: Number(own.records[0]?.get('removed') ?? 0) + deletedShared,
      };
    });
  } finally {
    await session.close();
  }
}
