import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { NODE_TYPES, isNodeType, type NodeType } from '../../../lib/nodeTypes.js';

/** Everything the explorer shows is in the URL, so any state can be bookmarked and shared. */
export interface ExplorerState {
  q: string;
  focus: string | null; // centre of the base neighbourhood; null: the overview
  node: string | null; // the node whose details are open
  expanded: string[]; // expansions in order (undo pops the last)
  types: NodeType[]; // visible node types
  from: number | null;
  to: number | null;
  theme: string | null;
  dept: string | null;
  /** Size of the focus neighbourhood: hops (1–3) and node limit (the API caps it at 1,000). */
  depth: number;
  limit: number;
}

const LIST_SEPARATOR = '~'; // ids contain ':' and ',' is common in names; '~' is in neither

export function useExplorerUrlState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<ExplorerState>(() => {
    const typesParam = params.get('types');
    const num = (key: string) => {
      const raw = params.get(key);
      const value = raw === null ? NaN : Number(raw);
      return Number.isInteger(value) ? value : null;
    };
    return {
      q: params.get('q') ?? '',
      focus: params.get('focus'),
      node: params.get('node'),
      expanded: (params.get('x') ?? '').split(LIST_SEPARATOR).filter(Boolean),
      types: typesParam === null ? [...NODE_TYPES] : typesParam.split(LIST_SEPARATOR).filter(isNodeType),
      from: num('from'),
      to: num('to'),
      theme: params.get('theme'),
      dept: params.get('dept'),
      depth: Math.min(3, Math.max(1, num('depth') ?? 1)),
      limit: Math.min(1000, Math.max(1, num('limit') ?? 150)),
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<ExplorerState>, options?: { replace?: boolean }) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const put = (key: string, value: string | null | undefined) => {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          };
          if ('q' in patch) put('q', patch.q);
          if ('focus' in patch) put('focus', patch.focus);
          if ('node' in patch) put('node', patch.node);
          if ('expanded' in patch) put('x', patch.expanded?.join(LIST_SEPARATOR));
          if ('types' in patch) put('types', patch.types && patch.types.length === NODE_TYPES.length ? null : (patch.types ?? []).join(LIST_SEPARATOR));
          if ('from' in patch) put('from', patch.from === null || patch.from === undefined ? null : String(patch.from));
          if ('to' in patch) put('to', patch.to === null || patch.to === undefined ? null : String(patch.to));
          if ('theme' in patch) put('theme', patch.theme);
          if ('dept' in patch) put('dept', patch.dept);
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [setParams],
  );

  return { state, update };
}
