// The gazetteer (seeds/reference/places.json): which city a district or county belongs to, so a
// document signed by 蔡甸区人民政府 is placed in 武汉市蔡甸区. Names repeat across the country
// (there are several 朝阳区 and 鼓楼区), so a county is placed only when the gazetteer names one
// parent, or when the document itself names one of its candidate parents.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('../../seeds/reference/places.json', import.meta.url));

interface Gazetteer {
  provinces: Record<string, Record<string, string[]>>;
}

let parents: Map<string, string[]> | undefined;
let gazetteer: Gazetteer | undefined;

function load(): Gazetteer {
  gazetteer ??= JSON.parse(readFileSync(FILE, 'utf8')) as Gazetteer;
  return gazetteer;
}

const MUNICIPAL_SUBDIVISION = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

/** County-level name → the cities (or 直辖市) it may belong to. */
function countyParents(): Map<string, string[]> {
  if (parents) return parents;
  const data = load();
  parents = new Map();
  for (const [province, cities] of Object.entries(data.provinces)) {
    for (const [city, counties] of Object.entries(cities)) {
      // A 直辖市 lists its districts under 市辖区 / 县: their parent is the municipality.
      const parent = MUNICIPAL_SUBDIVISION.test(city) ? province : city;
      for (const county of counties) {
        if (county === '市辖区') continue;
        const list = parents.get(county) ?? [];
        if (!list.includes(parent)) list.push(parent);
        parents.set(county, list);
      }
    }
  }
  return parents;
}

let allNames: Set<string> | undefined;
/** True when the text ends with a name of the gazetteer at any level (…运城市 yes, 推进城市 no). */
export function endsWithPlaceName(text: string): boolean {
  if (!allNames) {
    allNames = new Set();
    for (const [province, cities] of Object.entries(load().provinces)) {
      allNames.add(province);
      for (const [city, counties] of Object.entries(cities)) {
        if (!MUNICIPAL_SUBDIVISION.test(city)) allNames.add(city);
        for (const county of counties) if (!MUNICIPAL_SUBDIVISION.test(county)) allNames.add(county);
      }
    }
  }
  for (let i = Math.max(0, text.length - 12); i < text.length - 1; i++) if (allNames.has(text.slice(i))) return true;
  return false;
}

/** The city a county-level name belongs to: the only candidate, or the one the context names. */
export function parentOfCounty(county: string, context: string): string | undefined {
  // Counties become districts (撤县设区: 沙县 → 沙县区) and keep their base name: an older
  // document's 沙县 is found under its present name.
  const candidates = countyParents().get(county) ?? countyParents().get(county + '区') ?? countyParents().get(county.replace(/区$/u, '县')) ?? [];
  if (candidates.length === 1) return candidates[0];
  const named = candidates.filter((c) => context.includes(c));
  return named.length === 1 ? named[0] : undefined;
}

/** A place of the gazetteer at the level the genre files documents under. */
export interface GazetteerPlace {
  name: string;
  level: 'provincial' | 'municipal' | 'district';
  /** The city of a district or county (several when the name repeats across the country). */
  parents: string[];
}

export interface NamedPlace extends GazetteerPlace {
  /** How often the text names it (full name, or for a province or city its short name: 天津, 昆明). */
  count: number;
}

interface PlaceNames {
  all: { place: GazetteerPlace; forms: string[] }[];
  /** Every written form by its first two characters. */
  byPrefix: Map<string, string[]>;
}
let names: PlaceNames | undefined;

/** 广西壮族自治区 → 广西, 河北省 → 河北, 昆明市 → 昆明; names that would be too short or generic give none. */
function shortForm(name: string): string | undefined {
  const short = name.replace(/(壮族|回族|维吾尔)?(自治区|特别行政区)$|[省市]$/u, '');
  return short !== name && short.length >= 2 ? short : undefined;
}

function placeNames(): PlaceNames {
  if (names) return names;
  const out: { place: GazetteerPlace; forms: string[] }[] = [];
  for (const [province, cities] of Object.entries(load().provinces)) {
    const isMunicipality = Object.keys(cities).every((c) => MUNICIPAL_SUBDIVISION.test(c));
    out.push({ place: { name: province, level: isMunicipality ? 'municipal' : 'provincial', parents: [] }, forms: [province, shortForm(province)].filter((f): f is string => !!f) });
    for (const city of Object.keys(cities)) {
      if (MUNICIPAL_SUBDIVISION.test(city)) continue;
      out.push({ place: { name: city, level: 'municipal', parents: [province] }, forms: [city, shortForm(city)].filter((f): f is string => !!f) });
    }
  }
  for (const [county, cities] of countyParents()) {
    // Two-character districts (城区, 郊区, 矿区) and zones are words of any text, not places; a
    // two-character county (泾县, 沙县) is a name.
    if ((county.length < 3 && !/县$/u.test(county)) || /(开发区|园区|管理区|示范区|实验区|合作区)$/u.test(county)) continue;
    out.push({ place: { name: county, level: 'district', parents: cities }, forms: [county] });
  }
  const byPrefix = new Map<string, string[]>();
  for (const f of new Set(out.flatMap((o) => o.forms))) {
    const list = byPrefix.get(f.slice(0, 2)) ?? [];
    list.push(f);
    byPrefix.set(f.slice(0, 2), list);
  }
  names = { all: out, byPrefix };
  return names;
}

/** The cities of a province in the gazetteer (郑州市, 开封市… for 河南省); none for another name. */
export function citiesOf(province: string): string[] {
  return Object.keys(load().provinces[province] ?? {});
}

/** Every place of the gazetteer the text names, most named first. */
export function placesNamedIn(text: string): NamedPlace[] {
  const { byPrefix } = placeNames();
  // One pass over the text: each position is looked up by its first two characters.
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const forms = byPrefix.get(text.slice(i, i + 2));
    if (!forms) continue;
    for (const f of forms) if (text.startsWith(f, i)) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const out: NamedPlace[] = [];
  for (const { place, forms } of placeNames().all) {
    // The short form counts the full one too (天津 in 天津市).
    const count = Math.max(...forms.map((f) => counts.get(f) ?? 0));
    if (count > 0) out.push({ ...place, count });
  }
  return out.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
