// The responsibility stage's hand-over to resolve: a measure's responsibility, read as clauses
// with field roles where labels were written, resolved to departments. Without clauses the list
// as written goes to resolve whole (its own 牵头/配合 grammar decides roles). With them, each
// clause is resolved alone and its label's role wins; once a lead is named, the other parties of
// the measure support it (牵头单位：X 责任单位：Y → Y supports; X牵头，Y等部门按职责分工负责 → Y supports).
import { resolveResponsibilities, type DepartmentReference, type ResolveOptions, type ResolvedParty } from '../resolve/departments.js';
import { normalise } from '../normalise.js';
import type { Diagnostic, ParsedMeasure } from '../types.js';

export function resolveMeasureParties(
  m: Pick<ParsedMeasure, 'responsibleText' | 'responsibleSpan' | 'responsibleClauses'>,
  ref: DepartmentReference,
  options: ResolveOptions,
): { parties: ResolvedParty[]; diagnostics: Diagnostic[] } {
  if (!m.responsibleClauses) {
    if (!m.responsibleText) return { parties: [], diagnostics: [] };
    const r = resolveResponsibilities(m.responsibleText, m.responsibleSpan, ref, options);
    shareTheNextRole(m.responsibleText, r.parties);
    return r;
  }
  const parties: ResolvedParty[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const c of m.responsibleClauses) {
    const pieces = nestedSeparators(c.text) ? topLevelNames(c.text) : [c.text];
    for (const piece of pieces) {
      const r = resolveResponsibilities(piece, c.span, ref, options);
      diagnostics.push(...r.diagnostics);
      for (const p of r.parties) {
        if (c.role) p.role = c.role;
        // A party a convention adds, or one name of a list read piece by piece, leads only if written so.
        else if (c.inherited || (pieces.length > 1 && !/牵头/u.test(piece))) p.role = 'joint';
        if (!parties.some((q) => q.departmentId === p.departmentId)) parties.push(p);
      }
    }
  }
  if (parties.length === 1 && parties[0]!.role === 'joint') parties[0]!.role = 'lead';
  supportTheLead(parties);
  return { parties, diagnostics };
}

/**
 * A clause with no predicate of its own takes the role of the clause after it: in
 * X牵头，A、B等部门，C配合 the 配合 governs A and B too. (A clause with its own predicate,
 * 相关部门按职责分工负责, keeps the role resolve gave it.)
 */
function shareTheNextRole(text: string, parties: ResolvedParty[]): void {
  const clauses = normalise(text).split(/[,;]/u).map((c) => c.trim()).filter((c) => c !== '');
  for (let i = 0; i + 1 < clauses.length; i++) {
    if (PREDICATE.test(clauses[i]!)) continue;
    const next = clauses.slice(i + 1).find((c) => PREDICATE.test(c));
    if (!next || !SUPPORT.test(next)) continue;
    for (const p of parties) if (p.role === 'joint' && clauses[i]!.includes(normalise(p.asWritten))) p.role = 'support';
  }
}

const PREDICATE = /(牵头|配合|协助|参与|负责|落实|实施|推进)$/u;
const SUPPORT = /(配合|协助|参与)$/u;

/** A list whose names carry separators in brackets: 各县(市、区)人民政府. */
function nestedSeparators(text: string): boolean {
  return /[(（][^()（）]*[、，,][^()（）]*[)）]/u.test(text);
}

/** The names of a list split only at separators outside brackets. */
function topLevelNames(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;]/u.test(ch)) {
      if (cur.trim()) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/** Once a lead is named by a field label, the measure's other parties support it. */
function supportTheLead(parties: ResolvedParty[]): void {
  if (parties.some((p) => p.role === 'lead')) for (const p of parties) if (p.role === 'joint') p.role = 'support';
}
