// CONTRACT PLACEHOLDER: the owner of ingest/link replaces the body; the signature is shared.
export interface LinkableMeasure {
  id: string;
  documentId: string;
  year: number | null;
  text: string;
  normText: string;
  themes: string[]; // theme ids
  initiatives: string[]; // initiative ids
  targetMetrics: string[];
  departments: string[]; // department ids
}

export interface LineageLink {
  from: string; // the later measure's id
  to: string; // the earlier measure's id
  score: number;
  method: string;
  evidence: string[];
  sharedThemes: string[];
  sharedInitiatives: string[];
}

export interface LinkStats {
  measures: number;
  candidatePairs: number;
  links: number;
  ms: number;
}

/**
 * Links each measure to the earlier measures it continues. `existing` are measures already in
 * the graph: they can be linked to, and are not relinked among themselves (incremental ingest).
 */
export function linkMeasures(
  _measures: LinkableMeasure[],
  _opts: { existing?: LinkableMeasure[] } = {},
): { links: LineageLink[]; stats: LinkStats } {
  return { links: [], stats: { measures: 0, candidatePairs: 0, links: 0, ms: 0 } };
}
