// Measures from the outline: an operative item is a leaf numbered item of the body, the notice
// or an annex. An item may hold several measures, each closed by its responsibility
// parenthetical (a PDF text layer of a plan); otherwise the whole leaf is one measure, with its
// responsibility in label lines after it (责任单位：…), in a group line after its siblings, as
// the subject of its sentence, or nowhere (a measure needs no party). Items under 指导思想 /
// 基本原则 / 总体要求 / 目标 headings are the document's targets, not measures, unless they carry
// a party of their own (a responsibility breakdown assigns its targets).
import { normalise } from '../normalise.js';
import { isBlank, normView, originalRange, squeeze, trimRange, type NormView } from '../segment.js';
import { closingParen, span, type Measure, type ParseContext } from '../parse/common.js';
import { FIELD_LINE, FIRST_IS_LEAD, isResponsibility, readResponsibility, type Responsibility } from '../responsibility/clauses.js';
import { sentenceSubjects } from '../responsibility/subject.js';
import { dateLine } from '../structure/dates.js';
import { markerAt } from '../structure/markers.js';
import type { OutlineItem } from '../structure/outline.js';
import type { SourceSpan } from '../types.js';

export interface DocumentTarget {
  path: string;
  text: string;
  span: SourceSpan;
}

export interface ItemsResult {
  measures: Measure[];
  /** Items that gave at least one measure. */
  withMeasures: Set<OutlineItem>;
  targets: DocumentTarget[];
  /** The last item's measure, left out because the copy ends inside it (see `dropCutItem`). */
  cut?: Measure;
}

const LEADING_JUNK = /[。；;，,、:：\s]/u;
/**
 * Headings whose items state the document's aims, not tasks. 分工原则: the principles by which a
 * province divides its five-year plan among its bodies (the template of 国发〔2006〕29号).
 */
const AIMS = /指导思想|基本原则|工作原则|分工原则|总体要求|总体思路|总体目标|发展目标|主要目标|工作目标|预期目标|目标任务/u;
/** A leaf that names a theme, a period or a scope states no task. */
const NO_TASK = /^(活动|工作)?(主题|时间|范围|对象|目的|依据|期限|名称|适用范围|实施时间|实施范围|活动时间|活动主题)$/u;
/**
 * A leaf that is one labelled field giving a period, a place, the organisers or who takes part
 * (时间:2022年6月9日至…, 主办单位:省商务厅, 参与活动企业:省内重点…) fills in an activity plan's
 * form; it states no task. 活动内容: and other labels stay measures.
 */
const NO_TASK_FIELD = /^(?:(?:活动|工作|实施)?(?:时间|地点|主题|范围|对象|名称|期限)|(?:主办|承办|协办|支持|指导|实施|组织)单位|参[与加](?:活动)?(?:企业|单位|对象|主体|人员))[:：][^。；;]*[。；;]?$/u;
/**
 * Articles that frame a regulation (办法, 规定, 细则) rather than set a task: its purpose
 * (为…制定本办法), its scope (本办法适用于…), its definitions (本办法所称…是指), its entry into
 * force and who interprets it.
 */
const FRAMING = /^(为了?[^。]{2,120}?(制定|特制定|制订)本(办法|规定|细则|条例|方案|意见)|本(办法|规定|细则|条例)(所称|适用于|自[^。]{0,20}(起)?施行|由[^。]{0,30}负责解释)|[^。]{0,40}适用(于)?本(办法|规定|细则|条例)|[^。]{0,40}(是指|指的是)|[^。]{0,80}(的|等)原则。?$)/u;
/** An article's title in brackets before its text: 第二条（适用范围）本办法所称…. */
const ARTICLE_TITLE = /^\([^()]{2,10}\)/u;
/** Background sections of a plan (基本情况, 发展现状): facts, not tasks. */
const BACKGROUND = /^(基本情况|基本县情|基本市情|发展现状|现状|发展基础|工作基础|存在问题|面临形势|背景)$/u;
const TERMINAL = /[。！？；：:;!?）)”」』\]】〕]$/u;
/** A line that closes its sentence. */
const CLOSED = /[。！？；;!?]$/u;

interface ItemState {
  measures: Measure[];
  /** The responsibility stood on a line of its own after the item's text. */
  ownLine: boolean;
  responsibility?: Responsibility;
}

export interface ItemsOptions {
  /** Lines of page furniture. */
  skip: ReadonlySet<number>;
  /**
   * Leaves without a parenthetical are measures (default). A plan whose annex table assigns the
   * tasks restates them in its body: there only the body's own parentheticals make measures.
   */
  wholeLeaves?: boolean;
}

export function readMeasures(ctx: ParseContext, items: OutlineItem[], opts: ItemsOptions): ItemsResult {
  const skip = opts.skip;
  const text = ctx.source.text;
  const states = new Map<OutlineItem, ItemState>();
  const targets: DocumentTarget[] = [];
  const out: Measure[] = [];
  const withMeasures = new Set<OutlineItem>();

  const convention: Convention = {};
  for (const item of items) {
    const state: ItemState = { measures: [], ownLine: false };
    states.set(item, state);
    const [s, e] = trimRange(text, item.start, item.ownEnd);
    if (s >= e) continue;
    const view = normView(text, s, e);
    let pos = 0;
    if (item.kind !== 'root') {
      pos = Math.max(0, indexAtOrAfter(view, item.bodyStart));
      readHeading(ctx, item, view, pos);
    }
    const split = splitAtParentheticals(ctx, item, view, item.kind === 'root' ? pos : indexAtOrAfter(view, item.bodyStart), convention, pos);
    for (const m of split.measures) m.text = withoutFurniture(ctx, skip, m.span.startOffset, m.span.endOffset);
    state.measures.push(...split.measures);
    if (split.measures.length > 0) {
      const last = split.measures[split.measures.length - 1]!;
      const close = text.indexOf('\n', last.responsibleSpan!.endOffset);
      state.ownLine = isBlank(text.slice(lineStartOf(text, last.responsibleSpan!.startOffset - 1), last.responsibleSpan!.startOffset - 1)) && (close === -1 || close >= e || isBlank(text.slice(last.responsibleSpan!.endOffset + 1, close)));
      state.responsibility = readResponsibility(text, last.responsibleSpan!.startOffset, last.responsibleSpan!.endOffset);
      if (split.trailing !== undefined) noteTrailing(ctx, item, split.trailing);
      continue;
    }
    if (item.kind === 'root' || item.children.length > 0 || opts.wholeLeaves === false) continue;
    const whole = wholeLeaf(ctx, item, skip);
    if (whole) {
      state.measures.push(whole.measure);
      state.ownLine = whole.ownLine;
      state.responsibility = whole.responsibility;
    }
  }

  // A responsibility line after the last of a group of leaves covers every leaf of the group.
  for (const item of items) {
    if (item.children.length < 2) continue;
    const leaves = item.children;
    const last = states.get(leaves[leaves.length - 1]!)!;
    if (!last.ownLine || !last.responsibility) continue;
    const lastMeasure = last.measures[last.measures.length - 1];
    if (!lastMeasure) continue;
    for (const leaf of leaves.slice(0, -1)) {
      for (const m of states.get(leaf)!.measures) {
        if (m.responsibleText !== '') continue;
        m.responsibleText = lastMeasure.responsibleText;
        m.responsibleSpan = lastMeasure.responsibleSpan;
        m.responsibleClauses = lastMeasure.responsibleClauses;
      }
    }
  }

  for (const item of items) {
    for (const m of states.get(item)!.measures) {
      const aims = [item, ...ancestors(item)].some((a) => AIMS.test(a.title ?? a.heading ?? ''));
      const background = [item, ...ancestors(item)].some((a) => BACKGROUND.test(squeeze(a.title ?? '')));
      if (background && m.responsibleText === '') continue;
      // Aims become measures only where the document assigns them a party (a responsibility breakdown).
      if (aims && (m.responsibleText === '' || m.responsibleBySubject)) {
        targets.push({ path: m.path, text: m.text, span: m.span });
        continue;
      }
      out.push(m);
      withMeasures.add(item);
    }
  }
  const cut = dropCutItem(ctx, items, out);
  if (out.some((m) => m.responsibleText !== '')) {
    for (const m of out) {
      if (m.responsibleText !== '') continue;
      ctx.sink.atLine(m.span.startLine, 1, 'warning', 'no-responsible-party', `measure ${m.path} names no responsible party while the document's other measures do; it is kept without one: add the responsible departments if the source states them`);
    }
  }
  return { measures: out, targets, withMeasures, ...(cut ? { cut } : {}) };
}

function ancestors(item: OutlineItem): OutlineItem[] {
  const out: OutlineItem[] = [];
  for (let p = item.parent; p && p.kind !== 'root'; p = p.parent) out.push(p);
  return out;
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at) + 1;
}

/** Measures closed by responsibility parentheticals inside one item's own text. */
/** A party a note adds to the items that follow (…具体任务均涉及X，不再做分工，下同). */
interface Convention {
  party?: { text: string; span: SourceSpan };
}

/**
 * Start of the first clause of a bracket that is a note (不再列出, 下同, 以下措施…, or the
 * convention 列第一位者为牵头单位 stated where it first applies), if any.
 */
function noteClause(inner: string): number | undefined {
  let start = 0;
  for (let k = 0; k <= inner.length; k++) {
    if (k === inner.length || /[,;。]/u.test(inner[k]!)) {
      const clause = inner.slice(start, k);
      if (/不再|下同|以下|此项/u.test(clause) || FIRST_IS_LEAD.test(clause)) {
        // The note is the whole sentence that holds the clause, unless that sentence also names the parties.
        const sentence = inner.lastIndexOf('。', start - 1) + 1;
        return sentence > 0 ? sentence : start;
      }
      start = k + 1;
    }
  }
  return undefined;
}

// A collective of places ends a list too: 各区, 大湾区内地各市, 各县(市、区).
const ORGAN_END = /(局|委|办|厅|部|政府|中心|公司|集团|银行|院|协会|管委会|委员会|办事处|街道|乡镇|单位|部门|分行|海关|所|站|队|社|馆|各[省市区县州盟旗地])$/u;

/**
 * A bracket holding only names of organs: （市人社局）, （市商务局、市财政局）, or a list closed by
 * 等 (（农牧业厅、发展改革委、财政厅等）: the tail, as in 等部门, is no part of a name).
 */
function isBareList(inner: string): boolean {
  if (inner.length < 3 || inner.length > 120 || /[。:：]/u.test(inner)) return false;
  const names = inner.replace(/等$/u, '').split(/[、,;]/u).map((n) => n.trim()).filter((n) => n !== '');
  return names.length > 0 && names.every((n) => ORGAN_END.test(n.replace(/\([^()]*\)$/u, '')) && n.length <= 25);
}

const NOTE_PARTY = /(?:均需|均涉及|均由|都需|均要)(.+?)(?:落实|负责|参与|配合|承担)?[,，]?(?:不再|下同)/u;

function splitAtParentheticals(
  ctx: ParseContext,
  item: OutlineItem,
  view: NormView,
  pos: number,
  convention: Convention,
  titleAt = pos,
): { measures: Measure[]; trailing?: number } {
  const text = ctx.source.text;
  const t = view.text;
  const measures: Measure[] = [];
  let cursor = pos;
  for (let i = nextOpen(t, pos); i !== -1; i = nextOpen(t, i + 1)) {
    const close = closingParen(t, i);
    if (close === -1) break;
    let inner = t.slice(i + 1, close);
    // A note may follow the parties in the same bracket: （X牵头，Y配合。以下措施均需Z落实，不再列出）,
    // 〔X，此项及以下任务均需Z落实，不再列出。…〕. The parties are what precedes the note's clause.
    const noteAt = noteClause(inner);
    const stop = noteAt ?? -1;
    const note = noteAt !== undefined ? inner.slice(noteAt) : '';
    if (noteAt !== undefined) inner = inner.slice(0, noteAt).replace(/[,;。\s]+$/u, '');
    const atEnd = /^[\s。;]*$/u.test(t.slice(close + 1, close + 3)) || t[close + 1] === undefined;
    if (!isResponsibility(inner) && !(atEnd && isBareList(inner))) {
      i = close;
      continue;
    }
    let a = cursor;
    while (a < i && LEADING_JUNK.test(t[a]!)) a++;
    // An item whose one sentence is its run-in title (2.落实好提振市场信心90条措施。(X牵头…)): the
    // title is the measure.
    if (a >= i && measures.length === 0 && titleAt < cursor) a = titleAt;
    if (a < i) {
      const [ms, me] = originalRange(text, view, a, i);
      const [rs, re] = originalRange(text, view, i + 1, i + 1 + inner.length);
      const measure: Measure = {
        path: `${item.path}#${measures.length + 1}`,
        section: item.heading ?? nearestHeading(item),
        title: item.title,
        text: text.slice(ms, me),
        span: span(ctx, ms, me),
        responsibleText: text.slice(rs, re),
        responsibleSpan: span(ctx, rs, re),
      };
      attachResponsibility(ctx, measure, readResponsibility(text, rs, re));
      const noted = NOTE_PARTY.exec(note);
      if (noted) {
        const at = i + 1 + stop + noted.index + noted[0].indexOf(noted[1]!);
        const [ns, ne] = originalRange(text, view, at, at + noted[1]!.length);
        convention.party = { text: text.slice(ns, ne), span: span(ctx, ns, ne) };
      }
      if (convention.party) {
        measure.responsibleClauses ??= [{ text: measure.responsibleText, span: measure.responsibleSpan! }];
        measure.responsibleClauses.push({ text: convention.party.text, span: convention.party.span, inherited: true });
      }
      measures.push(measure);
    } else {
      const [ps] = originalRange(text, view, i, close + 1);
      ctx.sink.at(ps, 'warning', 'empty-measure', `a responsibility parenthetical in ${item.path || 'the text'} follows no measure text; it was ignored: check the layout around it`);
    }
    cursor = close + 1;
    i = close;
  }
  let a = cursor;
  while (a < t.length && LEADING_JUNK.test(t[a]!)) a++;
  return { measures, trailing: measures.length > 0 && a < t.length ? view.map[a]! : undefined };
}

// Square brackets close an item too (district portals: [牵头单位:区卫健局;责任单位:…]); the ones
// that only hold a number or a note fail isResponsibility like any other bracket.
function nextOpen(t: string, from: number): number {
  let best = -1;
  for (const c of ['(', '〔', '【', '[']) {
    const i = t.indexOf(c, from);
    if (i !== -1 && (best === -1 || i < best)) best = i;
  }
  return best;
}

function attachResponsibility(ctx: ParseContext, m: Measure, r: Responsibility): void {
  if (r.labelled || r.deadline) {
    const text = ctx.source.text;
    m.responsibleClauses = r.clauses.map((c) => ({ text: text.slice(c.start, c.end), span: span(ctx, c.start, c.end), role: c.role }));
  }
  if (r.deadline) {
    m.deadline = ctx.source.text.slice(r.deadline.start, r.deadline.end);
    if (r.deadline.date) m.deadlineDate = r.deadline.date;
  }
}

/** Text after the last parenthetical of an item that names no party: closing remarks, or a lost parenthetical. */
function noteTrailing(ctx: ParseContext, item: OutlineItem, at: number): void {
  const text = ctx.source.text;
  if (isBlank(text.slice(lineStartOf(text, at - 1), at)) && item.end >= text.length - 1) return;
  if (isBlank(text.slice(lineStartOf(text, at - 1), at)) && isLastOfAll(item)) return;
  ctx.sink.at(
    at,
    'warning',
    'no-responsible-party',
    `text after the last responsibility parenthetical of ${item.path} names no responsible department; it is not counted as a measure: add the responsible departments in parentheses`,
  );
}

function isLastOfAll(item: OutlineItem): boolean {
  for (let p: OutlineItem | undefined = item; p && p.parent; p = p.parent) {
    const sibs: OutlineItem[] = p.parent.children;
    if (sibs[sibs.length - 1] !== p) return false;
  }
  return true;
}

/** original[start, end) as written, without the page-furniture lines inside it (the span stays the range). */
function withoutFurniture(ctx: ParseContext, skip: ReadonlySet<number>, start: number, end: number): string {
  const text = ctx.source.text;
  const inside = ctx.lines.filter((l) => l.end >= start && l.start < end);
  if (!inside.some((l) => skip.has(l.index))) return text.slice(start, end);
  return inside
    .filter((l) => !skip.has(l.index))
    .map((l) => text.slice(Math.max(l.start, start), Math.min(l.end, end)))
    .join('\n');
}

/** A leaf with no parenthetical: the whole item is one measure. */
function wholeLeaf(ctx: ParseContext, item: OutlineItem, skip: ReadonlySet<number>): { measure: Measure; ownLine: boolean; responsibility?: Responsibility } | undefined {
  const text = ctx.source.text;
  // The item's lines, without page furniture; responsibility label lines at its end.
  // A line belongs to the item by where its text starts: an indented next item's line starts
  // (with its indent) before that item's marker, where this item ends.
  const lines = ctx.lines.filter((l) => l.end > item.start && trimRange(text, l.start, l.end)[0] < item.ownEnd && !skip.has(l.index) && !isBlank(l.text));
  if (lines.length === 0) return undefined;
  let cut = lines.length;
  while (cut > 1 && FIELD_LINE.test(squeeze(lines[cut - 1]!.text).normalize('NFKC'))) cut--;
  // A label line may continue on the next line (a long list): everything from the first label on.
  for (let k = 1; k < cut; k++) {
    if (FIELD_LINE.test(squeeze(lines[k]!.text).normalize('NFKC'))) {
      cut = k;
      break;
    }
  }
  const body = lines.slice(0, cut);
  // A label line runs on over the lines that continue its list; a line after one that closed its
  // sentence (责任单位：省住房城乡建设厅。) is a paragraph of its own, no party's name.
  let respEnd = cut;
  while (respEnd < lines.length && (respEnd === cut || FIELD_LINE.test(squeeze(lines[respEnd]!.text).normalize('NFKC')) || !CLOSED.test(squeeze(lines[respEnd - 1]!.text)))) respEnd++;
  const respLines = lines.slice(cut, respEnd);
  const bodyEnd = Math.min(body[body.length - 1]!.end, item.ownEnd);
  let [ms, me] = trimRange(text, Math.max(item.bodyStart, body[0]!.start), bodyEnd);
  // A heading with no paragraph of its own (a target line followed by its 责任单位 line) is the measure.
  let title = item.title;
  if (ms >= me) {
    [ms, me] = trimRange(text, item.start + (markerAt(text.slice(item.start, item.start + 16))?.length ?? 0), bodyEnd);
    title = undefined;
  }
  if (ms >= me) return undefined;
  const written = withoutFurniture(ctx, skip, ms, me);
  if (title && NO_TASK.test(squeeze(title))) return undefined;
  if (!title && NO_TASK.test(squeeze(written))) return undefined;
  if (NO_TASK_FIELD.test(squeeze((title ?? '') + written))) return undefined;
  // In its matching form (為…制定本辦法 in a traditional copy), after the article's own title in
  // brackets (第一条（目的依据）为加强…).
  if (FRAMING.test(normalise(written).replace(ARTICLE_TITLE, ''))) return undefined;

  const measure: Measure = {
    path: `${item.path}#1`,
    section: item.heading ?? nearestHeading(item),
    title,
    text: written,
    span: span(ctx, ms, me),
    responsibleText: '',
  };
  let responsibility: Responsibility | undefined;
  if (respLines.length > 0) {
    const rs = respLines[0]!.start;
    const re = respLines[respLines.length - 1]!.end;
    const [a, b] = trimRange(text, rs, re);
    measure.responsibleText = text.slice(a, b);
    measure.responsibleSpan = span(ctx, a, b);
    responsibility = readResponsibility(text, a, b);
    attachResponsibility(ctx, measure, responsibility);
  } else {
    // The subject may open a run-in title: 第五条 市城市管理委员会负责……。 A heading on its own
    // line (（一）确保栽足种实 / 各乡镇人民政府要……) is no part of the paragraph's subject.
    const head = text.slice(item.start, item.bodyStart);
    const ownLineHeading = item.bodyStart < me && /\n[ \t\u3000]*$/u.test(head) && !/[。！？!?]/u.test(head);
    const from = ownLineHeading ? item.bodyStart : Math.min(ms, item.start + (markerAt(text.slice(item.start, item.start + 16))?.length ?? 0));
    const subjects = sentenceSubjects(text, from, me);
    if (subjects.length > 0) {
      measure.responsibleBySubject = true;
      const first = subjects[0]!;
      const last = subjects[subjects.length - 1]!;
      measure.responsibleSpan = span(ctx, first.start, last.end);
      // One list without a role goes to resolve whole, whose own grammar reads it; several lists, or
      // one whose predicate gives the role (作为牵头单位, 参加), are resolved list by list.
      if (subjects.length > 1 || first.role) {
        measure.responsibleText = subjects.map((x) => text.slice(x.start, x.end)).join('；');
        measure.responsibleClauses = subjects.map((x) => ({ text: text.slice(x.start, x.end), span: span(ctx, x.start, x.end), ...(x.role ? { role: x.role } : {}) }));
      } else {
        measure.responsibleText = text.slice(first.start, first.end);
      }
    }
  }
  return { measure, ownLine: respLines.length > 0, responsibility };
}

/**
 * A copy cut off in the middle of its last item: that item is dropped with a warning, every
 * complete one is kept. A signature, date or heading may end a text without punctuation.
 */
function dropCutItem(ctx: ParseContext, items: OutlineItem[], measures: Measure[]): Measure | undefined {
  const text = ctx.source.text;
  const [s, e] = trimRange(text, 0, text.length);
  if (s >= e || measures.length === 0) return;
  const lastNl = text.lastIndexOf('\n', e - 1);
  const [ls, le] = trimRange(text, Math.max(s, lastNl + 1), e);
  const last = text.slice(ls, le);
  // In matching form: a site's pinyin annotation (監(jiān)) closes no sentence.
  if (TERMINAL.test(normalise(last)) || dateLine(last)) return;
  // A responsibility line ends an item without punctuation; it is complete when its last name is one.
  const norm = squeeze(last).normalize('NFKC');
  const field = FIELD_LINE.test(norm);
  if (field) {
    const lastName = norm.split(/[、,;:]/u).pop() ?? '';
    if (lastName.length >= 2 && ORGAN_END.test(lastName)) return;
  }
  const lastMeasure = measures[measures.length - 1]!;
  // A responsibility block whose fields name no party yet (牵头负责领导：杨光荣。 and no 牵头单位) was
  // cut before its parties: the text after it is the start of the next field.
  const partyless = lastMeasure.responsibleText !== '' && lastMeasure.responsibleClauses?.length === 0 && !lastMeasure.deadline;
  // A short last line without a clause mark is a heading or a signature, not a cut sentence.
  if (!field && !partyless && last.length <= 25 && !/[，,、；;（(]/u.test(last)) return;
  const ends = lastMeasure.responsibleSpan?.endOffset ?? lastMeasure.span.endOffset;
  const item = items.filter((it) => it.kind !== 'root' && it.start <= ls).pop();
  const where = item ? `item ${item.path}` : 'the last paragraph';
  if (ends >= ls || partyless) {
    const cut = measures.pop();
    ctx.sink.at(e, 'warning', 'cut-item', `the text ends in the middle of ${where}: the copy seems cut off there; it was left out and the ${measures.length} complete items kept: copy the complete document to include it`);
    return cut;
  } else {
    ctx.sink.at(e, 'warning', 'cut-item', `the text ends in the middle of a sentence after the last complete measure (${where}): the copy seems cut off; the unfinished text was left out: copy the complete document to include it`);
  }
}

/** Title sentence (（五）发展新型信息产品。) or heading line (（一）促进商品消费扩容升级). */
function readHeading(ctx: ParseContext, item: OutlineItem, view: NormView, pos: number): void {
  const text = ctx.source.text;
  const rest = view.text.slice(pos);
  const stop = rest.indexOf('。');
  let titleEnd = -1;
  let bodyPos = pos;
  if (stop > 0 && stop <= 40 && !/[，,；;：:]/u.test(rest.slice(0, stop)) && !headingLineBefore(ctx, item, view, pos + stop)) {
    titleEnd = pos + stop;
    bodyPos = titleEnd + 1;
  } else {
    const lineEnd = text.indexOf('\n', item.start);
    const [ls, le] = trimRange(text, item.start, lineEnd === -1 || lineEnd > item.ownEnd ? item.ownEnd : lineEnd);
    const line = text.slice(ls, le);
    if (!/[。，,；;]/u.test(line) && le - ls <= 60) {
      titleEnd = indexAtOrAfter(view, le);
      bodyPos = titleEnd;
    }
  }
  if (titleEnd > pos) {
    const [hs, he] = originalRange(text, view, 0, titleEnd);
    item.heading = squeeze(text.slice(hs, he));
    item.title = view.text.slice(pos, titleEnd).trim();
  } else if (pos > 0) {
    const [hs, he] = originalRange(text, view, 0, pos);
    item.heading = squeeze(text.slice(hs, he));
  }
  item.bodyStart = bodyPos < view.map.length ? view.map[bodyPos]! : item.ownEnd;
}

/**
 * True when the item's first line ends before `sentenceEnd` and is shorter than the copy's wrap
 * width: a heading on its own line (（一）推进城市更新⏎加快老旧小区改造。), not a run-in title
 * sentence that a page wrapped ((五)发展新型信息⏎产品。).
 */
function headingLineBefore(ctx: ParseContext, item: OutlineItem, view: NormView, sentenceEnd: number): boolean {
  const text = ctx.source.text;
  const lineEnd = text.indexOf('\n', item.start);
  if (lineEnd === -1 || sentenceEnd >= view.map.length || lineEnd >= view.map[sentenceEnd]!) return false;
  const [ls, le] = trimRange(text, item.start, lineEnd);
  if (le <= ls) return false;
  const width = wrapWidth(ctx);
  return width === undefined || le - ls < width - WRAP_SLACK;
}

/** A wrapped line may fall short of the width by a character or two (a half-width digit, a bracket). */
const WRAP_SLACK = 2;
/** Fewer lines than this of one length do not show a wrap width; shorter ones are headings. */
const WRAP_MIN_LINES = 3;
const WRAP_MIN_WIDTH = 15;
const wrapWidths = new WeakMap<ParseContext, number | undefined>();

/**
 * The width at which a copy wraps its paragraphs (a PDF's text or a fixed-width page), or
 * undefined when it does not: the commonest length of lines that end mid-sentence and run on
 * into the next line. Wrapped lines share one length; a heading's own line is as long as its words.
 */
function wrapWidth(ctx: ParseContext): number | undefined {
  if (wrapWidths.has(ctx)) return wrapWidths.get(ctx);
  const text = ctx.source.text;
  const counts = new Map<number, number>();
  const lines = ctx.lines;
  for (let k = 0; k + 1 < lines.length; k++) {
    const [s, e] = trimRange(text, lines[k]!.start, lines[k]!.end);
    const [ns, ne] = trimRange(text, lines[k + 1]!.start, lines[k + 1]!.end);
    if (e - s < WRAP_MIN_WIDTH || ns >= ne || /[。！？!?；;：:]$/u.test(text.slice(s, e))) continue;
    counts.set(e - s, (counts.get(e - s) ?? 0) + 1);
  }
  let width: number | undefined;
  let best = WRAP_MIN_LINES - 1;
  for (const [w, n] of counts) {
    if (n > best || (n === best && width !== undefined && w > width)) {
      best = n;
      width = w;
    }
  }
  wrapWidths.set(ctx, width);
  return width;
}

function indexAtOrAfter(view: NormView, offset: number): number {
  let lo = 0;
  let hi = view.map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nearestHeading(item: OutlineItem): string | undefined {
  for (let p: OutlineItem | undefined = item; p; p = p.parent) if (p.heading) return p.heading;
  return undefined;
}
