// What the printed lineage puts between versions: for each version, the links that lead to it
// from versions printed before it (the nearest first), so a reader going down the pages sees
// how each version came from an earlier one. A related measure shows its links to the versions.

export interface ChainLink {
  earlier: { id: string };
  later: { id: string };
}

export interface ChainEntry<M, L> {
  measure: M;
  /** Links from earlier entries (versions) or to any version (related measures), nearest first. */
  links: { link: L; earlier: M; later: M }[];
}

export function versionEntries<M extends { id: string }, L extends ChainLink>(versions: readonly M[], links: readonly L[]): ChainEntry<M, L>[] {
  const index = new Map(versions.map((m, i) => [m.id, i]));
  return versions.map((measure, i) => ({
    measure,
    links: links
      .filter((l) => l.later.id === measure.id && (index.get(l.earlier.id) ?? Infinity) < i)
      .sort((a, b) => index.get(b.earlier.id)! - index.get(a.earlier.id)!)
      .map((link) => ({ link, earlier: versions[index.get(link.earlier.id)!]!, later: measure })),
  }));
}

/**
 * A related measure with its links to the versions and to the related measures printed before it
 * (a related measure may come with versions of its own).
 */
export function relatedEntries<M extends { id: string }, L extends ChainLink>(related: readonly M[], versions: readonly M[], links: readonly L[]): ChainEntry<M, L>[] {
  const printed = new Map(versions.map((m) => [m.id, m]));
  return related.map((measure) => {
    const entry = {
      measure,
      links: links.flatMap((link) => {
        if (link.later.id === measure.id && printed.has(link.earlier.id)) return [{ link, earlier: printed.get(link.earlier.id)!, later: measure }];
        if (link.earlier.id === measure.id && printed.has(link.later.id)) return [{ link, earlier: measure, later: printed.get(link.later.id)! }];
        return [];
      }),
    };
    printed.set(measure.id, measure);
    return entry;
  });
}

/** "3" for one, "3–5" for a range (lines or pages). */
export function span(start: number, end: number | null | undefined): string {
  return end !== null && end !== undefined && end > start ? `${start}–${end}` : String(start);
}
