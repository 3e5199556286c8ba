// One place decides how each node label looks, so the canvas, the legend and the lists agree.
export const NODE_TYPES = ['Document', 'Measure', 'Department', 'Theme', 'Initiative', 'Target', 'Requirement'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface NodeTypeStyle {
  color: string; // fill; chosen to keep white-on-fill and fill-on-white both above 4.5:1
  shape: 'round-rectangle' | 'ellipse' | 'hexagon' | 'diamond' | 'star' | 'triangle' | 'rectangle';
  size: number;
}

export const NODE_STYLES: Record<NodeType, NodeTypeStyle> = {
  Document: { color: '#1d4ed8', shape: 'round-rectangle', size: 44 },
  Measure: { color: '#047857', shape: 'ellipse', size: 26 },
  Department: { color: '#b45309', shape: 'hexagon', size: 32 },
  Theme: { color: '#7e22ce', shape: 'diamond', size: 36 },
  Initiative: { color: '#be123c', shape: 'star', size: 30 },
  Target: { color: '#0f766e', shape: 'triangle', size: 24 },
  Requirement: { color: '#475569', shape: 'rectangle', size: 26 },
};

export function isNodeType(value: string): value is NodeType {
  return (NODE_TYPES as readonly string[]).includes(value);
}

/** Labels in the canvas must stay readable: long Chinese measure texts are cut, the full text goes to the tooltip. */
export function shortLabel(text: string, max = 16): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
