// Turning a measure's normalised text into the features lineage compares: words from a
// maintained segmenter, and the named programmes the genre marks with quotation marks.
// Segmenting is the expensive step at corpus scale, so each distinct text is cut once.
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { nameKey } from '../normalise.js';

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  // Reading and loading the dictionary takes ~0.3 s: only pay it when linking actually runs
  // (required here, not imported at the top, since importing dict.js already reads the file).
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba: Segmenter } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    jieba = Segmenter.withDict(dict);
  }
  return jieba;
}

/**
 * The closing parenthetical that lists responsible parties ("（市商务局、市发展改革委等部门按职责
 * 分工负责）", "（市人社局牵头，相关部门按职责分工负责）"). Parsers usually cut it off, but a
 * measure whose text still carries it would otherwise look similar to every other measure of the
 * same departments, which is exactly the false lineage we must avoid.
 */
const RESPONSIBILITY = /\([^()]{0,400}?(负责|牵头|配合|落实)\)/gu;

/** Quoted names: “津体惠”, “网农对接”, 《…标准》. NFKC keeps the curly quotes and book-title marks. */
const QUOTED = /“([^“”]{2,24})”|《([^《》]{2,40})》|「([^「」]{2,24})」/gu;

/** Latin/number tokens worth keeping: 5G, 10G, APP, C-V2X, IPTV, O2O. Pure numbers are not topics. */
const LATIN = /^(?=.*[a-z])[a-z0-9][a-z0-9+-]*$/u;
const HAS_CJK = /[\u3400-\u4DBF\u4E00-\u9FFF]/u;
/** Tokens that are counts, dates or ordinals ("2022年", "5万个", "第一") carry no subject. */
const NUMERIC = /[0-9]|^第|^[一二三四五六七八九十百千万亿两]+[个家场项条批类年月日次万亿]?$/u;

/**
 * A prior for the genre's boilerplate: the verbs and stock phrases every measure of every
 * Chinese policy document uses. On a large corpus document frequency finds these by itself (see
 * STOP_SHARE in lineage.ts); on a corpus of a handful of documents a stock phrase such as
 * 减税降费 or 营商环境 occurs in two measures only and would look like a shared programme.
 * Subject words are never listed here: this is the genre, not the seeds.
 */
export const GENRE_STOPWORDS: ReadonlySet<string> = new Set([
  // generic verbs of action
  '推动', '推进', '加快', '加强', '加大', '支持', '鼓励', '引导', '发展', '建设', '完善', '健全', '提升', '提高',
  '促进', '优化', '强化', '深化', '扩大', '实施', '开展', '落实', '贯彻', '贯彻落实', '积极', '持续', '不断',
  '着力', '大力', '培育', '打造', '构建', '创新', '探索', '研究', '制定', '组织', '做好', '用好', '发挥', '充分',
  '进一步', '全面', '加速', '逐步', '坚持', '统筹', '鼓励支持', '积极推动', '加快推进', '大力发展', '推动实施',
  '行动', '专项行动', '系统', '管理平台', '平台建设', '体系建设', '工程', '管理', '规范', '管理规范', '提供', '形成', '实现', '有效',
  // stock nouns and qualifiers
  '工作', '政策', '措施', '政策措施', '机制', '体系', '水平', '能力', '作用', '要求', '规定', '相关', '有关',
  '各类', '一批', '重点', '领域', '方面', '方式', '模式', '服务', '企业', '主体', '市场', '国家', '全市', '本市',
  '我市', '各区', '部门', '相关部门', '有关部门', '职责', '分工', '负责', '牵头', '配合', '按照', '依法', '依规',
  '依法依规', '符合条件', '条件', '基础', '环境', '质量', '力度', '规模', '范围', '目标', '任务',
  // the coordination boilerplate of every plan's safeguards (建立工作协调机制，研究解决重大问题)
  '协调解决', '研究解决', '统筹协调', '重大问题', '突出问题', '突出矛盾', '协调机制', '工作机制', '问题', '重大', '解决', '协调',
  // boilerplate programmes of every plan
  '营商环境', '营商', '优化营商', '减税降费', '减税', '降费', '放管服', '高质量发展', '高质量',
  '提质增效', '提质', '增效', '降本增效', '提档升级', '转型升级', '扩容提质', '升级改造', '改造提升',
]);

const stockCache = new Map<string, boolean>();
/**
 * A stock word, or a compound of two (工作力度 = 工作 + 力度, 服务水平 = 服务 + 水平): the
 * segmenter's dictionary knows many such compounds, and they carry no subject either.
 */
export function isStockWord(word: string): boolean {
  if (GENRE_STOPWORDS.has(word)) return true;
  if (word.length < 4) return false;
  let stock = stockCache.get(word);
  if (stock === undefined) {
    stock = false;
    for (let cut = 2; cut <= word.length - 2 && !stock; cut++) {
      stock = GENRE_STOPWORDS.has(word.slice(0, cut)) && GENRE_STOPWORDS.has(word.slice(cut));
    }
    if (stockCache.size > 100_000) stockCache.clear();
    stockCache.set(word, stock);
  }
  return stock;
}

export interface MeasureTerms {
  /** Segmented words (with repeats, for term frequency), lower-cased Latin. */
  words: string[];
  /** Quoted names as written (without the quotes), deduplicated. */
  quoted: string[];
  /**
   * Adjacent word pairs inside a clause (冷链|物流, 信息消费|体验中心). A shared rare phrase is
   * stronger evidence of the same programme than the same words scattered over two long
   * measures.
   */
  phrases: [string, string][];
}

const cache = new Map<string, MeasureTerms>();
const CACHE_LIMIT = 400_000;

/** Removes the responsibility parenthetical and department names, which say who, not what. */
export function subjectText(normText: string, departmentNames: string[] = []): string {
  let text = normText.replace(RESPONSIBILITY, ' ');
  for (const name of departmentNames) {
    if (name.length >= 3) text = text.split(name).join(' ');
  }
  return text;
}

export function measureTerms(normText: string, departmentNames: string[] = []): MeasureTerms {
  const key = departmentNames.length ? `${normText}\u0000${departmentNames.join('\u0001')}` : normText;
  const hit = cache.get(key);
  if (hit) return hit;

  const text = subjectText(normText, departmentNames);
  const quoted = new Set<string>();
  for (const m of text.matchAll(QUOTED)) {
    const name = nameKey(m[1] ?? m[2] ?? m[3] ?? '');
    if (name.length >= 2) quoted.add(name);
  }
  const words: string[] = [];
  const phrases: [string, string][] = [];
  let previous: string | undefined;
  // HMM on: it recovers words the dictionary lacks (冷链, 首店, 津体惠), which are precisely the
  // new coinages that carry a programme from one year's document to the next.
  for (const raw of segmenter().cut(text, true)) {
    const token = raw.trim().toLowerCase();
    if (!token) continue; // layout space: does not break a phrase
    const kept = token.length >= 2 && (HAS_CJK.test(token) ? !NUMERIC.test(token) : LATIN.test(token));
    if (!kept) {
      // Punctuation, numbers and one-character function words end a phrase.
      previous = undefined;
      continue;
    }
    words.push(token);
    if (previous !== undefined) phrases.push([previous, token]);
    previous = token;
  }
  const terms = { words, quoted: [...quoted], phrases };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, terms);
  return terms;
}
