// Resolution of responsible parties: turns a responsibility list as written in a policy document
// ("市工业和信息化委、市科委等部门按职责分工负责", "市商务局牵头，相关部门按职责分工负责",
// "市商务局、天津海关、有关区人民政府") into departments with a role. Every body belongs to a
// jurisdiction and its id says so (dept:天津市/市商务局, dept:国家/商务部): a name written relative
// to the issuing government (市X, 区X, 各区人民政府) is that document's jurisdiction's body; a name
// that carries a place (北京市商务局, 天津海关) or the national level (国家发展改革委) is that
// place's or the nation's. Reference data is one file per jurisdiction
// (seeds/reference/departments/<jurisdiction>.json); bodies it does not list are read by the name
// grammar (grammar.ts) as kind 'inferred'. Institutions renamed or merged by a reform stay separate
// nodes linked by SUCCEEDED_BY, so a department's history stays queryable.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { nameKey, normalise, normaliseWithMap } from '../normalise.js';
import { alreadyNormal } from '../extract/normal-form.js';
import { citiesOf, parentOfCounty, placesNamedIn } from '../structure/places.js';
import { FIRST_IS_LEAD } from '../responsibility/clauses.js';
import type { Diagnostic, GraphNode, GraphRelationship, SourceSpan } from '../types.js';
import {
  isBareAreaOffice,
  isCollective,
  isSectorWord,
  isPost,
  isZone,
  leadingPlace,
  levelPrefix,
  localPrefix,
  loadGrammar,
  matchingForm,
  nationalPrefix,
  organSuffix,
  verticalSuffix,
  type DepartmentGrammar,
} from './grammar.js';

export type DepartmentKind = 'institution' | 'collective' | 'inferred' | 'unresolved';
export type Role = 'lead' | 'joint' | 'support';

/** The jurisdiction of national bodies. */
export const NATIONAL = '国家';
/** The jurisdiction of a document whose place cannot be read (its relative names stay apart). */
export const UNKNOWN_JURISDICTION = '未知';

export interface ResolvedParty {
  departmentId: string; // 'dept:<jurisdiction>/<canonical name>'
  name: string; // canonical name (the written name for inferred and unresolved parties)
  jurisdiction: string;
  kind: DepartmentKind;
  role: Role;
  asWritten: string; // the name as the list writes it (layout whitespace removed)
}

/** One body of the reference data: the canonical short name and every other way of writing it. */
export interface InstitutionRecord {
  name: string;
  kind: 'institution' | 'collective';
  aliases: string[];
  note?: string;
  /** Filled at load from the file's jurisdiction. */
  jurisdiction?: string;
}

/** A reform that replaced one body by another (renaming, merger, transfer of duties). */
export interface Succession {
  from: string; // canonical name of the earlier body
  to: string; // canonical name of the later body
  year: number;
  note: string;
  source?: string;
  /** Filled at load: the jurisdiction of both bodies. */
  jurisdiction?: string;
}

export interface Jurisdiction {
  name: string; // '天津市', '国家'
  level?: 'national' | 'provincial' | 'municipal' | 'district';
  shortPrefix: string; // '市': how documents of this jurisdiction abbreviate its own bodies
  derivedPrefixes: string[]; // '天津市': '市商务局' is also written '天津市商务局'
  /** Short place names that qualify its bodies ('天津' in 天津海关). */
  placeNames?: string[];
}

/** The generic 2018–2019 local reorganisation, applied where a jurisdiction has no file. */
export interface PatternSuccession {
  from: string[];
  to: string;
  year: number;
  note: string;
  source?: string;
}

interface JurisdictionIndex {
  jurisdiction: Jurisdiction;
  /** nameKey of every name, alias and derived spelling → record. */
  byKey: Map<string, InstitutionRecord>;
  /** matchingForm → record, only where one record has that form. */
  byForm: Map<string, InstitutionRecord>;
}

export interface DepartmentReference {
  jurisdictions: Jurisdiction[];
  institutions: InstitutionRecord[];
  successions: Succession[];
  index: Map<string, JurisdictionIndex>;
  /** Names that carry their place (天津海关, 天津市商务局, 商务部) → record, whatever the document. */
  absolute: Map<string, InstitutionRecord>;
  /** department id → successions where it is `from` / `to`. */
  successorsOf: Map<string, Succession[]>;
  predecessorsOf: Map<string, Succession[]>;
  grammar: DepartmentGrammar;
  pattern: PatternSuccession[];
  /** Where a user adds a jurisdiction's file (for diagnostics). */
  dir: string;
}

export interface ReferenceFile {
  jurisdiction?: Jurisdiction;
  institutions: InstitutionRecord[];
  successions?: Succession[];
}

export function departmentId(jurisdiction: string, canonicalName: string): string {
  return `dept:${jurisdiction}/${canonicalName}`;
}

const DEFAULT_DIR = 'seeds/reference';

/**
 * Builds the lookup structures from plain records. Throws on contradictions (an alias claimed by
 * two bodies of one jurisdiction, a succession naming an unknown body): silently picking one would
 * misattribute responsibilities.
 */
export function buildDepartmentReference(
  files: ReferenceFile[],
  opts: { grammar?: DepartmentGrammar; pattern?: PatternSuccession[]; dir?: string } = {},
): DepartmentReference {
  const dir = opts.dir ?? DEFAULT_DIR;
  const grammar = opts.grammar ?? loadGrammar(join(DEFAULT_DIR, 'department-grammar.json'));
  const institutions: InstitutionRecord[] = [];
  const successions: Succession[] = [];
  const jurisdictions: Jurisdiction[] = [];
  const index = new Map<string, JurisdictionIndex>();
  const absolute = new Map<string, InstitutionRecord>();
  const successorsOf = new Map<string, Succession[]>();
  const predecessorsOf = new Map<string, Succession[]>();
  for (const f of files) {
    const j: Jurisdiction = f.jurisdiction ?? { name: UNKNOWN_JURISDICTION, shortPrefix: '市', derivedPrefixes: [] };
    if (index.has(j.name)) throw new Error(`department reference: two files for jurisdiction "${j.name}"`);
    jurisdictions.push(j);
    const byKey = new Map<string, InstitutionRecord>();
    const claim = (written: string, rec: InstitutionRecord): void => {
      const key = nameKey(written);
      if (!key) return;
      const prev = byKey.get(key);
      if (prev && prev !== rec) {
        throw new Error(`department reference (${j.name}): "${written}" is claimed by both "${prev.name}" and "${rec.name}"`);
      }
      byKey.set(key, rec);
    };
    const recs = f.institutions.map((r) => ({ ...r, jurisdiction: j.name }));
    institutions.push(...recs);
    for (const rec of recs) for (const written of [rec.name, ...rec.aliases]) claim(written, rec);
    // Derived spellings never override an explicit one ('天津市X' may be listed as an alias elsewhere).
    for (const rec of recs) {
      if (rec.kind !== 'institution') continue;
      for (const written of [rec.name, ...rec.aliases]) {
        if (!j.shortPrefix || !written.startsWith(j.shortPrefix) || written.startsWith(j.name)) continue;
        for (const prefix of j.derivedPrefixes) {
          const key = nameKey(prefix + written.slice(j.shortPrefix.length));
          if (!byKey.has(key)) byKey.set(key, rec);
        }
      }
    }
    const formCount = new Map<string, InstitutionRecord | null>();
    for (const [key, rec] of byKey) {
      const form = matchingForm(key, grammar);
      const prev = formCount.get(form);
      formCount.set(form, prev === undefined || prev === rec ? rec : null);
    }
    const byForm = new Map<string, InstitutionRecord>();
    for (const [form, rec] of formCount) if (rec) byForm.set(form, rec);
    index.set(j.name, { jurisdiction: j, byKey, byForm });
    // A name that does not start with the jurisdiction's short prefix names its place itself.
    for (const [key, rec] of byKey) {
      if (rec.kind !== 'institution') continue;
      const relative = j.level !== 'national' && j.shortPrefix && key.startsWith(j.shortPrefix) && !key.startsWith(j.name);
      if (!relative && !absolute.has(key)) absolute.set(key, rec);
    }
    const names = new Set(recs.map((i) => i.name));
    for (const s0 of f.successions ?? []) {
      const s = { ...s0, jurisdiction: j.name };
      for (const n of [s.from, s.to]) {
        if (!names.has(n)) throw new Error(`department reference (${j.name}): succession ${s.from}→${s.to} names unknown body "${n}"`);
      }
      successions.push(s);
      const from = departmentId(j.name, s.from);
      const to = departmentId(j.name, s.to);
      successorsOf.set(from, [...(successorsOf.get(from) ?? []), s]);
      predecessorsOf.set(to, [...(predecessorsOf.get(to) ?? []), s]);
    }
  }
  return { jurisdictions, institutions, successions, index, absolute, successorsOf, predecessorsOf, grammar, pattern: opts.pattern ?? [], dir };
}

/**
 * Loads every `dir`/departments/*.json (one per jurisdiction), the name grammar and the generic
 * reorganisation pattern. Other reference files in `dir` belong to other stages.
 */
export function loadDepartmentReference(dir = DEFAULT_DIR): DepartmentReference {
  const folder = join(dir, 'departments');
  if (!existsSync(folder)) throw new Error(`${folder}: missing; it holds one departments file per jurisdiction (seeds/reference/README.md)`);
  const files: ReferenceFile[] = [];
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const file = join(folder, name);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as ReferenceFile;
    if (!Array.isArray(parsed.institutions)) throw new Error(`${file}: missing "institutions" array`);
    if (!parsed.jurisdiction?.name) throw new Error(`${file}: missing "jurisdiction": {"name", "shortPrefix", "derivedPrefixes"}`);
    if (basename(name, '.json') !== parsed.jurisdiction.name) {
      throw new Error(`${file}: the file of jurisdiction "${parsed.jurisdiction.name}" must be named ${parsed.jurisdiction.name}.json`);
    }
    files.push(parsed);
  }
  const grammarFile = join(dir, 'department-grammar.json');
  const grammar = loadGrammar(existsSync(grammarFile) ? grammarFile : join(DEFAULT_DIR, 'department-grammar.json'));
  const patternFile = join(dir, 'reorganisation-pattern.json');
  const pattern = existsSync(patternFile)
    ? ((JSON.parse(readFileSync(patternFile, 'utf8')) as { successions: PatternSuccession[] }).successions ?? [])
    : [];
  return buildDepartmentReference(files, { grammar, pattern, dir });
}

/** The reference record for a name written in a document of `jurisdiction` (or any place-carrying name). */
export function findDepartment(ref: DepartmentReference, written: string, jurisdiction?: string): InstitutionRecord | undefined {
  const key = nameKey(written);
  const own = jurisdiction ? ref.index.get(jurisdiction) : undefined;
  return own?.byKey.get(key) ?? ref.absolute.get(key);
}

// ---------------------------------------------------------------------------------------------
// Splitting a responsibility list.

// Trailing phrases that close a clause and carry no party. Order matters: longest first.
const CLAUSE_TAILS = [
  /(?:按照?|根据)?(?:各自)?职责分工(?:负责|落实|推进|抓好落实)?$/u,
  /按照?职责(?:负责|落实)?$/u,
  /分工(?:负责|落实)$/u,
  /共同(?:负责|推进|落实|实施)$/u,
  /(?:具体)?(?:负责|落实|实施)$/u,
];
const LEAD_TAIL = /(?:牵头(?:负责|落实|推进)?|为牵头单位|作为牵头单位)$/u;
const SUPPORT_TAIL = /(?:(?:协同|积极)?配合(?:落实|负责)?|协助(?:落实|负责)?|参与)$/u;
// "等部门", "等有关部门", "等相关单位", "等市级有关部门" end a group of named bodies: a separator, not a party.
const GROUP_END = /等(?:(?:市|省|区|县)(?:级|直))?(?:有关|相关|其他)?(?:部门|单位)/gu;
const LEADING_JOINER = /^(?:以及|和|及|与|会同|并|由)/u;
const WITH = /会同/u;
/** The words before 会同 end with an organ (市商务局会同…), so 会同 joins two parties. */
const ORGAN_BEFORE = /(?:局|委|办|厅|部|署|府|室|会|中心|行|院|组)$/u;
const TRAILING_JUNK = /(?:等|和|及)$/u;

interface Item {
  start: number; // offsets into the normalised list
  end: number;
  role?: Role;
  /** Listed before "等有关部门"/"等单位": a bare sector word there stands for its department. */
  grouped?: boolean;
}

function stripTails(s: string, start: number, end: number): { end: number; role?: Role } {
  let role: Role | undefined;
  let changed = true;
  while (changed && end > start) {
    changed = false;
    const body = s.slice(start, end);
    for (const re of CLAUSE_TAILS) {
      const m = re.exec(body);
      if (m && m[0].length > 0) {
        end -= m[0].length;
        changed = true;
        break;
      }
    }
    if (changed) continue;
    const lead = LEAD_TAIL.exec(s.slice(start, end));
    if (lead) {
      end -= lead[0].length;
      role ??= 'lead';
      changed = true;
      continue;
    }
    const sup = SUPPORT_TAIL.exec(s.slice(start, end));
    if (sup) {
      end -= sup[0].length;
      role ??= 'support';
      changed = true;
    }
  }
  return { end, role };
}

/**
 * Splits the normalised list into name items with positions and clause roles. `startsWithPlace`
 * says whether an item's leading 和/与/及 belongs to a place name (和平区人民政府, 和田地区), where it is
 * not a conjunction.
 */
// 各, or 相关/有关 (相关市、县政府: the cities and counties concerned), opens the addressee.
const COLLECTIVE_HEAD = /(?:^|及|和|与|部门|单位)(?:各|相关|有关)[省市区县州盟旗]{1,3}$/u;
const COLLECTIVE_TAIL = /^[省市区县州盟旗]{1,3}级?(?:人民政府|政府)/u;

const AREAS_THEN_EACH = /(?<=各(?:乡镇|镇街|街镇|街道|乡|镇|县区|区县|县市区|县|区|市|园区|开发区))(?=各)/gu;

function splitList(s: string, startsWithPlace: (name: string) => boolean = () => false): Item[] {
  let from = 0;
  let to = s.length;
  while (from < to && /[\s(]/u.test(s[from]!)) from++;
  while (to > from && /[\s)。.]/u.test(s[to - 1]!)) to--;

  const items: Item[] = [];
  // Clauses: ',' ';' (NFKC of ， ；) separate groups that may carry their own role.
  const clauseRe = /[,;，；]/gu;
  const clauses: [number, number][] = [];
  let cs = from;
  for (const m of s.slice(from, to).matchAll(clauseRe)) {
    clauses.push([cs, from + m.index]);
    cs = from + m.index + 1;
  }
  clauses.push([cs, to]);
  // (由)X会同Y负责: X acts with Y, in charge; one clause holds a lead and its supporters.
  const parts: [number, number, Role?][] = clauses.flatMap(([a, b]): [number, number, Role?][] => {
    const at = s.slice(a, b).search(WITH);
    if (at <= 0 || !ORGAN_BEFORE.test(s.slice(a, a + at))) return [[a, b]];
    return [
      [a, a + at, 'lead'],
      [a + at + 2, b, 'support'],
    ];
  });

  for (const [cStart, cEnd0, given] of parts) {
    const tails = stripTails(s, cStart, cEnd0);
    const cEnd = tails.end;
    const role = given ?? tails.role;
    if (cEnd <= cStart) continue;
    // Inside a clause: '、' and group ends ('等部门') separate names.
    const seps: [number, number][] = [];
    const clause = s.slice(cStart, cEnd);
    // A '、' inside brackets belongs to one name: 各县(市、区)人民政府 is one collective.
    let depth = 0;
    for (let k = 0; k < clause.length; k++) {
      const ch = clause[k]!;
      if (ch === '(') depth++;
      else if (ch === ')') depth = Math.max(0, depth - 1);
      else if ((ch === '、' || ch === '/') && depth === 0) seps.push([cStart + k, cStart + k + 1]);
    }
    // So is one between level words of one addressee: 各州、市人民政府, 各市、县级政府, 相关市、县政府.
    for (let k = seps.length - 1; k >= 0; k--) {
      const before = s.slice(k > 0 ? seps[k - 1]![1] : cStart, seps[k]![0]);
      const after = s.slice(seps[k]![1], seps[k + 1]?.[0] ?? cEnd);
      if (COLLECTIVE_HEAD.test(before) && COLLECTIVE_TAIL.test(after)) seps.splice(k, 1);
    }
    // Two collectives written with no separator (各乡镇各部门): the areas a government has many of
    // end one before the next 各. Not the levels (各级各部门 is one collective).
    for (const m of clause.matchAll(AREAS_THEN_EACH)) seps.push([cStart + m.index, cStart + m.index]);
    let groupEnd = -1;
    for (const m of clause.matchAll(GROUP_END)) {
      seps.push([cStart + m.index, cStart + m.index + m[0].length]);
      groupEnd = cStart + m.index;
    }
    seps.sort((a, b) => a[0] - b[0]);
    let is = cStart;
    const bounds: [number, number][] = [];
    for (const [a, b] of seps) {
      if (a < is) continue;
      bounds.push([is, a]);
      is = b;
    }
    bounds.push([is, cEnd]);
    for (let [a, b] of bounds) {
      // A trailing role inside a '、' item ("X牵头、Y配合" is rare but written) is honoured too.
      const inner = stripTails(s, a, b);
      b = inner.end;
      for (;;) {
        const lead = LEADING_JOINER.exec(s.slice(a, b));
        if (!lead || startsWithPlace(s.slice(a, b))) break;
        a += lead[0].length;
      }
      for (;;) {
        const tail = TRAILING_JUNK.exec(s.slice(a, b));
        if (!tail || b - tail[0].length <= a) break;
        b -= tail[0].length;
      }
      while (a < b && /\s/u.test(s[a]!)) a++;
      while (b > a && /\s/u.test(s[b - 1]!)) b--;
      if (b > a) items.push({ start: a, end: b, role: inner.role ?? role, ...(b <= groupEnd ? { grouped: true } : {}) });
    }
  }
  return items;
}

/**
 * Splits an item that is not a known name at a conjunction when both halves are bodies
 * ("市农委和各区人民政府"). Names containing 和 ("市文化和旅游局") resolve whole and never get here.
 */
function splitAtConjunction(s: string, item: Item, known: (name: string) => boolean, stands: (name: string) => boolean): Item[] | undefined {
  const text = s.slice(item.start, item.end);
  for (const m of text.matchAll(/以及|和|及|与/gu)) {
    const left = text.slice(0, m.index);
    const right = text.slice(m.index + m[0].length);
    if (!left || !right) continue;
    // 文化和旅游厅, 工业和信息化厅: a sector word before 和 is part of one organ's name.
    if (!stands(left)) continue;
    if (known(left) && known(right)) {
      return [
        { start: item.start, end: item.start + m.index, role: item.role },
        { start: item.start + m.index + m[0].length, end: item.end, role: item.role },
      ];
    }
  }
  return undefined;
}

export interface ResolveOptions {
  /**
   * The whole decoded file the span points into. With it, diagnostics carry the true file column
   * of each unknown name; without it, lines are still right and the column counts from the start
   * of the list's line.
   */
  source?: string;
  /**
   * The document states that the first-listed unit leads ("排在第一位的为牵头单位"), as some
   * division-of-labour tables do; see detectFirstIsLead. Without such a statement a list of
   * bodies "按职责分工负责" has no lead: each is responsible for its own part (role 'joint').
   */
  firstIsLead?: boolean;
  /**
   * The jurisdiction of the document, e.g. '北京市' (see documentJurisdiction). Names relative to
   * the issuing government ("市商务局", "各区人民政府") are that jurisdiction's bodies. Unset: the
   * jurisdiction is unknown and relative names are kept apart under '未知'.
   */
  jurisdiction?: string;
}

const GAZETTEER = new URL('../../seeds/reference/places.json', import.meta.url);
let placeNames: Set<string> | undefined;
/** Province- and city-level names of the gazetteer (seeds/reference/places.json). */
function provincesAndCities(): Set<string> {
  if (placeNames) return placeNames;
  const data = JSON.parse(readFileSync(GAZETTEER, 'utf8')) as { provinces: Record<string, Record<string, string[]>> };
  placeNames = new Set();
  for (const [province, cities] of Object.entries(data.provinces)) {
    placeNames.add(province);
    for (const city of Object.keys(cities)) if (!/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u.test(city)) placeNames.add(city);
  }
  return placeNames;
}

/** The place of an issuer or title ("北京市人民政府办公厅" → '北京市'), when it names one. */
export function jurisdictionOf(issuer: string | undefined): string | undefined {
  if (!issuer) return undefined;
  const text = normalise(issuer);
  if (/^(?:国务院|中共中央|国家|中华人民共和国|全国)/u.test(text)) return NATIONAL;
  // Only a place name counts: an issuer line that lists departments ('市发展改革委、市委宣传部…')
  // names no jurisdiction, and guessing one would make every department look foreign.
  const m = /^(?:中共)?(\p{Script=Han}{2,8}?(?:自治区|特别行政区|省|市))(\p{Script=Han}{2,6}?(?:区|县))?(?=\p{Script=Han})/u.exec(text);
  if (!m || m[1]!.startsWith('市')) return undefined;
  // A title may open with a verb (加快西宁市流通业发展…): the place is the gazetteer's name it ends
  // with. A name the gazetteer lacks (an old or county-level one) is kept as written.
  const known = provincesAndCities();
  const place = known.has(m[1]!) ? m[1]! : ([...known].filter((p) => m[1]!.endsWith(p)).sort((a, b) => b.length - a.length)[0] ?? m[1]!);
  // A district of a city ("杭州市西湖区人民政府") is its own jurisdiction.
  if (m[2] && !/^(?:人民|政府|委员|办公)/u.test(m[2])) return place + m[2];
  return place;
}

/**
 * A document's jurisdiction: the parser's when it gives one, else the place its issuer or its
 * title names (天津市人民政府办公厅关于… → 天津市).
 */
export function documentJurisdiction(doc: { jurisdiction?: string; issuer?: string; issuers?: string[]; title?: string }): string | undefined {
  return doc.jurisdiction ?? jurisdictionOf(doc.issuer) ?? doc.issuers?.map(jurisdictionOf).find(Boolean) ?? jurisdictionOf(doc.title);
}

/** True when a document declares the convention that the first-named unit is the lead. */
export function detectFirstIsLead(documentText: string): boolean {
  // Only around each 牵头 (牽頭), where the phrase must sit: the matching form of the whole text
  // costs as much memory as the text again (the fault suite's file is 52 MB). The window leaves
  // room for layout breaks inside the phrase.
  for (const m of documentText.matchAll(/牵\s*头|牽\s*頭/gu)) {
    if (FIRST_IS_LEAD.test(normalise(documentText.slice(Math.max(0, m.index - 60), m.index + m[0].length + 12)))) return true;
  }
  return false;
}

/**
 * Roles (documented rule):
 * - a clause ending in 牵头 makes its bodies 'lead'; one ending in 配合/协助/参与 makes them 'support';
 * - every other named party is 'joint' ("X、Y等部门按职责分工负责": each for its own duties), except
 *   that once a lead is written the measure's other parties support it ("X牵头，相关部门按职责分工负责":
 *   resolve-clauses.ts, supportTheLead);
 * - a sole party ("（市商务局负责）", a table cell with one unit) is 'lead': it carries the measure alone;
 * - with options.firstIsLead and no explicit 牵头, the first party is 'lead' and the others 'support'.
 * A body found only by the name grammar is kind 'inferred' (diagnostic 'inferred-department', so a
 * user can confirm it in the jurisdiction's file); a name that is no body is 'unresolved'
 * ('unknown-department').
 */
export function resolveResponsibilities(
  text: string,
  span: SourceSpan | undefined,
  ref: DepartmentReference,
  options: ResolveOptions = {},
): { parties: ResolvedParty[]; diagnostics: Diagnostic[] } {
  const jurisdiction = options.jurisdiction ?? UNKNOWN_JURISDICTION;
  const parsed = parseCached(text, ref, options.firstIsLead === true, jurisdiction);
  const diagnostics: Diagnostic[] = [];
  for (const u of parsed.notes) {
    diagnostics.push({
      ...position(text, u.offset, span, options.source),
      severity: u.kind === 'unresolved' ? 'warning' : 'info',
      rule: u.kind === 'unresolved' ? 'unknown-department' : 'inferred-department',
      message: noteMessage(ref, u),
    });
  }
  if (parsed.parties.length === 0 && parsed.norm.trim() !== '') {
    diagnostics.push({
      ...position(text, 0, span, options.source),
      severity: 'warning',
      rule: 'no-responsible-party',
      message: `no responsible party found in "${parsed.norm.slice(0, 60)}"; check the list's separators`,
    });
  }
  // Copies: the cached parse is shared between calls.
  return { parties: parsed.parties.map((p) => ({ ...p })), diagnostics };
}

interface Note {
  offset: number;
  written: string;
  kind: 'inferred' | 'unresolved';
  jurisdiction: string;
  name: string;
  post?: boolean;
}

function noteMessage(ref: DepartmentReference, u: Note): string {
  const file = join(ref.dir, 'departments', `${u.jurisdiction}.json`);
  const hasFile = ref.index.has(u.jurisdiction);
  const where = hasFile ? `add it to ${file}` : `create ${file} for ${u.jurisdiction} (format in seeds/reference/README.md) and list it there`;
  if (u.post) return `responsible party "${u.written}" is a person's post, not a body: kept as unresolved; name the body the post belongs to, or ignore`;
  if (u.kind === 'inferred') {
    return `responsible party "${u.written}" is not in the reference data; read by the name grammar as ${u.jurisdiction}'s body "${u.name}" (kind inferred). To confirm or correct it, ${where}`;
  }
  return `responsible party "${u.written}" is not in the reference data and does not read as a body; kept as unresolved. If it is one, ${where}`;
}

interface ParsedList {
  norm: string;
  parties: ResolvedParty[];
  /** Inferred and unknown names with their offset in the text as given (for diagnostics). */
  notes: Note[];
}

// The same lists recur across a corpus ("市商务局负责", "各区人民政府"), so parses are cached per
// reference object; the cache is dropped when it grows past a bound to keep memory flat.
const CACHE_LIMIT = 50_000;
const caches = new WeakMap<DepartmentReference, Map<string, ParsedList>>();

function parseCached(text: string, ref: DepartmentReference, firstIsLead: boolean, jurisdiction: string): ParsedList {
  let cache = caches.get(ref);
  if (!cache) {
    cache = new Map();
    caches.set(ref, cache);
  }
  const key = `${firstIsLead ? 1 : 0}${jurisdiction}\u0000${text}`;
  let parsed = cache.get(key);
  if (!parsed) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    parsed = parseList(text, ref, firstIsLead, jurisdiction);
    cache.set(key, parsed);
  }
  return parsed;
}

type Resolution = Omit<ResolvedParty, 'role' | 'asWritten'> & { post?: boolean };

function fromRecord(rec: InstitutionRecord): Resolution {
  const j = rec.jurisdiction ?? UNKNOWN_JURISDICTION;
  return { departmentId: departmentId(j, rec.name), name: rec.name, jurisdiction: j, kind: rec.kind };
}

/** The body of `written` in `jurisdiction`'s file, by exact spelling or by the matching form. */
function lookupIn(ref: DepartmentReference, jurisdiction: string, written: string): InstitutionRecord | undefined {
  const idx = ref.index.get(jurisdiction);
  if (!idx) return undefined;
  return idx.byKey.get(nameKey(written)) ?? idx.byForm.get(matchingForm(written, ref.grammar));
}

/** The level prefix a jurisdiction's documents use for their own bodies ('市' for a city). */
function shortPrefixOf(ref: DepartmentReference, jurisdiction: string): string {
  const j = ref.index.get(jurisdiction)?.jurisdiction;
  if (j) return j.shortPrefix;
  // An autonomous region names its own bodies 自治区X (自治区发展改革委), as a province writes 省X;
  // it is no district for ending in 区.
  if (jurisdiction.endsWith('自治区')) return '自治区';
  if (/(?:区|县|旗)$/u.test(jurisdiction)) return jurisdiction.endsWith('县') ? '县' : '区';
  if (jurisdiction.endsWith('省')) return '省';
  return '市';
}

const NATIONALITIES = new WeakMap<DepartmentGrammar, RegExp>();

/** The nationalities that close an autonomous area's name (白族, 哈尼族彝族), leaving at least two characters of its place. */
function nationalities(g: DepartmentGrammar): RegExp {
  let re = NATIONALITIES.get(g);
  if (!re) NATIONALITIES.set(g, (re = new RegExp(`(?<=^\\p{Script=Han}{2,}?)(?:(?:${g.ethnicGroups.join('|')})族?)+$`, 'u')));
  return re;
}

/** The one jurisdiction with a reference file whose place (天津市, 天津) the name contains. */
function namedJurisdiction(ref: DepartmentReference, key: string): string | undefined {
  const hits = [...ref.index.keys()].filter((j) => j !== NATIONAL && placeStem(j, ref.grammar).length >= 2 && key.includes(placeStem(j, ref.grammar)));
  return hits.length === 1 ? hits[0] : undefined;
}

function placeStem(jurisdiction: string, g: DepartmentGrammar): string {
  // An autonomous prefecture is named by its place before its nationalities: 大理白族自治州 is 大理,
  // 红河哈尼族彝族自治州 is 红河 (its bodies and zones are written so: 大理经开区).
  if (jurisdiction.endsWith('自治州')) return jurisdiction.slice(0, -3).replace(nationalities(g), '');
  return jurisdiction.replace(/(?:特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/u, '');
}

/**
 * A body the reference data does not list, read by the grammar: its jurisdiction from its place
 * (or the document's, for a relative name), its name in the jurisdiction's short form, merged with
 * other spellings of the same body through the matching form.
 */
function inferred(ref: DepartmentReference, jurisdiction: string, name: string): Resolution {
  const rec = lookupIn(ref, jurisdiction, name);
  if (rec) return fromRecord(rec);
  const canonical = matchingForm(name, ref.grammar);
  return { departmentId: departmentId(jurisdiction, canonical), name: canonical, jurisdiction, kind: 'inferred' };
}

/** The gazetteer's city or county a name is (哈尔滨市, or 哈尔滨 for it), if it is one. */
function cityOrCounty(key: string): string | undefined {
  if (!/^\p{Script=Han}{2,8}$/u.test(key)) return undefined;
  return placesNamedIn(key).find((p) => p.level !== 'provincial' && (p.name === key || (p.level === 'municipal' && p.name === key + '市')))?.name;
}

/** 政府 or 人民政府 written without a place or level. */
const BARE_GOVERNMENT = /^(?:人民)?政府$/u;

/** How one written name resolves in a document of `jurisdiction` (see the module comment). */
export function resolveName(ref: DepartmentReference, written: string, jurisdiction: string): Resolution {
  const g = ref.grammar;
  const key = nameKey(written);
  // A document whose place is unknown may still name a body that carries its place (中新天津生态城
  // 管委会, 天津海关): such a body belongs to the jurisdiction whose file it names, not to '未知'.
  if (jurisdiction === UNKNOWN_JURISDICTION) {
    const named = namedJurisdiction(ref, key);
    if (named) return resolveName(ref, written, named);
  }
  // 1. The document's own jurisdiction, then names that carry their place or the national level.
  const own = lookupIn(ref, jurisdiction, key);
  if (own) return fromRecord(own);
  const abs = ref.absolute.get(key);
  if (abs) return fromRecord(abs);
  // 2. Collectives and posts are never institutions.
  if (isCollective(key, g)) {
    return { departmentId: departmentId(jurisdiction, matchingForm(key, g)), name: key, jurisdiction, kind: 'collective' };
  }
  if (isPost(key, g) && !organSuffix(key, g)?.match(/[局委厅办部署]$/u)) {
    return { departmentId: departmentId(jurisdiction, key), name: key, jurisdiction, kind: 'unresolved', post: true };
  }
  // A district, county or city of the document's place named bare as a party (黄埔区、南沙区政府,
  // 荔湾区 in a 广州市 task table; 合肥市 in a 安徽省 one) stands for its government.
  if (isOwnPlace(key, jurisdiction)) return resolveName(ref, key + '政府', jurisdiction);
  if (!organSuffix(key, g)) {
    // A city or county named as a party (哈尔滨、黑河、绥芬河市政府 shares one 市政府; 大庆市 alone)
    // is its government.
    const place = cityOrCounty(key);
    if (place) return resolveName(ref, place + '政府', jurisdiction);
    if (isSectorWord(key, g)) return inferred(ref, jurisdiction, key);
    // 政府 written bare, with no body before it to take a prefix from: the document's own government.
    if (BARE_GOVERNMENT.test(key) && jurisdiction !== UNKNOWN_JURISDICTION) return inferred(ref, jurisdiction, shortPrefixOf(ref, jurisdiction) + key);
    return { departmentId: departmentId(jurisdiction, key), name: key, jurisdiction, kind: 'unresolved' };
  }
  // A body that says it is local (地方金融监管局) is the document's, whatever its suffix.
  if (localPrefix(key, g)) return inferred(ref, jurisdiction, key);
  const stem = placeStem(jurisdiction, g);
  // A national system's branch that names the document's place (国家开发银行云南省分行 in a
  // 云南省 document) is the branch acting there.
  if (verticalSuffix(key, g) && jurisdiction !== NATIONAL && stem.length >= 2 && key.includes(stem)) return inferred(ref, jurisdiction, key);
  // 3. A national body (国家X局, 国务院X办), unless it is one of a national system's branches
  // named after a place (国家开发银行天津分行, 国家税务总局天津市税务局): the branch acting there.
  const national = nationalPrefix(key, g);
  if (national) {
    const rec = lookupIn(ref, NATIONAL, key);
    if (rec) return fromRecord(rec);
    const branchOf = verticalSuffix(key, g) ? placesNamedIn(key.slice(national.length)).filter((p) => p.level !== 'district') : [];
    return branchOf.length === 1 ? inferred(ref, branchOf[0]!.name, key) : inferred(ref, NATIONAL, key);
  }
  // 4. A branch of a nationally managed system named after a place (上海海关, 人民银行杭州中心支行,
  // 杭州市税务局): the document's jurisdiction when it is that place, else the place it names,
  // else the national system.
  const placed = leadingPlace(key, g);
  if (verticalSuffix(key, g) && !levelPrefix(key, g)) {
    if (jurisdiction !== NATIONAL && stem.length >= 2 && key.includes(stem)) return inferred(ref, jurisdiction, key);
    // In a province's document, a branch named after one of its cities (人行郑州中心支行 in a
    // 河南省 plan) is one acting in the province, not the national system.
    if (!placed && citiesOf(jurisdiction).some((c) => placeStem(c, g).length >= 2 && key.includes(placeStem(c, g)))) return inferred(ref, jurisdiction, key);
    return placed ? inferred(ref, placed.place, key) : inferred(ref, NATIONAL, key);
  }
  // 5. A place-qualified body: 北京市商务局 is 北京市's 市商务局; the document's own place is its own.
  if (placed) {
    // A development zone named after the document's place (黄冈高新区管委会 in a 黄冈市 document)
    // was set up by its government: the body is the document's, named as written.
    if (isZone(placed.place, g) && jurisdiction !== NATIONAL && stem.length >= 2 && placed.place.startsWith(stem)) return inferred(ref, jurisdiction, key);
    const place = placed.place === jurisdiction || placeStem(placed.place, g) === stem ? jurisdiction : countyOf(placed.place, jurisdiction);
    const prefix = shortPrefixOf(ref, place);
    const rest = levelPrefix(placed.rest, g) ? placed.rest : prefix + placed.rest;
    return inferred(ref, place, rest);
  }
  // 6. A relative name (市X, 区X, 省X) or a bare organ name: the document's jurisdiction.
  return inferred(ref, jurisdiction, key);
}

/** A county or district the gazetteer puts in the document's city, or a city of its province. */
function isOwnPlace(key: string, jurisdiction: string): boolean {
  if (jurisdiction === NATIONAL || jurisdiction === UNKNOWN_JURISDICTION || key.length < 3) return false;
  if (/(?:区|县|旗)$/u.test(key) && countyOf(key, jurisdiction) !== key) return true;
  return /(?:市|州|盟)$/u.test(key) && key !== jurisdiction && citiesOf(jurisdiction).includes(key);
}

/**
 * A district or county named in a city's document is that city's (和平区 in a 天津市 document is
 * 天津市和平区; the gazetteer decides, since 和平区 exists in 沈阳市 too); any other place stays as written.
 */
function countyOf(place: string, jurisdiction: string): string {
  if (!/(?:区|县|旗)$/u.test(place) || /(?:市|州|盟)/u.test(place.slice(0, -1))) return place;
  const parent = parentOfCounty(place, jurisdiction);
  return parent !== undefined && jurisdiction.startsWith(parent) ? parent + place : place;
}

/**
 * A list item that opens with a place whose name starts like a conjunction (和平区人民政府): the
 * gazetteer places it in the document's city, or, where the city is unknown, dropping the
 * conjunction would leave a one-character district (平区), which is no district name.
 */
function startsWithPlace(name: string, ref: DepartmentReference, jurisdiction: string): boolean {
  const key = nameKey(name);
  // 和平区 named bare, as its government.
  if (isOwnPlace(key, jurisdiction)) return true;
  const placed = leadingPlace(key, ref.grammar);
  if (!placed) return false;
  return countyOf(placed.place, jurisdiction) !== placed.place || /^(?:以及|和|及|与)[^各全本该有相]区/u.test(placed.place);
}

/** A bare sector word in a group closed by "等有关部门" (信息化、住建、财政等有关部门) names that sector's department. */
const SECTOR_WORD = /^\p{Script=Han}{2,6}$/u;

const SHARED_PREFIX = /^(?:各级|自治区|省|市|区|县|州|盟|旗)/u;

function parseList(text: string, ref: DepartmentReference, firstIsLead: boolean, jurisdiction: string): ParsedList {
  // Most lists are already in matching form (no layout whitespace, NFKC); skip the per-character fold.
  const { text: norm, map } = alreadyNormal(text) ? { text, map: undefined } : normaliseWithMap(text);
  const known = (name: string) => resolveName(ref, name, jurisdiction).kind !== 'unresolved';
  // A name that can be a party on its own: an organ or a collective, not a bare sector word.
  const standsAlone = (name: string) => organSuffix(nameKey(name), ref.grammar) !== undefined || isCollective(nameKey(name), ref.grammar);
  let items = splitList(norm, (name) => startsWithPlace(name, ref, jurisdiction));
  items = items.flatMap((it) => {
    const written = norm.slice(it.start, it.end);
    if (lookupIn(ref, jurisdiction, written) || ref.absolute.has(nameKey(written))) return [it];
    return splitAtConjunction(norm, it, known, standsAlone) ?? [it];
  });

  const parties: ResolvedParty[] = [];
  const notes: Note[] = [];
  const seen = new Map<string, ResolvedParty>();
  const rank: Record<Role, number> = { lead: 3, joint: 2, support: 1 };
  for (const [k, it] of items.entries()) {
    const written = norm.slice(it.start, it.end);
    if (!nameKey(written)) continue;
    // 自治区党委、政府 / 各级党委、政府: a government written bare after a body takes that body's
    // prefix (自治区政府; 各级政府, a collective); alone, 政府 names no body.
    const previous = k > 0 ? nameKey(norm.slice(items[k - 1]!.start, items[k - 1]!.end)) : '';
    const before = BARE_GOVERNMENT.test(nameKey(written))
      ? SHARED_PREFIX.exec(previous)?.[0]
      : // 各乡镇人民政府、街道办事处: the 各 covers the office of an area written bare after it.
        previous.startsWith('各') && isBareAreaOffice(nameKey(written), ref.grammar)
        ? '各'
        : undefined;
    const { post, ...resolved } = resolveName(ref, (before ?? '') + written, jurisdiction);
    const r = resolved.kind === 'unresolved' && !post && it.grouped && SECTOR_WORD.test(nameKey(written)) ? { ...resolved, kind: 'inferred' as const } : resolved;
    const party: ResolvedParty = { ...r, role: it.role ?? 'joint', asWritten: written };
    if (r.kind === 'inferred' || r.kind === 'unresolved') {
      notes.push({ offset: map ? (map[it.start] ?? 0) : it.start, written, kind: r.kind, jurisdiction: r.jurisdiction, name: r.name, post });
    }
    const prev = seen.get(party.departmentId);
    if (prev) {
      // The same body written twice (e.g. under an old and a new alias): keep one, strongest role.
      if (rank[party.role] > rank[prev.role]) prev.role = party.role;
      continue;
    }
    seen.set(party.departmentId, party);
    parties.push(party);
  }

  const explicitLead = parties.some((p) => p.role === 'lead');
  if (!explicitLead && parties.length === 1 && parties[0]!.role === 'joint') parties[0]!.role = 'lead';
  else if (!explicitLead && firstIsLead && parties.length > 0 && parties[0]!.role === 'joint') {
    // The convention names the lead; the others of the list support it (其他为配合单位).
    parties[0]!.role = 'lead';
    for (const p of parties.slice(1)) if (p.role === 'joint') p.role = 'support';
  }
  return { norm, parties, notes };
}

/** file/line/column of an offset inside `text`, which starts at span.startOffset of the file. */
function position(
  text: string,
  offsetInText: number,
  span: SourceSpan | undefined,
  source: string | undefined,
): { file: string; line: number; column: number } {
  const file = span?.file ?? '<unknown>';
  if (span && source !== undefined && source.startsWith(text, span.startOffset)) {
    const abs = span.startOffset + offsetInText;
    let line = 1;
    let lineStart = 0;
    for (let i = source.indexOf('\n'); i !== -1 && i < abs; i = source.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { file, line, column: abs - lineStart + 1 };
  }
  const before = text.slice(0, offsetInText);
  const newlines = before.split('\n').length - 1;
  const lastNl = before.lastIndexOf('\n');
  return { file, line: (span?.startLine ?? 1) + newlines, column: offsetInText - (lastNl + 1) + 1 };
}

// ---------------------------------------------------------------------------------------------
// Graph.

function institutionNode(rec: InstitutionRecord): GraphNode {
  const j = rec.jurisdiction ?? UNKNOWN_JURISDICTION;
  return {
    id: departmentId(j, rec.name),
    labels: ['Department'],
    properties: { name: rec.name, aliases: [...rec.aliases], kind: rec.kind, jurisdiction: j },
  };
}

/**
 * Department nodes for every party used (and the predecessors/successors of each), with
 * SUCCEEDED_BY edges: the reference data's (confidence 'stated'), and, for an inferred body of a
 * jurisdiction without a file, the generic 2018–2019 pattern (confidence 'inferred').
 */
export function departmentGraph(
  ref: DepartmentReference,
  parties: ResolvedParty[],
): { nodes: GraphNode[]; relationships: GraphRelationship[] } {
  const nodes = new Map<string, GraphNode>();
  const byId = new Map(ref.institutions.map((i) => [departmentId(i.jurisdiction ?? UNKNOWN_JURISDICTION, i.name), i] as const));
  const queue: string[] = [];
  const relationships = new Map<string, GraphRelationship>();
  // Parties in a stable order, so that the aliases of a merged inferred body do not depend on
  // which document came first.
  const sorted = [...parties].sort((a, b) => a.departmentId.localeCompare(b.departmentId) || a.asWritten.localeCompare(b.asWritten));
  for (const p of sorted) {
    const existing = nodes.get(p.departmentId);
    if (existing) {
      const aliases = existing.properties.aliases as string[];
      if (p.kind !== 'institution' && p.kind !== 'collective' && p.asWritten !== p.name && !aliases.includes(p.asWritten)) aliases.push(p.asWritten);
      continue;
    }
    const rec = p.kind === 'institution' || p.kind === 'collective' ? byId.get(p.departmentId) : undefined;
    if (rec) {
      nodes.set(p.departmentId, institutionNode(rec));
      queue.push(p.departmentId);
    } else {
      nodes.set(p.departmentId, {
        id: p.departmentId,
        labels: ['Department'],
        properties: { name: p.name, aliases: p.asWritten !== p.name ? [p.asWritten] : [], kind: p.kind, jurisdiction: p.jurisdiction },
      });
      if (p.kind === 'inferred') patternSuccession(ref, p, nodes, relationships);
    }
  }
  // Whole succession chains, both ways: a query for 市商务局 must reach 市商务委's measures.
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const s of [...(ref.successorsOf.get(id) ?? []), ...(ref.predecessorsOf.get(id) ?? [])]) {
      const j = s.jurisdiction ?? UNKNOWN_JURISDICTION;
      const from = departmentId(j, s.from);
      const to = departmentId(j, s.to);
      const key = `${from}→${to}`;
      if (!relationships.has(key)) {
        relationships.set(key, {
          type: 'SUCCEEDED_BY',
          start: from,
          end: to,
          properties: { year: s.year, note: s.note, confidence: 'stated', ...(s.source ? { source: s.source } : {}) },
        });
      }
      for (const other of [from, to]) {
        if (nodes.has(other)) continue;
        nodes.set(other, institutionNode(byId.get(other)!));
        queue.push(other);
      }
    }
  }
  return { nodes: [...nodes.values()], relationships: [...relationships.values()] };
}

/** 上海市's inferred 市商务委 → 市商务局 (2018, inferred), when the jurisdiction has no file. */
function patternSuccession(
  ref: DepartmentReference,
  p: ResolvedParty,
  nodes: Map<string, GraphNode>,
  relationships: Map<string, GraphRelationship>,
): void {
  if (ref.index.has(p.jurisdiction) || p.jurisdiction === NATIONAL) return;
  const prefix = levelPrefix(p.name, ref.grammar) ?? '';
  const core = p.name.slice(prefix.length);
  const form = matchingForm(core, ref.grammar);
  for (const s of ref.pattern) {
    if (!s.from.some((f) => matchingForm(f, ref.grammar) === form)) continue;
    const toName = matchingForm(prefix + s.to, ref.grammar);
    const to = departmentId(p.jurisdiction, toName);
    if (to === p.departmentId) continue;
    if (!nodes.has(to)) {
      nodes.set(to, { id: to, labels: ['Department'], properties: { name: toName, aliases: [], kind: 'inferred', jurisdiction: p.jurisdiction } });
    }
    relationships.set(`${p.departmentId}→${to}`, {
      type: 'SUCCEEDED_BY',
      start: p.departmentId,
      end: to,
      properties: { year: s.year, note: s.note, confidence: 'inferred', ...(s.source ? { source: s.source } : {}) },
    });
  }
}
