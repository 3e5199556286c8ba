// Named programmes and platforms ("initiatives") that a measure mentions in quotation marks:
// “津体惠” (an app), “网农对接” (a matchmaking campaign), “海河英才” (a talent plan),
// “双品网购节” (a shopping festival). Following one across documents is a strong lineage signal,
// so the node id is the programme's normalised name.
//
// Policy prose also quotes slogans, formulae and generic terms, which are not programmes. The
// rules below reject them by shape and context, not by list, so they carry over to other cities
// and years (each rule names the kind of phrase it rejects):
//  1. enumerations: the quote holds 、 , ; (“能消费、敢消费、愿消费”, “吃、住、行、游、购、娱”);
//  2. formulae joined by + — → (“互联网+”, “专业+直播”, “1+N+16”, “集散市场—分拣中心—…”);
//  3. numbered political formulae: a leading numeral or ordinal (“三个着力”, “五位一体”,
//     “四个全面”, “两个维护”, “十项行动”, “一站式”, “第一方阵”); 百/千/万 are not counted, so
//     “百兆乡村”, “千集万店” stay;
//  4. four-character parallel slogans whose 1st and 3rd characters repeat (“同款同价”, “一地一品”,
//     “必购必带”), “X而Y” (“小而美”), “非X即Y”, “以X促Y”, idioms “AB为C” (“化整为零”);
//  5. generic concepts: a phrase that ends in a concept suffix (经济, 模式, 业态, 一体, 制, 化 …),
//     contains 式 or 性 (“嵌入式…”, “区域性…”), names a product style (…系列, …新品), or starts with a
//     generic modifier (智慧, 智能, 新, 线上, 线下, 数字), and a quote followed by a concept noun
//     (“X”模式, “X”制度, “X”改革, “X”需求, “X”问题, “X”等特色主题 …);
//  6. length: under 3 characters only when followed by a programme noun (“剑网”专项行动, “上云”系列
//     活动); over 16 characters is a quoted sentence or title, not a name;
//  7. a short list of nation-wide generic terms that look like names (放管服, 专精特新, 老字号 …).
import { nameKey, normalise } from '../normalise.js';
import { alreadyNormal } from './normal-form.js';

export interface InitiativeMention {
  id: string; // 'init:<name>'
  name: string;
}

const QUOTE_PAIRS: [string, string][] = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
];

const NUMERAL_START = /^(?:[一二三四五六七八九十两]|第[一二三四五六七八九十\d])/u;
const ENUMERATION = /[、,;，；:：]/u;
const FORMULA = /[+＋—\-→~～|/]/u;
const CONCEPT_END = /(?:经济|模式|业态|理念|思维|格局|制度|机制|体系|改革|监管|消费|一体|系列|新品|制|化|性|型|期)$/u;
const GENERIC_START = /^(?:智慧|智能|数字|新|线上|线下)/u;
const CONCEPT_AFTER =
  /^(?:模式|理念|思维|要求|布局|格局|方式|制度|改革|监管|经济|业态|现象|问题|需求|形象|精神|原则|导向|理论|型|商品|产品)|^等[^,;，；。]{0,4}?主题/u;
const PROGRAMME_AFTER = /^(?:[^。;，,]{0,4})(?:活动|行动|工程|计划|平台|APP|app|应用程序|网站|专栏|大赛|赛事|品牌|项目|专项|工作室|示范)/u;
const PARALLEL = /^(.).\1.$/u;
const SLOGAN = /^(?:.{1,2}而.{1,2}|非.{1,2}即.{1,2}|以.{1,2}促.{1,2}|..为.)$/u;

// Nation-wide generic terms and slogans that are quoted like names (rule 7).
const GENERIC_TERMS = new Set(
  ['放管服', '证照分离', '专精特新', '老字号', '非遗', '双创', '走出去', '引进来', '一带一路', '大消费', '互联网', '新基建', '新零售', '最后一公里'].map(
    (t) => nameKey(t),
  ),
);

/** Why a quoted phrase is not a programme, or undefined when it is one. */
export function initiativeRejection(name: string, after = ''): string | undefined {
  const len = [...name].length;
  if (len === 0) return 'empty';
  if (ENUMERATION.test(name)) return 'enumeration';
  if (FORMULA.test(name)) return 'formula';
  if (/^[\dA-Za-z.\s%]+$/u.test(name)) return 'not a name';
  if (NUMERAL_START.test(name)) return 'numbered formula';
  if (GENERIC_TERMS.has(nameKey(name))) return 'generic term';
  if (len === 4 && PARALLEL.test(name)) return 'parallel slogan';
  if (SLOGAN.test(name)) return 'slogan';
  if (CONCEPT_END.test(name) || /[式性]/u.test(name) || GENERIC_START.test(name)) return 'generic concept';
  if (CONCEPT_AFTER.test(after)) return 'generic concept';
  if (len > 16) return 'too long';
  if (len < 3 && !PROGRAMME_AFTER.test(after)) return 'too short';
  return undefined;
}

/**
 * The words after a closing quote. In a run of quoted items joined by 、 (“轻旅游”、“微度假”型),
 * the noun after the last item qualifies all of them, so skip to it.
 */
function contextAfter(t: string, from: number, open: string, close: string): string {
  let k = from;
  while (t[k] === '、' && t[k + 1] === open) {
    const end = t.indexOf(close, k + 2);
    if (end === -1) break;
    k = end + 1;
  }
  return t.slice(k, k + 12);
}

/** Programmes and platforms named in quotation marks, in order of first mention, without duplicates. */
export function extractInitiatives(text: string): InitiativeMention[] {
  const t = alreadyNormal(text) ? text : normalise(text);
  const found = new Map<string, InitiativeMention>();
  for (const [open, close] of QUOTE_PAIRS) {
    let i = t.indexOf(open);
    while (i !== -1) {
      const j = t.indexOf(close, i + 1);
      if (j === -1) break;
      const inner = t.slice(i + 1, j).trim();
      // A quote inside a book title (《…“…”…》) is part of the title, not a mention.
      const insideTitle = t.lastIndexOf('《', i) > t.lastIndexOf('》', i);
      const after = contextAfter(t, j + 1, open, close);
      if (!insideTitle && !inner.includes(open) && initiativeRejection(inner, after) === undefined) {
        const key = nameKey(inner);
        const id = `init:${key}`;
        if (!found.has(id)) found.set(id, { id, name: key });
      }
      i = t.indexOf(open, j + 1);
    }
  }
  return [...found.values()].sort((a, b) => t.indexOf(a.name) - t.indexOf(b.name));
}
