// The explorer's canvas on a synthetic neighbourhood of ?n= elements: the product's own
// Cytoscape set-up (ui/src/lib/cytoscape.ts: style, fcose options, large-graph settings), so
// the figure is the real canvas's cost, without depending on what the database holds.
import { createCy, layoutOptions } from '../../ui/src/lib/cytoscape.js';
import { NODE_TYPES } from '../../ui/src/lib/nodeTypes.js';

interface BenchResult {
  elements: number;
  nodes: number;
  edges: number;
  /** Navigation start → this module runs (HTML, bundle download, parse). */
  scriptStartMs: number;
  /** Building the synthetic graph, creating the Cytoscape instance and adding the elements. */
  addMs: number;
  layoutMs: number;
  /** Layout done → two frames painted. */
  paintMs: number;
  /** From navigation start to the first frame painted after layout (performance.now()). */
  readyMs: number;
}

declare global {
  interface Window {
    __bench?: BenchResult;
    __benchNodePosition?: () => { x: number; y: number };
    __benchTapped?: number;
  }
}

/** Deterministic graph shaped like a policy neighbourhood: documents own measures, measures
 * point at a few shared departments and themes, and some measures evolve from others. */
function synthetic(elements: number) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const nodes: { data: { id: string; type: string; label: string } }[] = [];
  const edges: { data: { id: string; source: string; target: string; type: string } }[] = [];
  const nodeCount = Math.max(4, Math.round(elements / 3));
  const hubs = Math.max(3, Math.round(nodeCount * 0.06));
  for (let i = 0; i < nodeCount; i++) {
    const type = i < hubs ? NODE_TYPES[2 + (i % 3)]! : i % 25 === 0 ? 'Document' : 'Measure';
    nodes.push({ data: { id: `n${i}`, type, label: `${type === 'Measure' ? '推进消费扩容提质措施' : '天津市商务局'}${i}` } });
  }
  const add = (s: number, t: number, type: string) => {
    if (s === t || edges.length + nodes.length >= elements) return;
    edges.push({ data: { id: `e${edges.length}`, source: `n${s}`, target: `n${t}`, type } });
  };
  for (let i = hubs; i < nodeCount && edges.length + nodes.length < elements; i++) {
    add(i, Math.floor(rand() * hubs), 'ASSIGNED_TO');
    if (rand() < 0.6) add(i, Math.floor(rand() * hubs), 'ABOUT');
    if (rand() < 0.3) add(i, hubs + Math.floor(rand() * (nodeCount - hubs)), 'EVOLVES_FROM');
  }
  while (edges.length + nodes.length < elements) add(hubs + Math.floor(rand() * (nodeCount - hubs)), Math.floor(rand() * hubs), 'ASSIGNED_TO');
  return { nodes, edges };
}

const scriptStart = performance.now();
const n = Number(new URLSearchParams(location.search).get('n') ?? '100');
const { nodes, edges } = synthetic(n);
const cy = createCy(document.getElementById('cy')!, nodes.length + edges.length);
cy.add([...nodes, ...edges]);
const started = performance.now();
const addMs = started - scriptStart;
const layout = cy.layout(layoutOptions('fcose', cy.elements().length, false));
layout.one('layoutstop', () => {
  const layoutMs = performance.now() - started;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const readyMs = performance.now();
      window.__bench = {
        elements: cy.elements().length,
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        scriptStartMs: scriptStart,
        addMs,
        layoutMs,
        paintMs: readyMs - started - layoutMs,
        readyMs,
      };
    }),
  );
});
// Interactivity: the driver clicks this node with the mouse and waits for the tap handler.
const probe = () => cy.nodes()[Math.floor(cy.nodes().length / 2)]!;
window.__benchNodePosition = () => probe().renderedPosition();
cy.on('tap', 'node', (e) => {
  e.target.select();
  window.__benchTapped = performance.now();
});
layout.run();
