// The nodes and relationships around a node, for the graph canvas: a breadth-first expansion,
// one query per hop (so at most three), bounded in nodes and deterministic in what it keeps.
import { LABELS } from '../../model/graph.js';
import { normalise } from '../../model/text.js';
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
const TYPE_RANK = `CASE type
  WHEN 'Document' THEN 0 WHEN 'Department' THEN 1 WHEN 'Theme' THEN 2 WHEN 'Initiative' THEN 3
  WHEN 'Measure' THEN 4 WHEN 'Requirement' THEN 5 ELSE 6 END`;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

function labelOf(type: NodeType, p: Row): string {
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

/** A node fetched with LIGHT_NODE: its label mostly made by the database, no properties. */
function toLightNode(type: NodeType, p: Row, distance: number | null): GraphNodeRecord {
  const text = type === 'Measure' || type === 'Requirement' || type === 'Target';
  const label = str(p.label);
  return {
    id: str(p.id) ?? '',
    type,
    // A text node stored without its matching form gets it here (normalise is JavaScript's).
    label: text ? cut(label ?? normalise((str(p.text) ?? str(p.id) ?? '').slice(0, 80)), 30) : (label ?? ''),
    year: type === 'Document' || type === 'Measure' || type === 'Target' ? int(p.year) : null,
    distance,
    properties: {},
  };
}

// A node by id, whatever its label: one index seek per label of the model (ids are unique per label).
const NODE_BY_ID = `CALL (id) {
  MATCH (m:Document {id: id}) RETURN m UNION MATCH (m:Measure {id: id}) RETURN m
  UNION MATCH (m:Department {id: id}) RETURN m UNION MATCH (m:Theme {id: id}) RETURN m
  UNION MATCH (m:Initiative {id: id}) RETURN m UNION MATCH (m:Target {id: id}) RETURN m
  UNION MATCH (m:Requirement {id: id}) RETURN m }`;

/** Any node of the model by id, or null. */
export async function nodeById(reader: Reader, id: string): Promise<GraphNodeRecord | null> {
  const rows = await reader.rows(`WITH $id AS id ${NODE_BY_ID} RETURN ${NODE_FIELDS} LIMIT 1`, { id, labels: [...LABELS] });
  const row = rows[0];
  return row && str(row.type) ? toGraphNode(str(row.type) as NodeType, (row.props ?? {}) as Row, null) : null;
}

// A neighbour that may be shown: a node of the model (its type is its label of the model), of a
// requested type when types are given. Decided once per distinct node, after the DISTINCT.
const WANTED = `type IS NOT NULL AND ($types IS NULL OR type IN $types)`;

// One hop out of the nodes in \`frontier\`, skipping those already taken: the best \`limit\`
// candidates, best first. The caller keeps as many as the limit leaves; one more than that only
// tells that the answer was cut, so no hop needs more than \`limit\`.
// Built only from the constant arguments below, never from request values.
const HOP = (hop: number, imports: string, frontier: string, taken: string) => `
  CALL (${imports}) {
    UNWIND CASE WHEN $depth >= ${hop} THEN ${frontier} ELSE [] END AS n
    MATCH (n)--(m) WHERE m <> c AND NOT m IN ${taken}
    WITH DISTINCT m
    WITH m, [l IN labels(m) WHERE l IN $labels][0] AS type WHERE ${WANTED}
    WITH m, type ORDER BY ${TYPE_RANK}, m.year, m.id
    LIMIT $limit
    RETURN collect(m) AS h${hop}
  }`;

/**
 * Breadth-first, in one statement (one round trip): hop by hop, each hop's new nodes ranked by
 * type, year and id and cut to what the limit leaves, then every relationship among the kept nodes.
 */
const neighborhoodCypher = (nodeMap: string, edgeProps: string) => `
  WITH $id AS id ${NODE_BY_ID}
  WITH m AS c LIMIT 1
  WITH c, [] AS none
  ${HOP(1, 'c, none', '[c]', 'none')}
  WITH c, h1[..($limit - 1)] AS d1, size(h1) > $limit - 1 AS cut1
  ${HOP(2, 'c, d1', 'd1', 'd1')}
  WITH c, d1, cut1, h2[..($limit - 1 - size(d1))] AS d2, size(h2) > $limit - 1 - size(d1) AS cut2
  WITH c, d1, d2, cut1 OR cut2 AS cut, d1 + d2 AS near
  ${HOP(3, 'c, d2, near', 'd2', 'near')}
  WITH c, d1, d2, cut, h3[..($limit - 1 - size(d1) - size(d2))] AS d3, size(h3) > $limit - 1 - size(d1) - size(d2) AS cut3
  WITH c, d1, d2, d3, cut OR cut3 AS truncated, [c] + d1 + d2 + d3 AS ns
  CALL (ns) {
    UNWIND ns AS a MATCH (a)-[r]->(b) WHERE b IN ns
    WITH a, r, b ORDER BY a.id, type(r), b.id
    RETURN collect({source: a.id, type: type(r), target: b.id${edgeProps}}) AS edges
  }
  RETURN truncated, edges,
    [n IN ns | {type: [l IN labels(n) WHERE l IN $labels][0], props: ${nodeMap}}] AS nodes,
    [0] + [n IN d1 | 1] + [n IN d2 | 2] + [n IN d3 | 3] AS distances`;

// What a node carries: all its properties (but the bulky texts), or only what the label and
// year need when the request does not ask for properties (a canvas usually does not).
const FULL_NODE = `n { .*, sourceText: null, normText: null }`;
// Long strings live outside the node record, so reading them is most of what a node costs: the
// light form reads one (the matching form, cut), the original text only where that is missing.
const LIGHT_NODE = `n { .id, .year, label: CASE
    WHEN n:Document THEN coalesce(n.title, n.docNumber, n.id)
    WHEN n:Measure OR n:Requirement OR n:Target THEN left(n.normText, 31)
    ELSE coalesce(n.name, n.id) END,
  text: CASE WHEN (n:Measure OR n:Requirement OR n:Target) AND n.normText IS NULL THEN left(n.text, 80) END }`;
// Relationship properties (evidence lists of lineage links) only when the request selects them.
const NEIGHBORHOOD = {
  full: { props: neighborhoodCypher(FULL_NODE, ', props: properties(r)'), none: neighborhoodCypher(FULL_NODE, '') },
  light: { props: neighborhoodCypher(LIGHT_NODE, ', props: properties(r)'), none: neighborhoodCypher(LIGHT_NODE, '') },
};

export async function neighborhood(
  reader: Reader,
  args: { id: string; depth: number; limit: number; types: readonly NodeType[] | null; withProperties?: boolean; withEdgeProperties?: boolean },
): Promise<NeighborhoodRecord> {
  const depth = Math.max(0, Math.min(MAX_DEPTH, Math.trunc(args.depth)));
  const limit = Math.max(1, Math.min(MAX_NODES, Math.trunc(args.limit)));
  const types = args.types && args.types.length > 0 ? [...args.types] : null;
  const light = args.withProperties === false;
  const cypher = NEIGHBORHOOD[light ? 'light' : 'full'][args.withEdgeProperties === false ? 'none' : 'props'];
  const rows = await reader.rows(cypher, { id: args.id, depth, limit, types, labels: [...LABELS] });
  const row = rows[0];
  if (!row) return { center: args.id, nodes: [], edges: [], truncated: false };
  const distances = (row.distances as unknown[] | undefined) ?? [];
  const toNode = light ? toLightNode : toGraphNode;
  const nodes = ((row.nodes as Row[] | undefined) ?? []).map((n, i) => toNode(str(n.type) as NodeType, (n.props ?? {}) as Row, int(distances[i])));
  const edges = ((row.edges as Row[] | undefined) ?? []).map(toEdge);
  return { center: nodes[0]?.id ?? args.id, nodes, edges, truncated: row.truncated === true };
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
