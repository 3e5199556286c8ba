// The raw material of the benchmark corpus: the measures of the seed documents, cut out with a
// deliberately simple reader of our own (not the product's parser, so that the corpus does not
// bend towards what the parser expects). A "unit" is one seed measure: its sentences, its
// heading when it has one, the national requirement beside it in a table, and the departments
// named in its responsibility text.
import fs from 'node:fs';
import path from 'node:path';

export interface SeedUnit {
  heading?: string;
  sentences: string[];
  requirement?: string;
  departments: string[]; // canonical institution names from the reference data
}

export interface Institution {
  name: string;
  kind: string;
  aliases: string[];
}

export interface Succession {
  from: string;
  to: string;
  year: number;
}

export interface SeedMaterial {
  units: SeedUnit[];
  sectionTitles: string[];
  itemHeadings: string[];
  institutions: Institution[];
  successions: Succession[];
}

const RESPONSIBILITY = /[（(]([^（）()]{2,160}?(?:负责|配合|牵头))[）)]/g;
const ITEM_MARK = /(?:[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[．.](?!\d))/g;
const SENTENCE_END = /(?<=[。；;])/;

function sentencesOf(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => [...s].length >= 8)
    .map((s) => (/[。；;]$/.test(s) ? s.replace(/[；;]$/, '。') : `${s}。`));
}

class DepartmentMatcher {
  private readonly names: [string, string][]; // spelling → canonical, longest first
  constructor(institutions: Institution[]) {
    const pairs: [string, string][] = [];
    for (const inst of institutions) {
      pairs.push([inst.name, inst.name]);
      for (const a of inst.aliases) pairs.push([a, inst.name]);
    }
    this.names = pairs.sort((a, b) => b[0].length - a[0].length);
  }
  find(text: string): string[] {
    const found: string[] = [];
    let rest = text;
    for (const [spelling, canonical] of this.names) {
      if (rest.includes(spelling)) {
        if (!found.includes(canonical)) found.push(canonical);
        rest = rest.split(spelling).join('|');
      }
    }
    return found;
  }
}

function proseUnits(text: string, matcher: DepartmentMatcher): SeedUnit[] {
  // PDF text layers break lines mid-word; the flat form (no whitespace) rejoins them.
  const flat = text.replace(/\s+/g, '');
  const units: SeedUnit[] = [];
  let prevEnd = 0;
  for (const m of flat.matchAll(RESPONSIBILITY)) {
    let segment = flat.slice(prevEnd, m.index);
    prevEnd = m.index! + m[0].length;
    let heading: string | undefined;
    const marks = [...segment.matchAll(ITEM_MARK)];
    const last = marks.at(-1);
    if (last) {
      const after = segment.slice(last.index! + last[0].length);
      const h = /^([^。，；]{2,24})。/.exec(after);
      if (h) {
        heading = h[1];
        segment = after.slice(h[0].length);
      } else segment = after;
    }
    if ([...segment].length > 700) segment = segment.slice(segment.indexOf('。', segment.length - 500) + 1);
    const sentences = sentencesOf(segment);
    const departments = matcher.find(m[1]!);
    if (sentences.length > 0 && departments.length > 0) units.push({ heading, sentences, departments });
  }
  return units;
}

function tableUnits(text: string, matcher: DepartmentMatcher): SeedUnit[] {
  const units: SeedUnit[] = [];
  let buffer: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const raw of line.split('\t')) {
      const cell = raw.trim().replace(/\s+/g, '');
      if (!cell) continue;
      const depts = matcher.find(cell);
      const looksLikeDepartments = depts.length > 0 && !cell.includes('。') && [...cell].length < 160;
      if (!looksLikeDepartments) {
        buffer.push(cell);
        continue;
      }
      const long = buffer.filter((c) => [...c].length >= 15 && !/^\d+$/.test(c));
      const headingCell = buffer.find((c) => /^\d{1,2}[．.]\D/.test(c));
      const measure = long.reduce<string | undefined>((best, c) => (!best || c.length > best.length ? c : best), undefined);
      if (measure) {
        const requirement = long.find((c) => c !== measure && !/^\d/.test(c) && c.indexOf(measure) < 0);
        const sentences = sentencesOf(measure);
        if (sentences.length > 0) {
          units.push({
            heading: headingCell?.replace(/^\d{1,2}[．.]/, ''),
            sentences,
            requirement,
            departments: depts,
          });
        }
      }
      buffer = [];
    }
  }
  return units;
}

export function readSeedMaterial(seedsDir: string): SeedMaterial {
  // One reference file per jurisdiction; the synthetic corpus draws on all of them.
  const folder = path.join(seedsDir, 'reference', 'departments');
  const refFiles = fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  const ref = { institutions: [] as Institution[], successions: [] as Succession[] };
  for (const f of refFiles) {
    const part = JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')) as { institutions: Institution[]; successions?: Succession[] };
    ref.institutions.push(...part.institutions);
    ref.successions.push(...(part.successions ?? []));
  }
  const matcher = new DepartmentMatcher(ref.institutions);
  const units: SeedUnit[] = [];
  const sectionTitles = new Set<string>();
  const itemHeadings = new Set<string>();
  const files = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) {
    const text = fs.readFileSync(path.join(seedsDir, f), 'utf8');
    const tabular = text.split('\n').filter((l) => l.includes('\t')).length > 20;
    units.push(...(tabular ? tableUnits(text, matcher) : proseUnits(text, matcher)));
    for (const m of text.matchAll(/^[ \u3000]*[一二三四五六七八九十]+、([^。，\t\n]{2,24}?)[ \u3000]*$/gm)) {
      if (!/总体要求|保障/.test(m[1]!)) sectionTitles.add(m[1]!);
    }
  }
  for (const u of units) if (u.heading && [...u.heading].length <= 20) itemHeadings.add(u.heading);
  if (units.length < 20) throw new Error(`only ${units.length} measures found in ${seedsDir}; the corpus needs the seed documents`);
  return {
    units,
    sectionTitles: [...sectionTitles],
    itemHeadings: [...itemHeadings],
    institutions: ref.institutions,
    successions: ref.successions,
  };
}
