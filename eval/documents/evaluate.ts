// Scores the ingest on the development corpus of real policy documents (eval/documents): each file
// is run through the dry-run pipeline on its own, and the graph it yields is compared with the
// labels in sources.json, written by reading the documents (README.md has the rules).
//
// Measures are matched by normalised prefix (punctuation and whitespace dropped, a leading number
// marker ignored), so the set survives changes to ids and to where the parser splits a run-in title
// from its body. Parties are matched by name as written, normalised; a department's canonical name
// and aliases count too. Facts a document's text does not state are reported, not scored.
// Department resolution of the labelled parties is scored by departments.ts against departments.json.
//
//   npx tsx eval/documents/evaluate.ts [--json] [--diff] [--format docx|pdf|html]   (also part of `npm run eval`)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeDocument } from '../../ingest/decode.js';
import { normalise } from '../../ingest/normalise.js';
import { ingestSync } from '../../ingest/pipeline.js';
import { departmentGraph, loadDepartmentReference, resolveResponsibilities, type DepartmentReference } from '../../ingest/resolve/departments.js';
import { loadThemes } from '../../ingest/extract/themes.js';
import type { Graph, GraphNode } from '../../ingest/types.js';
import {
  departmentTotals,
  loadDepartmentLabels,
  OUTCOMES,
  scoreDepartments,
  type DepartmentLabels,
  type DepartmentScore,
  type DepartmentTotals,
  type ObservedDepartment,
  type PartyMatch,
} from './departments.js';
import { convert, CONVERTED_FORMATS, type ConvertedFormat } from './formats.js';

const here = dirname(fileURLToPath(import.meta.url));
export const SOURCES_FILE = join(here, 'sources.json');

export type Level = 'national' | 'provincial' | 'municipal' | 'district';
export type Role = 'lead' | 'support' | 'joint';
export const FACTS = ['year', 'docNumber', 'level', 'jurisdiction'] as const;
export type Fact = (typeof FACTS)[number];

export interface PartyLabel {
  name: string;
  role: Role;
}

export interface MeasureLabel {
  /** The first characters of the item as written, after its number marker. */
  text: string;
  parties: PartyLabel[];
  /** Only where the document writes a deadline as its own field. */
  deadline?: string;
}

export interface DocumentLabel {
  /** Relative to eval/documents. */
  file: string;
  url: string | null;
  jurisdiction: string;
  level: Level;
  year: number | null;
  docNumber: string | null;
  issuedOn: string | null;
  layouts?: string[];
  notes?: string;
  /** null: measures not labelled here (the seeds; eval/ingest labels them). */
  measures: MeasureLabel[] | null;
  /** Items cut off by the end of an excerpt: an observed measure matching one is ignored. */
  cut?: string[];
  /** Facts the stored text does not state: reported, not scored. */
  unscored?: Fact[];
}

export interface ObservedParty {
  /** Normalised names it may be written as: as written, canonical name, aliases. */
  names: string[];
  role: string;
  shown: string;
  /** The department node the edge points at (for scoring department resolution). */
  department?: ObservedDepartment;
}

export interface ObservedMeasure {
  text: string;
  title?: string;
  deadline?: string;
  parties: ObservedParty[];
}

export interface ObservedDocument {
  refused: boolean;
  error?: string;
  year?: number | null;
  docNumber?: string | null;
  level?: string | null;
  jurisdiction?: string | null;
  measures: ObservedMeasure[];
}

export type FactResult = 'right' | 'wrong' | 'unscored';

export interface DocumentScore {
  file: string;
  jurisdiction: string;
  level: Level;
  year: number | null;
  refused: boolean;
  /** null when the document's measures are not labelled here. */
  measures: null | {
    labelled: number;
    observed: number; // excluding measures that match a cut item
    matched: number;
    recall: number;
    precision: number;
    partySetsExact: number;
    rolesRight: number;
    rolePairs: number;
    deadlinesLabelled: number;
    deadlinesRight: number;
  };
  facts: Record<Fact, FactResult>;
  observedFacts: Partial<Record<Fact, string | number | null>>;
  /** Readable differences: '-' labelled but missing, '+' produced but not labelled. */
  differences: string[];
}

export interface Totals {
  documents: number;
  labelled: number;
  observed: number;
  matched: number;
  measureRecall: number;
  measurePrecision: number;
  partySetExact: number;
  roleAccuracy: number;
  deadlineAccuracy: number;
  year: number;
  docNumber: number;
  level: number;
  jurisdiction: number;
  refused: number;
}

export interface DocumentsReport {
  documents: DocumentScore[];
  totals: Totals;
  /**
   * Department resolution of the labelled parties (departments.json), documents with parties only:
   * `pipeline` scores the departments of the ingested graph; `resolver` resolves each labelled party
   * on its own in its document's labelled jurisdiction, so it does not depend on the parser.
   */
  departments?: Record<'pipeline' | 'resolver', { documents: DepartmentScore[]; totals: DepartmentTotals }>;
}

export function loadSources(file = SOURCES_FILE): DocumentLabel[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { documents?: DocumentLabel[] };
  if (!Array.isArray(parsed.documents)) throw new Error(`${file}: missing "documents" array`);
  return parsed.documents;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : Math.round((a / b) * 1000) / 1000;
}

// A leading number marker of any common style: 一、 （一） 1. 1、 （1） ① ㈠ 第一条 第一章.
const MARKER = /^(?:第[一二三四五六七八九十百零〇]+[条章节]|[一二三四五六七八九十百]+[、.]|[(〔][一二三四五六七八九十百\d]+[)〕]|\d+[.、]|[①-⑳㈠-㈩])/u;

/** The comparison form of a measure's text: normalised, number marker dropped, letters and digits only. */
export function matchKey(text: string): string {
  return normalise(text).replace(MARKER, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/** A party's comparison form: normalised, whitespace dropped. */
export function partyKey(name: string): string {
  return normalise(name).replace(/\s+/gu, '');
}

/** 〔2017〕, [2017], (2017), 【2017】 and the „2009‟ of some copies are the same bracket. */
export function docNumberKey(n: string): string {
  return normalise(n)
    .replace(/\s+/gu, '')
    .replace(/[[(【„〔]\s*(\d{4})\s*[\])】‟〕]/u, '〔$1〕');
}

function candidates(m: ObservedMeasure): string[] {
  const text = matchKey(m.text);
  if (!m.title) return [text];
  const title = matchKey(m.title);
  return text.startsWith(title) ? [text] : [title + text, text];
}

function matches(key: string, m: ObservedMeasure): boolean {
  // The key may sit a few characters in when the parser keeps a marker style MARKER does not know.
  return key.length > 0 && candidates(m).some((c) => c.startsWith(key) || (c.indexOf(key) >= 0 && c.indexOf(key) <= 4));
}

function factResult(label: DocumentLabel, fact: Fact, observed: ObservedDocument): FactResult {
  if (label.unscored?.includes(fact)) return 'unscored';
  const want = label[fact];
  const got = observed[fact];
  switch (fact) {
    case 'year':
      if (want === null) return 'unscored';
      return got === want ? 'right' : 'wrong';
    case 'docNumber':
      // null: the document has no number, and the right answer is none.
      if (want === null) return got === null || got === undefined || got === '' ? 'right' : 'wrong';
      return typeof got === 'string' && docNumberKey(got) === docNumberKey(String(want)) ? 'right' : 'wrong';
    default:
      return typeof got === 'string' && partyKey(got) === partyKey(String(want)) ? 'right' : 'wrong';
  }
}

/** Pure scoring of one document. */
export function scoreDocument(label: DocumentLabel, observed: ObservedDocument): DocumentScore {
  const differences: string[] = [];
  const facts = Object.fromEntries(FACTS.map((f) => [f, factResult(label, f, observed)])) as Record<Fact, FactResult>;
  for (const f of FACTS) {
    if (facts[f] === 'wrong') differences.push(`${f}: want ${JSON.stringify(label[f])}, got ${JSON.stringify(observed[f] ?? null)}`);
  }
  if (observed.error) differences.push(`error: ${observed.error}`);
  let measures: DocumentScore['measures'] = null;
  if (label.measures) {
    const cutKeys = (label.cut ?? []).map(matchKey);
    const pool = observed.measures.filter((m) => !cutKeys.some((k) => matches(k, m)));
    const used = new Set<number>();
    let matched = 0;
    let exact = 0;
    let rolesRight = 0;
    let rolePairs = 0;
    let deadlinesLabelled = 0;
    let deadlinesRight = 0;
    for (const l of label.measures) {
      const key = matchKey(l.text);
      const i = pool.findIndex((m, j) => !used.has(j) && matches(key, m));
      if (l.deadline) deadlinesLabelled++;
      if (i < 0) {
        differences.push(`- measure "${l.text}"`);
        continue;
      }
      used.add(i);
      matched++;
      const m = pool[i]!;
      // Parties: each labelled party takes the first unused observed party written the same way.
      const taken = new Set<number>();
      const diff: string[] = [];
      for (const p of l.parties) {
        const k = partyKey(p.name);
        const j = m.parties.findIndex((o, x) => !taken.has(x) && o.names.includes(k));
        if (j < 0) {
          diff.push(`-${p.name}/${p.role}`);
          continue;
        }
        taken.add(j);
        rolePairs++;
        if (m.parties[j]!.role === p.role) rolesRight++;
        else diff.push(`~${p.name}/${m.parties[j]!.role}≠${p.role}`);
      }
      m.parties.forEach((o, x) => {
        if (!taken.has(x)) diff.push(`+${o.shown}/${o.role}`);
      });
      if (taken.size === l.parties.length && m.parties.length === l.parties.length) exact++;
      if (l.deadline) {
        if (m.deadline !== undefined && partyKey(m.deadline) === partyKey(l.deadline)) deadlinesRight++;
        else diff.push(`deadline ${JSON.stringify(m.deadline ?? null)}≠${JSON.stringify(l.deadline)}`);
      }
      if (diff.length) differences.push(`  "${l.text.slice(0, 12)}": ${diff.join(' ')}`);
    }
    pool.forEach((m, j) => {
      if (!used.has(j)) differences.push(`+ measure "${(m.title ? `${m.title}。` : '') + m.text.slice(0, 16)}"`);
    });
    measures = {
      labelled: label.measures.length,
      observed: pool.length,
      matched,
      recall: ratio(matched, label.measures.length),
      precision: ratio(matched, pool.length),
      partySetsExact: exact,
      rolesRight,
      rolePairs,
      deadlinesLabelled,
      deadlinesRight,
    };
  }
  return {
    file: label.file,
    jurisdiction: label.jurisdiction,
    level: label.level,
    year: label.year,
    refused: observed.refused,
    measures,
    facts,
    observedFacts: Object.fromEntries(FACTS.map((f) => [f, observed[f] ?? null])),
    differences,
  };
}

/**
 * Each distinct labelled party of the document, with every department the graph assigns to a party
 * written that way in the same document (on any of its measures: resolution is scored apart from
 * how the parser cut the measures).
 */
export function partyMatches(label: DocumentLabel, observed: ObservedDocument): PartyMatch[] {
  const written = [...new Set((label.measures ?? []).flatMap((m) => m.parties.map((p) => p.name)))];
  return written.map((w) => {
    const k = partyKey(w);
    const departments = new Map<string, ObservedDepartment>();
    for (const m of observed.measures) {
      for (const p of m.parties) if (p.department && p.names.includes(k)) departments.set(p.department.id, p.department);
    }
    return { written: w, departments: [...departments.values()] };
  });
}

/**
 * Each distinct labelled party resolved on its own by the resolver, in the document's labelled
 * jurisdiction, with the department nodes the graph would get for it.
 */
export function resolverMatches(label: DocumentLabel, ref: DepartmentReference): PartyMatch[] {
  const written = [...new Set((label.measures ?? []).flatMap((m) => m.parties.map((p) => p.name)))];
  return written.map((w) => {
    // A variable, not a literal: resolvers of other versions may not know every option.
    const options = { jurisdiction: label.jurisdiction };
    const { parties } = resolveResponsibilities(w, undefined, ref, options);
    const nodes = new Map(departmentGraph(ref, parties).nodes.map((n) => [n.id, n] as const));
    const departments = [...new Set(parties.map((p) => p.departmentId))].map((id): ObservedDepartment => {
      const p = nodes.get(id)?.properties ?? {};
      return { id, name: str(p.name), aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [], jurisdiction: str(p.jurisdiction), kind: str(p.kind) };
    });
    return { written: w, departments };
  });
}

export function totalsOf(scores: DocumentScore[]): Totals {
  const sum = (f: (m: NonNullable<DocumentScore['measures']>) => number): number =>
    scores.reduce((n, s) => n + (s.measures ? f(s.measures) : 0), 0);
  const fact = (f: Fact): number => {
    const scored = scores.filter((s) => s.facts[f] !== 'unscored');
    return ratio(scored.filter((s) => s.facts[f] === 'right').length, scored.length);
  };
  const labelled = sum((m) => m.labelled);
  const observed = sum((m) => m.observed);
  const matched = sum((m) => m.matched);
  return {
    documents: scores.length,
    labelled,
    observed,
    matched,
    measureRecall: ratio(matched, labelled),
    measurePrecision: ratio(matched, observed),
    partySetExact: ratio(sum((m) => m.partySetsExact), matched),
    roleAccuracy: ratio(sum((m) => m.rolesRight), sum((m) => m.rolePairs)),
    deadlineAccuracy: ratio(sum((m) => m.deadlinesRight), sum((m) => m.deadlinesLabelled)),
    year: fact('year'),
    docNumber: fact('docNumber'),
    level: fact('level'),
    jurisdiction: fact('jurisdiction'),
    refused: scores.filter((s) => s.refused).length,
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What the dry-run graph says about the document read from `file`. */
export function observedFromGraph(graph: Graph, file: string): ObservedDocument {
  const abs = resolve(file);
  const doc = graph.nodes.find(
    (n) => n.labels.includes('Document') && typeof n.properties.sourceFile === 'string' && resolve(n.properties.sourceFile) === abs,
  );
  if (!doc) return { refused: true, measures: [] };
  const departments = new Map<string, GraphNode>(graph.nodes.filter((n) => n.labels.includes('Department')).map((n) => [n.id, n]));
  const measures = new Map<string, ObservedMeasure>();
  for (const n of graph.nodes) {
    if (!n.labels.includes('Measure') || n.properties.documentId !== doc.id) continue;
    const p = n.properties;
    measures.set(n.id, { text: String(p.text ?? ''), title: str(p.title), deadline: str(p.deadline), parties: [] });
  }
  for (const r of graph.relationships) {
    const m = measures.get(r.start);
    if (r.type !== 'ASSIGNED_TO' || !m) continue;
    const dept = departments.get(r.end);
    const written = [str(r.properties.asWritten), str(dept?.properties.name), ...(Array.isArray(dept?.properties.aliases) ? dept.properties.aliases.map(String) : [])];
    const names = [...new Set(written.filter((x): x is string => x !== undefined).map(partyKey))];
    const dp = dept?.properties;
    const department: ObservedDepartment = {
      id: r.end,
      name: str(dp?.name),
      aliases: Array.isArray(dp?.aliases) ? dp.aliases.map(String) : [],
      jurisdiction: str(dp?.jurisdiction),
      kind: str(dp?.kind),
    };
    m.parties.push({ names, role: String(r.properties.role ?? ''), shown: written.find((x) => x !== undefined) ?? r.end, department });
  }
  const p = doc.properties;
  return {
    refused: false,
    year: typeof p.year === 'number' ? p.year : null,
    docNumber: str(p.docNumber) ?? null,
    level: str(p.level) ?? null,
    jurisdiction: str(p.jurisdiction) ?? null,
    measures: [...measures.values()],
  };
}

/** Runs the pipeline on each labelled document, one file at a time, and scores it. */
export function evaluateDocuments(labels = loadSources(), dir = here, departmentLabels: DepartmentLabels = loadDepartmentLabels()): DocumentsReport {
  const ref = loadDepartmentReference();
  const taxonomy = loadThemes();
  return scoreCorpus(labels, departmentLabels, ref, (label) => {
    const file = join(dir, label.file);
    if (!existsSync(file)) return { refused: true, error: `${file} does not exist`, measures: [] };
    return observeSafely(() => observedFromGraph(ingestSync([file], { ref, taxonomy, manifest: false }).graph, file));
  });
}

/**
 * The evaluation with every document converted to `format` first (formats.ts), into a temporary
 * folder, read as a user's file of that format is read, and scored against the same labels.
 */
export async function evaluateDocumentsAs(
  format: ConvertedFormat,
  labels = loadSources(),
  dir = here,
  departmentLabels: DepartmentLabels = loadDepartmentLabels(),
): Promise<DocumentsReport> {
  const ref = loadDepartmentReference();
  const taxonomy = loadThemes();
  const tmp = mkdtempSync(join(tmpdir(), `documents-${format}-`));
  try {
    const observed = new Map<string, ObservedDocument>();
    for (const label of labels) {
      const file = join(tmp, basename(label.file).replace(/\.txt$/u, `.${format}`));
      let seen: ObservedDocument;
      try {
        writeFileSync(file, await convert(readFileSync(join(dir, label.file), 'utf8'), format));
        const decoded = new Map([[file, await decodeDocument(file)]]);
        seen = observedFromGraph(ingestSync([file], { ref, taxonomy, manifest: false, decoded }).graph, file);
      } catch (e) {
        seen = { refused: true, error: e instanceof Error ? e.message : String(e), measures: [] };
      }
      observed.set(label.file, seen);
    }
    return scoreCorpus(labels, departmentLabels, ref, (label) => observed.get(label.file)!);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** A crash on one real document is a finding to report, not a reason to stop the evaluation. */
export function observeSafely(observe: () => ObservedDocument): ObservedDocument {
  try {
    return observe();
  } catch (e) {
    return { refused: true, error: e instanceof Error ? e.message : String(e), measures: [] };
  }
}

/** Scores what was observed of each labelled document, and the department resolution of its parties. */
export function scoreCorpus(
  labels: DocumentLabel[],
  departmentLabels: DepartmentLabels,
  ref: DepartmentReference,
  observe: (label: DocumentLabel) => ObservedDocument,
): DocumentsReport {
  const pipeline: DepartmentScore[] = [];
  const resolver: DepartmentScore[] = [];
  const scores = labels.map((label) => {
    const observed = observe(label);
    if (label.measures?.some((m) => m.parties.length > 0)) {
      pipeline.push(scoreDepartments(label.file, partyMatches(label, observed), departmentLabels[label.file]));
      resolver.push(scoreDepartments(label.file, resolverMatches(label, ref), departmentLabels[label.file]));
    }
    return scoreDocument(label, observed);
  });
  return {
    documents: scores,
    totals: totalsOf(scores),
    departments: {
      pipeline: { documents: pipeline, totals: departmentTotals(pipeline) },
      resolver: { documents: resolver, totals: departmentTotals(resolver) },
    },
  };
}

const pct = (x: number): string => x.toFixed(2);

export function formatDocumentsReport(r: DocumentsReport, opts: { differences?: boolean } = {}): string {
  const mark = (f: FactResult): string => (f === 'right' ? 'ok' : f === 'wrong' ? 'NO' : '-');
  const rows = r.documents.map((s) => {
    const m = s.measures;
    return [
      s.file.replace(/^.*\//u, '').replace(/\.txt$/u, '').slice(0, 34),
      s.level.slice(0, 4),
      m ? `${m.matched}/${m.labelled}/${m.observed}` : 'n/a',
      m ? pct(m.recall) : '',
      m ? pct(m.precision) : '',
      m ? `${m.partySetsExact}/${m.matched}` : '',
      m ? `${m.rolesRight}/${m.rolePairs}` : '',
      m && m.deadlinesLabelled ? `${m.deadlinesRight}/${m.deadlinesLabelled}` : '',
      ...FACTS.map((f) => mark(s.facts[f])),
      s.refused ? 'refused' : '',
    ];
  });
  const head = ['document', 'lvl', 'm/l/o', 'rec', 'prec', 'parties', 'roles', 'ddl', 'year', 'num', 'lvl', 'jur', ''];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]!))));
  const line = (cells: string[]): string => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  const t = r.totals;
  const out = [
    `Documents corpus (eval/documents): ${t.documents} documents, ${t.labelled} labelled measures (m/l/o = matched/labelled/observed)`,
    line(head),
    ...rows.map(line),
    '',
    `measures: recall ${pct(t.measureRecall)}  precision ${pct(t.measurePrecision)}  (${t.matched} matched of ${t.labelled} labelled, ${t.observed} observed)`,
    `parties: set exact ${pct(t.partySetExact)} of matched measures  roles ${pct(t.roleAccuracy)}  deadlines ${pct(t.deadlineAccuracy)}`,
    `documents: year ${pct(t.year)}  number ${pct(t.docNumber)}  level ${pct(t.level)}  jurisdiction ${pct(t.jurisdiction)}  refused ${t.refused}`,
  ];
  if (r.departments) {
    out.push('', ...formatDepartments('ingested graph', r.departments.pipeline.documents, r.departments.pipeline.totals));
    out.push('', ...formatDepartments('resolver alone, labelled jurisdiction', r.departments.resolver.documents, r.departments.resolver.totals));
  }
  if (opts.differences) {
    for (const s of r.documents) {
      if (s.differences.length === 0) continue;
      out.push('', s.file, ...s.differences.map((d) => `  ${d}`));
    }
    for (const [part, section] of Object.entries(r.departments ?? {})) {
      for (const s of section.documents) {
        if (s.differences.length > 0) out.push('', `${s.file} (departments, ${part})`, ...s.differences.map((d) => `  ${d}`));
      }
    }
  }
  return out.join('\n');
}

const OUTCOME_HEAD: Record<(typeof OUTCOMES)[number], string> = {
  exact: 'exact',
  otherJurisdiction: 'other-jur',
  noJurisdiction: 'no-jur',
  unresolved: 'unres',
  wrongKind: 'kind',
  wrongBody: 'body',
  missing: 'missing',
  unlabelled: 'unlab',
};

/** The department-resolution section: one row per document with labelled parties, then the totals. */
export function formatDepartments(title: string, docs: DepartmentScore[], t: DepartmentTotals): string[] {
  const head = ['document', 'scored/parties', ...OUTCOMES.map((o) => OUTCOME_HEAD[o])];
  const rows = docs.map((s) => [s.file.replace(/\.txt$/u, '').slice(0, 34), `${s.scored}/${s.parties}`, ...OUTCOMES.map((o) => String(s.counts[o]))]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]!))));
  const line = (cells: string[]): string => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  return [
    `Department resolution, ${title} (eval/documents/departments.json): distinct labelled parties per document; scored = resolved to a department`,
    line(head),
    ...rows.map(line),
    '',
    `departments (${title}): exact ${pct(t.exactRate)} (${t.exact} of ${t.scored} scored; ${t.parties} labelled)  ` +
      `into another jurisdiction's body ${t.counts.otherJurisdiction}  no jurisdiction ${t.counts.noJurisdiction}  unresolved ${t.counts.unresolved}  ` +
      `wrong kind ${t.counts.wrongKind}  wrong body ${t.counts.wrongBody}  missing ${t.counts.missing}  unlabelled ${t.counts.unlabelled}`,
  ];
}

// East Asian wide characters take two columns in a terminal.
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --format docx|pdf|html: each document converted to that format first (formats.ts), same labels.
  const i = process.argv.indexOf('--format');
  const format = i >= 0 ? process.argv[i + 1] : undefined;
  let report: DocumentsReport;
  if (format === undefined || format === 'text') report = evaluateDocuments();
  else {
    const known = CONVERTED_FORMATS.find((f) => f === format);
    if (!known) throw new Error(`--format ${format}: one of text, ${CONVERTED_FORMATS.join(', ')}`);
    report = await evaluateDocumentsAs(known);
  }
  console.log(process.argv.includes('--json') ? JSON.stringify(report, null, 2) : formatDocumentsReport(report, { differences: process.argv.includes('--diff') }));
}
