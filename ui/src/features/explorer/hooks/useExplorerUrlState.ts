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
  /** Expansions loaded in full rather than cut to the expansion limit. */
  all: string[];
  /** Node positions after the last layout, in the order of the merged graph (see lib/positions). */
  pos: string | null;
  pinned: string[];
  hiddenNodes: string[];
  /** Two node ids whose shortest path on the canvas is highlighted. */
  path: [string, string] | null;
  colorBy: 'type' | 'year';
  sizeBy: 'type' | 'degree';
  /** Time slider: only dated nodes up to this year are shown. */
  until: number | null;
}

const LIST_SEPARATOR = '~'; // ids contain ':' and ',' is common in names; '~' is in neither

function pathParam(raw: string | null): [string, string] | null {
  const [a, b] = (raw ?? '').split(LIST_SEPARATOR);
  return a && b ? [a, b] : null;
}

/** An expansion entry: a node id, optionally narrowed to one relationship type (`id|ASSIGNED_TO`). */
export function expansionKey(id: string, relationship?: string | null): string {
  return relationship ? `${id}|${relationship}` : id;
}

export function parseExpansionKey(key: string): { id: string; relationship: string | null } {
  const at = key.lastIndexOf('|');
  return at > 0 && /^[A-Z_]+$/.test(key.slice(at + 1)) ? { id: key.slice(0, at), relationship: key.slice(at + 1) } : { id: key, relationship: null };
}

export function useExplorerUrlState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<ExplorerState>(() => {
    const typesParam = params.get('types');
    const list = (key: string) => (params.get(key) ?? '').split(LIST_SEPARATOR).filter(Boolean);
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
      all: list('all'),
      pos: params.get('pos'),
      pinned: list('pin'),
      hiddenNodes: list('hide'),
      path: pathParam(params.get('path')),
      colorBy: params.get('color') === 'year' ? 'year' : 'type',
      sizeBy: params.get('size') === 'degree' ? 'degree' : 'type',
      until: num('until'),
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
          if ('depth' in patch) put('depth', patch.depth === 1 ? null : String(patch.depth));
          if ('limit' in patch) put('limit', patch.limit === 150 ? null : String(patch.limit));
          if ('all' in patch) put('all', patch.all?.join(LIST_SEPARATOR));
          if ('pos' in patch) put('pos', patch.pos);
          if ('pinned' in patch) put('pin', patch.pinned?.join(LIST_SEPARATOR));
          if ('hiddenNodes' in patch) put('hide', patch.hiddenNodes?.join(LIST_SEPARATOR));
          if ('path' in patch) put('path', patch.path ? patch.path.join(LIST_SEPARATOR) : null);
          if ('colorBy' in patch) put('color', patch.colorBy === 'year' ? 'year' : null);
          if ('sizeBy' in patch) put('size', patch.sizeBy === 'degree' ? 'degree' : null);
          if ('until' in patch) put('until', patch.until === null || patch.until === undefined ? null : String(patch.until));
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [setParams],
  );

  return { state, update };
}
