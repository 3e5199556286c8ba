// Scores the ingest's domain fields (responsible departments, their roles, theme tags, named
// programmes) against a
// labelled set written by reading the seeds (eval/ingest/labels.json). Measures are found by file
// and a distinctive substring of their text, never by generated ids, so the set survives changes
// to the parser's numbering.
//
// Mode 'pipeline' runs the dry-run pipeline (ingest/pipeline.ts → ingestFiles) and reads the graph.
// Mode 'direct' (used only while the pipeline module does not exist) cuts each labelled measure
// out of the seed with a small genre-aware window and calls the resolve/extract stages directly.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameKey, normalise } from '../../ingest/normalise.js';
import { jurisdictionOf, loadDepartmentReference, resolveResponsibilities, type DepartmentReference } from '../../ingest/resolve/departments.js';
import { extractThemes, loadThemes } from '../../ingest/extract/themes.js';
import { extractInitiatives } from '../../ingest/extract/initiatives.js';
import type { Graph } from '../../ingest/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const LABELS_FILE = join(here, 'labels.json');

export interface MeasureLabel {
  file: string; // seed file name, e.g. '000_82e49faece65b6da.txt'
  match: string; // distinctive substring of the measure's text
  departments: string[]; // 'canonical name:role' (the measure's jurisdiction), or 'jurisdiction/name:role'
  themes?: string[]; // theme slugs; absent = not scored for themes
  initiatives?: string[]; // programme names; absent = not scored for initiatives
  targets?: string[]; // 'year|value|unit'; absent = not scored for targets
}

/** What the system produced for one measure, in comparable form. */
export interface ObservedMeasure {
  file: string;
  normText: string;
  departments: { id: string; role: string }[];
  /** The jurisdiction of the measure's document: unqualified label names are its bodies. */
  jurisdiction?: string;
  themes: string[]; // 'theme:<slug>'
  initiatives: string[]; // 'init:<name>'
  /** 'year|value|unit' of the measure's targets; undefined where the mode cannot see them all. */
  targets?: string[];
}

export interface FieldScore {
  field: 'departments' | 'roles' | 'themes' | 'initiatives' | 'targets';
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  measures: number;
}

export interface Report {
  mode: 'pipeline' | 'direct';
  labelled: number;
  matched: number;
  fields: FieldScore[];
  /** Labels whose substring found no measure, or more than one. */
  unmatched: string[];
  /** Per-measure differences, for reading: '-' expected but missing, '+' produced but not expected. */
  differences: string[];
}

export function loadLabels(file = LABELS_FILE): MeasureLabel[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { measures?: MeasureLabel[] };
  if (!Array.isArray(parsed.measures)) throw new Error(`${file}: missing "measures" array`);
  return parsed.measures;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : Math.round((a / b) * 1000) / 1000;
}

function field(name: FieldScore['field'], tp: number, fp: number, fn: number, measures: number): FieldScore {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : Math.round(((2 * precision * recall) / (precision + recall)) * 1000) / 1000;
  return { field: name, precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: fn, measures };
}

/** Pure scoring: labels against observed measures. */
export function scoreIngest(labels: MeasureLabel[], observed: ObservedMeasure[], mode: Report['mode']): Report {
  // [true positives, false positives, false negatives] per field.
  const counts: Record<FieldScore['field'], [number, number, number]> = {
    departments: [0, 0, 0],
    roles: [0, 0, 0],
    themes: [0, 0, 0],
    initiatives: [0, 0, 0],
    targets: [0, 0, 0],
  };
  let deptMeasures = 0;
  let themeMeasures = 0;
  let initiativeMeasures = 0;
  let targetMeasures = 0;
  const unmatched: string[] = [];
  const differences: string[] = [];
  let matched = 0;
  for (const label of labels) {
    const key = normalise(label.match);
    const hits = observed.filter((m) => m.file.endsWith(label.file) && m.normText.includes(key));
    if (hits.length !== 1) {
      unmatched.push(`${label.file} "${label.match}": ${hits.length === 0 ? 'no measure' : `${hits.length} measures`}`);
      // An unfound measure counts as all-missed: a parser that loses measures must not score well.
      counts.departments[2] += label.departments.length;
      counts.roles[2] += label.departments.length;
      if (label.themes) counts.themes[2] += label.themes.length;
      if (label.initiatives) counts.initiatives[2] += label.initiatives.length;
      if (label.targets) counts.targets[2] += label.targets.length;
      continue;
    }
    matched++;
    const m = hits[0]!;
    const diff: string[] = [];
    const compare = (kind: keyof typeof counts, expected: Set<string>, got: Set<string>): void => {
      for (const g of got) {
        if (expected.has(g)) counts[kind][0]++;
        else {
          counts[kind][1]++;
          diff.push(`+${kind}:${g}`);
        }
      }
      for (const e of expected) {
        if (!got.has(e)) {
          counts[kind][2]++;
          diff.push(`-${kind}:${e}`);
        }
      }
    };
    deptMeasures++;
    const expectedDepts = label.departments.map((d) => {
      const i = d.lastIndexOf(':');
      const name = d.slice(0, i);
      return { id: `dept:${name.includes('/') ? name : `${m.jurisdiction ?? ''}/${name}`}`, role: d.slice(i + 1) };
    });
    compare('departments', new Set(expectedDepts.map((d) => d.id)), new Set(m.departments.map((d) => d.id)));
    // Roles are scored on (department, role) pairs, so a wrong role is one FP and one FN.
    compare('roles', new Set(expectedDepts.map((d) => `${d.id}/${d.role}`)), new Set(m.departments.map((d) => `${d.id}/${d.role}`)));
    if (label.themes) {
      themeMeasures++;
      compare('themes', new Set(label.themes.map((t) => `theme:${t}`)), new Set(m.themes));
    }
    if (label.initiatives) {
      initiativeMeasures++;
      compare('initiatives', new Set(label.initiatives.map((n) => `init:${nameKey(n)}`)), new Set(m.initiatives));
    }
    if (label.targets && m.targets) {
      targetMeasures++;
      compare('targets', new Set(label.targets), new Set(m.targets));
    }
    if (diff.length) differences.push(`${label.file.slice(0, 3)} "${label.match.slice(0, 24)}": ${diff.join(' ')}`);
  }
  return {
    mode,
    labelled: labels.length,
    matched,
    fields: [
      field('departments', ...counts.departments, deptMeasures),
      field('roles', ...counts.roles, deptMeasures),
      field('themes', ...counts.themes, themeMeasures),
      field('initiatives', ...counts.initiatives, initiativeMeasures),
      field('targets', ...counts.targets, targetMeasures),
    ],
    unmatched,
    differences,
  };
}

/** Measures of a dry-run graph, with their ASSIGNED_TO and ABOUT edges. */
export function observedFromGraph(graph: Graph): ObservedMeasure[] {
  const measures = new Map<string, ObservedMeasure>();
  for (const n of graph.nodes) {
    if (!n.labels.includes('Measure')) continue;
    const p = n.properties;
    const text = typeof p.normText === 'string' ? p.normText : typeof p.text === 'string' ? normalise(p.text) : '';
    measures.set(n.id, { file: String(p.sourceFile ?? ''), normText: text, departments: [], themes: [], initiatives: [], targets: [] });
  }
  const jurisdictions = new Map(graph.nodes.filter((n) => n.labels.includes('Document')).map((n) => [n.id, n.properties.jurisdiction] as const));
  for (const r of graph.relationships) {
    const m = r.type === 'HAS_MEASURE' ? measures.get(r.end) : undefined;
    const j = jurisdictions.get(r.start);
    if (m && typeof j === 'string') m.jurisdiction = j;
  }
  const targets = new Map(graph.nodes.filter((n) => n.labels.includes('Target')).map((n) => [n.id, n.properties] as const));
  for (const r of graph.relationships) {
    const m = measures.get(r.start);
    if (!m) continue;
    if (r.type === 'ASSIGNED_TO') m.departments.push({ id: r.end, role: String(r.properties.role ?? '') });
    else if (r.type === 'ABOUT') m.themes.push(r.end);
    else if (r.type === 'MENTIONS') m.initiatives.push(r.end);
    else if (r.type === 'SETS') {
      const t = targets.get(r.end);
      // Qualitative targets (no value) are not commitments the labels count.
      if (t && t.value !== null && t.value !== undefined) m.targets!.push(`${t.year}|${t.value}|${t.unit}`);
    }
  }
  return [...measures.values()];
}

// ---------------------------------------------------------------------------------------------
// Direct mode: only while ingest/pipeline.ts is missing.

interface Cut {
  text: string;
  list: string;
}

/** Cuts the labelled measure out of its seed by the genre's layout (table row, annex field, prose item). */
export function cutMeasure(source: string, match: string, ref: DepartmentReference): Cut | undefined {
  const key = normalise(match);
  const lines = source.split('\n');
  // Prefer a table or annex line: a prose summary elsewhere may repeat the same words.
  const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => normalise(l).includes(key));
  const at = (candidates.find(([l]) => l.includes('\t')) ?? candidates[0])?.[1] ?? -1;
  if (at !== -1) {
    const cells = lines[at]!.split('\t').filter((c) => c.trim());
    if (cells.length >= 3) {
      // Division-of-labour table: one row per line, the last cell lists the responsible units.
      const cell = cells.find((c) => normalise(c).includes(key))!;
      return { text: cell, list: cells[cells.length - 1]! };
    }
    if (lines[at]!.startsWith('\t')) {
      // Annex with one field per line: the responsible units are the next field that resolves fully.
      for (let j = at + 1; j < Math.min(lines.length, at + 8); j++) {
        const field = lines[j]!.trim();
        if (!field) continue;
        const r = resolveResponsibilities(field, undefined, ref, { jurisdiction: jurisdictionOf(source.slice(0, 80)) });
        if (r.parties.length > 0 && r.parties.every((p) => p.kind !== 'unresolved')) return { text: lines[at]!, list: field };
      }
    }
  }
  // Prose: the item runs from the previous responsibility parenthetical to the next one.
  const norm = normalise(source);
  const i = norm.indexOf(key);
  if (i === -1) return undefined;
  const close = /负责\)/gu;
  close.lastIndex = i;
  const next = close.exec(norm);
  if (!next) return undefined;
  const end = next.index + next[0].length;
  const listStart = norm.lastIndexOf('(', next.index);
  const prev = norm.lastIndexOf('负责)', i);
  // The first item of a document starts at its own outline marker, not at the preamble.
  const markers = [...norm.slice(0, i).matchAll(/\([一二三四五六七八九十]+\)/gu)];
  const marker = markers.length ? markers[markers.length - 1]!.index : -1;
  const start = Math.max(prev === -1 ? 0 : prev + 3, marker);
  return { text: norm.slice(start, listStart), list: norm.slice(listStart, end) };
}

function observedDirect(labels: MeasureLabel[], seedsDir: string): ObservedMeasure[] {
  const ref = loadDepartmentReference(join(seedsDir, 'reference'));
  const taxonomy = loadThemes(join(seedsDir, 'reference', 'themes.json'));
  const out: ObservedMeasure[] = [];
  for (const label of labels) {
    const source = readFileSync(join(seedsDir, label.file), 'utf8');
    const cut = cutMeasure(source, label.match, ref);
    if (!cut) continue;
    const normText = normalise(cut.text);
    const jurisdiction = jurisdictionOf(source.trim().slice(0, 80));
    const { parties } = resolveResponsibilities(cut.list, undefined, ref, { jurisdiction });
    out.push({
      file: label.file,
      jurisdiction,
      normText,
      departments: parties.map((p) => ({ id: p.departmentId, role: p.role })),
      themes: extractThemes(normText, taxonomy).map((t) => t.themeId),
      initiatives: extractInitiatives(normText).map((i) => i.id),
    });
  }
  return out;
}

/** Runs the dry-run pipeline over the labelled seeds (or the direct stages) and scores the labels. */
export async function evaluateIngest(
  opts: { labelsFile?: string; seedsDir?: string; mode?: Report['mode'] } = {},
): Promise<Report> {
  const labels = loadLabels(opts.labelsFile);
  const seedsDir = opts.seedsDir ?? join(root, 'seeds');
  const files = [...new Set(labels.map((l) => join(seedsDir, l.file)))];
  const pipelinePath = join(root, 'ingest', 'pipeline.ts');
  if (opts.mode !== 'direct' && existsSync(pipelinePath)) {
    // Imported lazily: the pipeline is another stage's module and may not exist yet.
    const pipeline = (await import('../../ingest/pipeline.js' as string)) as {
      ingestFiles: (files: string[]) => Promise<unknown> | unknown;
    };
    const rel = files.map((f) => join('seeds', basename(f)));
    const result = (await pipeline.ingestFiles(existsSync(rel[0]!) ? rel : files)) as Graph | { graph: Graph };
    const graph = 'nodes' in result ? result : result.graph;
    return scoreIngest(labels, observedFromGraph(graph), 'pipeline');
  }
  return scoreIngest(labels, observedDirect(labels, seedsDir), 'direct');
}

export function formatIngestReport(r: Report): string {
  const lines = [
    `ingest fields (${r.mode} mode): ${r.matched}/${r.labelled} labelled measures found`,
    ...r.fields.map(
      (f) =>
        `  ${f.field.padEnd(12)} precision ${f.precision.toFixed(3)}  recall ${f.recall.toFixed(3)}  F1 ${f.f1.toFixed(3)}` +
        `  (TP ${f.truePositives}, FP ${f.falsePositives}, FN ${f.falseNegatives}; ${f.measures} measures)`,
    ),
  ];
  if (r.mode === 'direct') lines.push('  (targets are scored in pipeline mode only: table target columns are not cut here)');
  if (r.unmatched.length) lines.push('  UNMATCHED labels:', ...r.unmatched.map((u) => `    ${u}`));
  if (r.differences.length) lines.push('  differences (- missed, + extra):', ...r.differences.map((d) => `    ${d}`));
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --direct: score the resolve/extract stages alone, without the rest of the pipeline.
  evaluateIngest({ mode: process.argv.includes('--direct') ? 'direct' : undefined })
    .then((r) => console.log(formatIngestReport(r)))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
