// What the lineage stage needs to know about a measure already stored, so that ingesting one
// new document links it to the existing graph: db/ reads it, ingest/link consumes it.
export interface StoredMeasure {
  id: string;
  documentId: string;
  year: number | null;
  text: string;
  normText: string;
  themes: string[]; // theme ids
  initiatives: string[]; // initiative ids
  targetMetrics: string[];
  departments: string[]; // department ids
  /** ISO date of the document's issue: orders two documents of the same year. */
  issuedOn?: string | null;
  /**
   * How the year is known: 'inferred' is only the earliest year the text's clues allow (the
   * document may be later), so it cannot place the document first in a diffusion (RESEMBLES).
   */
  yearSource?: string | null;
  /**
   * The document's jurisdiction ('天津市', '国家'…) and level. Measures of one jurisdiction evolve
   * (EVOLVES_FROM); measures of different jurisdictions at the same level resemble (RESEMBLES: policy
   * diffusion); a measure is never linked across levels here (that is IMPLEMENTS). Absent in every
   * measure: one jurisdiction. Absent in some: those measures are not linked (their place is unknown).
   */
  jurisdiction?: string | null;
  level?: string | null;
  /** The document's number and title: a citation of it (nat:<number>, nat:<title>) resolves to it. */
  docNumber?: string | null;
  docTitle?: string | null;
  /** Ids of the documents its document CITES (a source document's id or a placeholder's). */
  cites?: string[];
  /** Requirements it IMPLEMENTS (division-of-labour tables), each with the directive it is PART_OF. */
  requirements?: { id: string; normText: string; directive: string | null }[];
}
