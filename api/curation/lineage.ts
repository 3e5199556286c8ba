// Lineage as people corrected it: each link says who found it (the linker, or a person), and the
// links a person rejected, with the measures reached only through them, are left out unless
// asked for.
import DataLoader from 'dataloader';
import type { LineageEdgeRecord, LineageLinkRecord, LineageRecord, MeasureRecord } from '../../db/read/measures.js';
import type { Reader } from '../../db/read/reader.js';
import { linkStates, type LinkState } from '../../db/curation.js';

export type LinkOrigin = 'system' | 'confirmed' | 'added' | 'rejected';

export interface CuratedLink extends LineageLinkRecord {
  origin?: LinkOrigin;
  curationNote?: string | null;
}

export interface CuratedEdge extends LineageEdgeRecord {
  origin?: LinkOrigin;
  curationNote?: string | null;
}

const loaders = new WeakMap<Reader, DataLoader<string, LinkState | null>>();

/** One query per request for the states of every link the response shows. */
function stateLoader(reader: Reader): DataLoader<string, LinkState | null> {
  let l = loaders.get(reader);
  if (!l) {
    l = new DataLoader(async (keys: readonly string[]) => {
      const pairs = keys.map((k) => {
        const [later, earlier] = k.split('\u0000') as [string, string];
        return { later, earlier };
      });
      const found = new Map((await linkStates(reader, pairs)).map((s) => [`${s.later}\u0000${s.earlier}`, s]));
      return keys.map((k) => found.get(k) ?? null);
    });
    loaders.set(reader, l);
  }
  return l;
}

function originOf(state: LinkState | null | undefined): LinkOrigin {
  return state?.curation ?? 'system';
}

async function statesFor(reader: Reader, pairs: { later: string; earlier: string }[]): Promise<(LinkState | null)[]> {
  const loaded = await stateLoader(reader).loadMany(pairs.map((p) => `${p.later}\u0000${p.earlier}`));
  return loaded.map((s) => (s instanceof Error ? null : s));
}

/** A measure's direct links (`from`: it is the later end; `into`: the earlier end). */
export async function curateLinks(reader: Reader, measureId: string, links: readonly LineageLinkRecord[], direction: 'from' | 'into', includeRejected: boolean): Promise<CuratedLink[]> {
  const pairs = links.map((l) => (direction === 'from' ? { later: measureId, earlier: l.measure.id } : { later: l.measure.id, earlier: measureId }));
  const states = await statesFor(reader, pairs);
  return links
    .map((l, i) => ({ ...l, origin: originOf(states[i]), curationNote: states[i]?.curationNote ?? null }))
    .filter((l) => includeRejected || l.origin !== 'rejected');
}

/**
 * Keeps what is still reachable from the focus without rejected links: ancestors by following
 * links from later to earlier, descendants the other way, as the lineage is defined.
 */
export function pruneRejected(focusId: string, measures: MeasureRecord[], links: CuratedEdge[]): { measures: MeasureRecord[]; links: CuratedEdge[] } {
  const kept = links.filter((l) => l.origin !== 'rejected');
  const reach = (next: (l: CuratedEdge) => [string, string]) => {
    const seen = new Set([focusId]);
    const queue = [focusId];
    while (queue.length > 0) {
      const at = queue.shift()!;
      for (const l of kept) {
        const [from, to] = next(l);
        if (from === at && !seen.has(to)) {
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

export async function curateLineage(reader: Reader, lineage: LineageRecord, includeRejected: boolean): Promise<LineageRecord> {
  const states = await statesFor(reader, lineage.links.map((l) => ({ later: l.later.id, earlier: l.earlier.id })));
  const links: CuratedEdge[] = lineage.links.map((l, i) => ({ ...l, origin: originOf(states[i]), curationNote: states[i]?.curationNote ?? null }));
  if (includeRejected) return { ...lineage, links };
  return { ...lineage, ...pruneRejected(lineage.focusId, lineage.measures, links) };
}
