// Read queries about named initiatives (programmes, platforms, campaigns) followed across documents.
import { normalise } from '../../model/text.js';
import { type Reader, str } from './reader.js';
import { INITIATIVE_PROJECTION, MEASURE_PROJECTION, toInitiative, toMeasure, type InitiativeRecord, type MeasureRecord } from './projections.js';

export type { InitiativeRecord };


export async function initiativesByIds(reader: Reader, ids: readonly string[]): Promise<Map<string, InitiativeRecord>> {
  const rows = await reader.rows(`UNWIND $ids AS id MATCH (i:Initiative {id: id}) RETURN ${INITIATIVE_PROJECTION} AS initiative`, { ids: [...ids] });
  return new Map(rows.map((r) => {
    const i = toInitiative(r.initiative);
    return [i.id, i];
  }));
}

export async function listInitiatives(reader: Reader): Promise<InitiativeRecord[]> {
  const rows = await reader.rows(`MATCH (i:Initiative) RETURN ${INITIATIVE_PROJECTION} AS initiative ORDER BY initiative.measureCount DESC, i.name, i.id`);
  return rows.map((r) => toInitiative(r.initiative));
}

/** Quotation marks a user may type around a programme's name, as the documents do. */
const QUOTES = /^[\s"'“”‘’「」『』《》]+|[\s"'“”‘’「」『』《》]+$/gu;

/** The initiative with this name (quoted or not, as given or normalised) or id. */
export async function findInitiative(reader: Reader, name: string): Promise<InitiativeRecord | null> {
  const bare = name.replace(QUOTES, '');
  const names = [...new Set([name.trim(), bare, normalise(bare)].filter((n) => n !== ''))];
  if (names.length === 0) return null;
  const rows = await reader.rows(
    `MATCH (i:Initiative) WHERE i.name IN $names OR i.id IN $names OR i.id IN [n IN $names | 'init:' + n]
     RETURN ${INITIATIVE_PROJECTION} AS initiative ORDER BY initiative.measureCount DESC, i.id LIMIT 1`,
    { names },
  );
  return rows[0] ? toInitiative(rows[0].initiative) : null;
}

/** The measures mentioning each initiative, in reading order (by year first). */
export async function measuresOfInitiatives(reader: Reader, ids: readonly string[]): Promise<Map<string, MeasureRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (:Initiative {id: id})<-[:MENTIONS]-(m:Measure)
     RETURN id, ${MEASURE_PROJECTION} AS measure
     ORDER BY id, m.year IS NULL, m.year, m.documentId, m.startOffset, m.id`,
    { ids: [...ids] },
  );
  const out = new Map<string, MeasureRecord[]>();
  for (const r of rows) {
    const key = str(r.id) ?? '';
    out.set(key, [...(out.get(key) ?? []), toMeasure(r.measure)]);
  }
  return out;
}
