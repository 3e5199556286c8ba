// Resolution of responsible parties: turns a responsibility list as written in a policy document
// ("市工业和信息化委、市科委等部门按职责分工负责", "市商务局牵头，相关部门按职责分工负责",
// "市商务局、天津海关、有关区人民政府") into canonical departments with a role, against reference
// data kept in files (seeds/reference/departments.json). Institutions renamed or merged by a
// reform stay separate nodes linked by SUCCEEDED_BY, so a department's history stays queryable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameKey, normalise, normaliseWithMap } from '../normalise.js';
import { alreadyNormal } from '../extract/normal-form.js';
import type { Diagnostic, GraphNode, GraphRelationship, SourceSpan } from '../types.js';

export type DepartmentKind = 'institution' | 'collective' | 'unresolved';
export type Role = 'lead' | 'joint' | 'support';

export interface ResolvedParty {
  departmentId: string; // 'dept:<canonical name>'; unresolved names: 'dept:<normalised name as written>'
  name: string; // canonical name (or the written name when unresolved)
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
}

/** A reform that replaced one body by another (renaming, merger, transfer of duties). */
export interface Succession {
  from: string; // canonical name of the earlier body
  to: string; // canonical name of the later body
  year: number;
  note: string;
}

export interface Jurisdiction {
  name: string; // '天津市'
  shortPrefix: string; // '市': how documents of this city abbreviate their own bodies
  derivedPrefixes: string[]; // '天津市': '市商务局' is also written '天津市商务局'
}

export interface DepartmentReference {
  jurisdictions: Jurisdiction[];
  institutions: InstitutionRecord[];
  successions: Succession[];
  /** nameKey(name or alias, with derived prefixes) → institution. */
  byKey: Map<string, InstitutionRecord>;
  /** canonical name → successions where it is `from` / `to`. */
  successorsOf: Map<string, Succession[]>;
  predecessorsOf: Map<string, Succession[]>;
}

interface ReferenceFile {
  jurisdiction?: Jurisdiction;
  institutions: InstitutionRecord[];
  successions?: Succession[];
}

export function departmentId(canonicalName: string): string {
  return `dept:${canonicalName}`;
}

/**
 * Builds the lookup structures from plain records. Throws on contradictions (an alias claimed by
 * two bodies, a succession naming an unknown body): silently picking one would misattribute
 * responsibilities.
 */
export function buildDepartmentReference(files: ReferenceFile[]): DepartmentReference {
  const institutions: InstitutionRecord[] = [];
  const successions: Succession[] = [];
  const jurisdictions: Jurisdiction[] = [];
  for (const f of files) {
    if (f.jurisdiction) jurisdictions.push(f.jurisdiction);
    institutions.push(...f.institutions);
    successions.push(...(f.successions ?? []));
  }
  const byKey = new Map<string, InstitutionRecord>();
  const claim = (written: string, rec: InstitutionRecord): void => {
    const key = nameKey(written);
    if (!key) return;
    const prev = byKey.get(key);
    if (prev && prev !== rec) {
      throw new Error(`department reference: "${written}" is claimed by both "${prev.name}" and "${rec.name}"`);
    }
    byKey.set(key, rec);
  };
  for (const rec of institutions) {
    for (const written of [rec.name, ...rec.aliases]) claim(written, rec);
  }
  // Derived spellings never override an explicit one ('天津市X' may be listed as an alias elsewhere).
  for (const j of jurisdictions) {
    for (const rec of institutions) {
      if (rec.kind !== 'institution') continue;
      for (const written of [rec.name, ...rec.aliases]) {
        if (!written.startsWith(j.shortPrefix) || written.startsWith(j.name)) continue;
        for (const prefix of j.derivedPrefixes) {
          const key = nameKey(prefix + written.slice(j.shortPrefix.length));
          if (!byKey.has(key)) byKey.set(key, rec);
        }
      }
    }
  }
  const names = new Set(institutions.map((i) => i.name));
  const successorsOf = new Map<string, Succession[]>();
  const predecessorsOf = new Map<string, Succession[]>();
  for (const s of successions) {
    for (const n of [s.from, s.to]) {
      if (!names.has(n)) throw new Error(`department reference: succession ${s.from}→${s.to} names unknown body "${n}"`);
    }
    successorsOf.set(s.from, [...(successorsOf.get(s.from) ?? []), s]);
    predecessorsOf.set(s.to, [...(predecessorsOf.get(s.to) ?? []), s]);
  }
  return { jurisdictions, institutions, successions, byKey, successorsOf, predecessorsOf };
}

/** Loads `dir`/departments.json (other reference files in the folder belong to other stages). */
export function loadDepartmentReference(dir = 'seeds/reference'): DepartmentReference {
  const file = join(dir, 'departments.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as ReferenceFile;
  if (!Array.isArray(parsed.institutions)) throw new Error(`${file}: missing "institutions" array`);
  return buildDepartmentReference([parsed]);
}

export function findDepartment(ref: DepartmentReference, written: string): InstitutionRecord | undefined {
  return ref.byKey.get(nameKey(written));
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
// "等部门", "等有关部门", "等相关单位" end a group of named bodies: a separator, not a party.
const GROUP_END = /等(?:有关|相关|其他|市级)?(?:部门|单位)/gu;
const LEADING_JOINER = /^(?:以及|和|及|与|会同|并|由)/u;
const TRAILING_JUNK = /(?:等|和|及)$/u;

interface Item {
  start: number; // offsets into the normalised list
  end: number;
  role?: Role;
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

/** Splits the normalised list into name items with positions and clause roles. */
function splitList(s: string): Item[] {
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

  for (const [cStart, cEnd0] of clauses) {
    const { end: cEnd, role } = stripTails(s, cStart, cEnd0);
    if (cEnd <= cStart) continue;
    // Inside a clause: '、' and group ends ('等部门') separate names.
    const seps: [number, number][] = [];
    const clause = s.slice(cStart, cEnd);
    for (const m of clause.matchAll(/[、/]/gu)) seps.push([cStart + m.index, cStart + m.index + 1]);
    for (const m of clause.matchAll(GROUP_END)) seps.push([cStart + m.index, cStart + m.index + m[0].length]);
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
        if (!lead) break;
        a += lead[0].length;
      }
      for (;;) {
        const tail = TRAILING_JUNK.exec(s.slice(a, b));
        if (!tail || b - tail[0].length <= a) break;
        b -= tail[0].length;
      }
      while (a < b && /\s/u.test(s[a]!)) a++;
      while (b > a && /\s/u.test(s[b - 1]!)) b--;
      if (b > a) items.push({ start: a, end: b, role: inner.role ?? role });
    }
  }
  return items;
}

/**
 * Splits an item that is not a known name at a conjunction when both halves are known
 * ("市农委和各区人民政府"). Names containing 和 ("市文化和旅游局") resolve whole and never get here.
 */
function splitAtConjunction(s: string, item: Item, ref: DepartmentReference): Item[] | undefined {
  const text = s.slice(item.start, item.end);
  for (const m of text.matchAll(/以及|和|及|与/gu)) {
    const left = text.slice(0, m.index);
    const right = text.slice(m.index + m[0].length);
    if (!left || !right) continue;
    const l = ref.byKey.get(nameKey(left));
    const r = ref.byKey.get(nameKey(right));
    if (l && r) {
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
   * The city (or province) the document belongs to, e.g. '北京市' (see jurisdictionOf). Names
   * relative to the issuing city ("市商务局", "各区人民政府") mean that city's bodies, so when it is
   * not a city the reference data covers they are not matched: they stay unresolved, named and
   * keyed with the city ("北京市商务局"), so they never merge with the covered city's bodies.
   * Fully qualified names ("天津海关") still resolve. Unset: the document is taken to belong to
   * the reference data's city.
   */
  jurisdiction?: string;
}

/** The city or province of an issuer ("北京市人民政府办公厅" → '北京市'), when it names one. */
export function jurisdictionOf(issuer: string | undefined): string | undefined {
  if (!issuer) return undefined;
  // Only a place name counts: an issuer line that lists departments ('市发展改革委、市委宣传部…')
  // names no jurisdiction, and guessing one would make every department look foreign.
  const m = /^(?:中共)?(\p{Script=Han}{2,8}?(?:自治区|特别行政区|省|市))/u.exec(normalise(issuer));
  if (!m || m[1]!.startsWith('市')) return undefined;
  return m[1];
}

/** True when a document declares the convention that the first-named unit is the lead. */
export function detectFirstIsLead(documentText: string): boolean {
  const t = documentText.replace(/\s+/gu, '');
  return /(?:排在|列在|列于|位列)?第一(?:位|个)(?:的|单位)?(?:为|是)牵头单位|第一责任单位为牵头单位|首位(?:单位)?为牵头单位/u.test(t);
}

/**
 * Roles (documented rule):
 * - a clause ending in 牵头 makes its bodies 'lead'; one ending in 配合/协助/参与 makes them 'support';
 * - every other named party is 'joint' ("X、Y等部门按职责分工负责": each for its own duties);
 * - a sole party ("（市商务局负责）", a table cell with one unit) is 'lead': it carries the measure alone;
 * - with options.firstIsLead and no explicit 牵头, the first party is 'lead'.
 * A name not in the reference data is kept as kind 'unresolved' with a warning 'unknown-department'.
 */
export function resolveResponsibilities(
  text: string,
  span: SourceSpan | undefined,
  ref: DepartmentReference,
  options: ResolveOptions = {},
): { parties: ResolvedParty[]; diagnostics: Diagnostic[] } {
  const foreign = isForeign(ref, options.jurisdiction);
  const parsed = parseCached(text, ref, options.firstIsLead === true, foreign);
  const diagnostics: Diagnostic[] = [];
  for (const u of parsed.unknown) {
    diagnostics.push({
      ...position(text, u.offset, span, options.source),
      severity: 'warning',
      rule: 'unknown-department',
      message: `responsible party "${u.written}" is not in the department reference data; kept as unresolved. Add it, or an alias of an existing body, to seeds/reference/departments.json`,
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

interface ParsedList {
  norm: string;
  parties: ResolvedParty[];
  /** Unknown names with their offset in the text as given (for diagnostics). */
  unknown: { offset: number; written: string }[];
}

// The same lists recur across a corpus ("市商务局负责", "各区人民政府"), so parses are cached per
// reference object; the cache is dropped when it grows past a bound to keep memory flat.
const CACHE_LIMIT = 50_000;
const caches = new WeakMap<DepartmentReference, Map<string, ParsedList>>();

/** The document's city when the reference data does not cover it; undefined when it does (or is unknown). */
function isForeign(ref: DepartmentReference, jurisdiction: string | undefined): string | undefined {
  if (!jurisdiction) return undefined;
  const key = nameKey(jurisdiction);
  return ref.jurisdictions.some((j) => nameKey(j.name) === key) ? undefined : key;
}

function parseCached(text: string, ref: DepartmentReference, firstIsLead: boolean, foreign: string | undefined): ParsedList {
  let cache = caches.get(ref);
  if (!cache) {
    cache = new Map();
    caches.set(ref, cache);
  }
  const key = `${firstIsLead ? 1 : 0}${foreign ?? ''}\u0000${text}`;
  let parsed = cache.get(key);
  if (!parsed) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    parsed = parseList(text, ref, firstIsLead, foreign);
    cache.set(key, parsed);
  }
  return parsed;
}

function parseList(text: string, ref: DepartmentReference, firstIsLead: boolean, foreign: string | undefined): ParsedList {
  // Most lists are already in matching form (no layout whitespace, NFKC); skip the per-character fold.
  const { text: norm, map } = alreadyNormal(text) ? { text, map: undefined } : normaliseWithMap(text);
  let items = splitList(norm);
  items = items.flatMap((it) => {
    if (ref.byKey.has(nameKey(norm.slice(it.start, it.end)))) return [it];
    return splitAtConjunction(norm, it, ref) ?? [it];
  });

  const parties: ResolvedParty[] = [];
  const unknown: ParsedList['unknown'] = [];
  const seen = new Map<string, ResolvedParty>();
  const rank: Record<Role, number> = { lead: 3, joint: 2, support: 1 };
  for (const it of items) {
    const written = norm.slice(it.start, it.end);
    let key = nameKey(written);
    if (!key) continue;
    let rec = ref.byKey.get(key);
    if (foreign && rec && isRelative(key, rec, ref)) {
      // "市商务局" in another city's document is that city's 商务局.
      rec = undefined;
      key = key.startsWith(foreign) ? key : `${foreign}${key.replace(/^市/u, '')}`;
    }
    const party: ResolvedParty = rec
      ? { departmentId: departmentId(rec.name), name: rec.name, kind: rec.kind, role: it.role ?? 'joint', asWritten: written }
      : { departmentId: departmentId(key), name: key, kind: 'unresolved', role: it.role ?? 'joint', asWritten: written };
    if (!rec) unknown.push({ offset: map ? (map[it.start] ?? 0) : it.start, written });
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
  else if (!explicitLead && firstIsLead && parties.length > 0 && parties[0]!.role === 'joint') parties[0]!.role = 'lead';
  return { norm, parties, unknown };
}

/** A name that only means something relative to the issuing city: 市X, or a collective (各区人民政府). */
function isRelative(key: string, rec: InstitutionRecord, ref: DepartmentReference): boolean {
  if (rec.kind === 'collective') return true;
  return ref.jurisdictions.some((j) => key.startsWith(j.shortPrefix) && !key.startsWith(j.name));
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
  return {
    id: departmentId(rec.name),
    labels: ['Department'],
    properties: { name: rec.name, aliases: [...rec.aliases], kind: rec.kind },
  };
}

/** Department nodes for every party used (and the predecessors/successors of each), with SUCCEEDED_BY edges. */
export function departmentGraph(
  ref: DepartmentReference,
  parties: ResolvedParty[],
): { nodes: GraphNode[]; relationships: GraphRelationship[] } {
  const nodes = new Map<string, GraphNode>();
  const byName = new Map(ref.institutions.map((i) => [i.name, i] as const));
  const queue: string[] = [];
  for (const p of parties) {
    if (nodes.has(p.departmentId)) continue;
    const rec = p.kind === 'unresolved' ? undefined : byName.get(p.name);
    if (rec) {
      nodes.set(p.departmentId, institutionNode(rec));
      queue.push(rec.name);
    } else {
      nodes.set(p.departmentId, {
        id: p.departmentId,
        labels: ['Department'],
        properties: { name: p.name, aliases: p.asWritten !== p.name ? [p.asWritten] : [], kind: 'unresolved' },
      });
    }
  }
  // Whole succession chains, both ways: a query for 市商务局 must reach 市商务委's measures.
  const relationships = new Map<string, GraphRelationship>();
  while (queue.length > 0) {
    const name = queue.shift()!;
    for (const s of [...(ref.successorsOf.get(name) ?? []), ...(ref.predecessorsOf.get(name) ?? [])]) {
      const key = `${s.from}→${s.to}`;
      if (!relationships.has(key)) {
        relationships.set(key, {
          type: 'SUCCEEDED_BY',
          start: departmentId(s.from),
          end: departmentId(s.to),
          properties: { year: s.year, note: s.note },
        });
      }
      for (const other of [s.from, s.to]) {
        const id = departmentId(other);
        if (nodes.has(id)) continue;
        nodes.set(id, institutionNode(byName.get(other)!));
        queue.push(other);
      }
    }
  }
  return { nodes: [...nodes.values()], relationships: [...relationships.values()] };
}
