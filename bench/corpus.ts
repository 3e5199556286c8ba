// Benchmark corpus: documents of the seeds' genre (municipal consumption-policy plans, as prose
// with responsibility parentheticals or as division-of-labour tables), made by recombining and
// perturbing the seed measures. Deterministic from a seed; document i depends only on (seed, i),
// so the corpus of 100 is the first 100 documents of the corpus of 1,000.
//
//   npm run bench:corpus -- --docs N [--seed S] [--out bench/corpus/N-sS]
//
// How realism is kept without knowing the parser: each generated measure continues a "family"
// (one seed measure, or a recombination of several, with a fixed set of responsible
// institutions); families recur across documents and years with changed wording (synonyms,
// dropped or reordered sentences, changed numbers and target years), the departments are written
// under the names they had in the document's year (市商务委 before 2018, 市商务局 after), now and
// then as an alias or as a name the reference data does not know. New families keep appearing as
// the corpus grows, as new subjects do in a real collection, so the lineage linker sees chains of
// realistic length rather than thousands of copies of 237 measures.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash32, Rng } from './lib/prng.js';
import { readSeedMaterial, type SeedMaterial, type SeedUnit } from './lib/seed-units.js';

export const GENERATOR_VERSION = 1;
const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(benchDir, '..');

export interface CorpusOptions {
  docs: number;
  seed?: number;
  outDir?: string;
  seedsDir?: string;
}

export interface CorpusManifest {
  generatorVersion: number;
  docs: number;
  seed: number;
  files: string[]; // relative to the project root
  measuresWritten: number;
  tableDocuments: number;
  bytes: number;
  ms: number;
}

export function defaultCorpusDir(docs: number, seed: number): string {
  return path.join(benchDir, 'corpus', `${docs}-s${seed}`);
}

// ---------------------------------------------------------------------------------------------
// Wording.

/** Interchangeable words of the genre; each occurrence is swapped with some probability. */
const SYNONYMS: string[][] = [
  ['推动', '推进', '促进'],
  ['加快', '加速', '加紧'],
  ['支持', '鼓励', '引导'],
  ['提升', '提高'],
  ['完善', '健全'],
  ['加强', '强化'],
  ['扩大', '拓展'],
  ['积极', '大力', '着力'],
  ['打造', '建设', '培育'],
  ['开展', '组织开展'],
  ['深化', '深入推进'],
  ['优化', '改善'],
  ['企业', '市场主体'],
  ['一批', '若干'],
  ['跨境电商', '跨境电子商务'],
  ['冷链物流', '冷链'],
  ['5G', '第五代移动通信（5G）'],
  ['老字号', '津门老字号', '中华老字号'],
  ['直播电商', '直播带货', '电商直播'],
  ['以旧换新', '换新'],
  ['智慧商圈', '智慧商业街区'],
];

/** Sentences a plan adds to a recurring measure to give it a new subject or emphasis. */
const THEME_SENTENCES = [
  '加快5G基站建设，到{Y}年底累计建成5G基站{N}万个。',
  '完善冷链物流基础设施，建设一批产地冷链集配中心和销地冷链分拨中心。',
  '实施老字号守正创新工程，支持老字号企业开设体验店、旗舰店。',
  '支持跨境电商企业建设海外仓，培育跨境电商综合试验区主体{N}家。',
  '发展直播电商，培育直播电商基地和本土主播，举办直播电商节。',
  '引进国内外品牌首店、旗舰店，发展首店经济和首发经济，全年引进首店{N}家以上。',
  '推进汽车、家电、家居以旧换新，落实以旧换新补贴政策。',
  '建设智慧商圈和智慧商店，推广无接触配送和智能零售终端。',
  '健全消费领域信用体系，开展守信激励和失信惩戒。',
  '发展车联网和智能网联汽车，开展智能网联汽车道路测试和示范应用。',
  '加快互联网医院建设，推广在线问诊和处方流转服务。',
  '发展在线教育，推动优质课程资源共享，建设智慧校园。',
  '推动家政服务提质扩容，开展家政服务员技能培训{N}万人次。',
  '发展居家社区养老服务，新增社区嵌入式养老服务机构{N}家。',
  '发展普惠托育服务，每千人口拥有托位数达到{N}个。',
  '推进农村电商发展，完善县乡村三级物流配送体系。',
  '培育夜间经济集聚区，打造{N}条夜间消费特色街区。',
  '支持市内免税店建设，扩大离境退税商店覆盖面。',
  '深化“网农对接”活动，拓展农产品网络销售渠道。',
  '办好“津体惠”等体育健身服务平台，发放体育消费券。',
  '举办“双品网购节”等促消费活动，带动网络零售额增长{N}%。',
];

const TOPICS = [
  '促进消费扩容提质',
  '加快发展新型消费',
  '进一步扩大和升级信息消费',
  '推动生活性服务领域平台经济健康发展',
  '构建“大消费”格局',
  '加快发展夜间经济',
  '促进老字号创新发展',
  '推进冷链物流高质量发展',
  '加快5G网络建设和应用',
  '促进跨境电子商务发展',
  '发展银发经济',
  '促进家政服务业提质扩容',
  '推动商贸流通高质量发展',
  '提振消费',
  '推进国际消费中心城市建设',
  '促进文化和旅游消费',
  '稳定和扩大汽车消费',
  '加快发展数字经济',
  '促进农村消费',
  '推动服务消费提质惠民',
  '培育建设智慧商圈',
  '激发体育消费活力',
];

const PLAN_KINDS = ['实施方案', '行动方案', '工作方案', '若干措施', '三年行动计划', '具体举措分工方案'];

const ISSUERS = ['天津市人民政府', '天津市人民政府办公厅', '天津市人民政府办公厅', '天津市发展和改革委员会', '天津市商务局'];

/** Responsible parties a plan may name that the reference data does not list (real-world drift). */
const UNLISTED_DEPARTMENTS = ['市数据局', '市人防办', '市粮食和物资储备局', '市退役军人局', '市机关事务管理局', '市气象局'];

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}

// ---------------------------------------------------------------------------------------------
// Institutions across years.

class Institutions {
  readonly names: string[];
  private readonly aliases = new Map<string, string[]>();
  private readonly successor = new Map<string, { to: string; year: number }[]>();
  private readonly predecessors = new Map<string, { from: string; year: number }[]>();
  readonly collective = new Set<string>();

  constructor(material: SeedMaterial) {
    this.names = material.institutions.filter((i) => i.kind === 'institution').map((i) => i.name);
    for (const i of material.institutions) {
      this.aliases.set(i.name, i.aliases.filter((a) => a.length > 2));
      if (i.kind !== 'institution') this.collective.add(i.name);
    }
    for (const s of material.successions) {
      if (!this.successor.has(s.from)) this.successor.set(s.from, []);
      this.successor.get(s.from)!.push({ to: s.to, year: s.year });
      if (!this.predecessors.has(s.to)) this.predecessors.set(s.to, []);
      this.predecessors.get(s.to)!.push({ from: s.from, year: s.year });
    }
  }

  /** The body as it exists today (a family remembers current names; documents use period names). */
  current(name: string): string {
    let n = name;
    for (let guard = 0; guard < 5; guard++) {
      const next = this.successor.get(n)?.[0];
      if (!next) break;
      n = next.to;
    }
    return n;
  }

  /** How a document of `year` names the body: its predecessor(s) before a reorganisation. */
  inYear(name: string, year: number): string[] {
    const preds = (this.predecessors.get(name) ?? []).filter((p) => p.year > year);
    if (preds.length === 0) return [name];
    return preds.flatMap((p) => this.inYear(p.from, year));
  }

  alias(name: string, rng: Rng): string {
    const a = this.aliases.get(name);
    return a && a.length > 0 ? rng.pick(a) : name;
  }
}

// ---------------------------------------------------------------------------------------------
// Families: what recurs across documents.

interface Family {
  heading: string;
  sentences: string[];
  requirement: string;
  departments: string[]; // current names
}

class FamilyPool {
  private readonly cache = new Map<number, Family>();
  constructor(
    private readonly material: SeedMaterial,
    private readonly inst: Institutions,
    private readonly seed: number,
  ) {}

  get core(): number {
    return this.material.units.length;
  }

  get(j: number): Family {
    let f = this.cache.get(j);
    if (!f) {
      f = this.make(j);
      this.cache.set(j, f);
    }
    return f;
  }

  private make(j: number): Family {
    const { units, itemHeadings } = this.material;
    const rng = new Rng(hash32(`${this.seed}:family:${j}`));
    const base: SeedUnit = j < units.length ? units[j]! : rng.pick(units);
    const sentences = [...base.sentences];
    let departments = base.departments.map((d) => this.inst.current(d));
    if (j >= units.length) {
      // A recombined subject: parts of two seed measures, sometimes a thematic addition.
      const other = rng.pick(units);
      if (sentences.length > 1 && rng.chance(0.5)) sentences.splice(rng.int(0, sentences.length - 1), 1);
      sentences.push(...rng.sample(other.sentences, rng.int(1, 2)));
      if (rng.chance(0.4)) sentences.push(rng.pick(THEME_SENTENCES));
      if (rng.chance(0.5)) rng.shuffle(sentences);
      if (rng.chance(0.3)) departments = [...new Set([...departments.slice(0, 2), this.inst.current(rng.pick(this.inst.names))])];
    }
    const heading = base.heading ?? rng.pick(itemHeadings);
    const requirement = base.requirement ?? sentences[0]!;
    return { heading, sentences, requirement, departments: [...new Set(departments)] };
  }
}

// ---------------------------------------------------------------------------------------------
// Perturbation.

const SYNONYM_INDEX = new Map<string, string[]>();
for (const group of SYNONYMS) for (const w of group) SYNONYM_INDEX.set(w, group);
const SYNONYM_RE = new RegExp(
  [...SYNONYM_INDEX.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[()（）]/g, '\\$&'))
    .join('|'),
  'g',
);
const QUANTITY_RE = /(\d+(?:\.\d+)?)(?=\s*(?:个|家|万|亿|%|％|场|次|部|所|条|项|平方米|公里|辆|人|户|座|张|台|名|千|百))/g;
const YEAR_RE = /20\d\d(?=\s*年)/g;

function perturb(text: string, rng: Rng, year: number): string {
  // A swap must not produce a doubled word (培育建设 → 建设建设) where two synonyms stand side by side.
  let lastEnd = -1;
  let lastWord = '';
  let out = text.replace(SYNONYM_RE, (w, offset: number) => {
    let chosen = rng.chance(0.3) ? rng.pick(SYNONYM_INDEX.get(w)!) : w;
    if (offset === lastEnd && chosen === lastWord) chosen = w === lastWord ? SYNONYM_INDEX.get(w)!.find((x) => x !== w)! : w;
    lastEnd = offset + w.length;
    lastWord = chosen;
    return chosen;
  });
  out = out.replace(YEAR_RE, () => String(Math.min(2035, year + rng.int(0, 5))));
  out = out.replace(QUANTITY_RE, (n) => {
    const v = Number(n) * (0.5 + rng.float() * 2);
    return n.includes('.') ? v.toFixed(1) : String(Math.max(1, Math.round(v)));
  });
  return out.replace(/\{Y\}/g, String(Math.min(2035, year + rng.int(1, 5)))).replace(/\{N\}/g, () => String(rng.int(2, 60)));
}

function realiseMeasure(f: Family, pool: FamilyPool, material: SeedMaterial, rng: Rng, year: number): string {
  let sentences = f.sentences.filter(() => rng.chance(0.85));
  if (sentences.length === 0) sentences = [f.sentences[0]!];
  if (sentences.length > 1 && rng.chance(0.25)) {
    const i = rng.int(0, sentences.length - 2);
    [sentences[i], sentences[i + 1]] = [sentences[i + 1]!, sentences[i]!];
  }
  if (rng.chance(0.15)) sentences.push(rng.pick(rng.pick(material.units).sentences));
  return perturb(sentences.join(''), rng, year);
}

function departmentNames(f: Family, inst: Institutions, rng: Rng, year: number): string[] {
  let names = f.departments.flatMap((d) => (inst.collective.has(d) ? [d] : inst.inYear(d, year)));
  names = names.map((n) => (rng.chance(0.08) ? inst.alias(n, rng) : n));
  if (rng.chance(0.04)) names.push(rng.pick(UNLISTED_DEPARTMENTS));
  if (names.length > 2 && rng.chance(0.2)) names.splice(rng.int(1, names.length - 1), 1);
  return [...new Set(names)];
}

/** The closing parenthetical of a prose measure, in the shapes the genre uses. */
function responsibilityClause(names: string[], rng: Rng): string {
  const institutions = names.filter((n) => !/各区|有关区|开发区|各行业/.test(n));
  const collectives = names.filter((n) => /各区|有关区|开发区|各行业/.test(n));
  const list = institutions.join('、');
  const coll = collectives.join('、');
  if (institutions.length === 0) return `（${coll}负责）`;
  const r = rng.float();
  if (institutions.length === 1 && r < 0.5) return `（${list}${coll ? `、${coll}` : ''}负责）`;
  if (r < 0.2 && institutions.length > 1) return `（${institutions[0]}牵头，相关部门按职责分工负责）`;
  if (r < 0.32 && institutions.length > 1) return `（${institutions[0]}牵头，${institutions.slice(1).join('、')}配合）`;
  if (coll && rng.chance(0.5)) return `（${list}等部门，${coll}按职责分工负责）`;
  if (coll) return `（${list}和${coll}按职责分工负责）`;
  return `（${list}等部门按职责分工负责）`;
}

// ---------------------------------------------------------------------------------------------
// Documents.

interface Directive {
  docNumber: string;
  title: string;
  year: number;
}

function directivesOf(year: number, seed: number): Directive[] {
  const rng = new Rng(hash32(`${seed}:directives:${year}`));
  const kinds: [string, string][] = [
    ['国发', '国务院关于'],
    ['国办发', '国务院办公厅关于'],
    ['国办函', '国务院办公厅关于'],
    ['发改就业', '国家发展改革委等部门关于'],
    ['商消费发', '商务部等部门关于'],
  ];
  return Array.from({ length: 4 }, () => {
    const [prefix, issuer] = rng.pick(kinds);
    const topic = rng.pick(TOPICS);
    const kind = rng.pick(['的意见', '的指导意见', '的通知', '的实施意见']);
    return { docNumber: `${prefix}〔${year}〕${rng.int(1, prefix === '发改就业' ? 400 : 60)}号`, title: `${issuer}${topic}${kind}`, year };
  });
}

function guidingThought(year: number): string {
  if (year < 2013) return '以邓小平理论、“三个代表”重要思想为指导，深入贯彻落实科学发展观';
  if (year < 2018) return '全面贯彻党的十八大和十八届三中、四中、五中全会精神，深入贯彻习近平总书记系列重要讲话精神';
  if (year < 2023) return '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神';
  return '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神';
}

/** Hard-wraps prose the way PDF text layers do (lines cut mid-word, spaces around numbers). */
function pdfWrap(text: string, rng: Rng): string {
  const width = rng.int(28, 34);
  return text
    .split('\n')
    .map((line) => {
      const spaced = line.replace(/(\d+)(?=[年月日万个家])/g, '$1 ');
      const chars = [...spaced];
      if (chars.length <= width) return `${spaced} `;
      const out: string[] = [];
      for (let i = 0; i < chars.length; i += width) out.push(`${chars.slice(i, i + width).join('')} `);
      return out.join('\n');
    })
    .join('\n');
}

interface GeneratedDocument {
  text: string;
  measures: number;
  table: boolean;
}

export function generateDocument(i: number, seed: number, pool: FamilyPool, material: SeedMaterial, inst: Institutions): GeneratedDocument {
  const rng = new Rng(hash32(`${seed}:doc:${i}`));
  const year = rng.int(2010, 2030);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const issuer = rng.pick(ISSUERS);
  const topic = rng.pick(TOPICS);
  const table = rng.chance(0.3);
  const planTitle = `天津市${topic}${table ? '具体举措分工方案' : rng.pick(PLAN_KINDS.slice(0, -1))}`;
  const candidates = [...directivesOf(year, seed), ...directivesOf(Math.max(2010, year - 1), seed), ...directivesOf(Math.max(2010, year - 2), seed)];
  const cited = rng.sample(candidates, rng.chance(0.3) ? 2 : 1);
  const citeText = cited.map((d) => `《${d.title.replace(/的通知$/, '的通知')}》（${d.docNumber}）`).join('和');

  // New subjects appear as the collection grows; a quarter of measures revisit the seed subjects.
  const poolSize = pool.core + 3 * i;
  const count = table ? rng.int(15, 80) : rng.int(12, 55);
  const families: Family[] = [];
  const used = new Set<number>();
  while (families.length < count) {
    const j = rng.chance(0.25) ? rng.int(0, pool.core - 1) : rng.int(0, poolSize - 1);
    if (used.has(j) && used.size < poolSize) continue;
    used.add(j);
    families.push(pool.get(j));
  }

  const lines: string[] = [];
  lines.push(`${issuer}关于印发${planTitle}的通知`, '');
  lines.push(issuer.includes('人民政府') ? '各区人民政府，市政府各委、办、局：' : '各有关单位：', '');
  lines.push(`\u3000\u3000现将《${planTitle}》印发给你们，请结合实际认真贯彻执行。`, '');
  lines.push(`\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000${issuer}`);
  lines.push(`\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000${year}年${month}月${day}日`, '');
  lines.push('\u3000\u3000（此件主动公开）', '');
  lines.push(planTitle, '');
  lines.push(`\u3000\u3000为深入贯彻落实${citeText}精神，${topic}，结合本市实际，制定本方案。`, '');

  if (table) {
    const header = '序号\t国家要求\t落实举措\t责任单位';
    lines.push(header);
    let nextHeader = rng.int(12, 25);
    families.forEach((f, k) => {
      if (k === nextHeader) {
        lines.push('', header);
        nextHeader += rng.int(12, 25);
      }
      const req = perturb(f.requirement, rng, year);
      const measure = realiseMeasure(f, pool, material, rng, year).replace(/\n/g, '');
      const names = departmentNames(f, inst, rng, year);
      let cell = names.join('、');
      if (names.length > 1 && rng.chance(0.15)) cell = `${names[0]}牵头，${names.slice(1).join('、')}配合`;
      if (rng.chance(0.05)) cell += '、';
      lines.push(`${k + 1}\t${req}\t${measure}\t${cell}`);
    });
  } else {
    lines.push('一、总体要求', '');
    lines.push(`\u3000\u3000${guidingThought(year)}，坚持稳中求进工作总基调，${topic}，更好满足人民群众日益增长的美好生活需要。到${year + rng.int(2, 5)}年，${topic.replace(/^(推动|促进|加快|推进)/, '')}取得明显成效。`, '');
    const sectionCount = Math.max(2, Math.min(6, Math.round(count / 8)));
    const titles = rng.sample(material.sectionTitles.filter((t) => t !== '主要任务'), sectionCount - 1);
    titles.push('强化保障措施');
    const body: string[] = [];
    let item = 0;
    let k = 0;
    titles.forEach((title, s) => {
      body.push(`${chineseNumber(s + 2)}、${title}`, '');
      const perSection = s === titles.length - 1 ? count - k : Math.max(1, Math.round((count - k) / (titles.length - s)));
      let inSection = 0;
      while (inSection < perSection && k < count) {
        item++;
        // Most items hold one measure; some hold two or three, each closed by its own parenthetical.
        const n = Math.min(perSection - inSection, rng.chance(0.25) ? rng.int(2, 3) : 1);
        const parts: string[] = [];
        for (let x = 0; x < n; x++) {
          const f = families[k++]!;
          parts.push(realiseMeasure(f, pool, material, rng, year) + responsibilityClause(departmentNames(f, inst, rng, year), rng));
        }
        const f0 = families[k - n]!;
        body.push(`\u3000\u3000（${chineseNumber(item)}）${f0.heading}。${parts.join('')}`, '');
        inSection += n;
      }
    });
    body.push('\u3000\u3000各区、各部门要加强组织领导，细化工作措施，压实工作责任，确保各项任务落到实处。');
    lines.push(...(rng.chance(0.1) ? pdfWrap(body.join('\n'), rng).split('\n') : body));
  }
  return { text: `${lines.join('\n')}\n`, measures: count, table };
}

export async function generateCorpus(opts: CorpusOptions): Promise<CorpusManifest> {
  const t0 = performance.now();
  const seed = opts.seed ?? 1;
  const outDir = path.resolve(opts.outDir ?? defaultCorpusDir(opts.docs, seed));
  const material = readSeedMaterial(opts.seedsDir ?? path.join(projectRoot, 'seeds'));
  const inst = new Institutions(material);
  const pool = new FamilyPool(material, inst, seed);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  let measuresWritten = 0;
  let tableDocuments = 0;
  let bytes = 0;
  const width = String(opts.docs).length;
  for (let i = 0; i < opts.docs; i++) {
    const doc = generateDocument(i, seed, pool, material, inst);
    const file = path.join(outDir, `doc${String(i).padStart(Math.max(5, width), '0')}.txt`);
    const buf = Buffer.from(doc.text, 'utf8');
    fs.writeFileSync(file, buf);
    bytes += buf.length;
    measuresWritten += doc.measures;
    if (doc.table) tableDocuments++;
    files.push(path.relative(projectRoot, file));
  }
  const manifest: CorpusManifest = {
    generatorVersion: GENERATOR_VERSION,
    docs: opts.docs,
    seed,
    files,
    measuresWritten,
    tableDocuments,
    bytes,
    ms: Math.round(performance.now() - t0),
  };
  fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

/** The cached corpus for (docs, seed), generated when missing or made by another generator version. */
export async function ensureCorpus(docs: number, seed: number, log: (s: string) => void = () => {}): Promise<CorpusManifest> {
  const dir = defaultCorpusDir(docs, seed);
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as CorpusManifest;
    if (m.generatorVersion === GENERATOR_VERSION && m.docs === docs && m.seed === seed && m.files.every((f) => fs.existsSync(path.join(projectRoot, f)))) {
      return m;
    }
  } catch {
    // no usable cache: generate below
  }
  log(`generating corpus: ${docs} documents, seed ${seed} → ${path.relative(projectRoot, dir)}`);
  return generateCorpus({ docs, seed, outDir: dir });
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const docs = Number(argValue(args, '--docs') ?? '100');
  const seed = Number(argValue(args, '--seed') ?? '1');
  if (!Number.isInteger(docs) || docs < 1) {
    console.error(`--docs must be a positive integer, got "${argValue(args, '--docs')}"`);
    process.exit(2);
  }
  if (!Number.isInteger(seed)) {
    console.error(`--seed must be an integer, got "${argValue(args, '--seed')}"`);
    process.exit(2);
  }
  const out = argValue(args, '--out');
  const m = await generateCorpus({ docs, seed, outDir: out ? path.resolve(out) : undefined });
  const dir = path.dirname(path.join(projectRoot, m.files[0]!));
  console.error(
    `${m.docs} documents (${m.tableDocuments} tables), ${m.measuresWritten} measures, ${(m.bytes / 1e6).toFixed(1)} MB in ${m.ms} ms → ${path.relative(process.cwd(), dir)}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
