// Parties named as the subject of an item's sentence: 市商务局、市财政局要……, 各级各有关部门要……,
// 县经贸、统计、工商等部门要……, X作为牵头单位负责……. Only a list of organ names (each ending
// in an organ word, or closed by 等部门) followed by 要 / 负责 / 牵头 counts, so an ordinary
// sentence start (加快推进……要) is never read as a party.
import { normView, originalRange } from '../segment.js';

const ORGAN = /(部门|单位|机构|机关|局|委|办|厅|政府|中心|公司|集团|银行|协会|院|处|所|站|馆|街道|乡镇|办事处|管委会|委员会)$/u;
const VERB = /^(要|须|需|应|应当|负责|牵头|作为牵头单位|按照职责|按职责|分别)/u;

/** Original [start, end) of the subject list at the start of original[from, to), if it names parties. */
export function subjectParties(original: string, from: number, to: number): { start: number; end: number } | undefined {
  const view = normView(original, from, Math.min(to, from + 120));
  const t = view.text;
  // The subject ends at the first verb the list is followed by; no clause punctuation before it.
  const m = /^([^,，。;；:：()（）“”]{2,60}?)(?=要|须|需|应当|负责|牵头|作为牵头单位|按照?职责|分别)/u.exec(t);
  if (!m) return undefined;
  const list = m[1]!;
  const tail = t.slice(m[0].length);
  if (!VERB.test(tail)) return undefined;
  const names = list.replace(/等(有关|相关)?(部门|单位)$/u, '').split(/[、和及]/u).filter((n) => n !== '');
  const grouped = /等(有关|相关)?(部门|单位)$/u.test(list);
  if (names.length === 0) return undefined;
  if (!grouped && !names.every((n) => ORGAN.test(n))) return undefined;
  if (names.some((n) => n.length > 20)) return undefined;
  const [s, e] = originalRange(original, view, 0, list.length);
  return { start: s, end: e };
}
