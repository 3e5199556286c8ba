// Parties named as the subject of an item's sentence: 市商务局、市财政局要……, 各级各有关部门要……,
// 县经贸、统计、工商等部门要……, X作为牵头单位负责……. Only a list of organ names (each ending
// in an organ word, or closed by 等部门) followed by 要 / 负责 / 牵头 / 参加 … counts, so an ordinary
// sentence start (加快推进……要) is never read as a party.
import { normView, originalRange } from '../segment.js';

const ORGAN = /(部门|单位|机构|机关|局|委|办|办公室|厅|政府|中心|公司|集团|银行|协会|院|处|所|站|馆|电视台|总台|街道|乡镇|办事处|管委会|委员会)$/u;
/** An adverb a predicate may open with (X具体负责……, X共同牵头……). */
const ADVERB = '(?:具体|主要|统一|共同|分别|每月|每季度|每年|每半年)?';
// 将 and 向 open a body's own action in a notice's items (X将对……进行督办, X每月向Y报告……).
const PREDICATE = '(?:要|须|需|应当|将|向|负责|牵头|作为牵头单位|按照?(?:各自)?职责|分别|参加|参与|配合|协助|协同)';
// The list never ends on 主 / 重 / 需 / 只 / 必: the 要 after them is part of a word (各主要责任单位要…).
const SUBJECT = new RegExp(`^([^,，。;；:：()（）“”]{1,79}?[^,，。;；:：()（）“”主重需只必])(?=${ADVERB}${PREDICATE})`, 'u');
const GROUPED = /等(有关|相关)?(部门|单位)$/u;
/** The governments a document addresses by level words alone (各市县, 各区县, 各县市区): a collective. */
const LEVEL_COLLECTIVE = /^各[省市区县州盟旗]{1,4}$/u;
/**
 * 和 / 及 / 与 between an organ's name and a collective or a place (市财政局等单位和各区人民政府)
 * separate two parties; inside a name (市工业和信息化委) they do not.
 */
const SEPARATOR = /、|(?<=(?:局|委|办|厅|部|政府|中心|公司|银行|管委会|委员会|单位|部门))(?:和|及|以及|与)(?=各|有关|相关|[省市区县])/u;
const SANCTION = /^将[^,。;]{0,6}(问责|追责|追究|通报批评|约谈)/u;
/** A predicate that makes its subject a lead (X作为牵头单位负责, X牵头) or a supporter (X参加, X配合). */
const LEAD = /^(?:作为牵头单位|牵头)/u;
// 要积极配合, 要积极履行配合职责: an adverb and 履行 may stand before the role word.
const SUPPORT = /^(?:(?:要|须|需|应当|应)?(?:积极|主动|全力|密切)?(?:履行)?(?:按照?(?:各自)?职责(?:分工)?[,，]?)?(?:参加|参与|配合|协助|协同))/u;

const ADVERB_FIRST = new RegExp(`^${ADVERB}`, 'u');

/**
 * True when `list` names bodies: split at its separators, every name an organ (or the list closed
 * by 等有关部门), none longer than `longest`; `also` admits names of another form.
 */
function isOrganList(list: string, longest = 20, also?: RegExp): boolean {
  const grouped = GROUPED.test(list);
  const names = list.replace(GROUPED, '').split(SEPARATOR).filter((n) => n !== '');
  return names.length > 0 && names.every((n) => n.length <= longest && (grouped || ORGAN.test(n) || LEVEL_COLLECTIVE.test(n) || (also?.test(n) ?? false)));
}

export interface SubjectParties {
  /** Original [start, end) of the list of names. */
  start: number;
  end: number;
  /** What the predicate makes them, when it says (牵头 → lead; 参加, 配合, 协同 → support). */
  role?: 'lead' | 'support';
}

/** The subject list at the start of original[from, to), if it names parties. */
export function subjectParties(original: string, from: number, to: number): SubjectParties | undefined {
  const view = normView(original, from, Math.min(to, from + 160));
  const t = view.text;
  // The subject ends at the first predicate the list is followed by; no clause punctuation before it.
  const m = SUBJECT.exec(t);
  if (!m) return undefined;
  const list = m[1]!;
  if (!isOrganList(list)) return undefined;
  const predicate = t.slice(m[0].length).replace(ADVERB_FIRST, '');
  // …的乡镇，县人民政府将实行问责: the body that holds others to account is not one that does the task.
  if (SANCTION.test(predicate)) return undefined;
  const role = LEAD.test(predicate) ? 'lead' : SUPPORT.test(predicate) ? 'support' : undefined;
  const [s, e] = originalRange(original, view, 0, list.length);
  return { start: s, end: e, ...(role ? { role } : {}) };
}

/**
 * 由X会同Y…负责 / X会同Y研究提出: X acts together with Y, X in charge. The division-of-labour
 * form of State Council and ministry notices, often after the item's topic (关于“…”的问题，由X会同
 * Y等部门负责落实): X leads, Y supports.
 */
const WITH = new RegExp(
  `(?:^|[,;])由?([^,。;:()“”]{2,40}?)会同([^,。;:()“”]{2,160}?)(?=${ADVERB}(?:负责|研究|组织|提出|制定|落实|牵头|推进|做好|抓好|办理))`,
  'u',
);

/** The lead and the supporting list of a 会同 clause in original[from, to), if it names organs. */
export function withParties(original: string, from: number, to: number): SubjectParties[] | undefined {
  const view = normView(original, from, Math.min(to, from + 400));
  const t = view.text;
  const m = WITH.exec(t);
  if (!m) return undefined;
  const lead = m[1]!;
  const others = m[2]!;
  // Ministries (农业部, 商务部) act in this form too; 部 alone is no organ word at a sentence start (全部).
  const ministry = /^.{2,}部$/u;
  if (!isOrganList(lead, 20, ministry) || !isOrganList(others, 20, ministry)) return undefined;
  const leadAt = m.index + m[0].length - others.length - '会同'.length - lead.length;
  const othersAt = m.index + m[0].length - others.length;
  const [ls, le] = originalRange(original, view, leadAt, leadAt + lead.length);
  const [os, oe] = originalRange(original, view, othersAt, othersAt + others.length);
  return [
    { start: ls, end: le, role: 'lead' },
    { start: os, end: oe, role: 'support' },
  ];
}

/**
 * 由X汇总 / 每季度由X通报 / 此项活动由X、Y共同组织实施: the agent a clause names with 由, when it is a
 * list of organs; a demonstrative topic (此项活动, 该项工作, 上述任务) may come first.
 */
const AGENT = /^(?:(?:此|该|上述|以上)[项类]?(?:活动|工作|任务|措施|事项))?(?:每(?:月|季度|年|半年|周))?由/u;
const AGENT_VERB = new RegExp(`${ADVERB}(?:负责|牵头|组织|汇总|通报|统筹|实施|研究|制定|落实|督促|协调|审核|报送|发布|办理|编制|指导)`, 'gu');

/** The organs a clause of original[from, to) names as its agent with 由, if any. */
export function agentParties(original: string, from: number, to: number): SubjectParties | undefined {
  const view = normView(original, from, Math.min(to, from + 120));
  const t = view.text;
  const m = AGENT.exec(t);
  if (!m) return undefined;
  const at = m[0].length;
  // The list ends at the first verb that leaves a list of organs before it (由X贯彻落实…办公室汇总:
  // 落实 inside the name is not its verb).
  for (const v of t.slice(at).matchAll(AGENT_VERB)) {
    const list = t.slice(at, at + v.index);
    if (/[,。;:()“”]/u.test(list)) break;
    // A leading group's office has a long name (自治区贯彻落实国务院《意见》工作领导小组办公室).
    if (!isOrganList(list, 30)) continue;
    const [s, e] = originalRange(original, view, at, at + list.length);
    // 由X牵头: X leads what the clause goes on to share out.
    return { start: s, end: e, ...(v[0].endsWith('牵头') ? { role: 'lead' as const } : {}) };
  }
  return undefined;
}

/**
 * True when `later` names `earlier`'s collective again, qualified by 的: 各项工作任务的主要责任单位
 * after 各主要责任单位 (or 主要责任单位) is the same party, not a second one.
 */
function namesAgain(original: string, earlier: SubjectParties, later: SubjectParties): boolean {
  const again = original.slice(later.start, later.end);
  const at = again.lastIndexOf('的');
  if (at < 0) return false;
  const bare = (s: string) => s.replace(/^各/u, '');
  return bare(again.slice(at + 1)) === bare(original.slice(earlier.start, earlier.end));
}

/**
 * Every subject of original[from, to) that names parties, in text order: each sentence's and
 * each clause's (…制度，各牵头单位每月向……报告，由X通报), as an article gives each body its own
 * sentence (X负责……。Y具体负责……。Z等有关部门应当按照各自职责，协同做好……), a leading-group
 * paragraph (X作为牵头单位负责……。A、B等单位参加……) or a notice's item its own clauses.
 */
export function sentenceSubjects(original: string, from: number, to: number): SubjectParties[] {
  const out: SubjectParties[] = [];
  let at = from;
  while (at < to) {
    while (at < to && /\s/u.test(original[at]!)) at++;
    if (at >= to) break;
    // The next clause. Not at a blank line: copies break lines, even blank ones, inside words.
    const stop = original.slice(at, to).search(/[。！？!?,，;；]/u);
    const end = stop === -1 ? to : at + stop;
    const together = withParties(original, at, end);
    const found = together ? undefined : (agentParties(original, at, end) ?? subjectParties(original, at, to));
    if (together) out.push(...together);
    else if (found && !out.some((o) => o.start === found.start || namesAgain(original, o, found))) out.push(found);
    if (stop === -1) break;
    at += stop + 1;
  }
  return out;
}
