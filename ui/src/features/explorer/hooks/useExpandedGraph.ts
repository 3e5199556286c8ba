import { useEffect, useMemo, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  ExplorerNeighborhoodDocument,
  ExplorerOverviewDocument,
  type CanvasGraphFragment,
} from '../../../generated/graphql.js';
import { mergeGraphs, type MergedGraph } from '../lib/graph.js';

const EXPANSION_LIMIT = 60;

/**
 * The explorer's graph: the overview or a focus neighbourhood, plus one neighbourhood per
 * expansion. Expansions are fetched through the Apollo cache, so undo and redo cost nothing.
 */
export function useExpandedGraph(focus: string | null, expanded: readonly string[], size: { depth: number; limit: number } = { depth: 1, limit: 150 }) {
  const overview = useQuery(ExplorerOverviewDocument, { variables: { maxThemes: 40 }, skip: focus !== null });
  const neighbourhood = useQuery(ExplorerNeighborhoodDocument, {
    variables: { id: focus ?? '', depth: size.depth, limit: size.limit },
    skip: focus === null,
  });
  const base = focus === null ? overview.data?.overview : neighbourhood.data?.neighborhood;
  const baseQuery = focus === null ? overview : neighbourhood;

  const client = useApolloClient();
  const [expansions, setExpansions] = useState<Map<string, CanvasGraphFragment>>(new Map());
  const [expansionError, setExpansionError] = useState<unknown>(null);
  const [pending, setPending] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const key = expanded.join('\n');

  useEffect(() => {
    let cancelled = false;
    const missing = expanded.filter((id) => !expansions.has(id));
    if (missing.length === 0) return;
    setPending((n) => n + 1);
    Promise.all(
      missing.map((id) =>
        client
          .query({ query: ExplorerNeighborhoodDocument, variables: { id, depth: 1, limit: EXPANSION_LIMIT } })
          .then((result) => [id, result.data?.neighborhood] as const),
      ),
    )
      .then((results) => {
        if (cancelled) return;
        setExpansionError(null);
        setExpansions((current) => {
          const next = new Map(current);
          for (const [id, graph] of results) if (graph) next.set(id, graph);
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
    // `key` stands for `expanded`; `expansions` is read, not watched, to avoid refetch loops.
  }, [key, client, attempt]);

  const merged: MergedGraph = useMemo(
    () => mergeGraphs(base, expanded.map((id) => expansions.get(id))),
    [base, expansions, key],
  );

  return {
    merged,
    base,
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
