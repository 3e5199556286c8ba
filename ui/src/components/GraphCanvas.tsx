import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { Core, ElementDefinition } from 'cytoscape';
import { createCy, layoutOptions, runSeeded, yearColor, type CanvasLayout } from '../lib/cytoscape.js';
import type { NodeType } from '../lib/nodeTypes.js';
import { shortLabel } from '../lib/nodeTypes.js';

export interface CanvasNode {
  id: string;
  type: NodeType;
  /** Full label; the canvas shows a shortened one and the full one on hover. */
  label: string;
  year?: number | null;
  position?: { x: number; y: number };
  /** The whole text (a measure's text, a document's title), for exports; the label is cut. */
  fullText?: string;
}

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  label?: string;
  weight?: number;
  /** An EVOLVES_FROM edge already drawn earlier → later (source is the earlier measure). */
  forward?: boolean;
}

export interface GraphCanvasHandle {
  fit: () => void;
  zoomBy: (factor: number) => void;
  exportPng: () => Promise<Blob | null>;
  /** The visible graph (what the filters leave), with each node's whole text and position. */
  exportJson: () => { nodes: (CanvasNode & { position: { x: number; y: number } })[]; edges: CanvasEdge[] };
  /** Current positions of every node. */
  positions: () => Map<string, { x: number; y: number }>;
  /** Milliseconds the last layout took; the UI benchmark reads it. */
  lastLayoutMs: () => number;
}

interface GraphCanvasProps {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  layout: CanvasLayout;
  /** Ids hidden by filters: kept in the graph (so layout and undo stay stable) but not drawn. */
  hiddenIds?: ReadonlySet<string>;
  selectedId?: string | null;
  focusId?: string | null;
  onSelect?: (id: string | null) => void;
  onExpand?: (id: string) => void;
  ariaLabel: string;
  labelMax?: number;
  /** Two-line labels, for canvases with few nodes (lineage, partners). */
  wrapLabels?: boolean;
  /** Nodes fixed in place (layouts leave them where they are). */
  pinnedIds?: ReadonlySet<string>;
  /** A highlighted path (shortest path between two nodes). */
  path?: { nodes: readonly string[]; edges: readonly string[] } | null;
  /** Colour by node type (default) or by year; size by type (default) or by number of links. */
  colorBy?: 'type' | 'year';
  sizeBy?: 'type' | 'degree';
  /** Called after each layout with the positions it produced (to keep them in the URL). */
  onLayout?: (positions: Map<string, { x: number; y: number }>) => void;
  ref?: Ref<GraphCanvasHandle>;
  className?: string;
}

const MAX_FIT_ZOOM = 1.25;
const DENSE_NODES = 120;
const QUIET_TYPES = new Set(['Measure', 'Target', 'Requirement']);

function positionsOf(cy: Core): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  cy.nodes().forEach((n) => {
    out.set(n.id(), { ...n.position() });
  });
  return out;
}

interface Hover {
  text: string;
  x: number;
  y: number;
}

/**
 * Thin React wrapper over one Cytoscape instance. Elements are diffed into the instance rather
 * than rebuilt, so an expansion adds a few nodes and re-runs an incremental layout instead of
 * throwing the user's mental map away.
 */
export function GraphCanvas({
  nodes,
  edges,
  layout,
  hiddenIds,
  selectedId,
  focusId,
  onSelect,
  onExpand,
  ariaLabel,
  labelMax = 16,
  wrapLabels = false,
  pinnedIds,
  path,
  colorBy = 'type',
  sizeBy = 'type',
  onLayout,
  ref,
  className,
}: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutMs = useRef(0);
  const [hover, setHover] = useState<Hover | null>(null);
  // Handlers change identity on every render of the parent; the Cytoscape listeners read them
  // through refs so they are bound once.
  const onSelectRef = useRef(onSelect);
  const onExpandRef = useRef(onExpand);
  const onLayoutRef = useRef(onLayout);
  onSelectRef.current = onSelect;
  onExpandRef.current = onExpand;
  onLayoutRef.current = onLayout;

  useEffect(() => {
    if (!containerRef.current) return;
    const cy = createCy(containerRef.current, nodes.length + edges.length);
    cyRef.current = cy;
    cy.on('tap', 'node', (event) => onSelectRef.current?.(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) onSelectRef.current?.(null);
    });
    cy.on('dbltap', 'node', (event) => onExpandRef.current?.(event.target.id()));
    cy.on('mouseover', 'node', (event) => {
      const p = event.renderedPosition;
      setHover({ text: String(event.target.data('fullLabel') ?? ''), x: p.x, y: p.y });
    });
    cy.on('mouseout', 'node', () => setHover(null));
    cy.on('viewport', () => setHover(null));
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
    // The instance lives as long as the component; element changes are handled below.
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Set<string>();
    const added: ElementDefinition[] = [];
    for (const node of nodes) {
      wanted.add(node.id);
      if (cy.getElementById(node.id).nonempty()) continue;
      // A document's or a measure's year is the first thing a reader of the canvas needs.
      const label = (node.type === 'Document' || node.type === 'Measure') && node.year ? `${node.year} ${node.label}` : node.label;
      added.push({
        group: 'nodes',
        data: { id: node.id, type: node.type, label: shortLabel(label, node.type === 'Document' || wrapLabels ? labelMax * 2 : labelMax), fullLabel: label, year: node.year ?? null },
        position: node.position ? { ...node.position } : undefined,
        classes: wrapLabels ? 'wrap' : undefined,
      });
    }
    const nodeIds = new Set(nodes.map((n) => n.id));
    for (const edge of edges) {
      // An edge whose end is not on the canvas would make Cytoscape throw; the API bounds
      // neighbourhoods, so such dangling edges are expected at the rim.
      if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) continue;
      wanted.add(edge.id);
      if (cy.getElementById(edge.id).nonempty()) continue;
      const data: Record<string, unknown> = { id: edge.id, source: edge.source, target: edge.target, type: edge.type };
      if (edge.label) data.label = edge.label;
      if (edge.weight !== undefined) data.weight = edge.weight;
      if (edge.forward) data.forward = true;
      added.push({ group: 'edges', data });
    }
    const hadElements = cy.elements().length > 0;
    const removed = cy.elements().filter((el) => !wanted.has(el.id()));
    if (added.length === 0 && removed.length === 0) return;
    cy.batch(() => {
      removed.remove();
      cy.add(added);
      const dense = cy.nodes().length > DENSE_NODES;
      cy.nodes().forEach((node) => {
        const quiet = dense && QUIET_TYPES.has(node.data('type') as string);
        if (quiet !== node.hasClass('quiet')) node.toggleClass('quiet', quiet);
      });
    });
    if (added.length === 0) return; // undo: the remaining nodes keep their places
    const started = performance.now();
    // Nodes that arrive with a position (the overview's places, or positions kept in the URL)
    // stay there; a force layout runs only when some node has none.
    const unplaced = nodes.some((n) => !n.position && cy.getElementById(n.id).nonempty() && added.some((a) => a.data.id === n.id));
    const kind: CanvasLayout = layout === 'fcose' && !unplaced ? 'preset' : layout;
    const incremental = hadElements && kind === 'fcose';
    try {
      runSeeded(() => cy.layout(layoutOptions(kind, cy.elements().length, incremental)).run());
    } catch {
      // A layout that fails on this graph must not take the canvas down: lay it out afresh.
      runSeeded(() => cy.layout(layoutOptions(kind, cy.elements().length, false)).run());
    }
    // A handful of nodes fitted to the box would be drawn huge; keep them at a reading size.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    layoutMs.current = performance.now() - started;
    // Exposed for the UI benchmark and the browser tests: when, and how fast, the canvas settled.
    if (containerRef.current) containerRef.current.dataset.layoutMs = String(Math.round(layoutMs.current));
    const placed = positionsOf(cy);
    // The browser tests compare these across reloads (a shared link must show the same picture).
    if (containerRef.current) containerRef.current.dataset.positions = [...placed].map(([id, p]) => `${id}@${Math.round(p.x)},${Math.round(p.y)}`).sort().join(' ');
    if (kind !== 'preset') onLayoutRef.current?.(placed);
  }, [nodes, edges, layout, labelMax, wrapLabels]);

  const pinnedKey = pinnedIds ? [...pinnedIds].sort().join('\n') : '';
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes().forEach((node) => {
      const pinned = pinnedIds?.has(node.id()) ?? false;
      if (pinned) node.lock();
      else node.unlock();
      node.toggleClass('pinned', pinned);
    });
  }, [pinnedKey, nodes]);

  const pathKey = path ? [...path.nodes, ...path.edges].join('\n') : '';
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.on-path').removeClass('on-path');
      cy.elements('.off-path').removeClass('off-path');
      if (!path) return;
      const on = new Set([...path.nodes, ...path.edges]);
      cy.elements().forEach((el) => {
        el.addClass(on.has(el.id()) ? 'on-path' : 'off-path');
      });
    });
  }, [pathKey, nodes, edges]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const years = nodes.map((n) => n.year).filter((y): y is number => typeof y === 'number');
    const min = Math.min(...years);
    const max = Math.max(...years);
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const year = node.data('year') as number | null;
        const byYear = colorBy === 'year' && typeof year === 'number';
        node.toggleClass('by-year', byYear);
        if (byYear) node.data('yearColor', yearColor(year, min, max));
        const bySize = sizeBy === 'degree';
        node.toggleClass('by-degree', bySize);
        if (bySize) node.data('degreeSize', Math.round(18 + Math.min(60, Math.sqrt(node.degree(false)) * 9)));
      });
    });
  }, [colorBy, sizeBy, nodes, edges]);

  const hiddenKey = hiddenIds ? [...hiddenIds].sort().join('\n') : '';
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        node.style('display', hiddenIds?.has(node.id()) ? 'none' : 'element');
      });
    });
    // A filter that hides most of the graph should not leave the rest in a corner.
    const visible = cy.nodes().filter((node) => node.style('display') !== 'none');
    if (visible.nonempty()) {
      cy.fit(visible, 30);
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center(visible);
      }
    }
    // hiddenKey stands for hiddenIds: refit only when the hidden set really changes.
  }, [hiddenKey, nodes]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes(':selected').unselect();
    if (selectedId) {
      const node = cy.getElementById(selectedId);
      if (node.nonempty()) node.select();
    }
  }, [selectedId, nodes]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes('.focus').removeClass('focus');
    if (focusId) cy.getElementById(focusId).addClass('focus');
  }, [focusId, nodes]);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => cyRef.current?.fit(undefined, 30),
      zoomBy: (factor: number) => {
        const cy = cyRef.current;
        if (!cy) return;
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
      exportPng: async () => {
        const cy = cyRef.current;
        if (!cy) return null;
        return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
      },
      exportJson: () => {
        const cy = cyRef.current;
        const positions = new Map<string, { x: number; y: number }>();
        cy?.nodes().forEach((n) => {
          if (!hiddenIds?.has(n.id())) positions.set(n.id(), { ...n.position() });
        });
        return {
          nodes: nodes.filter((n) => positions.has(n.id)).map((n) => ({ ...n, position: positions.get(n.id)! })),
          edges: edges.filter((e) => positions.has(e.source) && positions.has(e.target)),
        };
      },
      positions: () => (cyRef.current ? positionsOf(cyRef.current) : new Map()),
      lastLayoutMs: () => layoutMs.current,
    }),
    [nodes, edges, hiddenIds],
  );

  return (
    <div className={`graph-canvas ${className ?? ''}`}>
      <div
        ref={containerRef}
        className="graph-canvas__surface"
        role="img"
        aria-label={ariaLabel}
        data-testid="graph-canvas"
        data-node-count={nodes.length}
      />
      {hover && hover.text && (
        <div className="graph-canvas__tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
          {hover.text}
        </div>
      )}
    </div>
  );
}
