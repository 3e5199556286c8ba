// Read queries about themes: lookup by any of their names, timelines and the themes × years matrix.
import { normalise } from '../../model/text.js';
import { type Reader, type Row, str, int, strList } from './reader.js';
import {
  DEPARTMENT_PROJECTION, THEME_PROJECTION, documentProjection, toDepartment, toDocument, toTheme,
  type DepartmentRecord, type DocumentRecord, type ThemeRecord,
} from './projections.js';

export type { ThemeRecord };


/**
 * One year of a theme: ids only, so a request that asks for the counts or the documents does
 * not pay for the measures' texts; the API loads the records it is asked for.
 */
export interface ThemeYearRecord {
  themeId: string;
  year: number | null;
  measureCount: number;
  documentCount: number;
  /** Empty when fetched with the theme and the request did not select the measures. */
  measureIds: string[];
  documentIds: string[];
  /** The documents themselves, when fetched with the theme (only the fields the request selects). */
  documents?: DocumentRecord[];
}

/** What a request wants of a timeline fetched with its theme: measure ids, document fields. */
export interface TimelineShape {
  measureIds: boolean;
  /** GraphQL Document fields to project; null: the full record. */
  documentFields: ReadonlySet<string> | null;
}

// A theme's timeline for the theme bound to `t`, one entry per year (unknown last), documents by
// title; a constant but for the document projection, which is built from a whitelist. Measures
// are put in reading order only when their ids are asked for (the sort reads two properties of each).
const timelineSubquery = (docProjection: string, withMeasureIds: boolean) => `CALL (t) {
       MATCH (t)<-[:ABOUT]-(m:Measure)
       ${withMeasureIds ? 'WITH m ORDER BY m.documentId, m.startOffset, m.id' : ''}
       WITH m.year AS year, collect(m) AS ms
       CALL (ms) {
         UNWIND ms AS m MATCH (d:Document)-[:HAS_MEASURE]->(m)
         WITH DISTINCT d ORDER BY d.title, d.id
         RETURN collect(${docProjection}) AS documents
       }
       WITH year, ms, documents ORDER BY year
       RETURN collect({year: year, measureCount: size(ms), measureIds: ${withMeasureIds ? '[m IN ms | m.id]' : '[]'},
                       documents: documents}) AS timeline
     }`;

function toTimeline(themeId: string, v: unknown): ThemeYearRecord[] {
  return (Array.isArray(v) ? (v as Row[]) : []).map((y) => {
    const documents = (Array.isArray(y.documents) ? y.documents : []).map(toDocument);
    return {
      themeId,
      year: int(y.year),
      measureCount: int(y.measureCount) ?? 0,
      documentCount: documents.length,
      measureIds: strList(y.measureIds),
      documentIds: documents.map((d) => d.id),
      documents,
    };
  });
}

export interface ThemeMatrixCellRecord {
  themeId: string;
  year: number;
  measureCount: number;
  documentCount: number;
}

export interface ThemeMatrixRecord {
  years: number[];
  themes: ThemeRecord[];
  cells: ThemeMatrixCellRecord[];
}


export async function listThemes(reader: Reader): Promise<ThemeRecord[]> {
  const rows = await reader.rows(`MATCH (t:Theme) RETURN ${THEME_PROJECTION} AS theme ORDER BY theme.measureCount DESC, t.name, t.id`);
  return rows.map((r) => toTheme(r.theme));
}

export async function themesByIds(reader: Reader, ids: readonly string[]): Promise<Map<string, ThemeRecord>> {
  const rows = await reader.rows(`UNWIND $ids AS id MATCH (t:Theme {id: id}) RETURN ${THEME_PROJECTION} AS theme`, { ids: [...ids] });
  return new Map(rows.map((r) => {
    const t = toTheme(r.theme);
    return [t.id, t];
  }));
}

/** Letters and digits only, lower case: "Cold-chain logistics" → "coldchainlogistics". */
export function compactName(name: string): string {
  return normalise(name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Picks the theme a loose name means, when no name matches exactly: the themes whose compact
 * English name, Chinese name or a synonym contains the compact query (at least two characters);
 * a name starting with it beats one merely containing it, then the shortest name wins, so
 * "cold chain" finds "Cold-chain logistics".
 */
export function looseThemeMatch(query: string, themes: readonly ThemeRecord[]): ThemeRecord | null {
  const q = compactName(query);
  if ([...q].length < 2) return null;
  let best: { theme: ThemeRecord; key: [number, number, number] } | null = null;
  const better = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  for (const theme of themes) {
    for (const name of [theme.name, theme.nameEn ?? '', ...theme.synonyms]) {
      const c = compactName(name);
      if (!c.includes(q)) continue;
      const key: [number, number, number] = [c === q ? 0 : c.startsWith(q) ? 1 : 2, c.length, -theme.measureCount];
      if (!best || better(key, best.key) < 0) best = { theme, key };
    }
  }
  return best?.theme ?? null;
}

/**
 * The theme known by `name`: id, Chinese name, English name (any case) or a synonym, as given or
 * normalised; exact names win over synonyms, ties go to the theme with more measures. Failing
 * those, a loose match on the names (looseThemeMatch).
 */
export async function findTheme(reader: Reader, name: string): Promise<ThemeRecord | null> {
  return (await findThemeWithTimeline(reader, name, null))?.theme ?? null;
}

/**
 * findTheme, and with a `shape` the theme's timeline in the same statement (one round trip for
 * the usual "a theme and its history" request).
 */
export async function findThemeWithTimeline(
  reader: Reader,
  name: string,
  shape: TimelineShape | null,
): Promise<{ theme: ThemeRecord; timeline: ThemeYearRecord[] | null } | null> {
  const names = [...new Set([name.trim(), normalise(name)].filter((n) => n !== ''))];
  if (names.length === 0) return null;
  const lower = names.map((n) => n.toLowerCase());
  const rows = await reader.rows(
    `MATCH (t:Theme)
     WHERE t.id IN $names OR t.name IN $names OR toLower(t.nameEn) IN $lower
        OR any(s IN coalesce(t.synonyms, []) WHERE toLower(s) IN $lower)
     WITH t, CASE WHEN t.id IN $names OR t.name IN $names OR toLower(t.nameEn) IN $lower THEN 0 ELSE 1 END AS rank
     ORDER BY rank, COUNT { (t)<-[:ABOUT]-() } DESC, t.id LIMIT 1
     ${shape ? timelineSubquery(documentProjection(shape.documentFields), shape.measureIds) : ''}
     RETURN ${THEME_PROJECTION} AS theme${shape ? ', timeline' : ''}`,
    { names, lower },
  );
  const row = rows[0];
  if (row) {
    const theme = toTheme(row.theme);
    return { theme, timeline: shape ? toTimeline(theme.id, row.timeline) : null };
  }
  // The taxonomy is small (tens of themes), so the loose match runs over all of it.
  const loose = looseThemeMatch(name, await listThemes(reader));
  return loose ? { theme: loose, timeline: null } : null;
}

/**
 * The ids of the themes a list of names means (each name as `findTheme` reads it); names that
 * mean nothing are dropped. One query, plus one over the taxonomy when a name needs the loose match.
 */
export async function resolveThemeIds(reader: Reader, names: readonly string[]): Promise<string[]> {
  const wanted = names.map((n) => n.trim()).filter((n) => n !== '');
  const rows = await reader.rows(
    `UNWIND $names AS name
     MATCH (t:Theme)
     WHERE t.id = name OR t.name = name OR toLower(t.nameEn) = toLower(name)
        OR any(s IN coalesce(t.synonyms, []) WHERE toLower(s) = toLower(name))
     RETURN name, t.id AS id`,
    { names: [...new Set([...wanted, ...wanted.map((n) => normalise(n))])] },
  );
  const ids = new Set(rows.map((r) => str(r.id) ?? ''));
  const matched = new Set(rows.map((r) => str(r.name)));
  const unmatched = wanted.filter((n) => !matched.has(n) && !matched.has(normalise(n)));
  if (unmatched.length > 0) {
    const all = await listThemes(reader);
    for (const n of unmatched) {
      const t = looseThemeMatch(n, all);
      if (t) ids.add(t.id);
    }
  }
  return [...ids];
}

/** Each theme's history per year (ascending, unknown year last): measures in reading order, documents by title. */
export async function themeTimelines(reader: Reader, ids: readonly string[], shape: TimelineShape): Promise<Map<string, ThemeYearRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (t:Theme {id: id})
     ${timelineSubquery(documentProjection(shape.documentFields), shape.measureIds)}
     RETURN id, timeline`,
    { ids: [...ids] },
  );
  return new Map(rows.map((r) => [str(r.id) ?? '', toTimeline(str(r.id) ?? '', r.timeline)]));
}

/**
 * The departments assigned to a theme's measures in one year, most measures first. Keys are
 * `<theme id>|<year>` (an empty year for unknown), so one query answers a whole timeline.
 */
export async function themeYearDepartments(reader: Reader, keys: readonly string[]): Promise<Map<string, DepartmentRecord[]>> {
  const pairs = keys.map((k) => {
    const cut = k.lastIndexOf('|');
    const year = k.slice(cut + 1);
    return { key: k, theme: k.slice(0, cut), year: year === '' ? null : Number(year) };
  });
  const rows = await reader.rows(
    `UNWIND $pairs AS p MATCH (:Theme {id: p.theme})<-[:ABOUT]-(m:Measure)-[:ASSIGNED_TO]->(x:Department)
     WHERE (p.year IS NULL AND m.year IS NULL) OR m.year = p.year
     WITH p.key AS key, x, count(DISTINCT m) AS n ORDER BY key, n DESC, x.name, x.id
     RETURN key, ${DEPARTMENT_PROJECTION} AS dept`,
    { pairs },
  );
  const out = new Map<string, DepartmentRecord[]>();
  for (const r of rows) {
    const key = str(r.key) ?? '';
    out.set(key, [...(out.get(key) ?? []), toDepartment(r.dept)]);
  }
  return out;
}

/** Themes × years: measures and documents per theme and year (non-empty cells only). */
export async function themeMatrix(reader: Reader): Promise<ThemeMatrixRecord> {
  const [themes, rows] = await Promise.all([
    listThemes(reader),
    reader.rows(
      `MATCH (t:Theme)<-[:ABOUT]-(m:Measure) WHERE m.year IS NOT NULL
       OPTIONAL MATCH (d:Document)-[:HAS_MEASURE]->(m)
       RETURN t.id AS themeId, m.year AS year, count(DISTINCT m) AS measures, count(DISTINCT d) AS documents
       ORDER BY themeId, year`,
    ),
  ]);
  const cells = rows.map((r) => ({
    themeId: str(r.themeId) ?? '',
    year: int(r.year) ?? 0,
    measureCount: int(r.measures) ?? 0,
    documentCount: int(r.documents) ?? 0,
  }));
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  return { years, themes, cells };
}
