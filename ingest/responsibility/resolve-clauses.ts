// The responsibility stage's hand-over to resolve: a measure's responsibility, read as clauses
// with field roles where labels were written, resolved to departments. Without clauses the list
// as written goes to resolve whole (its own 牵头/配合 grammar decides roles). With them, each
// clause is resolved alone and its label's role wins; once a lead is named, the other parties of
// the measure support it (牵头单位：X 责任单位：Y → Y supports; X牵头，Y等部门按职责分工负责 → Y supports).
import { resolveResponsibilities, type DepartmentReference, type ResolveOptions, type ResolvedParty } from '../resolve/departments.js';
import { normalise } from '../normalise.js';
import type { Diagnostic, ParsedMeasure } from '../types.js';

export function resolveMeasureParties(
  m: Pick<ParsedMeasure, 'responsibleText' | 'responsibleSpan' | 'responsibleClauses' | 'responsibleBySubject'>,
  ref: DepartmentReference,
  given: ResolveOptions,
): { parties: ResolvedParty[]; diagnostics: Diagnostic[] } {
  // The subjects of a notice's sentences are no task list: the first-is-lead convention is not theirs.
  const options = m.responsibleBySubject && given.firstIsLead ? { ...given, firstIsLead: false } : given;
  if (!m.responsibleClauses) {
    if (!m.responsibleText) return { parties: [], diagnostics: [] };
    const r = resolveResponsibilities(separateConjoined(m.responsibleText), m.responsibleSpan, ref, options);
    shareTheNextRole(m.responsibleText, r.parties);
    // X牵头，Y、Z按职责分工负责: as in a clause read by labels, once a lead is written the others
    // support it (eval/documents/README.md, labelling rule 9).
    supportTheLead(r.parties);
    return r;
  }
  const parties: ResolvedParty[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const c of m.responsibleClauses) {
    // The clause is resolved whole, so that a name reads in its list (各区(县、市)政府、开发园区管委会:
    // the 各 covers the zones' committees too); separators inside a name's brackets
    // (各县(市、区)人民政府) are masked so resolve keeps the name whole.
    const r = resolveResponsibilities(separateConjoined(maskBracketed(c.text)), c.span, ref, options);
    diagnostics.push(...r.diagnostics.map((d) => ({ ...d, message: d.message.replaceAll(MASK, '、') })));
    for (const p of r.parties) {
      unmask(p);
      // resolve trims a closing bracket off the end of a list; a name may end with one (各县(市、区)).
      if (/[(（][^()（）]*$/u.test(p.asWritten) && /[)）]$/u.test(c.text.trim())) p.asWritten += ')';
      if (c.role) p.role = c.role;
      // Read clause by clause, a sole name is not yet the measure's sole party: it leads only if
      // written so (牵头) or by the document's convention (列第一位者为牵头单位).
      else if (p.role === 'lead' && !/牵头(?!单位|部门)/u.test(c.text) && !options.firstIsLead) p.role = 'joint';
      if (!parties.some((q) => q.departmentId === p.departmentId)) parties.push(p);
    }
  }
  if (parties.length === 1 && parties[0]!.role === 'joint') parties[0]!.role = 'lead';
  // X要…，Y要积极配合: the one party written with no role word, beside others written as support,
  // leads (a single party with no role word leads). Several such parties stay joint: each is
  // responsible for its own part (X负责…。Y负责…。Z等部门协同做好…).
  const unmarked = parties.filter((p) => p.role === 'joint');
  if (unmarked.length === 1 && parties.some((p) => p.role === 'support')) unmarked[0]!.role = 'lead';
  supportTheLead(parties);
  return { parties, diagnostics };
}

/**
 * A clause with no predicate of its own takes the role of the clause after it: in
 * X牵头，A、B等部门，C配合 the 配合 governs A and B too, and in 合肥市，省发展改革委牵头 (nothing
 * before them with a role of its own) the 牵头 governs 合肥市 too. (A clause with its own
 * predicate, 相关部门按职责分工负责, keeps the role resolve gave it.)
 */
function shareTheNextRole(text: string, parties: ResolvedParty[]): void {
  const clauses = normalise(text).split(/[,;]/u).map((c) => c.trim()).filter((c) => c !== '');
  for (let i = 0; i + 1 < clauses.length; i++) {
    if (PREDICATE.test(clauses[i]!)) continue;
    const next = clauses.slice(i + 1).find((c) => PREDICATE.test(c));
    if (!next) continue;
    const role = SUPPORT.test(next) ? 'support' : LEADS.test(next) && !clauses.slice(0, i).some((c) => PREDICATE.test(c)) ? 'lead' : undefined;
    if (!role) continue;
    for (const p of parties) if (p.role === 'joint' && clauses[i]!.includes(normalise(p.asWritten))) p.role = role;
  }
}

const PREDICATE = /(牵头|配合|协助|参与|负责|落实|实施|推进)$/u;
const SUPPORT = /(配合|协助|参与)$/u;
const LEADS = /牵头$/u;

/**
 * 省财政厅和各市人民政府: 和 / 及 / 以及 / 与 between an organ's name and a collective or place
 * (各…, 有关…, 省…/市…/区…/县…) separate two parties; inside a name (市文化和旅游局) they do not,
 * because the word before them ends no organ. Replaced by 、 with the same length, so offsets hold.
 */
export function separateConjoined(text: string): string {
  return text.replace(/(?<=(?:局|委|办|厅|部|政府|中心|公司|银行|管委会|委员会|分行|海关))(和|及|以及|与)(?=各|有关|相关|[省市区县])/gu, (m) => '、'.repeat(m.length));
}

const MASK = '\u00b7';

function maskBracketed(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
    out += depth > 0 && /[、，,]/u.test(ch) ? MASK : ch;
  }
  return out;
}

function unmask(p: ResolvedParty): void {
  if (!p.asWritten.includes(MASK)) return;
  p.asWritten = p.asWritten.replaceAll(MASK, '、');
  p.name = p.name.replaceAll(MASK, '、');
  p.departmentId = p.departmentId.replaceAll(MASK, '、');
}

/** Once a lead is named (by 牵头, a field label or the document's convention), the measure's other parties support it. */
function supportTheLead(parties: ResolvedParty[]): void {
  if (parties.some((p) => p.role === 'lead')) for (const p of parties) if (p.role === 'joint') p.role = 'support';
}
