import cytoscape, { type Core, type LayoutOptions, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import { NODE_STYLES, NODE_TYPES } from './nodeTypes.js';

let registered = false;
/** Extensions register globally and complain when registered twice (hot reload, tests). */
export function registerCytoscapeExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered = true;
}

export type CanvasLayout = 'fcose' | 'dagre-lr' | 'dagre-tb' | 'preset' | 'concentric';

/**
 * Layouts per purpose: force-directed for exploring neighbourhoods, layered left→right for
 * lineage (time flows left to right), layered top→down for hierarchies such as a document's
 * outline. Big graphs get fcose's draft quality: the benchmark asks for 3,000 elements laid out
 * in under 3 s on two cores, and the spectral draft is what makes that possible.
 */
export function layoutOptions(kind: CanvasLayout, elementCount: number, incremental: boolean): LayoutOptions {
  switch (kind) {
    case 'preset':
      return { name: 'preset', fit: true, padding: 40 } as LayoutOptions;
    case 'concentric':
      // A hub and its spokes (a department and its partners): the best-connected node in the middle.
      return {
        name: 'concentric',
        concentric: (node: { degree: (loops: boolean) => number }) => node.degree(false),
        levelWidth: () => 1,
        minNodeSpacing: 40,
        fit: true,
        padding: 30,
        animate: false,
      } as unknown as LayoutOptions;
    case 'dagre-lr':
    case 'dagre-tb':
      return {
        name: 'dagre',
        rankDir: kind === 'dagre-lr' ? 'LR' : 'TB',
        nodeSep: kind === 'dagre-lr' ? 80 : 40,
        rankSep: kind === 'dagre-lr' ? 230 : 90,
        fit: true,
        padding: 30,
        animate: false,
      } as LayoutOptions;
    case 'fcose':
    default:
      return {
        name: 'fcose',
        // fcose's draft is a fresh spectral layout: it needs random starting positions, so an
        // incremental run (keeping the nodes already placed) uses the default quality.
        quality: elementCount > 1200 && !incremental ? 'draft' : 'default',
        randomize: !incremental,
        animate: false,
        fit: true,
        padding: 30,
        nodeDimensionsIncludeLabels: elementCount < 600,
        numIter: elementCount > 1200 ? 600 : 2500,
        idealEdgeLength: 90,
        // The spectral draft packs big graphs tight; more separation keeps hubs and labels apart.
        nodeSeparation: elementCount > 1200 ? 160 : 75,
        nodeRepulsion: 6000,
        // Packing relocates whole components, which fcose cannot do for nodes it keeps in place
        // (an incremental run over several expansions crashed in relocateComponent).
        packComponents: elementCount <= 1200 && !incremental,
      } as LayoutOptions;
  }
}

/**
 * Runs a layout with Math.random replaced by a seeded generator, so the same graph gets the same
 * picture on every load (fcose starts from random positions).
 */
export function runSeeded<T>(run: () => T, seed = 20240601): T {
  const original = Math.random;
  let state = seed >>> 0;
  Math.random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

/** Colour of a year on a light-to-dark blue scale (earliest lightest), for "colour by year". */
export function yearColor(year: number, min: number, max: number): string {
  const share = max > min ? (year - min) / (max - min) : 1;
  const from = [147, 197, 253];
  const to = [30, 58, 138];
  const mix = from.map((c, i) => Math.round(c + (to[i]! - c) * share));
  return `rgb(${mix.join(',')})`;
}

export function canvasStyle(): StylesheetJson {
  const byType = NODE_TYPES.map((type) => ({
    selector: `node[type = "${type}"]`,
    style: {
      'background-color': NODE_STYLES[type].color,
      shape: NODE_STYLES[type].shape,
      width: NODE_STYLES[type].size,
      height: NODE_STYLES[type].size,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 12,
        'font-family': '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
        color: '#111827',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'min-zoomed-font-size': 7,
        'border-width': 0,
      },
    },
    ...byType,
    // Document titles are long and start alike (天津市…): two wrapped lines say more than one cut line.
    // Chinese has no spaces to break at, hence 'anywhere'.
    { selector: 'node[type = "Document"]', style: { 'font-weight': 'bold', 'font-size': 13, 'text-wrap': 'wrap', 'text-overflow-wrap': 'anywhere', 'text-max-width': '170px' } },
    // Lineage and partner canvases have few nodes and room for two-line labels.
    { selector: 'node.wrap', style: { 'text-wrap': 'wrap', 'text-overflow-wrap': 'anywhere', 'text-max-width': '160px' } },
    // Dense canvases keep labels on the hubs (documents, themes, departments, programmes);
    // the many measure labels would only overlap. They return on hover and for the selection.
    { selector: 'node.quiet', style: { label: '' } },
    { selector: 'node.quiet:selected', style: { label: 'data(label)' } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111827', 'z-index': 10 } },
    { selector: 'node.faded, edge.faded', style: { opacity: 0.2 } },
    { selector: 'node.by-year', style: { 'background-color': 'data(yearColor)' } },
    { selector: 'node.by-degree', style: { width: 'data(degreeSize)', height: 'data(degreeSize)' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#0f172a', 'border-style': 'double' } },
    { selector: '.off-path', style: { opacity: 0.18 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#dc2626' } },
    { selector: 'edge.on-path', style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', width: 4, 'z-index': 20 } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 1, 20, 1, 6)',
        'line-color': '#9ca3af',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#9ca3af',
        'arrow-scale': 0.8,
        opacity: 0.85,
      },
    },
    { selector: 'edge[!weight]', style: { width: 1.5 } },
    { selector: 'edge[type = "EVOLVES_FROM"]', style: { 'line-color': '#059669', 'target-arrow-color': '#059669', width: 3, 'line-style': 'solid' } },
    // EVOLVES_FROM is stored from the later measure to the earlier one; the arrow is drawn at the
    // source so every lineage arrow reads earlier → later (the lineage page draws its own edges
    // earlier → later and marks them with the class 'forward').
    { selector: 'edge[type = "EVOLVES_FROM"][!forward]', style: { 'target-arrow-shape': 'none', 'source-arrow-shape': 'triangle', 'source-arrow-color': '#059669' } },
    { selector: 'edge[type = "RELATED"]', style: { 'line-color': '#9ca3af', 'target-arrow-color': '#9ca3af', 'line-style': 'dashed', width: 2 } },
    { selector: 'edge[type = "ABOUT"], edge[type = "OVERVIEW_THEME"]', style: { 'line-color': '#c4b5fd', 'target-arrow-shape': 'none' } },
    { selector: 'edge[type = "ASSIGNED_TO"]', style: { 'line-color': '#fcd34d', 'target-arrow-color': '#f59e0b' } },
    { selector: 'edge[type = "SUCCEEDED_BY"]', style: { 'line-color': '#b45309', 'target-arrow-color': '#b45309', 'line-style': 'dashed', width: 2.5 } },
    { selector: 'edge[type = "PARTNER"]', style: { 'line-color': '#d6a36a', 'target-arrow-shape': 'none' } },
    { selector: 'edge[label]', style: { label: 'data(label)', 'font-size': 10, color: '#374151', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.9 } },
  ] as StylesheetJson;
}

export const WEBGL_ELEMENTS = 2000;

export function createCy(container: HTMLElement, elementCountHint = 0): Core {
  registerCytoscapeExtensions();
  return cytoscape({
    container,
    style: canvasStyle(),
    minZoom: 0.05,
    maxZoom: 4,
    // Large neighbourhoods stay smooth while panning: draw a texture instead of every edge.
    textureOnViewport: elementCountHint > 1500,
    hideEdgesOnViewport: elementCountHint > 1500,
    boxSelectionEnabled: false,
    // Past ~2,000 elements the canvas renderer drops frames; Cytoscape 3.31+ draws with WebGL.
    ...(elementCountHint > WEBGL_ELEMENTS ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
}
