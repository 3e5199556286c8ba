// Lineage as people corrected it: each link says who found it (the linker, or a person), and the
// links a person rejected, with the measures reached only through them, are left out unless
// asked for. The review is stored on the link itself (db/curation.ts), so this costs no query.
import type { LineageEdgeRecord, LineageLinkRecord, LineageRecord, MeasureRecord } from '../../db/read/measures.js';

export type LinkOrigin = 'system' | 'confirmed' | 'added' | 'rejected';

export function originOf(link: { curation: string | null }): LinkOrigin {
  return link.curation === 'rejected' || link.curation === 'confirmed' || link.curation === 'added' ? link.curation : 'system';
}

/** A measure's direct links, without the rejected ones unless asked for. */
export function curateLinks(links: readonly LineageLinkRecord[], includeRejected: boolean): LineageLinkRecord[] {
  return includeRejected ? [...links] : links.filter((l) => originOf(l) !== 'rejected');
}

/**
 * Keeps what is still reachable from the focus without rejected links: ancestors by following
 * links from later to earlier, descendants the other way, as the lineage is defined.
 */
export function pruneRejected(focusId: string, measures: MeasureRecord[], links: LineageEdgeRecord[]): { measures: MeasureRecord[]; links: LineageEdgeRecord[] } {
  const kept = links.filter((l) => originOf(l) !== 'rejected');
  // Adjacency once, so the walk is linear in the links (a long lineage has thousands).
  const reach = (next: (l: LineageEdgeRecord) => [string, string]) => {
    const out = new Map<string, string[]>();
    for (const l of kept) {
      const [from, to] = next(l);
      const list = out.get(from);
      if (list) list.push(to);
      else out.set(from, [to]);
    }
    const seen = new Set([focusId]);
    const queue = [focusId];
    for (let i = 0; i < queue.length; i++) {
      for (const to of out.get(queue[i]!) ?? []) {
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    return seen;
  };
  const ancestors = reach((l) => [l.later.id, l.earlier.id]);
  const descendants = reach((l) => [l.earlier.id, l.later.id]);
  const members = new Set([...ancestors, ...descendants]);
  return {
    measures: measures.filter((m) => members.has(m.id)),
    links: kept.filter((l) => members.has(l.later.id) && members.has(l.earlier.id)),
  };
}

export function curateLineage(lineage: LineageRecord, includeRejected: boolean): LineageRecord {
  // With no rejected link there is nothing to leave out (a member the size bound cut off from
  // the focus stays, as the lineage query returned it).
  if (includeRejected || !lineage.links.some((l) => originOf(l) === 'rejected')) return lineage;
  return { ...lineage, ...pruneRejected(lineage.focusId, lineage.measures, lineage.links) };
}
