// CONTRACT PLACEHOLDER: the owner of ingest/resolve replaces the bodies; signatures are shared.
import type { Diagnostic, GraphNode, GraphRelationship, SourceSpan } from '../types.js';

export type DepartmentKind = 'institution' | 'collective' | 'unresolved';
export type Role = 'lead' | 'joint' | 'support';

export interface ResolvedParty {
  departmentId: string; // 'dept:<canonical name>'; unresolved names: 'dept:<normalised name as written>'
  name: string; // canonical name (or the written name when unresolved)
  kind: DepartmentKind;
  role: Role;
  asWritten: string;
}

export interface DepartmentReference {
  // shape owned by ingest/resolve
  [key: string]: unknown;
}

export function loadDepartmentReference(_dir = 'seeds/reference'): DepartmentReference {
  return {};
}

export function resolveResponsibilities(
  _text: string,
  _span: SourceSpan | undefined,
  _ref: DepartmentReference,
): { parties: ResolvedParty[]; diagnostics: Diagnostic[] } {
  return { parties: [], diagnostics: [] };
}

/** Department nodes for every party used (and the predecessors/successors of each), with SUCCEEDED_BY edges. */
export function departmentGraph(
  _ref: DepartmentReference,
  _parties: ResolvedParty[],
): { nodes: GraphNode[]; relationships: GraphRelationship[] } {
  return { nodes: [], relationships: [] };
}
