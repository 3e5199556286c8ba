// Writes the pipeline's graph into Neo4j: one transaction per source document (a crash leaves
// no half document, and the rerun completes it), then one for what spans documents (department
// succession, themes, lineage), then the removal of nodes nothing refers to any more.
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { LABELS, RELATIONSHIPS as ENDPOINTS, isSourceDocument, type Graph, type GraphNode, type GraphRelationship, type Label, type PropertyValue } from '../model/graph.js';
import { applyCurations } from './curation.js';
import { FULLTEXT_INDEX, migrate } from './migrations.js';

/**
 * Links between measures of different documents (the lineage and implementation stages' output),
 * recomputed over the whole stored corpus on every ingest.
 */
const LINEAGE_TYPES: ReadonlySet<string> = new Set(['EVOLVES_FROM', 'RESEMBLES', 'IMPLEMENTS_CLAUSE', 'QUOTES']);

/** Nodes that live and die with their document; everything else is shared and merged. */
const OWNED_LABELS: ReadonlySet<string> = new Set(['Measure', 'Target']);

/** List properties that the full-text index reads through a joined text copy. */
const TEXT_COPIES: Record<string, string> = { aliases: 'aliasesText', synonyms: 'synonymsText' };

export interface WriteSummary {
  documents: number;
  nodes: number;
  relationships: number;
  removedOrphans: number;
  ms: number;
  /** Which path wrote the graph. */
  mode: 'bulk' | 'incremental';
}

export interface WriteOptions {
  database?: string;
  batchSize?: number;
  /** The bulk path's bound on the characters of one batch (see BULK_BATCH_CHARS). */
  batchChars?: number;
  onDocument?: (sourceFile: string, index: number, total: number) => void;
  /**
   * Whole documents written per transaction (default 1). A bulk load may group them: a commit
   * costs tens of milliseconds, and a group is still all or nothing, so no document is ever
   * half written.
   */
  documentsPerTransaction?: number;
  /**
   * The graph's lineage links are those of the whole stored corpus (the ingest linked the stored
   * measures too): lineage links between stored measures that the graph does not carry are stale
   * and are removed, in the same transaction that writes the new ones.
   */
  lineageComplete?: boolean;
  /**
   * 'incremental': one transaction per document (replacing its previous version). 'bulk': only
   * into an empty database; large batches across documents, CREATE instead of MERGE, no removal
   * step. 'auto' (default): bulk when the database is empty and the graph has at least
   * BULK_MIN_DOCUMENTS documents, else incremental.
   */
  mode?: 'auto' | 'bulk' | 'incremental';
}

/** Below this many documents the bulk path saves nothing worth losing per-document transactions for. */
export const BULK_MIN_DOCUMENTS = 50;

class GraphIndex {
  readonly byId = new Map<string, GraphNode>();
  constructor(readonly graph: Graph) {
    for (const n of graph.nodes) this.byId.set(n.id, n);
  }
  label(id: string): Label {
    const node = this.byId.get(id);
    if (!node) throw new Error(`relationship refers to node ${id}, which the graph does not contain`);
    const label = node.labels.find((l): l is Label => (LABELS as readonly string[]).includes(l));
    if (!label) throw new Error(`node ${id} has no label of the graph model (${node.labels.join(', ')})`);
    return label;
  }
}

function storedProperties(n: GraphNode): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = { ...n.properties };
  for (const [list, text] of Object.entries(TEXT_COPIES)) {
    const v = props[list];
    if (Array.isArray(v)) props[text] = v.join(' ');
  }
  delete props.id;
  return props;
}

/** Splits the graph into one part per source document plus the part that spans documents. */
export function partition(graph: Graph): { documents: Graph[]; shared: Graph } {
  const index = new GraphIndex(graph);
  const owner = new Map<string, string>(); // owned node id → source document id
  const sourceDocs = graph.nodes.filter(isSourceDocument);
  for (const d of sourceDocs) owner.set(d.id, d.id);
  // HAS_MEASURE then SETS: ownership flows from the document down to its targets.
  for (const type of ['HAS_MEASURE', 'SETS']) {
    for (const r of graph.relationships) {
      if (r.type === type && owner.has(r.start) && OWNED_LABELS.has(index.label(r.end))) owner.set(r.end, owner.get(r.start)!);
    }
  }

  const parts = new Map<string, Graph>(sourceDocs.map((d) => [d.id, { nodes: [d], relationships: [], diagnostics: [] }]));
  const shared: Graph = { nodes: [], relationships: [], diagnostics: [] };
  const sharedNeeded = new Map<string, Set<string>>(); // doc id → shared node ids its edges touch

  for (const n of graph.nodes) {
    if (isSourceDocument(n)) continue;
    const doc = owner.get(n.id);
    if (doc) parts.get(doc)!.nodes.push(n);
    else shared.nodes.push(n);
  }
  for (const r of graph.relationships) {
    if (LINEAGE_TYPES.has(r.type)) {
      // Lineage crosses documents. A document's own links go with it, so that a rewritten document
      // is never without them (an end not yet stored is skipped there); all of them are merged
      // again once every document exists.
      shared.relationships.push(r);
      for (const doc of new Set([owner.get(r.start), owner.get(r.end)])) if (doc) parts.get(doc)!.relationships.push(r);
      continue;
    }
    const doc = owner.get(r.start) ?? owner.get(r.end);
    if (!doc) {
      shared.relationships.push(r);
      continue;
    }
    parts.get(doc)!.relationships.push(r);
    for (const id of [r.start, r.end]) {
      if (!owner.has(id)) {
        if (!sharedNeeded.has(doc)) sharedNeeded.set(doc, new Set());
        sharedNeeded.get(doc)!.add(id);
      }
    }
  }
  // A document's transaction merges the shared nodes it points at (departments, themes, national
  // directives…) so that it is complete on its own; merging them again later is harmless. Edges
  // between those shared nodes (a requirement PART_OF its directive) go with them; they are
  // indexed by start once, since scanning every edge per document is quadratic in the corpus.
  const sharedEdgesByStart = new Map<string, GraphRelationship[]>();
  for (const r of graph.relationships) {
    if (LINEAGE_TYPES.has(r.type) || owner.has(r.start) || owner.has(r.end)) continue;
    if (!sharedEdgesByStart.has(r.start)) sharedEdgesByStart.set(r.start, []);
    sharedEdgesByStart.get(r.start)!.push(r);
  }
  for (const [doc, ids] of sharedNeeded) {
    const part = parts.get(doc)!;
    for (const id of ids) {
      const n = index.byId.get(id);
      if (n) part.nodes.push(n);
      for (const r of sharedEdgesByStart.get(id) ?? []) if (ids.has(r.end)) part.relationships.push(r);
    }
  }
  return { documents: [...parts.values()], shared };
}

/**
 * One statement merges every label and relationship type of the model, each in its own
 * subquery over its own parameter list. A document costs one round trip instead of one per
 * label and type, and the text never changes, so Neo4j plans it once.
 */
const MERGE_STATEMENT = [
  ...LABELS.map((label) => `CALL { UNWIND $batch.n_${label} AS row MERGE (n:${label} {id: row.id}) SET n += row.props }`),
  ...Object.entries(ENDPOINTS).map(
    ([type, [from, to]]) =>
      `CALL { UNWIND $batch.r_${type} AS row MATCH (a:${from} {id: row.start}) MATCH (b:${to} {id: row.end}) ` +
      `MERGE (a)-[r:${type}]->(b) SET r = row.props }`,
  ),
].join('\n');

interface Row {
  id?: string;
  start?: string;
  end?: string;
  props: Record<string, PropertyValue>;
}

/** The statement's parameters for a slice of the graph, at most `batchSize` rows a list. */
function* mergeBatches(nodes: GraphNode[], relationships: GraphRelationship[], index: GraphIndex, batchSize: number) {
  const lists = new Map<string, Row[]>();
  for (const label of LABELS) lists.set(`n_${label}`, []);
  for (const type of Object.keys(ENDPOINTS)) lists.set(`r_${type}`, []);
  for (const n of nodes) lists.get(`n_${index.label(n.id)}`)!.push({ id: n.id, props: storedProperties(n) });
  for (const r of relationships) {
    if (!Object.hasOwn(ENDPOINTS, r.type)) {
      throw new Error(`relationship type ${r.type} is not part of the graph model`);
    }
    const [from, to] = ENDPOINTS[r.type as keyof typeof ENDPOINTS];
    // An end outside this graph is already stored (incremental lineage links to earlier measures).
    for (const [id, label] of [[r.start, from], [r.end, to]] as const) {
      if (index.byId.has(id) && index.label(id) !== label) {
        throw new Error(`${r.type} expects a ${label} at ${id}, found ${index.label(id)}`);
      }
    }
    lists.get(`r_${r.type}`)!.push({ start: r.start, end: r.end, props: r.properties });
  }
  // Subqueries run in statement order, nodes before relationships, so a batch's relationships
  // see the nodes merged earlier in the same statement; they only wait for a later batch when
  // some nodes did not fit in this one.
  const keys = [...lists.keys()];
  let offset = new Map(keys.map((k) => [k, 0]));
  for (;;) {
    const params: Record<string, Row[]> = {};
    let rows = 0;
    let nodesPending = false;
    for (const k of keys) {
      const list = lists.get(k)!;
      const from = offset.get(k)!;
      const take = k.startsWith('r_') && nodesPending ? 0 : Math.max(0, Math.min(batchSize - rows, list.length - from));
      if (k.startsWith('n_') && from + take < list.length) nodesPending = true;
      params[k] = list.slice(from, from + take);
      rows += take;
    }
    if (rows === 0) return;
    offset = new Map(keys.map((k) => [k, offset.get(k)! + params[k]!.length]));
    yield params;
  }
}

async function mergeGraph(
  tx: ManagedTransaction,
  nodes: GraphNode[],
  relationships: GraphRelationship[],
  index: GraphIndex,
  batchSize: number,
): Promise<void> {
  for (const params of mergeBatches(nodes, relationships, index, batchSize)) {
    // One map parameter: its type is the same whichever lists are empty, so the cached plan is
    // reused (separate list parameters would be planned anew for each pattern of empty lists).
    await tx.run(MERGE_STATEMENT, { batch: params });
  }
}

/** Removes a source document's previous version (same file or same id) with what it owned. */
async function removeDocument(tx: ManagedTransaction, id: string, sourceFile: string): Promise<void> {
  await tx.run(
    `MATCH (d:Document) WHERE d.id = $id OR d.sourceFile = $sourceFile
     OPTIONAL MATCH (d)-[:HAS_MEASURE]->(m:Measure)
     OPTIONAL MATCH (m)-[:SETS]->(t:Target)
     DETACH DELETE t, m, d`,
    { id, sourceFile },
  );
}

/**
 * A document cited before it was ingested exists as a placeholder (nat:<number> or nat:<title>,
 * no file). When the document itself arrives, its citations and the requirements quoted from it
 * move to it and the placeholder goes: one node per document, whatever the order of ingest.
 */
async function absorbPlaceholder(tx: ManagedTransaction, doc: GraphNode): Promise<void> {
  const p = doc.properties;
  const keys = [
    typeof p.docNumber === 'string' ? `nat:${p.docNumber}` : undefined,
    typeof p.title === 'string' ? `nat:${p.title.replace(/\s+/gu, '')}` : undefined,
  ].filter((k): k is string => !!k);
  if (keys.length === 0) return;
  await tx.run(
    `MATCH (d:Document {id: $id})
     MATCH (ph:Document) WHERE ph.id IN $keys AND ph.sourceFile IS NULL
     CALL (ph, d) { MATCH (x:Document)-[r:CITES]->(ph) MERGE (x)-[c:CITES]->(d) SET c = properties(r) }
     CALL (ph, d) { MATCH (q:Requirement)-[:PART_OF]->(ph) MERGE (q)-[:PART_OF]->(d) }
     DETACH DELETE ph`,
    { id: doc.id, keys },
  );
}

/**
 * Every placeholder that a stored source document answers to (its number or title), absorbed as in
 * absorbPlaceholder: also a placeholder written after its document (a citation by title that the
 * ingest could not pair with the stored document), so the document is one node in any order.
 */
async function absorbStoredPlaceholders(tx: ManagedTransaction): Promise<void> {
  await tx.run(
    `MATCH (d:Document) WHERE d.sourceFile IS NOT NULL
     UNWIND [k IN ['nat:' + d.docNumber, 'nat:' + d.title] WHERE k IS NOT NULL] AS key
     MATCH (ph:Document {id: key}) WHERE ph.sourceFile IS NULL
     WITH ph, min(d.id) AS target
     MATCH (d:Document {id: target})
     CALL (ph, d) { MATCH (x:Document)-[r:CITES]->(ph) MERGE (x)-[c:CITES]->(d) SET c = properties(r) }
     CALL (ph, d) { MATCH (q:Requirement)-[:PART_OF]->(ph) MERGE (q)-[:PART_OF]->(d) }
     DETACH DELETE ph`,
  );
}

/** Deletes the lineage links the graph no longer carries (see WriteOptions.lineageComplete). */
async function removeStaleLineage(tx: ManagedTransaction, relationships: GraphRelationship[]): Promise<void> {
  const keep = relationships.filter((r) => LINEAGE_TYPES.has(r.type)).map((r) => `${r.type}|${r.start}|${r.end}`);
  await tx.run(
    `MATCH (a)-[r:EVOLVES_FROM|RESEMBLES|IMPLEMENTS_CLAUSE|QUOTES]->(b:Measure)
     WHERE NOT (type(r) + '|' + a.id + '|' + b.id) IN $keep
     DELETE r`,
    { keep },
  );
}

/** Deletes shared nodes that no document refers to any more (after a document was replaced). */
async function removeOrphans(tx: ManagedTransaction): Promise<number> {
  const r = await tx.run(
    `MATCH (n)
     WHERE (n:Initiative OR n:Requirement OR n:Target OR n:Measure OR (n:Document AND n.sourceFile IS NULL))
       AND NOT (n)--()
     DETACH DELETE n
     RETURN count(n) AS removed`,
  );
  const dept = await tx.run(
    `MATCH (n:Department) WHERE NOT (n)--() DETACH DELETE n RETURN count(n) AS removed`,
  );
  return Number(r.records[0]?.get('removed') ?? 0) + Number(dept.records[0]?.get('removed') ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Bulk path: the first load of an empty database. Every node of a label is new, so it is
// CREATEd (no MERGE lookup); every relationship starts at a new node, so it is CREATEd too; no
// previous version to remove, no orphans. Large batches span documents. Source documents get their
// content hash (what makes a rerun skip a file as unchanged) only in the last step, so a load cut
// short is redone file by file on the next run rather than taken for complete.

const BULK_BATCH = 10_000;
/**
 * A batch is also bounded by its text: the Bolt message and the server's transaction state grow
 * with characters, not rows. Ten thousand documents carrying their source text are hundreds of
 * megabytes in one transaction; at 10,000 documents such a batch ran past the server's
 * transaction timeout.
 */
const BULK_BATCH_CHARS = 4_000_000;

/** About how many characters a row carries (strings by length, other values a few each). */
function rowChars(row: Row): number {
  let n = (row.id?.length ?? 0) + (row.start?.length ?? 0) + (row.end?.length ?? 0);
  for (const v of Object.values(row.props)) {
    if (typeof v === 'string') n += v.length;
    else if (Array.isArray(v)) for (const x of v) n += typeof x === 'string' ? x.length : 8;
    else n += 8;
  }
  return n;
}

/** Consecutive slices of at most `maxRows` rows and, unless one row alone is larger, `maxChars` characters. */
export function* bulkSlices<T extends Row>(rows: T[], maxRows: number, maxChars: number): Generator<T[]> {
  let from = 0;
  let chars = 0;
  for (let i = 0; i < rows.length; i++) {
    const c = rowChars(rows[i]!);
    if (i > from && (i - from >= maxRows || chars + c > maxChars)) {
      yield rows.slice(from, i);
      from = i;
      chars = 0;
    }
    chars += c;
  }
  if (from < rows.length) yield rows.slice(from);
}

const createNodes = (label: Label) => `UNWIND $rows AS row CREATE (n:${label} {id: row.id}) SET n += row.props`;
const createRelationships = (type: string, from: string, to: string) =>
  `UNWIND $rows AS row MATCH (a:${from} {id: row.start}) MATCH (b:${to} {id: row.end}) CREATE (a)-[r:${type}]->(b) SET r = row.props`;

async function isEmpty(driver: Driver, database: string | undefined): Promise<boolean> {
  const r = await driver.executeQuery('MATCH (n) RETURN count(n) > 0 AS any LIMIT 1', {}, { database, routing: 'READ' });
  return r.records[0]?.get('any') !== true;
}

/** Nodes per label and relationships per type, each node and relationship once (later ones win, as MERGE + SET would). */
function bulkRows(graph: Graph, index: GraphIndex) {
  const nodes = new Map<Label, Map<string, Row>>();
  for (const n of graph.nodes) {
    const label = index.label(n.id);
    if (!nodes.has(label)) nodes.set(label, new Map());
    const byId = nodes.get(label)!;
    const prev = byId.get(n.id);
    const props = storedProperties(n);
    byId.set(n.id, { id: n.id, props: prev ? { ...prev.props, ...props } : props });
  }
  const rels = new Map<string, Map<string, Row>>();
  for (const r of graph.relationships) {
    if (!Object.hasOwn(ENDPOINTS, r.type)) throw new Error(`relationship type ${r.type} is not part of the graph model`);
    // An end outside the graph cannot be stored yet in an empty database (as MATCH would find).
    if (!index.byId.has(r.start) || !index.byId.has(r.end)) continue;
    const [from, to] = ENDPOINTS[r.type as keyof typeof ENDPOINTS];
    if (index.label(r.start) !== from || index.label(r.end) !== to) {
      throw new Error(`${r.type} expects ${from} → ${to} at ${r.start} → ${r.end}, found ${index.label(r.start)} → ${index.label(r.end)}`);
    }
    if (!rels.has(r.type)) rels.set(r.type, new Map());
    rels.get(r.type)!.set(`${r.start}\u0000${r.end}`, { start: r.start, end: r.end, props: r.properties });
  }
  return { nodes, rels };
}

async function bulkWrite(driver: Driver, graph: Graph, index: GraphIndex, opts: WriteOptions): Promise<void> {
  const batch = opts.batchSize ?? BULK_BATCH;
  const { nodes, rels } = bulkRows(graph, index);
  const hashes: Row[] = [];
  for (const row of nodes.get('Document')?.values() ?? []) {
    if (row.props.sha256 === undefined) continue;
    hashes.push({ id: row.id!, props: { sha256: row.props.sha256 } });
    const { sha256: _hash, ...rest } = row.props;
    row.props = rest;
  }
  // The full-text index is updated synchronously at every commit (analysing every text again and
  // again as batches land); built once over the loaded graph it costs one pass. The uniqueness
  // constraints stay: relationship batches look their ends up through them.
  await driver.executeQuery(`DROP INDEX ${FULLTEXT_INDEX} IF EXISTS`, {}, { database: opts.database });
  const session = driver.session({ database: opts.database, bookmarkManager: driver.executeQueryBookmarkManager });
  const run = async (cypher: string, rows: Row[]) => {
    for (const slice of bulkSlices(rows, batch, opts.batchChars ?? BULK_BATCH_CHARS)) {
      await session.executeWrite((tx) => tx.run(cypher, { rows: slice }));
    }
  };
  try {
    for (const [label, byId] of nodes) await run(createNodes(label), [...byId.values()]);
    for (const [type, byEnds] of rels) {
      const [from, to] = ENDPOINTS[type as keyof typeof ENDPOINTS];
      await run(createRelationships(type, from, to), [...byEnds.values()]);
    }
    await run('UNWIND $rows AS row MATCH (d:Document {id: row.id}) SET d.sha256 = row.props.sha256', hashes);
  } finally {
    await session.close();
    // Recreates the index (and waits for it), also after a failure, so the schema is whole again.
    await migrate(driver, opts.database);
  }
}

export async function writeGraph(driver: Driver, graph: Graph, opts: WriteOptions = {}): Promise<WriteSummary> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 5000;
  const index = new GraphIndex(graph);
  const mode = opts.mode ?? 'auto';
  if (mode !== 'incremental') {
    const documentCount = graph.nodes.filter(isSourceDocument).length;
    const empty = await isEmpty(driver, opts.database);
    if (mode === 'bulk' && !empty) throw new Error('the bulk load needs an empty database; use the incremental mode (the default) to add to a graph');
    if (empty && (mode === 'bulk' || documentCount >= BULK_MIN_DOCUMENTS)) {
      try {
        await bulkWrite(driver, graph, index, opts);
      } catch (error) {
        // The database was empty: emptying it again leaves nothing half-written.
        await clearGraph(driver, opts.database).catch(() => undefined);
        throw error;
      }
      return { documents: documentCount, nodes: graph.nodes.length, relationships: graph.relationships.length, removedOrphans: 0, ms: Math.round(performance.now() - t0), mode: 'bulk' };
    }
  }
  const { documents, shared } = partition(graph);
  // The driver's shared bookmark manager: a read through it (executeQuery, the API's reader)
  // sees this import even on a cluster member that has not caught up yet (read-your-writes).
  const session = driver.session({ database: opts.database, bookmarkManager: driver.executeQueryBookmarkManager });
  let removedOrphans = 0;
  try {
    const perTransaction = Math.max(1, opts.documentsPerTransaction ?? 1);
    for (let g = 0; g < documents.length; g += perTransaction) {
      const group = documents.slice(g, g + perTransaction);
      await session.executeWrite(async (tx) => {
        for (const [k, part] of group.entries()) {
          const doc = part.nodes[0]!;
          const sourceFile = doc.properties.sourceFile as string;
          opts.onDocument?.(sourceFile, g + k, documents.length);
          await removeDocument(tx, doc.id, sourceFile);
        }
        await mergeGraph(
          tx,
          group.flatMap((p) => p.nodes),
          group.flatMap((p) => p.relationships),
          index,
          batchSize,
        );
        for (const part of group) await absorbPlaceholder(tx, part.nodes[0]!);
      });
    }
    await session.executeWrite(async (tx) => {
      await mergeGraph(tx, shared.nodes, shared.relationships, index, batchSize);
      await absorbStoredPlaceholders(tx);
      if (opts.lineageComplete) await removeStaleLineage(tx, graph.relationships);
      removedOrphans = await removeOrphans(tx);
    });
  } finally {
    await session.close();
  }
  // People's corrections are laid over the fresh graph again, so a re-ingest keeps them.
  await applyCurations(driver, opts.database);
  return {
    documents: documents.length,
    nodes: graph.nodes.length,
    relationships: graph.relationships.length,
    removedOrphans,
    ms: Math.round(performance.now() - t0),
    mode: 'incremental',
  };
}

/** The source documents in the database with their content hashes, to decide what to re-ingest. */
export async function storedDocuments(driver: Driver, database?: string): Promise<Map<string, string>> {
  const r = await driver.executeQuery(
    `MATCH (d:Document) WHERE d.sourceFile IS NOT NULL
     RETURN d.sourceFile AS file, d.sha256 AS sha256`,
    {},
    { database, routing: 'READ' },
  );
  return new Map(r.records.map((rec) => [rec.get('file') as string, (rec.get('sha256') as string | null) ?? '']));
}

/** Deletes every node and relationship; for tests and `ingest --reset`. */
export async function clearGraph(driver: Driver, database?: string): Promise<void> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}
