import { useEffect, useMemo, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { ExplorerExpandDocument, ExplorerNeighborhoodDocument, ExplorerOverviewDocument, type ExplorerExpandQuery } from '../../../generated/graphql.js';
import { mergeGraphs, type MergedGraph } from '../lib/graph.js';
import { parseExpansionKey } from './useExplorerUrlState.js';

export const EXPANSION_LIMIT = 60;
const ALL = 1000;

type Expansion = NonNullable<ExplorerExpandQuery['expand']>;

/** What an expansion kept and how many there were: the UI says "60 of 107 shown". */
export interface ExpansionCount {
  key: string;
  id: string;
  label: string;
  relationship: string | null;
  shown: number;
  total: number;
}

/**
 * The explorer's graph: the overview or a focus neighbourhood, plus one expansion per entry of
 * the URL (a node, optionally narrowed to one relationship type; `all` lists those loaded in
 * full). Expansions are fetched through the Apollo cache, so undo and redo cost nothing.
 */
export function useExpandedGraph(
  focus: string | null,
  expanded: readonly string[],
  size: { depth: number; limit: number } = { depth: 1, limit: 150 },
  loadAll: readonly string[] = [],
) {
  const overview = useQuery(ExplorerOverviewDocument, { variables: { maxThemes: 40 }, skip: focus !== null });
  const neighbourhood = useQuery(ExplorerNeighborhoodDocument, {
    variables: { id: focus ?? '', depth: size.depth, limit: size.limit },
    skip: focus === null,
  });
  const base = focus === null ? overview.data?.overview : neighbourhood.data?.neighborhood;
  const baseQuery = focus === null ? overview : neighbourhood;

  const client = useApolloClient();
  const [expansions, setExpansions] = useState<Map<string, Expansion>>(new Map());
  const [expansionError, setExpansionError] = useState<unknown>(null);
  const [pending, setPending] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const requests = expanded.map((key) => ({ key, full: loadAll.includes(key), ...parseExpansionKey(key) }));
  const cacheKey = (r: { key: string; full: boolean }) => `${r.key}#${r.full ? 'all' : 'some'}`;
  const key = requests.map(cacheKey).join('\n');

  useEffect(() => {
    let cancelled = false;
    const missing = requests.filter((r) => !expansions.has(cacheKey(r)));
    if (missing.length === 0) return;
    setPending((n) => n + 1);
    Promise.all(
      missing.map((r) =>
        client
          .query({
            query: ExplorerExpandDocument,
            variables: { id: r.id, limit: r.full ? ALL : EXPANSION_LIMIT, relationships: r.relationship ? [r.relationship] : null },
          })
          .then((result) => [cacheKey(r), result.data?.expand] as const),
      ),
    )
      .then((results) => {
        if (cancelled) return;
        setExpansionError(null);
        setExpansions((current) => {
          const next = new Map(current);
          for (const [k, graph] of results) if (graph) next.set(k, graph);
          return next;
        });
      })
      .catch((error: unknown) => {
        if (!cancelled) setExpansionError(error);
      })
      .finally(() => setPending((n) => n - 1));
    return () => {
      cancelled = true;
    };
    // `key` stands for `expanded` and `loadAll`; `expansions` is read, not watched, to avoid refetch loops.
  }, [key, client, attempt]);

  const loaded = requests.map((r) => expansions.get(cacheKey(r)));
  const merged: MergedGraph = useMemo(() => mergeGraphs(base, loaded), [base, expansions, key]);

  const counts: ExpansionCount[] = useMemo(
    () =>
      requests.flatMap((r, i) => {
        const e = loaded[i];
        if (!e) return [];
        const centre = e.nodes.find((n) => n.id === r.id);
        return [{ key: r.key, id: r.id, label: centre?.label ?? r.id, relationship: r.relationship, shown: e.shown, total: e.total }];
      }),
    [expansions, key],
  );

  return {
    merged,
    base,
    counts,
    truncated: base?.truncated ?? false,
    loading: baseQuery.loading && !base,
    expanding: pending > 0,
    error: baseQuery.error ?? expansionError,
    retry: () => {
      setExpansionError(null);
      setAttempt((n) => n + 1);
      void baseQuery.refetch();
    },
  };
}
