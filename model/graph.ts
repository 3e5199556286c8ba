// The graph model, defined once: node labels, relationship types with the labels of their
// ends, id formats, and the exchange shape the ingest produces and the writer stores. The bottom
// layer: ingest/ and db/ both import it, and it imports nothing of theirs (eslint.config.js).
import { createHash } from 'node:crypto';
import { normalise } from './text.js';

/** Every label of the graph model (README); each has a unique `id`. */
export const LABELS = ['Document', 'Measure', 'Department', 'Theme', 'Initiative', 'Target', 'Requirement'] as const;
export type Label = (typeof LABELS)[number];

/** Every relationship type with the labels of its ends. */
export const RELATIONSHIPS = {
  HAS_MEASURE: ['Document', 'Measure'],
  ASSIGNED_TO: ['Measure', 'Department'],
  SUCCEEDED_BY: ['Department', 'Department'],
  ABOUT: ['Measure', 'Theme'],
  MENTIONS: ['Measure', 'Initiative'],
  SETS: ['Measure', 'Target'],
  IMPLEMENTS: ['Measure', 'Requirement'],
  PART_OF: ['Requirement', 'Document'],
  CITES: ['Document', 'Document'],
  EVOLVES_FROM: ['Measure', 'Measure'],
  RESEMBLES: ['Measure', 'Measure'],
  /** A local measure carries out a clause (a measure) of a higher-level document its document cites. */
  IMPLEMENTS_CLAUSE: ['Measure', 'Measure'],
  /** A requirement of a division-of-labour table quotes this clause of its directive. */
  QUOTES: ['Requirement', 'Measure'],
} as const satisfies Record<string, readonly [Label, Label]>;
export type RelationshipType = keyof typeof RELATIONSHIPS;

/** Neo4j properties are flat: scalars or homogeneous lists of scalars. */
export type PropertyValue = string | number | boolean | null | string[] | number[];

export interface GraphNode {
  id: string;
  labels: string[];
  properties: Record<string, PropertyValue>;
}

export interface GraphRelationship {
  type: string;
  start: string;
  end: string;
  properties: Record<string, PropertyValue>;
}

export type Severity = 'error' | 'warning' | 'info';

/** A finding about the input, always anchored to a place a person can open. */
export interface Diagnostic {
  file: string;
  line: number; // 1-based
  column: number; // 1-based, in characters of the decoded text
  severity: Severity;
  rule: string; // kebab-case id, e.g. 'unknown-department'
  message: string; // says what is wrong and what to do
}

/** The dry-run JSON, and the writer's input. */
export interface Graph {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  diagnostics: Diagnostic[];
}

// Ids are derived from content and position only, so a rerun yields the same graph and the
// writer can MERGE on them.

function sha(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Document of an ingested file: doc:<first 16 hex of the text's sha256>. */
export function documentId(sha256: string): string {
  return `doc:${sha256.slice(0, 16)}`;
}

/** The index-th measure (0-based) of a document: m:<sha16>:<NNN>. */
export function measureId(sha256: string, index: number): string {
  return `m:${sha256.slice(0, 16)}:${String(index + 1).padStart(3, '0')}`;
}

/** A requirement clause, one node however many documents quote it. */
export function requirementId(text: string): string {
  return `req:${sha(normalise(text)).slice(0, 12)}`;
}

/** A directive known only by citation: nat:<number or title>. */
export function citedDocumentId(numberOrTitle: string): string {
  return `nat:${numberOrTitle}`;
}

/** A document read from a file (cited directives have no source file). */
export function isSourceDocument(n: GraphNode): boolean {
  return n.labels.includes('Document') && typeof n.properties.sourceFile === 'string';
}
