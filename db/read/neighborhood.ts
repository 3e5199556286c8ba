// The nodes and relationships around a node, for the graph canvas: a breadth-first expansion,
// one query per hop (so at most three), bounded in nodes and deterministic in what it keeps.
import { LABELS } from '../migrations.js';
import { normalise } from '../../ingest/normalise.js';
import { type Reader, type Row, str, int } from './reader.js';

export type NodeType = (typeof LABELS)[number];

export interface GraphNodeRecord {
  id: string;
  type: NodeType;
  label: string;
  year: number | null;
  distance: number | null;
  properties: Record<string, unknown>;
}

export interface GraphEdgeRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface NeighborhoodRecord {
  center: string | null;
  nodes: GraphNodeRecord[];
  edges: GraphEdgeRecord[];
  truncated: boolean;
}

export const MAX_DEPTH = 3;
export const MAX_NODES = 1000;

/** Properties that are large or internal copies; a canvas never needs them. */
const HIDDEN_PROPERTIES = ['sourceText', 'normText', 'aliasesText', 'synonymsText', 'sha256'];

// Property maps without the bulky text (set to null here, dropped in toNode).
// normText is left out too: it repeats the text in matching form, and the label is made from the text.
const NODE_FIELDS = `elementId(m) AS eid, [l IN labels(m) WHERE l IN $labels][0] AS type, m { .*, sourceText: null, normText: null } AS props`;

// Which neighbours win when the limit cuts: the document and the people first, then the content.
const TYPE_RANK = `CASE [l IN labels(m) WHERE l IN $labels][0]
  WHEN 'Document' THEN 0 WHEN 'Department' THEN 1 WHEN 'Theme' THEN 2 WHEN 'Initiative' THEN 3
  WHEN 'Measure' THEN 4 WHEN 'Requirement' THEN 5 ELSE 6 END`;

function labelOf(type: NodeType, p: Row): string {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
  switch (type) {
    case 'Document':
      return str(p.title) ?? str(p.docNumber) ?? str(p.id) ?? '';
    case 'Measure':
    case 'Requirement':
    case 'Target':
      // The text as written keeps layout line breaks; the label is its first words in matching form.
      return cut(str(p.normText) ?? normalise((str(p.text) ?? str(p.id) ?? '').slice(0, 80)), 30);
    default:
      return str(p.name) ?? str(p.id) ?? '';
  }
}

export function toGraphNode(type: NodeType, props: Row, distance: number | null): GraphNodeRecord {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!HIDDEN_PROPERTIES.includes(k) && v !== null) properties[k] = v;
  return {
    id: str(props.id) ?? '',
    type,
    label: labelOf(type, props),
    year: type === 'Document' || type === 'Measure' || type === 'Target' ? int(props.year) : null,
    distance,
    properties,
  };
}

// A node by id, whatever its label: one index seek per label of the model (ids are unique per label).
const NODE_BY_ID = `CALL (id) {
  MATCH (m:Document {id: id}) RETURN m UNION MATCH (m:Measure {id: id}) RETURN m
  UNION MATCH (m:Department {id: id}) RETURN m UNION MATCH (m:Theme {id: id}) RETURN m
  UNION MATCH (m:Initiative {id: id}) RETURN m UNION MATCH (m:Target {id: id}) RETURN m
  UNION MATCH (m:Requirement {id: id}) RETURN m }`;

// The frontier's nodes by element id, one seek each (see the edge query for why not IN).
const FROM_FRONTIER = `UNWIND $frontier AS eid MATCH (n) WHERE elementId(n) = eid WITH n`;

/** Any node of the model by id, or null. */
export async function nodeById(reader: Reader, id: string): Promise<GraphNodeRecord | null> {
  const rows = await reader.rows(`WITH $id AS id ${NODE_BY_ID} RETURN ${NODE_FIELDS} LIMIT 1`, { id, labels: [...LABELS] });
  const row = rows[0];
  return row && str(row.type) ? toGraphNode(str(row.type) as NodeType, (row.props ?? {}) as Row, null) : null;
}

export async function neighborhood(
  reader: Reader,
  args: { id: string; depth: number; limit: number; types: readonly NodeType[] | null },
): Promise<NeighborhoodRecord> {
  const depth = Math.max(0, Math.min(MAX_DEPTH, Math.trunc(args.depth)));
  const limit = Math.max(1, Math.min(MAX_NODES, Math.trunc(args.limit)));
  const types = args.types && args.types.length > 0 ? [...args.types] : null;
  const labels = [...LABELS];

  const centre = await reader.rows(`WITH $id AS id ${NODE_BY_ID} RETURN ${NODE_FIELDS} LIMIT 1`, { id: args.id, labels });
  const c = centre[0];
  if (!c || !str(c.type)) return { center: args.id, nodes: [], edges: [], truncated: false };

  const nodes: GraphNodeRecord[] = [toGraphNode(str(c.type) as NodeType, (c.props ?? {}) as Row, 0)];
  const seen: string[] = [str(c.eid)!];
  let frontier = [...seen];
  let truncated = false;
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const remaining = limit - nodes.length;
    if (remaining <= 0) {
      // Only report a cut when there really was something more to see.
      const more = await reader.rows(
        `${FROM_FRONTIER} MATCH (n)-[]-(m) WHERE NOT elementId(m) IN $seen
           AND ($types IS NULL OR any(l IN labels(m) WHERE l IN $types)) AND any(l IN labels(m) WHERE l IN $labels)
         RETURN 1 AS more LIMIT 1`,
        { frontier, seen, types, labels },
      );
      truncated = more.length > 0;
      break;
    }
    const rows = await reader.rows(
      `${FROM_FRONTIER} MATCH (n)-[]-(m) WHERE NOT elementId(m) IN $seen
         AND ($types IS NULL OR any(l IN labels(m) WHERE l IN $types)) AND any(l IN labels(m) WHERE l IN $labels)
       WITH DISTINCT m
       ORDER BY ${TYPE_RANK}, m.year, m.id
       LIMIT $fetch
       RETURN ${NODE_FIELDS}`,
      { frontier, seen, types, labels, fetch: remaining + 1 },
    );
    if (rows.length > remaining) truncated = true;
    frontier = [];
    for (const row of rows.slice(0, remaining)) {
      const eid = str(row.eid)!;
      seen.push(eid);
      frontier.push(eid);
      nodes.push(toGraphNode(str(row.type) as NodeType, (row.props ?? {}) as Row, hop));
    }
  }

  const edgeRows = await reader.rows(
    // Seek each node by element id, then expand: a plain "elementId(a) IN $ids" lets the planner
    // scan every relationship of the graph instead.
    `UNWIND $ids AS eid MATCH (a) WHERE elementId(a) = eid
     WITH a MATCH (a)-[r]->(b) WHERE elementId(b) IN $ids
     RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
     ORDER BY source, type, target`,
    { ids: seen },
  );
  return { center: nodes[0]!.id, nodes, edges: edgeRows.map(toEdge), truncated };
}

function toEdge(r: Row): GraphEdgeRecord {
  const source = str(r.source) ?? '';
  const target = str(r.target) ?? '';
  const type = str(r.type) ?? '';
  return { id: `${source}|${type}|${target}`, type, source, target, properties: (r.props ?? {}) as Record<string, unknown> };
}

/**
 * The first look at the corpus: the ingested documents by year and the most frequent themes,
 * one aggregated ABOUT edge per document and theme carrying the number of measures.
 */
export async function overview(reader: Reader, maxThemes: number): Promise<NeighborhoodRecord> {
  const rows = await reader.rows(
    `CALL {
       MATCH (t:Theme) WITH t, COUNT { (t)<-[:ABOUT]-() } AS n WHERE n > 0
       RETURN t ORDER BY n DESC, t.id LIMIT $maxThemes
     }
     WITH collect(t) AS themes
     CALL {
       MATCH (d:Document) WHERE d.sourceFile IS NOT NULL
       RETURN d ORDER BY d.year, d.id
     }
     WITH themes, collect(d) AS docs
     RETURN [m IN docs | m { .*, sourceText: null }] AS docs,
            [m IN themes | m { .*, measureCount: COUNT { (m)<-[:ABOUT]-() } }] AS themes,
            COLLECT {
              UNWIND docs AS d MATCH (d)-[:HAS_MEASURE]->(x:Measure)-[:ABOUT]->(t:Theme) WHERE t IN themes
              WITH d, t, count(DISTINCT x) AS n ORDER BY d.id, t.id
              RETURN {source: d.id, target: t.id, measureCount: n}
            } AS edges`,
    { maxThemes: Math.max(1, Math.min(200, Math.trunc(maxThemes))) },
  );
  const row = rows[0] ?? {};
  const nodes = [
    ...((row.docs as Row[] | undefined) ?? []).map((p) => toGraphNode('Document', p, null)),
    ...((row.themes as Row[] | undefined) ?? []).map((p) => toGraphNode('Theme', p, null)),
  ];
  const edges = ((row.edges as Row[] | undefined) ?? []).map((e) =>
    toEdge({ source: e.source, target: e.target, type: 'ABOUT', props: { measureCount: e.measureCount } }),
  );
  return { center: null, nodes, edges, truncated: false };
}
