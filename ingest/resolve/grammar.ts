// The grammar of government body names, for parties the reference files do not list: where a
// name says its body belongs (its own jurisdiction, another place, the national level), whether it
// names a body at all (an organ suffix), a collective or a person's post, and one matching form for
// the full and abbreviated spellings of the same body. The word lists are data
// (seeds/reference/department-grammar.json); the rules that read them are here.
import { readFileSync } from 'node:fs';
import { nameKey } from '../normalise.js';

export interface DepartmentGrammar {
  organSuffixes: string[];
  levelPrefixes: string[];
  placeSuffixes: string[];
  nationalPrefixes: string[];
  verticalSuffixes: string[];
  equivalents: [string, string][];
  collectives: RegExp[];
  posts: string[];
  /** Sector words that stand for the department in charge (财政, 住建, 公安). */
  sectorWords: Set<string>;
  /** A name that says it is a local body (地方金融监管局). */
  localPrefixes: string[];
  /** Endings of a development zone's name (高新区, 经济开发区). */
  zoneSuffixes: string[];
  /** The areas a local government has many of, each with its own office (街道, 乡镇, 园区). */
  areaUnits: string[];
  /** Minority nationalities, named in an autonomous area's name after its place (大理白族自治州). */
  ethnicGroups: string[];
}

interface GrammarFile {
  organSuffixes: string[];
  levelPrefixes: string[];
  placeSuffixes: string[];
  nationalPrefixes: string[];
  verticalSuffixes: string[];
  equivalents: [string, string][];
  collectives: string[];
  posts: string[];
  sectorWords?: string[];
  localPrefixes?: string[];
  zoneSuffixes?: string[];
  areaUnits?: string[];
  ethnicGroups?: string[];
}

export function loadGrammar(file: string): DepartmentGrammar {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as GrammarFile;
  for (const k of ['organSuffixes', 'levelPrefixes', 'placeSuffixes', 'nationalPrefixes', 'verticalSuffixes', 'equivalents', 'collectives', 'posts'] as const) {
    if (!Array.isArray(raw[k])) throw new Error(`${file}: missing "${k}" array`);
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    organSuffixes: [...raw.organSuffixes].sort(byLength),
    levelPrefixes: [...raw.levelPrefixes].sort(byLength),
    placeSuffixes: [...raw.placeSuffixes].sort(byLength),
    nationalPrefixes: [...raw.nationalPrefixes].sort(byLength),
    verticalSuffixes: [...raw.verticalSuffixes].sort(byLength),
    equivalents: raw.equivalents,
    collectives: raw.collectives.map((p) => new RegExp(p, 'u')),
    posts: [...raw.posts].sort(byLength),
    sectorWords: new Set(raw.sectorWords ?? []),
    localPrefixes: [...(raw.localPrefixes ?? [])].sort(byLength),
    zoneSuffixes: [...(raw.zoneSuffixes ?? [])].sort(byLength),
    ethnicGroups: [...(raw.ethnicGroups ?? [])].sort(byLength),
    areaUnits: [...(raw.areaUnits ?? [])].sort(byLength),
  };
}

/**
 * One form for every spelling of a body's name: 市发改委, 市发展改革委 and 市发展和改革委员会 all
 * give 市发展改革委. Used to merge spellings, never shown as a name.
 */
export function matchingForm(name: string, g: DepartmentGrammar): string {
  let s = nameKey(name);
  for (const [from, to] of g.equivalents) if (from !== to) s = s.split(from).join(to);
  return s
    .replace(/管理委员会/gu, '管委会')
    .replace(/委员会/gu, '委')
    .replace(/办公室/gu, '办')
    .replace(/人民政府/gu, '政府')
    .replace(/和/gu, '');
}

export function organSuffix(name: string, g: DepartmentGrammar): string | undefined {
  return g.organSuffixes.find((s) => name.endsWith(s) && name.length > s.length);
}

export function isPost(name: string, g: DepartmentGrammar): boolean {
  return g.posts.some((p) => name.endsWith(p)) && !organSuffix(name.slice(0, -1), g)?.endsWith('政府');
}

/** A bare sector word written as a party (财政, 住建): the department in charge of that sector. */
export function isSectorWord(name: string, g: DepartmentGrammar): boolean {
  return g.sectorWords.has(name);
}

export function isCollective(name: string, g: DepartmentGrammar): boolean {
  return g.collectives.some((re) => re.test(name));
}

export function levelPrefix(name: string, g: DepartmentGrammar): string | undefined {
  return g.levelPrefixes.find((p) => name.startsWith(p) && name.length > p.length + 1);
}

export function nationalPrefix(name: string, g: DepartmentGrammar): string | undefined {
  return g.nationalPrefixes.find((p) => name.startsWith(p) && name.length > p.length + 1);
}

export function localPrefix(name: string, g: DepartmentGrammar): string | undefined {
  return g.localPrefixes.find((p) => name.startsWith(p) && name.length > p.length + 1);
}

/** True for a place that is a development zone (黄冈高新区, 立山经济开发区). */
export function isZone(place: string, g: DepartmentGrammar): boolean {
  return g.zoneSuffixes.some((s) => place.endsWith(s) && place.length > s.length);
}

/**
 * A kind of area or zone written without a name (开发区, 街道, 乡镇), never a place. Kinds written
 * together stand for several zones of the document's place (开发区(投资区)管委会 → 开发区投资区), not
 * for a zone named 开发区.
 */
function isAreaWord(word: string, g: DepartmentGrammar): boolean {
  if (word === '') return false;
  const kinds = [...g.zoneSuffixes, ...g.areaUnits];
  if (kinds.includes(word)) return true;
  return kinds.some((k) => word.startsWith(k) && word.length > k.length && isAreaWord(word.slice(k.length), g));
}

/** The office of an area written without its name (街道办事处, 园区管委会, 乡镇政府): one of many, or a bare name. */
export function isBareAreaOffice(name: string, g: DepartmentGrammar): boolean {
  const head = ['政府', '办事处', '管委会'].find((h) => name.endsWith(h));
  return head !== undefined && isAreaWord(name.slice(0, -head.length), g);
}

export function verticalSuffix(name: string, g: DepartmentGrammar): string | undefined {
  return g.verticalSuffixes.find((s) => name.endsWith(s) && name.length > s.length);
}

/**
 * A leading place name: 北京市商务局 → {place: '北京市', rest: '商务局'}; 杭州市西湖区商务局 →
 * the longest chain of places. A bare level prefix (市商务局) is not a place.
 */
export function leadingPlace(name: string, g: DepartmentGrammar): { place: string; rest: string } | undefined {
  const pattern = new RegExp(`^((?:\\p{Script=Han}{2,6}?(?:${g.placeSuffixes.join('|')}))+)(.+)$`, 'u');
  const m = pattern.exec(name);
  if (!m) return undefined;
  const place = m[1]!;
  // "市委宣传部", "区政府": a level word, not a place; a place needs two characters before its suffix.
  if (g.levelPrefixes.some((p) => place.startsWith(p))) return undefined;
  // 开发区管委会, 工业园区管委会: a kind of zone, not a zone's name; the body is the document's own.
  if (isAreaWord(place, g)) return undefined;
  if (!organSuffix(m[2]!, g) && !g.organSuffixes.includes(m[2]!)) return undefined;
  return { place, rest: m[2]! };
}
