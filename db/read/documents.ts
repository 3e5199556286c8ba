// Read queries about documents: the ingested files and the national directives they cite.
import { type Reader, type Row, str, int } from './reader.js';

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
}

/**
 * The map projection of a document bound to `d`. sourceText is left out on purpose: it is large
 * and only fetched when asked for (documentSourceTexts).
 */
export const DOCUMENT_PROJECTION = `d { .id, .title, .year, .yearSource, .yearReason, .issuedOn, .level, .docNumber, .issuer, .sourceFile, .genre, measureCount: COUNT { (d)-[:HAS_MEASURE]->() } }`;

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
  };
}

export async function listDocuments(reader: Reader, filter: { level?: string | null; year?: number | null }): Promise<DocumentRecord[]> {
  const rows = await reader.rows(
    `MATCH (d:Document)
     WHERE ($level IS NULL OR d.level = $level) AND ($year IS NULL OR d.year = $year)
     RETURN ${DOCUMENT_PROJECTION} AS doc
     ORDER BY d.year IS NULL, d.year, d.title, d.id`,
    { level: filter.level ?? null, year: filter.year ?? null },
  );
  return rows.map((r) => toDocument(r.doc));
}

export async function documentsByIds(reader: Reader, ids: readonly string[]): Promise<Map<string, DocumentRecord>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN ${DOCUMENT_PROJECTION} AS doc`,
    { ids: [...ids] },
  );
  return new Map(rows.map((r) => {
    const doc = toDocument(r.doc);
    return [doc.id, doc];
  }));
}

/** The documents each document cites (outgoing CITES), by year then title. */
export async function citedDocuments(reader: Reader, ids: readonly string[]): Promise<Map<string, DocumentRecord[]>> {
  return groupedDocuments(
    reader,
    `UNWIND $ids AS id MATCH (s:Document {id: id})-[:CITES]->(d:Document)
     RETURN id, ${DOCUMENT_PROJECTION} AS doc ORDER BY d.year, d.title, d.id`,
    ids,
  );
}

/** The documents citing each document (incoming CITES), by year then title. */
export async function citingDocuments(reader: Reader, ids: readonly string[]): Promise<Map<string, DocumentRecord[]>> {
  return groupedDocuments(
    reader,
    `UNWIND $ids AS id MATCH (s:Document {id: id})<-[:CITES]-(d:Document)
     RETURN id, ${DOCUMENT_PROJECTION} AS doc ORDER BY d.year, d.title, d.id`,
    ids,
  );
}

async function groupedDocuments(reader: Reader, cypher: string, ids: readonly string[]): Promise<Map<string, DocumentRecord[]>> {
  const rows = await reader.rows(cypher, { ids: [...ids] });
  const out = new Map<string, DocumentRecord[]>();
  for (const r of rows) {
    const key = str(r.id) ?? '';
    const list = out.get(key) ?? [];
    list.push(toDocument(r.doc));
    out.set(key, list);
  }
  return out;
}

/** The full original text of each document (only ingested files have one). */
export async function documentSourceTexts(reader: Reader, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN id, d.sourceText AS text`,
    { ids: [...ids] },
  );
  return new Map(rows.map((r) => [str(r.id) ?? '', str(r.text)]));
}
