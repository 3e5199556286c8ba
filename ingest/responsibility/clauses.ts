// Responsibility as written after an item: the inside of a trailing parenthesis, or label lines
// (责任单位：… / 牵头单位：… 配合单位：… / 完成时限：…). Cut into clauses that each carry the
// role their label gives (牵头单位 → lead, 配合单位 → support) and a deadline where one is
// written as its own field. The label is never part of a party's name; resolve reads each
// clause's list of names.
import { normView, originalRange, trimRange } from '../segment.js';
import { readDeadline } from '../structure/dates.js';

export type ClauseRole = 'lead' | 'support';

export interface Clause {
  /** Original offsets of the list of names (label and separators excluded). */
  start: number;
  end: number;
  role?: ClauseRole;
}

export interface Responsibility {
  clauses: Clause[];
  deadline?: { start: number; end: number; date?: string };
  /** True when a field label (责任单位：, 牵头单位：…) named the clauses. */
  labelled: boolean;
}

const LEAD_LABELS = '牵头单位|牵头部门|主办单位|主责单位|牵头领导单位|牵头责任单位';
const SUPPORT_LABELS = '配合单位|配合部门|协办单位|协助单位|参与单位|协同单位|协同责任单位|配合责任单位';
const PARTY_LABELS = '责任单位|责任部门|责任主体|实施单位|承办单位|落实单位|责任处室';
const DEADLINE_LABELS = '完成时限|完成时间|时间安排|时间进度|时限要求|进度安排|时限';
/** Fields that follow a responsibility line but name no party: a contact person, a phone number. */
const CONTACT_LABELS = '联系人|联系电话|联系方式|电话|邮箱';
/**
 * The leader in charge of a task, a person (牵头负责领导：刘惠, 牵头领导：省政府分管领导同志, 责任市领导：…):
 * a field of the responsibility block that names no party.
 */
const LEADER_LABELS = '(?:牵头|责任|分管|负责|联系|包保)(?:负责)?[省市区县]?领导';
/** A field label with its colon, in the normalised (half-width) text. */
export const FIELD_LABEL = new RegExp(`(${LEAD_LABELS}|${SUPPORT_LABELS}|${PARTY_LABELS}|${DEADLINE_LABELS}|${CONTACT_LABELS}|${LEADER_LABELS}):`, 'gu');
/** A line that starts with a responsibility or deadline field. */
export const FIELD_LINE = new RegExp(`^[(\\[【〔]?(${LEAD_LABELS}|${SUPPORT_LABELS}|${PARTY_LABELS}|${DEADLINE_LABELS}|${LEADER_LABELS})[:：]`, 'u');

/**
 * The convention that the first-named unit of each list leads (列第一位者为牵头单位,
 * 排在第一位的为牵头单位, 列在任务分工首位的为牵头单位), in normalised text without whitespace.
 */
export const FIRST_IS_LEAD = /(?:第一(?:位|个)|首位)(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)|第一责任单位为牵头单位/u;

function roleOfLabel(label: string): ClauseRole | 'deadline' | 'contact' | undefined {
  if (new RegExp(`^(${CONTACT_LABELS}|${LEADER_LABELS})$`, 'u').test(label)) return 'contact';
  if (new RegExp(`^(${LEAD_LABELS})$`, 'u').test(label)) return 'lead';
  if (new RegExp(`^(${SUPPORT_LABELS})$`, 'u').test(label)) return 'support';
  if (new RegExp(`^(${DEADLINE_LABELS})$`, 'u').test(label)) return 'deadline';
  return undefined;
}

/**
 * A parenthetical that names who is responsible: （市商务局负责）, （X、Y等部门按职责分工负责）,
 * （X牵头，Y配合）, （责任单位：X）, （牵头单位：X；配合单位：Y）. Works on normalised text.
 */
export function isResponsibility(text: string): boolean {
  // A deadline may close the bracket: （区委宣传部负责，长期坚持）.
  const last = Math.max(text.lastIndexOf(','), text.lastIndexOf(';'));
  const inner = last > 0 && readDeadline(text.slice(last + 1)) ? text.slice(0, last) : text;
  if (inner.length === 0 || inner.length > 400 || inner.includes('。')) return false;
  if (new RegExp(`^(${LEAD_LABELS}|${SUPPORT_LABELS}|${PARTY_LABELS}):`, 'u').test(inner)) return true;
  return /(负责|牵头|配合|参与|承担|落实)$/u.test(inner) && /[局委办厅部府会处院站行队社署室团司馆心所]/u.test(inner);
}

/**
 * True when the ')' at t[at] closes a '(' opened inside t[a, at): the end of a name such as
 * 各街办(新区) or 各县(市、区)人民政府, not the bracket around the whole clause.
 */
function closesName(t: string, a: number, at: number): boolean {
  if (t[at] !== ')') return false;
  let depth = 0;
  for (let k = a; k < at; k++) {
    if (t[k] === '(') depth++;
    else if (t[k] === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/** Reads the responsibility written in original[start, end) (a parenthetical's inside or label lines). */
export function readResponsibility(original: string, start: number, end: number): Responsibility {
  const [s, e] = trimRange(original, start, end);
  const out: Responsibility = { clauses: [], labelled: false };
  if (s >= e) return out;
  const view = normView(original, s, e);
  const t = view.text;
  const fields: { at: number; bodyAt: number; role: ClauseRole | 'deadline' | 'contact' | undefined }[] = [];
  for (const m of t.matchAll(FIELD_LABEL)) fields.push({ at: m.index, bodyAt: m.index + m[0].length, role: roleOfLabel(m[1]!) });
  out.labelled = fields.length > 0;
  const segments: { a: number; b: number; role: ClauseRole | 'deadline' | 'contact' | undefined }[] = [];
  if (fields.length === 0 || fields[0]!.at > 0) segments.push({ a: 0, b: fields[0]?.at ?? t.length, role: undefined });
  fields.forEach((f, i) => segments.push({ a: f.bodyAt, b: fields[i + 1]?.at ?? t.length, role: f.role }));

  for (const seg of segments) {
    let { a, b } = seg;
    while (a < b && /[\s;；,，。、)\]】〕(]/u.test(t[a]!)) a++;
    while (b > a && /[\s;；,，。、)\]】〕(]/u.test(t[b - 1]!) && !closesName(t, a, b - 1)) b--;
    if (b <= a || seg.role === 'contact') continue;
    if (seg.role === 'deadline') {
      const [os, oe] = originalRange(original, view, a, b);
      out.deadline = { start: os, end: oe, date: readDeadline(t.slice(a, b))?.date };
      continue;
    }
    // A time phrase standing alone at the end of an unlabelled clause: （市商务局，2024年底前）.
    const lastSep = Math.max(t.lastIndexOf(',', b - 1), t.lastIndexOf(';', b - 1));
    if (lastSep >= a) {
      const tail = t.slice(lastSep + 1, b);
      const dl = readDeadline(tail);
      if (dl) {
        const [os, oe] = originalRange(original, view, lastSep + 1, b);
        out.deadline = { start: os, end: oe, date: dl.date };
        b = lastSep;
        while (b > a && /[\s,;]/u.test(t[b - 1]!)) b--;
        if (b <= a) continue;
      }
    }
    const [os, oe] = originalRange(original, view, a, b);
    out.clauses.push({ start: os, end: oe, role: seg.role });
  }
  return out;
}
