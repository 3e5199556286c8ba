// Read queries about documents: the ingested files and the national directives they cite.
import { type Reader, str } from './reader.js';
import { DOCUMENT_PROJECTION, toDocument, type DocumentRecord } from './projections.js';

export type { DocumentRecord };


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
