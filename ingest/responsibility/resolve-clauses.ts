// The responsibility stage's hand-over to resolve: a measure's responsibility, read as clauses
// with field roles where labels were written, resolved to departments. Without clauses the list
// as written goes to resolve whole (its own 牵头/配合 grammar decides roles). With them, each
// clause is resolved alone and its label's role wins; once a lead is named, the other parties of
// the measure support it (牵头单位：X 责任单位：Y → Y supports).
import { resolveResponsibilities, type DepartmentReference, type ResolveOptions, type ResolvedParty } from '../resolve/departments.js';
import type { Diagnostic, ParsedMeasure } from '../types.js';

export function resolveMeasureParties(
  m: Pick<ParsedMeasure, 'responsibleText' | 'responsibleSpan' | 'responsibleClauses'>,
  ref: DepartmentReference,
  options: ResolveOptions,
): { parties: ResolvedParty[]; diagnostics: Diagnostic[] } {
  if (!m.responsibleClauses) {
    return m.responsibleText ? resolveResponsibilities(m.responsibleText, m.responsibleSpan, ref, options) : { parties: [], diagnostics: [] };
  }
  const parties: ResolvedParty[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const c of m.responsibleClauses) {
    const r = resolveResponsibilities(c.text, c.span, ref, options);
    diagnostics.push(...r.diagnostics);
    for (const p of r.parties) {
      if (c.role) p.role = c.role;
      if (!parties.some((q) => q.departmentId === p.departmentId)) parties.push(p);
    }
  }
  if (parties.some((p) => p.role === 'lead')) for (const p of parties) if (p.role === 'joint') p.role = 'support';
  return { parties, diagnostics };
}
