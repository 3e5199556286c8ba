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

/** County-level name → the cities (or 直辖市) it may belong to. */
function countyParents(): Map<string, string[]> {
  if (parents) return parents;
  const data = JSON.parse(readFileSync(FILE, 'utf8')) as Gazetteer;
  parents = new Map();
  for (const [province, cities] of Object.entries(data.provinces)) {
    for (const [city, counties] of Object.entries(cities)) {
      // A 直辖市 lists its districts under 市辖区 / 县: their parent is the municipality.
      const parent = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u.test(city) ? province : city;
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

/** The city a county-level name belongs to: the only candidate, or the one the context names. */
export function parentOfCounty(county: string, context: string): string | undefined {
  // Counties become districts (撤县设区: 沙县 → 沙县区) and keep their base name: an older
  // document's 沙县 is found under its present name.
  const candidates = countyParents().get(county) ?? countyParents().get(county + '区') ?? countyParents().get(county.replace(/区$/u, '县')) ?? [];
  if (candidates.length === 1) return candidates[0];
  const named = candidates.filter((c) => context.includes(c));
  return named.length === 1 ? named[0] : undefined;
}
