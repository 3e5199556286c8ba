// The metadata block a government portal prints above (or beside) a document: 索引号 / 索取号,
// 发布机构 / 发文机关, 文号 / 发文字号, 成文日期 / 发文日期 / 产生日期 / 颁发时间, 主题分类, 关键词.
// Often the only place a copy states its number and date. Read from the text's lines (several
// pairs may share a line, labels may be spaced out: 索 引 号) and from the pairs an HTML copy's
// table carried (SourceText.meta); the lines are kept out of the title.
import { toSimplified } from '../normalise.js';
import { squeeze, type Line } from '../segment.js';

export type PortalField = 'index' | 'issuer' | 'number' | 'date' | 'published' | 'subject' | 'keywords' | 'title' | 'other';

const FIELDS: [PortalField, string[]][] = [
  ['index', ['索引号', '索取号', '信息索引号']],
  ['issuer', ['发布机构', '发文机关', '发文机构', '发文单位', '发布部门', '发文部门', '制发机关', '颁布机关']],
  ['number', ['发文字号', '文号', '发文编号']],
  ['date', ['成文日期', '发文日期', '产生日期', '颁发时间', '印发日期', '签发日期']],
  // A page's bare 日期 (日期:2022-05-26 来源:本网) is its publication date, as 发布日期 is.
  ['published', ['发布日期', '公开日期', '发布时间', '实施日期', '日期']],
  ['subject', ['主题分类', '主题词', '分类', '类别', '体裁分类', '组配分类']],
  ['keywords', ['关键词']],
  ['title', ['标题', '名称', '文件名称']],
  // A page's counters share a line with its dates (发布日期:2013-05-23    浏览次数:2): labels, so that
  // they end the date's value.
  ['other', ['废止日期', '失效日期', '有效性', '效力级别', '时效性', '城市', '公开方式', '公开范围', '有效期', '信息来源', '来源', '浏览次数', '浏览量', '阅读次数', '阅读量', '点击量', '点击数', '访问量']],
];

const LABELS = FIELDS.flatMap(([, ls]) => ls).sort((a, b) => b.length - a.length);
const FIELD_OF = new Map(FIELDS.flatMap(([f, ls]) => ls.map((l) => [l, f] as const)));
const LABEL_RE = new RegExp(`(${LABELS.join('|')})[:：]?`, 'gu');

export interface PortalBlock {
  fields: Partial<Record<PortalField, string>>;
  /** Indices of the lines that belong to the block. */
  lines: Set<number>;
}

const SITE_NAME = /^\p{Script=Han}{1,10}(?:政务网|政府网|门户网站|网)(?=(?:发布日期|发布时间|日期)[:：])/u;

/** The pairs of one line, when it starts with a portal label; undefined otherwise. */
export function portalPairs(line: string): [PortalField, string][] | undefined {
  // A portal may print its own name before the pairs (青岛政务网 发布日期 : 2017-07-13 来源 : …): a
  // site's name, not a value.
  const t = squeeze(toSimplified(line))
    .replace(/^[•·●◆■\-*]+/u, '')
    .replace(SITE_NAME, '');
  const matches = [...t.matchAll(LABEL_RE)];
  if (matches.length === 0 || matches[0]!.index !== 0) return undefined;
  const pairs: [PortalField, string][] = [];
  matches.forEach((m, i) => {
    const value = t.slice(m.index + m[0].length, matches[i + 1]?.index ?? t.length);
    pairs.push([FIELD_OF.get(m[1]!)!, value]);
  });
  // A sentence that merely begins with 标题 or 分类 is not a block: a pair needs a colon or a second label.
  const colon = /[:：]/u.test(matches[0]![0]);
  if (!colon && /[，。；,;]/u.test(t)) return undefined;
  if (matches.length === 1 && !colon && !/^(索引号|索取号|发文字号|成文日期|发文日期|发布机构|发文机关)/u.test(t)) return undefined;
  return pairs;
}

export function readPortalBlock(lines: Line[], meta?: Record<string, string>, maxLines = 40): PortalBlock {
  const block: PortalBlock = { fields: {}, lines: new Set() };
  const set = (f: PortalField, v: string) => {
    const value = v.trim();
    if (value !== '' && block.fields[f] === undefined) block.fields[f] = value;
  };
  for (const [k, v] of Object.entries(meta ?? {})) {
    // A page's cell may run on into labels its reader does not know (发布日期:2013-05-23 浏览次数:2):
    // read as a line, they end the value.
    const pairs = portalPairs(`${k}：${v}`);
    if (pairs) for (const [f, value] of pairs) set(f, value);
    else {
      const f = FIELD_OF.get(squeeze(k).replace(/[:：]$/u, ''));
      if (f) set(f, v);
    }
  }
  let seen = 0;
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    if (++seen > maxLines) break;
    const pairs = portalPairs(l.text);
    if (!pairs) continue;
    block.lines.add(l.index);
    for (const [f, v] of pairs) set(f, v);
  }
  return block;
}
