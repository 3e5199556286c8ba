// Scores department resolution on the development corpus: for each labelled party that the graph
// assigns (an ASSIGNED_TO edge matched to it by evaluate.ts), is the department node the right
// body of the right jurisdiction? The expected answers are in departments.json, written by reading
// the documents (README.md, "Department labels").
//
// A body in the wrong jurisdiction (a second city's 市发改委 resolved into Tianjin's) is the error
// that misleads a user most, so it is counted apart from the others and always reported. A graph
// whose departments carry no jurisdiction (neither a `jurisdiction` property nor a
// `dept:<jurisdiction>/…` id) gets every party wrong, never a crash.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalise } from '../../ingest/normalise.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEPARTMENTS_FILE = join(here, 'departments.json');

export interface DepartmentLabel {
  /** The place the body belongs to: 国家 | 四川省 | 天津市 | 天津市蓟州区 … */
  jurisdiction: string;
  kind: 'institution' | 'collective';
  /** Full official name, or null where the text names no organ (a sector word, a function, a collective). */
  name: string | null;
  /** Other spellings of the same body; the party as written is always one. */
  aliases?: string[];
  note?: string;
}

/** document file → party as written → expected resolution. */
export type DepartmentLabels = Record<string, Record<string, DepartmentLabel>>;

/** The department node an ASSIGNED_TO edge points at, as the graph gives it. */
export interface ObservedDepartment {
  id: string;
  name?: string;
  aliases: string[];
  jurisdiction?: string;
  kind?: string;
}

/** One labelled party of a document, with every department the graph assigned to it there. */
export interface PartyMatch {
  written: string;
  departments: ObservedDepartment[];
}

export type DepartmentOutcome =
  | 'exact'
  | 'otherJurisdiction' // resolved into another jurisdiction's body
  | 'noJurisdiction' // the department says no jurisdiction at all
  | 'unresolved' // the node is kind 'unresolved': no body found
  | 'wrongKind' // a collective taken for one body, or one body for a collective
  | 'wrongBody' // right jurisdiction, another body
  | 'missing' // no ASSIGNED_TO edge of the document carries the party
  | 'unlabelled'; // departments.json has no entry for this party

export interface DepartmentScore {
  file: string;
  /** Distinct labelled parties of the document (as written). */
  parties: number;
  /** Of those, found on an ASSIGNED_TO edge and labelled in departments.json: the scored ones. */
  scored: number;
  counts: Record<DepartmentOutcome, number>;
  differences: string[];
}

export interface DepartmentTotals {
  documents: number;
  parties: number;
  scored: number;
  exact: number;
  /** exact / scored. */
  exactRate: number;
  counts: Record<DepartmentOutcome, number>;
}

export const OUTCOMES: DepartmentOutcome[] = ['exact', 'otherJurisdiction', 'noJurisdiction', 'unresolved', 'wrongKind', 'wrongBody', 'missing', 'unlabelled'];

export function loadDepartmentLabels(file = DEPARTMENTS_FILE): DepartmentLabels {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { documents?: unknown };
  if (!parsed.documents || typeof parsed.documents !== 'object') throw new Error(`${file}: missing "documents" object (document file → party → label)`);
  const docs = parsed.documents as Record<string, Record<string, Partial<DepartmentLabel>>>;
  for (const [doc, parties] of Object.entries(docs)) {
    for (const [written, l] of Object.entries(parties)) {
      const where = `${file}: documents["${doc}"]["${written}"]`;
      if (typeof l.jurisdiction !== 'string' || l.jurisdiction === '') throw new Error(`${where}: "jurisdiction" must be a place name (国家, 天津市, 天津市蓟州区 …)`);
      if (l.kind !== 'institution' && l.kind !== 'collective') throw new Error(`${where}: "kind" must be "institution" or "collective", not ${JSON.stringify(l.kind)}`);
      if (l.name !== null && typeof l.name !== 'string') throw new Error(`${where}: "name" must be the full name or null`);
      if (l.aliases !== undefined && !(Array.isArray(l.aliases) && l.aliases.every((a) => typeof a === 'string'))) {
        throw new Error(`${where}: "aliases" must be an array of names`);
      }
    }
  }
  return docs as DepartmentLabels;
}

const squash = (s: string): string => normalise(s).replace(/[^\p{L}\p{N}]/gu, '');

// What a resolver writes when it could not read the document's place: it states no jurisdiction.
const UNKNOWN = new Set(['未知', 'unknown', '?']);

/**
 * The jurisdiction a department node states: its property, else the `dept:<jurisdiction>/…` id;
 * undefined when it states none (or states that it is unknown).
 */
export function departmentJurisdiction(d: ObservedDepartment): string | undefined {
  const j = typeof d.jurisdiction === 'string' && d.jurisdiction.trim() !== '' ? d.jurisdiction : /^dept:([^/]+)\/./u.exec(d.id)?.[1];
  return j === undefined || UNKNOWN.has(j.trim().toLowerCase()) ? undefined : j;
}

// A place name ends in one of these; a jurisdiction is a chain of places (天津市 + 蓟州区).
const PLACE = /.+?(?:特别行政区|自治区|自治州|自治县|新区|省|市|州|盟|区|县|旗)/gu;

/**
 * Equal after normalisation; a district, county or county-level city may also be written without
 * its city (蓟州区 for 天津市蓟州区, 绥芬河市 for 牡丹江市绥芬河市), since a district's name alone is
 * how its own documents write it.
 */
export function sameJurisdiction(want: string, got: string): boolean {
  const w = squash(want);
  const g = squash(got);
  if (w === g) return true;
  if (!w.endsWith(g) || !/(?:区|县|旗|市)$/u.test(g) || g.length < 2) return false;
  return /(?:市|州|盟)$/u.test(w.slice(0, w.length - g.length));
}

/** Ways a jurisdiction prefixes its bodies' full names: 天津市蓟州区, 天津市, 蓟州区, 天津, 蓟州. */
function placeForms(jurisdiction: string): string[] {
  const j = squash(jurisdiction);
  const parts = j.match(PLACE) ?? [];
  const forms = new Set<string>([j]);
  for (let i = 0; i < parts.length; i++) forms.add(parts.slice(i).join(''));
  for (const p of parts) {
    forms.add(p);
    const stem = p.replace(/(?:特别行政区|自治区|自治州|自治县|新区|省|市|州|盟|区|县|旗)$/u, '');
    if (stem.length >= 2) forms.add(stem);
  }
  forms.delete('');
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * The comparison form of a body's name inside its jurisdiction: the place or level prefix dropped
 * (天津市发展和改革委员会 and 市发展改革委 both lose their prefix) and the generic full/short forms
 * of organ words folded (委员会 = 委, 办公室 = 办, 人民政府 = 政府, 和 dropped). Abbreviations of
 * the body's own name (发改委) are not guessed here: the labels list them as aliases.
 */
export function bodyKey(name: string, jurisdiction: string): string {
  let s = squash(name).replace(/^中共/u, '');
  const place = placeForms(jurisdiction).find((p) => s.startsWith(p) && s.length > p.length + 1);
  if (place) s = s.slice(place.length);
  else if (/^(?:自治区|省|市|区|县)../u.test(s)) s = s.replace(/^(?:自治区|省|市|区|县)/u, '');
  return s
    .replace(/管理委员会/gu, '管委会')
    .replace(/委员会/gu, '委')
    .replace(/办公室/gu, '办')
    .replace(/人民政府/gu, '政府')
    .replace(/和/gu, '');
}

/** How one party was resolved, and a readable account of what the graph said. */
export function judgeParty(written: string, label: DepartmentLabel, dept: ObservedDepartment | undefined): { outcome: DepartmentOutcome; got: string } {
  if (!dept) return { outcome: 'missing', got: '' };
  const jurisdiction = departmentJurisdiction(dept);
  const got = `${dept.id}${dept.kind ? ` (${dept.kind})` : ''}`;
  if (jurisdiction === undefined) return { outcome: 'noJurisdiction', got };
  if (!sameJurisdiction(label.jurisdiction, jurisdiction)) return { outcome: 'otherJurisdiction', got };
  if (dept.kind === 'unresolved') return { outcome: 'unresolved', got };
  if ((dept.kind === 'collective') !== (label.kind === 'collective')) return { outcome: 'wrongKind', got };
  const want = new Set([written, label.name, ...(label.aliases ?? [])].filter((x): x is string => !!x).map((n) => bodyKey(n, label.jurisdiction)));
  const names = [dept.name, ...dept.aliases].filter((x): x is string => !!x);
  if (!names.some((n) => want.has(bodyKey(n, label.jurisdiction)))) return { outcome: 'wrongBody', got: `${got} named ${names.join('/')}` };
  return { outcome: 'exact', got };
}

const zero = (): Record<DepartmentOutcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<DepartmentOutcome, number>;

/**
 * A party written one way may reach several nodes in one document (a parser that resolves it
 * differently in two lists): it is exact only if every one is, and another jurisdiction's body
 * anywhere is reported as that.
 */
function judgeAll(written: string, label: DepartmentLabel, departments: ObservedDepartment[]): { outcome: DepartmentOutcome; got: string } {
  if (departments.length === 0) return judgeParty(written, label, undefined);
  const judged = departments.map((d) => judgeParty(written, label, d));
  const worst = OUTCOMES.map((o) => judged.find((j) => j.outcome === o)).filter((j) => j !== undefined);
  const first = worst.find((j) => j.outcome === 'otherJurisdiction') ?? worst.find((j) => j.outcome !== 'exact') ?? judged[0]!;
  return { outcome: first.outcome, got: judged.map((j) => j.got).join(' | ') };
}

/** Pure scoring of one document's parties against its labels. */
export function scoreDepartments(file: string, matches: PartyMatch[], labels: Record<string, DepartmentLabel> | undefined): DepartmentScore {
  const counts = zero();
  const differences: string[] = [];
  for (const m of matches) {
    const label = labels?.[m.written];
    const { outcome, got } = label ? judgeAll(m.written, label, m.departments) : { outcome: 'unlabelled' as const, got: '' };
    counts[outcome]++;
    if (outcome === 'exact') continue;
    const want = label ? `${label.jurisdiction}/${label.name ?? m.written}${label.kind === 'collective' ? ' (collective)' : ''}` : 'no label';
    differences.push(`${m.written}: ${outcome}, want ${want}${got ? `, got ${got}` : ''}`);
  }
  const scored = matches.length - counts.missing - counts.unlabelled;
  return { file, parties: matches.length, scored, counts, differences };
}

export function departmentTotals(scores: DepartmentScore[]): DepartmentTotals {
  const counts = zero();
  for (const s of scores) for (const o of OUTCOMES) counts[o] += s.counts[o];
  const scored = scores.reduce((n, s) => n + s.scored, 0);
  return {
    documents: scores.length,
    parties: scores.reduce((n, s) => n + s.parties, 0),
    scored,
    exact: counts.exact,
    exactRate: scored === 0 ? 1 : Math.round((counts.exact / scored) * 1000) / 1000,
    counts,
  };
}
