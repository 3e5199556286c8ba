import type { CanvasEdge, CanvasNode } from '../../../components/GraphCanvas.js';
import { isNodeType } from '../../../lib/nodeTypes.js';

/** The canvas-shaped graph the API returns (overview and neighborhood share it). */
export interface ApiGraph {
  nodes: readonly { id: string; type: string; label: string; year?: number | null }[];
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
      nodes.push({ id: node.id, type: node.type, label: node.label, year: node.year ?? null });
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
 * Overview placement: documents in columns by year (so time reads left to right), themes in a
 * band below, each under the weighted mean year of the documents that mention it. Deterministic,
 * so the overview looks the same on every visit and in screenshots.
 */
export function overviewPositions(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const documents = nodes.filter((n) => n.type === 'Document');
  const years = [...new Set(documents.map((d) => d.year ?? Number.POSITIVE_INFINITY))].sort((a, b) => a - b);
  const columnWidth = 260;
  const columnX = new Map(years.map((year, i) => [year, i * columnWidth]));
  const perYear = new Map<number, number>();
  for (const doc of documents) {
    const year = doc.year ?? Number.POSITIVE_INFINITY;
    const row = perYear.get(year) ?? 0;
    perYear.set(year, row + 1);
    positions.set(doc.id, { x: columnX.get(year)!, y: row * 110 });
  }
  const maxRows = Math.max(1, ...perYear.values());
  const bandTop = maxRows * 110 + 140;
  const themes = nodes.filter((n) => n.type !== 'Document');
  const placed: { id: string; x: number }[] = [];
  for (const theme of themes) {
    let sum = 0;
    let total = 0;
    for (const edge of edges) {
      const other = edge.source === theme.id ? edge.target : edge.target === theme.id ? edge.source : null;
      const at = other ? positions.get(other) : undefined;
      if (!at || !documents.some((d) => d.id === other)) continue;
      const w = edge.weight ?? 1;
      sum += at.x * w;
      total += w;
    }
    placed.push({ id: theme.id, x: total > 0 ? sum / total : 0 });
  }
  // Themes that land on the same spot are spread into rows so their labels do not collide.
  placed.sort((a, b) => a.x - b.x || a.id.localeCompare(b.id));
  const rowEnds: number[] = [];
  const minGap = 120;
  for (const item of placed) {
    let row = rowEnds.findIndex((end) => item.x - end >= minGap);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(Number.NEGATIVE_INFINITY);
    }
    rowEnds[row] = item.x;
    positions.set(item.id, { x: item.x, y: bandTop + row * 70 });
  }
  return positions;
}
