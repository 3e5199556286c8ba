// The shapes the read side returns and the Cypher map projections that produce them, shared by
// every concept module (documents, measures, departments, themes, initiatives) so that none of
// them imports another for a projection. Projections are constants: never built from input.
import { type Row, str, int, strList } from './reader.js';

export interface DocumentRecord {
  id: string;
  title: string;
  year: number | null;
  yearSource: string | null;
  yearReason: string | null;
  issuedOn: string | null;
  level: string;
  docNumber: string | null;
  issuer: string | null;
  sourceFile: string | null;
  genre: string | null;
  measureCount: number;
  jurisdiction: string | null;
}

/**
 * The map projection of a document bound to `d`. sourceText is left out on purpose: it is large
 * and only fetched when asked for (documentSourceTexts).
 */
export const DOCUMENT_PROJECTION = `d { .id, .title, .year, .yearSource, .yearReason, .issuedOn, .level, .jurisdiction, .docNumber, .issuer, .sourceFile, .genre, measureCount: COUNT { (d)-[:HAS_MEASURE]->() } }`;

export function toDocument(v: unknown): DocumentRecord {
  const r = (v ?? {}) as Row;
  return {
    id: str(r.id) ?? '',
    title: str(r.title) ?? str(r.docNumber) ?? str(r.id) ?? '',
    year: int(r.year),
    yearSource: str(r.yearSource),
    yearReason: str(r.yearReason),
    issuedOn: str(r.issuedOn),
    level: str(r.level) ?? 'unknown',
    docNumber: str(r.docNumber),
    issuer: str(r.issuer),
    sourceFile: str(r.sourceFile),
    genre: str(r.genre),
    measureCount: int(r.measureCount) ?? 0,
    jurisdiction: str(r.jurisdiction),
  };
}

export interface SourceSpanRecord {
  file: string;
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  /** Pages of a paged source (PDF), 1-based; null for a text without pages. */
  startPage: number | null;
  endPage: number | null;
}

export interface MeasureRecord {
  id: string;
  text: string;
  normText: string | null;
  year: number | null;
  path: string | null;
  section: string | null;
  responsibleText: string | null;
  summaryText: string | null;
  documentId: string;
  source: SourceSpanRecord | null;
}

// The writer stores documentId on each measure; CASE (lazy, unlike coalesce) only walks
// HAS_MEASURE for a measure written without it.
const MEASURE_DOCUMENT_ID_OF = 'CASE WHEN m.documentId IS NULL THEN head([(doc:Document)-[:HAS_MEASURE]->(m) | doc.id]) ELSE m.documentId END';
const MEASURE_DOCUMENT_ID = `documentId: ${MEASURE_DOCUMENT_ID_OF}`;

/** Map projection of a measure bound to `m`. */
export const MEASURE_PROJECTION = `m { .id, .text, .normText, .year, .path, .section, .responsibleText, .summaryText, .sourceFile, .startLine, .endLine, .startOffset, .endOffset, .startPage, .endPage, ${MEASURE_DOCUMENT_ID} }`;

/** Measures in reading order: by year, then document, then position in the document. */
export const MEASURE_ORDER = `m.year IS NULL, m.year, m.documentId, m.startOffset, m.id`;

const joined = (v: unknown): string | null => (Array.isArray(v) ? v.map(String).join('\n') : str(v));

export function toMeasure(v: unknown): MeasureRecord {
  const r = (v ?? {}) as Row;
  const start = int(r.startOffset);
  const end = int(r.endOffset);
  const file = str(r.sourceFile);
  return {
    id: str(r.id) ?? '',
    text: str(r.text) ?? '',
    normText: str(r.normText),
    year: int(r.year),
    path: str(r.path),
    section: str(r.section),
    responsibleText: str(r.responsibleText),
    summaryText: joined(r.summaryText),
    documentId: str(r.documentId) ?? '',
    source:
      file !== null && start !== null && end !== null
        ? { file, startLine: int(r.startLine) ?? 0, endLine: int(r.endLine) ?? 0, startOffset: start, endOffset: end, startPage: int(r.startPage), endPage: int(r.endPage) }
        : null,
  };
}

/**
 * Reading order exactly as compareMeasures sorts the records toMeasure makes of `m` (a missing
 * year last, a missing document id as '', a measure without a source span at offset 0).
 */
export const MEASURE_READING_ORDER = `m.year IS NULL, m.year, coalesce(${MEASURE_DOCUMENT_ID_OF}, ''),
  CASE WHEN m.sourceFile IS NULL OR m.startOffset IS NULL OR m.endOffset IS NULL THEN 0 ELSE m.startOffset END, m.id`;

/** Sort key of reading order, for lists assembled in JavaScript. */
export function compareMeasures(a: MeasureRecord, b: MeasureRecord): number {
  const ya = a.year ?? Number.MAX_SAFE_INTEGER;
  const yb = b.year ?? Number.MAX_SAFE_INTEGER;
  if (ya !== yb) return ya - yb;
  if (a.documentId !== b.documentId) return a.documentId < b.documentId ? -1 : 1;
  const oa = a.source?.startOffset ?? 0;
  const ob = b.source?.startOffset ?? 0;
  if (oa !== ob) return oa - ob;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface DepartmentRecord {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  measureCount: number;
  jurisdiction: string | null;
  /** Set by findDepartment without a jurisdiction: other jurisdictions with a department of that name. */
  ambiguousWith?: string[];
}

/** Map projection of a department bound to the variable `x`. */
export const DEPARTMENT_PROJECTION = `x { .id, .name, .aliases, .kind, .jurisdiction, measureCount: COUNT { (x)<-[:ASSIGNED_TO]-() } }`;

export function toDepartment(v: unknown): DepartmentRecord {
  const r = (v ?? {}) as Row;
  return {
    id: str(r.id) ?? '',
    name: str(r.name) ?? str(r.id) ?? '',
    aliases: strList(r.aliases),
    kind: str(r.kind) ?? 'institution',
    measureCount: int(r.measureCount) ?? 0,
    jurisdiction: str(r.jurisdiction),
  };
}

export interface ThemeRecord {
  id: string;
  name: string;
  nameEn: string | null;
  synonyms: string[];
  measureCount: number;
}

/** Map projection of a theme bound to `t`. */
export const THEME_PROJECTION = `t { .id, .name, .nameEn, .synonyms, measureCount: COUNT { (t)<-[:ABOUT]-() } }`;

export function toTheme(v: unknown): ThemeRecord {
  const r = (v ?? {}) as Row;
  return {
    id: str(r.id) ?? '',
    name: str(r.name) ?? str(r.id) ?? '',
    nameEn: str(r.nameEn),
    synonyms: strList(r.synonyms),
    measureCount: int(r.measureCount) ?? 0,
  };
}

export interface InitiativeRecord {
  id: string;
  name: string;
  measureCount: number;
  years: number[];
}

/** Map projection of an initiative bound to `i`. */
export const INITIATIVE_PROJECTION = `i { .id, .name, measureCount: COUNT { (i)<-[:MENTIONS]-() },
  years: COLLECT { MATCH (i)<-[:MENTIONS]-(mm:Measure) WHERE mm.year IS NOT NULL RETURN DISTINCT mm.year AS y ORDER BY y } }`;

export function toInitiative(v: unknown): InitiativeRecord {
  const r = (v ?? {}) as Row;
  return {
    id: str(r.id) ?? '',
    name: str(r.name) ?? str(r.id) ?? '',
    measureCount: int(r.measureCount) ?? 0,
    years: Array.isArray(r.years) ? r.years.map((y) => int(y)).filter((y): y is number => y !== null) : [],
  };
}

// Projections of only the fields a request selects. Keys are GraphQL field names; values are the
// constant Cypher they need. A field absent here needs only the id (a relation loaded by id).
const MEASURE_FIELDS: Record<string, string> = {
  text: '.text',
  normText: '.normText',
  year: '.year',
  path: '.path',
  section: '.section',
  responsibleText: '.responsibleText',
  summaryText: '.summaryText',
  source: '.sourceFile, .startLine, .endLine, .startOffset, .endOffset, .startPage, .endPage',
  document: MEASURE_DOCUMENT_ID,
};

const DOCUMENT_FIELDS: Record<string, string> = {
  title: '.title, .docNumber',
  year: '.year',
  yearSource: '.yearSource',
  yearReason: '.yearReason',
  issuedOn: '.issuedOn',
  level: '.level',
  docNumber: '.docNumber',
  issuer: '.issuer',
  sourceFile: '.sourceFile',
  sourceText: '.sourceFile',
  genre: '.genre',
  measureCount: 'measureCount: COUNT { (d)-[:HAS_MEASURE]->() }',
};

function projectionOf(variable: string, table: Record<string, string>, fields: ReadonlySet<string>): string {
  const parts = new Set(['.id']);
  for (const f of fields) {
    const p = table[f];
    if (p) parts.add(p);
  }
  return `${variable} { ${[...parts].join(', ')} }`;
}

/** Map projection of a measure bound to `m` with only what `fields` (GraphQL Measure fields) need; all without. */
export const measureProjection = (fields: ReadonlySet<string> | null): string => (fields ? projectionOf('m', MEASURE_FIELDS, fields) : MEASURE_PROJECTION);

/** Map projection of a document bound to `d` with only what `fields` (GraphQL Document fields) need; all without. */
export const documentProjection = (fields: ReadonlySet<string> | null): string => (fields ? projectionOf('d', DOCUMENT_FIELDS, fields) : DOCUMENT_PROJECTION);
