// Where a document is from, read from its issuer (else its title): the State Council, its
// general office and the ministries are national ('国家'); a province or autonomous region is
// provincial; a city, prefecture or 直辖市 is municipal; a district, county or banner under it is
// a district ('杭州市西湖区'). Only what the names say: a bare '区人民政府' names no place.
import { normalise } from '../normalise.js';
import type { Level } from '../types.js';
import { parentOfCounty, placesNamedIn, type NamedPlace } from './places.js';

export interface Place {
  level: Level;
  jurisdiction: string;
}

const NATIONAL = /^(国务院|中共中央|全国人大|全国人民代表大会|国家|中华人民共和国|中央|最高人民)/u;
/** A ministry or national body named without a place: 商务部, 财政部, 中国人民银行, 海关总署. */
const MINISTRY = /^(?:中国)?[\p{Script=Han}]{1,10}(部|总局|总署|银行|委员会)$/u;
const PROVINCE = /^(?:中共)?([\p{Script=Han}]{2,4}?(?:省|自治区|特别行政区))/u;
const MUNICIPALITY = /^(?:中共)?(北京市|天津市|上海市|重庆市)/u;
const CITY = /^([\p{Script=Han}]{2,6}?(?:市|自治州|州|地区|盟))/u;
const COUNTY = /^([\p{Script=Han}]{1,6}?(?:新区|区|自治县|县|旗|市))(?=(人民政府|政府|委员会|办公室|办公厅|管委会|党委|区委|县委|[\p{Script=Han}]{1,6}?(局|委员会|办公室)))/u;

/** Place of one issuing organ's name (or a title that starts with a place). */
export function placeOf(name: string | undefined): Place | undefined {
  if (!name) return undefined;
  // The matching form: a traditional-script copy (廣東省) names the same place as its original.
  // A portal's field label is no part of the name; its 来源 names the publishing government.
  const n = normalise(name).replace(/^(标题|题名|名称|发文机关|发布机构|来源)[:：]?/u, '').replace(/^[\p{Script=Han}]{1,12}[〔[［【(（]\d{4}[〕\]］】)）]\d{1,4}号/u, '').replace(/^[《〈<]/u, '').replace(/^中共(?!中央)/u, '');
  if (NATIONAL.test(n)) return { level: 'national', jurisdiction: '国家' };
  // 各区人民政府 (an addressee), 关于加快… (a title's verb), 现将天津市…方案印发给你们 (a notice's
  // sentence, a line of its own in a hard-wrapped copy) or an autonomous region's organ named
  // without the region (自治区人民政府办公厅, as a province writes 省人民政府) names no place.
  if (/^(各|本|全|我|为|自治区|关于|加快|推进|促进|进一步|全面|深化|加强|做好|开展|实施|贯彻|根据|按照|现将|印发|转发)/u.test(n)) return undefined;
  let rest = n;
  let prefix = '';
  let level: Level | undefined;
  const muni = MUNICIPALITY.exec(rest);
  const prov = muni ? null : PROVINCE.exec(rest);
  if (muni) {
    prefix = muni[1]!;
    level = 'municipal';
    rest = rest.slice(muni[0].length);
  } else if (prov) {
    prefix = prov[1]!;
    level = 'provincial';
    rest = rest.slice(prov[0].length);
    const city = CITY.exec(rest);
    if (city && !/^(人民|政府)/u.test(rest)) {
      // A city is named without its province (杭州市, 杭州市西湖区).
      prefix = city[1]!;
      level = 'municipal';
      rest = rest.slice(city[0].length);
    }
  } else {
    const city = CITY.exec(rest);
    if (city && !/^市/u.test(rest)) {
      prefix = city[1]!;
      level = 'municipal';
      rest = rest.slice(city[0].length);
    }
  }
  if (level === 'municipal' || level === undefined) {
    const county = COUNTY.exec(rest);
    if (county && !/^(区|县|市)/u.test(rest) && !/^(人民政府|政府)/u.test(rest)) {
      return { level: 'district', jurisdiction: prefix + county[1]! };
    }
  }
  if (level) return { level, jurisdiction: prefix };
  if (MINISTRY.test(n) && !/^(市|省|区|县)/u.test(n)) return { level: 'national', jurisdiction: '国家' };
  return undefined;
}

/** The place of a document: its first issuer that names one, else its title. */
export function placeOfDocument(issuers: string[], title: string | undefined, ...fallbacks: (string | undefined)[]): Place | undefined {
  const places = [...issuers, title, ...fallbacks].map(placeOf).filter((p): p is Place => p !== undefined);
  const first = places[0];
  if (!first) return undefined;
  // A title may drop the city a signature or portal names (江北区… / 江川市江北区人民政府办公室).
  const fuller = places.find((p) => p.level === first.level && p.jurisdiction.length > first.jurisdiction.length && p.jurisdiction.endsWith(first.jurisdiction));
  const place = fuller ?? first;
  if (place.level !== 'district' || /[市州盟]|地区/u.test(place.jurisdiction.slice(0, -1))) return place;
  // A district or county named alone (蔡甸区): its city from the gazetteer.
  const city = parentOfCounty(place.jurisdiction, [...issuers, title, ...fallbacks].join('\n'));
  return city ? { level: 'district', jurisdiction: city + place.jurisdiction } : place;
}

export interface TextPlace {
  /** The level the text speaks at (本市 / 全区 / 我省…), when it says. */
  level?: Level;
  jurisdiction?: string;
  /** What the reading rests on, for the diagnostic. */
  evidence: string;
}

// Organ names relative to the issuer's place, as parties are written (市商务局, 区发改局, 省政府),
// after a boundary so that 城市规划局 is not 市规划局.
const ORGANS = '[\\p{Script=Han}]{0,10}?(?:人民政府|政府|委员会|委|局|厅|办公室|办)';
const BOUNDARY = '(?<=^|[\\s、，,；;：:（(【\\[|“"])';
const TEXT_SCAN = 30_000;
const SELF: { level: Level; re: RegExp; words: string }[] = [
  // An autonomous region names its own organs 自治区X (自治区党委, 自治区发展改革委): the prefix is
  // its own, so no boundary is needed before it.
  { level: 'provincial', re: new RegExp(`[本全我]省|${BOUNDARY}省${ORGANS}|自治区${ORGANS}`, 'gu'), words: '全省/我省/省X厅/自治区X厅' },
  { level: 'municipal', re: new RegExp(`[本全我]市|${BOUNDARY}市${ORGANS}`, 'gu'), words: '本市/全市/市X局' },
  { level: 'district', re: new RegExp(`[本全我][区县旗]|${BOUNDARY}[区县]${ORGANS}`, 'gu'), words: '全区/我县/区X局' },
];

/**
 * Where a document without an issuer (a copy that starts at the body, a forum repost) is from,
 * read from how it speaks of itself and the places it names: a text that says 本市 / 全市 /
 * 我市 is a city's, 全区 / 我县 a district's, 全省 a province's; the place is the one of that
 * level the text names most, with the districts it names counted for their city (a Tianjin plan
 * names 蓟州区 and 和平区 more often than 天津). The parties it names relative to its place
 * (市商务局, 区发改局) say the level too. An autonomous region also says 全区: a region named in a
 * 全区 text is taken at its own level. A place is given only when it is the one candidate named,
 * or clearly leads (named at least twice, and more than twice as often as the next); else only
 * the level. A text that gives no level gives nothing: a place named in passing is no evidence
 * of where the document is from.
 */
export function placeFromText(whole: string): TextPlace | undefined {
  // The opening pages say where a document is from as well as the whole does, and the gazetteer
  // scan (thousands of names) stays cheap on a very long file.
  // In matching form: a traditional-script repost names 鹹陽 and 內江, the gazetteer 咸阳 and 内江.
  const text = normalise(whole.slice(0, TEXT_SCAN));
  const self = SELF.map((s) => ({ ...s, n: text.match(s.re)?.length ?? 0 })).sort((a, b) => b.n - a.n);
  const level = self[0]!.n > self[1]!.n ? self[0]!.level : undefined;
  const saying = level
    ? `it speaks as a ${level === 'district' ? 'district or county' : level === 'municipal' ? 'city' : 'province'} (${self.filter((s) => s.n > 0).map((s) => `${s.words} ×${s.n}`).join(', ')})`
    : 'it neither says 本市 / 全区 / 全省 nor names parties such as 市X局';
  if (!level) return undefined;
  const wanted = level;
  const candidates = new Map<string, { level: Level; count: number; parts: string[] }>();
  const add = (name: string, at: Level, count: number, part: string) => {
    const c = candidates.get(name) ?? { level: at, count: 0, parts: [] };
    c.count += count;
    c.parts.push(part);
    candidates.set(name, c);
  };
  for (const p of placesNamedIn(text)) {
    if (p.level === wanted) add(fullName(p, text), p.level, p.count, `${p.name} ×${p.count}`);
    // A district counts for its city when the city is sought.
    else if (wanted === 'municipal' && p.level === 'district' && p.parents.length === 1) add(p.parents[0]!, 'municipal', p.count, `${p.name} ×${p.count} (of ${p.parents[0]})`);
    else if (wanted === 'district' && p.level === 'provincial' && p.name.endsWith('自治区')) add(p.name, 'provincial', p.count, `${p.name} ×${p.count}`);
  }
  const ranked = [...candidates.entries()].sort((a, b) => b[1].count - a[1].count);
  const [best, next] = ranked;
  const named = ranked.slice(0, 3).map(([n, c]) => `${n} (${c.parts.join(', ')})`).join('; ');
  if (best && (next ? best[1].count >= 2 && best[1].count > 2 * next[1].count : true)) {
    return { level: best[1].level, jurisdiction: best[0], evidence: `${saying} and names ${named}` };
  }
  return { level, evidence: `${saying}; ${named ? `no place clearly leads (${named})` : 'it names no place of that level'}` };
}

/** A district is written with its city (官渡区 → 昆明市官渡区) when the gazetteer or the text fixes it. */
function fullName(p: NamedPlace, text: string): string {
  if (p.level !== 'district') return p.name;
  const city = parentOfCounty(p.name, text);
  return city ? city + p.name : p.name;
}
