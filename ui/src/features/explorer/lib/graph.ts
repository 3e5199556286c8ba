import type { CanvasEdge, CanvasNode } from '../../../components/GraphCanvas.js';
import { isNodeType } from '../../../lib/nodeTypes.js';

/** The canvas-shaped graph the API returns (overview and neighborhood share it). */
export interface ApiGraph {
  nodes: readonly { id: string; type: string; label: string; year?: number | null; properties?: Record<string, unknown> }[];
  edges: readonly { id: string; type: string; source: string; target: string; properties: Record<string, unknown> }[];
}

export interface MergedGraph {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Which expansion first brought each node in (-1: the base graph), for undo and for tests. */
  origin: Map<string, number>;
}

function edgeWeight(properties: Record<string, unknown>): number | undefined {
  for (const key of ['count', 'measureCount', 'measures', 'weight']) {
    const value = properties[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

/** The whole text of a node, for exports: a measure's text, a document's title, a name. */
function fullText(properties: Record<string, unknown> | undefined): string | null {
  if (!properties) return null;
  for (const key of ['text', 'title', 'name']) {
    const value = properties[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/**
 * Union of the base graph and each expansion, in order. Undo is "drop the last expansion and
 * merge again", so the result never depends on the history of clicks, only on the URL.
 */
export function mergeGraphs(base: ApiGraph | undefined, expansions: readonly (ApiGraph | undefined)[]): MergedGraph {
  const nodes: CanvasNode[] = [];
  const edges: CanvasEdge[] = [];
  const origin = new Map<string, number>();
  const seenEdges = new Set<string>();
  const add = (graph: ApiGraph | undefined, index: number) => {
    if (!graph) return;
    for (const node of graph.nodes) {
      if (origin.has(node.id) || !isNodeType(node.type)) continue;
      origin.set(node.id, index);
      nodes.push({ id: node.id, type: node.type, label: node.label, year: node.year ?? null, fullText: fullText(node.properties) ?? node.label });
    }
    for (const edge of graph.edges) {
      if (seenEdges.has(edge.id)) continue;
      seenEdges.add(edge.id);
      const weight = edgeWeight(edge.properties);
      edges.push({ id: edge.id, source: edge.source, target: edge.target, type: edge.type, ...(weight !== undefined ? { weight } : {}) });
    }
  };
  add(base, -1);
  expansions.forEach((graph, i) => add(graph, i));
  return { nodes, edges, origin };
}

/**
 * Overview placement: documents in columns by year (time reads left to right), themes in a band
 * below, ordered by the weighted mean year of the documents that mention them and spread in
 * rows across the band's width, so early themes sit on the left and every label has room.
 * Deterministic, so the overview looks the same on every visit and in screenshots.
 */
export function overviewPositions(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const documents = nodes.filter((n) => n.type === 'Document');
  const documentIds = new Set(documents.map((d) => d.id));
  const years = [...new Set(documents.map((d) => d.year ?? Number.POSITIVE_INFINITY))].sort((a, b) => a - b);
  const columnWidth = 300;
  const width = Math.max(900, (years.length - 1) * columnWidth);
  const columnX = new Map(years.map((year, i) => [year, years.length === 1 ? width / 2 : (i * width) / (years.length - 1)]));
  const perYear = new Map<number, number>();
  for (const doc of documents) {
    const year = doc.year ?? Number.POSITIVE_INFINITY;
    const row = perYear.get(year) ?? 0;
    perYear.set(year, row + 1);
    positions.set(doc.id, { x: columnX.get(year)!, y: row * 110 });
  }
  const maxRows = Math.max(1, ...perYear.values());
  const bandTop = (maxRows - 1) * 110 + 170;
  const placed: { id: string; x: number }[] = [];
  for (const other of nodes) {
    if (documentIds.has(other.id)) continue;
    let sum = 0;
    let total = 0;
    for (const edge of edges) {
      const doc = edge.source === other.id ? edge.target : edge.target === other.id ? edge.source : null;
      const at = doc && documentIds.has(doc) ? positions.get(doc) : undefined;
      if (!at) continue;
      const w = edge.weight ?? 1;
      sum += at.x * w;
      total += w;
    }
    placed.push({ id: other.id, x: total > 0 ? sum / total : width / 2 });
  }
  placed.sort((a, b) => a.x - b.x || a.id.localeCompare(b.id));
  const slot = 120; // room for a short label at the usual zoom
  const perRow = Math.max(1, Math.floor(width / slot) + 1);
  const rows = Math.ceil(placed.length / perRow);
  placed.forEach((item, i) => {
    const row = i % rows; // column-major: neighbours in time order share a column, not a row
    const column = Math.floor(i / rows);
    const columns = Math.ceil(placed.length / rows);
    const x = columns === 1 ? width / 2 : (column * width) / (columns - 1);
    positions.set(item.id, { x, y: bandTop + row * 70 + (column % 2) * 22 });
  });
  return positions;
}

/**
 * The shortest path between two nodes over the canvas's edges (either direction), as node and
 * edge ids; null when they are not connected on the canvas.
 */
export function shortestPath(edges: readonly CanvasEdge[], from: string, to: string): { nodes: string[]; edges: string[] } | null {
  const adjacent = new Map<string, { node: string; edge: string }[]>();
  for (const e of edges) {
    adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), { node: e.target, edge: e.id }]);
    adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), { node: e.source, edge: e.id }]);
  }
  const previous = new Map<string, { node: string; edge: string } | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) break;
    for (const next of adjacent.get(node) ?? []) {
      if (previous.has(next.node)) continue;
      previous.set(next.node, { node, edge: next.edge });
      queue.push(next.node);
    }
  }
  if (!previous.has(to)) return null;
  const nodes = [to];
  const path: string[] = [];
  for (let step = previous.get(to); step; step = previous.get(step.node)) {
    nodes.unshift(step.node);
    path.unshift(step.edge);
  }
  return { nodes, edges: path };
}

/** Number of edges at each node (for sizing by degree). */
export function degrees(edges: readonly CanvasEdge[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of edges) {
    out.set(e.source, (out.get(e.source) ?? 0) + 1);
    out.set(e.target, (out.get(e.target) ?? 0) + 1);
  }
  return out;
}
