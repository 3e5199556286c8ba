// One expansion step of the explorer: the neighbours of a node, all of them counted, as many
// kept as asked for, chosen so a cut never silently drops the newest years: the undated hubs
// (departments, themes, programmes, documents) first, then dated nodes taken year by year from
// the newest, best connected first within a year, so every year keeps its share.
import { LABELS } from '../../model/graph.js';
import { type Reader, type Row, str, int } from './reader.js';
import { toGraphNode, type GraphEdgeRecord, type GraphNodeRecord, type NodeType } from './neighborhood.js';

export interface RelationshipCount {
  name: string;
  count: number;
}

export interface ExpansionRecord {
  center: string;
  nodes: GraphNodeRecord[];
  edges: GraphEdgeRecord[];
  /** Neighbours matching the request, before the cut. */
  total: number;
  /** Neighbours per relationship type (before the relationship filter), for "expand by type". */
  relationships: RelationshipCount[];
}

/** Safety bound on the neighbours ranked in one step (a hub of the whole corpus). */
export const EXPANSION_SCAN = 20_000;

const NEIGHBOURS = `
  WITH $id AS id
  CALL (id) {
    MATCH (m:Document {id: id}) RETURN m UNION MATCH (m:Measure {id: id}) RETURN m
    UNION MATCH (m:Department {id: id}) RETURN m UNION MATCH (m:Theme {id: id}) RETURN m
    UNION MATCH (m:Initiative {id: id}) RETURN m UNION MATCH (m:Target {id: id}) RETURN m
    UNION MATCH (m:Requirement {id: id}) RETURN m }
  WITH m AS c LIMIT 1
  CALL (c) {
    MATCH (c)-[r]-(n) WHERE any(l IN labels(n) WHERE l IN $labels)
    RETURN type(r) AS rel, count(DISTINCT n) AS count ORDER BY rel
  }
  WITH c, collect({name: rel, count: count}) AS relationships
  CALL (c) {
    MATCH (c)-[r]-(n) WHERE any(l IN labels(n) WHERE l IN $labels)
      AND ($rels IS NULL OR type(r) IN $rels) AND ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
    WITH DISTINCT n LIMIT $scan
    RETURN collect({id: n.id, type: [l IN labels(n) WHERE l IN $labels][0], year: n.year, degree: COUNT { (n)--() }}) AS candidates
  }
  RETURN c.id AS center, relationships, candidates`;

export interface Candidate {
  id: string;
  type: string;
  year: number | null;
  degree: number;
}

/**
 * The order in which neighbours are kept: undated nodes first (best connected first), then
 * dated ones round-robin over the years from the newest, best connected first inside a year.
 */
export function rankNeighbours(candidates: readonly Candidate[]): Candidate[] {
  const byDegree = (a: Candidate, b: Candidate) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const undated = candidates.filter((c) => c.year === null).sort(byDegree);
  const years = new Map<number, Candidate[]>();
  for (const c of candidates) if (c.year !== null) years.set(c.year, [...(years.get(c.year) ?? []), c]);
  const queues = [...years.entries()].sort((a, b) => b[0] - a[0]).map(([, list]) => list.sort(byDegree));
  const dated: Candidate[] = [];
  for (let round = 0; queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (q[round]) dated.push(q[round]!);
  }
  return [...undated, ...dated];
}

const NODES_AND_EDGES = `
  UNWIND $ids AS id
  CALL (id) {
    MATCH (n:Document {id: id}) RETURN n UNION MATCH (n:Measure {id: id}) RETURN n
    UNION MATCH (n:Department {id: id}) RETURN n UNION MATCH (n:Theme {id: id}) RETURN n
    UNION MATCH (n:Initiative {id: id}) RETURN n UNION MATCH (n:Target {id: id}) RETURN n
    UNION MATCH (n:Requirement {id: id}) RETURN n }
  WITH collect(n) AS ns
  CALL (ns) {
    UNWIND ns AS a MATCH (a)-[r]->(b) WHERE b IN ns
    WITH a, r, b ORDER BY a.id, type(r), b.id
    RETURN collect({source: a.id, type: type(r), target: b.id, props: properties(r)}) AS edges
  }
  RETURN [n IN ns | {type: [l IN labels(n) WHERE l IN $labels][0], props: n { .*, sourceText: null, normText: null }}] AS nodes, edges`;

export async function expansion(
  reader: Reader,
  args: { id: string; limit: number; relationships: readonly string[] | null; types: readonly NodeType[] | null },
): Promise<ExpansionRecord | null> {
  const rows = await reader.rows(NEIGHBOURS, {
    id: args.id,
    labels: [...LABELS],
    rels: args.relationships && args.relationships.length > 0 ? [...args.relationships] : null,
    types: args.types && args.types.length > 0 ? [...args.types] : null,
    scan: EXPANSION_SCAN,
  });
  const row = rows[0];
  if (!row) return null;
  const candidates: Candidate[] = ((row.candidates as Row[] | undefined) ?? []).map((c) => ({
    id: str(c.id) ?? '',
    type: str(c.type) ?? '',
    year: int(c.year),
    degree: int(c.degree) ?? 0,
  }));
  const kept = rankNeighbours(candidates).slice(0, Math.max(0, args.limit - 1));
  const ids = [args.id, ...kept.map((c) => c.id)];
  const detail = await reader.rows(NODES_AND_EDGES, { ids, labels: [...LABELS] });
  const d = detail[0] ?? {};
  const order = new Map(ids.map((id, i) => [id, i]));
  const nodes = ((d.nodes as Row[] | undefined) ?? [])
    .map((n) => toGraphNode(str(n.type) as NodeType, (n.props ?? {}) as Row, null))
    .map((n) => ({ ...n, distance: n.id === args.id ? 0 : 1 }))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const edges = ((d.edges as Row[] | undefined) ?? []).map((e) => {
    const source = str(e.source) ?? '';
    const target = str(e.target) ?? '';
    const type = str(e.type) ?? '';
    return { id: `${source}|${type}|${target}`, type, source, target, properties: (e.props ?? {}) as Record<string, unknown> };
  });
  return {
    center: str(row.center) ?? args.id,
    nodes,
    edges,
    total: candidates.length,
    relationships: ((row.relationships as Row[] | undefined) ?? []).map((r) => ({ name: str(r.name) ?? '', count: int(r.count) ?? 0 })),
  };
}
