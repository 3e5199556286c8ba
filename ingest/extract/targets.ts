// Quantitative commitments in a measure: "到2022年底累计建成5G基站5万个" → {year 2022, value 50000,
// unit '个', metric '5G基站'}. Works on the normalised text (NFKC, spaces next to CJK removed), so
// "5 万个" and "５万个" read alike.
//
// A number counts as a target only when the clause commits to it: a commitment word before it
// (达到, 突破, 不少于, 新增, 建成, 培育…) or 以上 after it. Numbers that set policy parameters
// ("给予一次性3000元创业补贴", "依3%征收率"), durations ("24小时", "15天") and dates are not targets.
// Values are in base units: 万/亿/万亿 are multiplied out (1000亿元 → 1e11, unit '元');
// percentages and Chinese fractions (三分之一) are unit '%'.
import { normalise } from '../normalise.js';
import { alreadyNormal } from './normal-form.js';

export interface ExtractedTarget {
  text: string; // the clause, normalised
  year?: number;
  value?: number;
  valueMax?: number; // upper bound of a range ("4-5家")
  unit?: string;
  metric?: string; // what is counted, e.g. '5G基站'
}

export interface TargetOptions {
  /** Year for commitments that state none (the document's year, or a table's year column). */
  defaultYear?: number;
  /**
   * The text is a target cell of a table (e.g. an annex's "工作目标 2025" column): every number
   * in it is a commitment, and a cell without one still yields one qualitative target.
   */
  cell?: boolean;
}

const MAGNITUDE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
// Longest first so 场次 wins over 场, 人次 over 人.
const UNITS = [
  '兆比特每秒', '标准箱', '平方米', '人次', '场次', '户次', '公里', '个', '家', '场', '张', '部', '处', '辆', '座', '所',
  '项', '户', '名', '人', '条', '吨', '元', '次', '批', '种', '台', '套', '间', '床', '亩', '只', '款', '支', '期', '篇',
];
const LATIN_UNITS = ['Mbps', 'Gbps', 'GB', 'TB', 'TEU', 'km', 'MW', 'kW'];
const QUANTITY = new RegExp(
  String.raw`(\d+(?:\.\d+)?)(?:[-~～至到](\d+(?:\.\d+)?))?(万亿|亿|万|千)?(%|‰|${LATIN_UNITS.join('|')}|${UNITS.join('|')})`,
  'gu',
);
const FRACTION = /([一二三四五六七八九十])分之([一二三四五六七八九十])/gu;
const COMMITMENT =
  /达到|达|突破|超过|超|不少于|不低于|不小于|保持|稳定在|提高到|提升至|提升到|增长|降至|降低到|控制在|力争|累计|新建|新增|建成|建设|培育|引进|汇聚|聚集|举办|完成|打造|培训|开设|覆盖率|占比|比重|总数|数量|规模/u;
// Verbs after which the counted thing follows the number ("培育10家农产品供应链企业").
const VERBS = /(?:支持和培育|累计建成|建成|新建|新增|培育|引进|汇聚|聚集|建设|举办|完成|打造|培训|开设|改造提升|改造|实现)/gu;
const MARKER_TAIL = /(?:力争达到|达到|达|突破|超过|超|不少于|不低于|不小于|保持在|保持|稳定在|提高到|提升至|提升到|增长|降至|降低到|控制在|约|近|为|在)$/u;

/** The target year a clause states, if any. Dates with a month (validity periods) are not targets. */
export function statedYear(clause: string): number | undefined {
  const range = /(\d{4})年?(?:[-~～至到])(\d{4})年/u.exec(clause);
  if (range) return Number(range[2]);
  const plan = /“?(十三五|十四五|十五五|十六五)”?(?:期间|时期|末)/u.exec(clause);
  if (plan) return { 十三五: 2020, 十四五: 2025, 十五五: 2030, 十六五: 2035 }[plan[1] as '十四五'];
  for (const m of clause.matchAll(/(\d{4})年(?!\d{1,2}月)/gu)) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100) return y;
  }
  return undefined;
}

interface Quantity {
  start: number;
  end: number;
  value: number;
  valueMax?: number;
  unit: string;
}

function quantities(clause: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of clause.matchAll(QUANTITY)) {
    const start = m.index;
    // A digit glued to a Latin letter before it is part of a name ("C-V2X", "B2B"), not a count.
    if (start > 0 && /[A-Za-z\d.]/u.test(clause[start - 1]!)) continue;
    const mag = m[3] ? MAGNITUDE[m[3]]! : 1;
    let unit = m[4]!;
    if (unit === '兆比特每秒') unit = 'Mbps';
    const scale = unit === '%' || unit === '‰' ? 1 : mag;
    out.push({
      start,
      end: start + m[0].length,
      value: round(Number(m[1]) * scale),
      valueMax: m[2] !== undefined ? round(Number(m[2]) * scale) : undefined,
      unit,
    });
  }
  for (const m of clause.matchAll(FRACTION)) {
    const den = CN_DIGIT[m[1]!]!;
    const num = CN_DIGIT[m[2]!]!;
    out.push({ start: m.index, end: m.index + m[0].length, value: round((100 * num) / den), unit: '%' });
  }
  return out.sort((a, b) => a.start - b.start);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function cleanMetric(s: string): string | undefined {
  let m = s
    .replace(/^(?:到|至|截至|截止到?)?\d{4}年(?:底|末|前|内)?/u, '')
    .replace(/^[“”"(（]?(?:十三五|十四五|十五五)[”"]?(?:期间|时期)?/u, '')
    .replace(/^(?:其中|全市|全年|每年|年|力争|累计|确保|并|且|和|及)+/u, '')
    .replace(/^的/u, '')
    .replace(/^(?:以上|左右|以内)|(?:以上|左右|以内)$/gu, '')
    .replace(/[“”"]/gu, '')
    .trim();
  m = m.replace(/(?:等|的)$/u, '');
  if (m.length > 30) m = m.slice(-30);
  return m.length > 0 ? m : undefined;
}

/** What a quantity counts: the noun phrase before it, or after it when a verb precedes the number. */
function metricOf(clause: string, q: Quantity, prevEnd: number, nextStart: number): string | undefined {
  let pre = clause.slice(prevEnd, q.start);
  for (;;) {
    const tail = MARKER_TAIL.exec(pre);
    if (!tail || tail[0].length === 0) break;
    pre = pre.slice(0, pre.length - tail[0].length);
  }
  let post = clause.slice(q.end, nextStart);
  post = post.replace(/^(?:以上|左右|以内)/u, '').replace(/^的/u, '');
  const stop = /[,;、。]|并|在津|在本市|等/u.exec(post);
  if (stop) post = post.slice(0, stop.index);

  const fromPost = cleanMetric(post);
  // In "建设4-5家物流中心、13处配送点" the thing counted follows each number.
  if (/[、]$/u.test(pre) || pre.trim() === '') return fromPost;
  let lastVerbEnd = -1;
  for (const v of pre.matchAll(VERBS)) lastVerbEnd = v.index + v[0].length;
  let candidate: string | undefined;
  if (lastVerbEnd >= 0) {
    const afterVerb = pre.slice(lastVerbEnd);
    candidate = afterVerb && !/等$/u.test(afterVerb) ? cleanMetric(afterVerb) : undefined;
    if (candidate === undefined) return fromPost ?? cleanMetric(pre);
  } else {
    candidate = cleanMetric(pre);
  }
  // One or two characters before the number are a verb ("提供", "支持"), not the thing counted.
  if (fromPost && (candidate === undefined || [...candidate].length <= 2)) return fromPost;
  return candidate ?? fromPost;
}

export function extractTargets(text: string, opts: TargetOptions = {}): ExtractedTarget[] {
  const norm = alreadyNormal(text) ? text : normalise(text);
  const targets: ExtractedTarget[] = [];
  for (const sentence of norm.split(/(?<=[。!?！？])/u)) {
    let sentenceYear: number | undefined;
    for (const raw of sentence.split(/[,;，；]/u)) {
      const clause = raw.replace(/[。!?！？]$/u, '');
      if (!clause) continue;
      sentenceYear = statedYear(clause) ?? sentenceYear;
      const qs = quantities(clause).filter((q) => !isDateOrDuration(clause, q));
      qs.forEach((q, i) => {
        // The commitment word may precede a whole enumeration ("建设4-5家…、13处…、20个…").
        const committed = opts.cell || COMMITMENT.test(clause.slice(0, q.start)) || /^以上/u.test(clause.slice(q.end));
        if (!committed) return;
        const t: ExtractedTarget = { text: clause, value: q.value, unit: q.unit };
        if (q.valueMax !== undefined) t.valueMax = q.valueMax;
        const year = sentenceYear ?? opts.defaultYear;
        if (year !== undefined) t.year = year;
        const metric = metricOf(clause, q, i > 0 ? qs[i - 1]!.end : 0, i + 1 < qs.length ? qs[i + 1]!.start : clause.length);
        if (metric) t.metric = metric;
        targets.push(t);
      });
    }
  }
  if (targets.length === 0 && opts.cell && norm.trim()) {
    const year = statedYear(norm) ?? opts.defaultYear;
    targets.push(year !== undefined ? { text: norm.trim(), year } : { text: norm.trim() });
  }
  return targets;
}

/** A count of time units ("3个月", "2个周期") is a duration, not a target. */
function isDateOrDuration(clause: string, q: Quantity): boolean {
  const next = clause.slice(q.end, q.end + 2);
  return /^(?:小时|分钟|天|日|月|周|岁|年)/u.test(next) && q.unit !== '%';
}
