import { useCallback, useMemo, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { ExplorerFilteredMeasuresDocument } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { GraphCanvas, type CanvasNode, type GraphCanvasHandle } from '../../components/GraphCanvas.js';
import { Legend } from '../../components/Legend.js';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState.js';
import { downloadBlob } from '../../lib/download.js';
import { useExplorerUrlState } from './hooks/useExplorerUrlState.js';
import { useExpandedGraph } from './hooks/useExpandedGraph.js';
import { overviewPositions } from './lib/graph.js';
import { SearchBox } from './components/SearchBox.js';
import { Filters } from './components/Filters.js';
import { NodeList } from './components/NodeList.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { DetailsPanel } from './components/DetailsPanel.js';

// The filter's measure set comes from the API (themes and departments resolve there, including
// former department names); one page is enough for a canvas that holds at most a few hundred.
const FILTER_PAGE = 200;

export default function ExplorerPage() {
  const { t } = useI18n();
  const { state, update } = useExplorerUrlState();
  const canvas = useRef<GraphCanvasHandle>(null);
  const graph = useExpandedGraph(state.focus, state.expanded, { depth: state.depth, limit: state.limit });
  const isOverview = state.focus === null && state.expanded.length === 0;
  usePageTitle(state.q ? `${state.q} · ${t('navExplorer')}` : t('navExplorer'));

  const nodes: CanvasNode[] = useMemo(() => {
    if (state.focus !== null) return graph.merged.nodes;
    // The overview has fixed places (documents by year); expansions start from those places.
    const positions = overviewPositions(graph.merged.nodes.filter((n) => graph.merged.origin.get(n.id) === -1), graph.merged.edges);
    return graph.merged.nodes.map((n) => {
      const position = positions.get(n.id);
      return position ? { ...n, position } : n;
    });
  }, [graph.merged, state.focus]);

  const filterActive = state.theme !== null || state.dept !== null;
  const filtered = useQuery(ExplorerFilteredMeasuresDocument, {
    variables: {
      filter: { themes: state.theme ? [state.theme] : null, departments: state.dept ? [state.dept] : null },
      first: FILTER_PAGE,
    },
    skip: !filterActive,
  });

  const hidden = useMemo(() => {
    const set = new Set<string>();
    const allowedMeasures = filterActive && filtered.data ? new Set(filtered.data.measures.nodes.map((m) => m.id)) : null;
    for (const node of nodes) {
      if (!state.types.includes(node.type)) set.add(node.id);
      else if (node.year !== null && node.year !== undefined && ((state.from !== null && node.year < state.from) || (state.to !== null && node.year > state.to))) set.add(node.id);
      else if (allowedMeasures && node.type === 'Measure' && !allowedMeasures.has(node.id)) set.add(node.id);
      else if (state.theme && node.type === 'Theme' && node.id !== state.theme) set.add(node.id);
      else if (state.dept && node.type === 'Department' && node.id !== state.dept) set.add(node.id);
    }
    return set;
  }, [nodes, state.types, state.from, state.to, state.theme, state.dept, filterActive, filtered.data]);

  const expand = useCallback(
    (id: string) => {
      if (state.expanded.includes(id) || id === state.focus) return;
      update({ expanded: [...state.expanded, id], node: id });
    },
    [state.expanded, state.focus, update],
  );
  const select = useCallback((id: string | null) => update({ node: id }, { replace: true }), [update]);

  const exportPng = async () => {
    const blob = await canvas.current?.exportPng();
    if (blob) downloadBlob(blob, 'policy-graph.png');
  };
  const exportJson = () => {
    const json = canvas.current?.exportJson();
    if (json) downloadBlob(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), 'policy-graph.json');
  };

  const layout = state.focus === null ? (state.expanded.length === 0 ? 'preset' : 'fcose') : 'fcose';

  return (
    <div className={state.node ? 'explorer explorer--with-details' : 'explorer'}>
      <div className="explorer__side">
        <SearchBox
          query={state.q}
          onQueryChange={(q) => update({ q })}
          onOpen={(hit) => update({ focus: hit.id, node: hit.id, expanded: [] })}
        />
        <Filters state={state} onChange={(patch) => update(patch, { replace: true })} />
        {filtered.error && <ErrorState error={filtered.error} onRetry={() => void filtered.refetch()} />}
        <NodeList nodes={nodes} hidden={hidden} selectedId={state.node} onSelect={(id) => update({ node: id }, { replace: true })} />
      </div>
      <section className="explorer__canvas" aria-labelledby="canvas-title">
        <div className="toolbar" role="toolbar" aria-label={t('canvasLabel')}>
          <h1 id="canvas-title" className="toolbar__title">
            {isOverview ? t('overview') : t('canvasLabel')}
          </h1>
          <span className="toolbar__spacer" />
          {!isOverview && (
            <button type="button" className="button button--small" onClick={() => update({ focus: null, expanded: [], node: null })}>
              {t('backToOverview')}
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            disabled={state.expanded.length === 0}
            onClick={() => update({ expanded: state.expanded.slice(0, -1) })}
            data-testid="undo-expand"
          >
            <span aria-hidden="true">↶</span> {t('undoExpand')}
          </button>
          <button type="button" className="button button--small button--icon" onClick={() => canvas.current?.fit()} aria-label={t('fit')} title={t('fit')}>
            ⤢
          </button>
          <button type="button" className="button button--small button--icon" onClick={() => canvas.current?.zoomBy(1.25)} aria-label={t('zoomIn')} title={t('zoomIn')}>
            +
          </button>
          <button type="button" className="button button--small button--icon" onClick={() => canvas.current?.zoomBy(0.8)} aria-label={t('zoomOut')} title={t('zoomOut')}>
            −
          </button>
          <button type="button" className="button button--small" onClick={() => void exportPng()} aria-label={t('exportPng')} title={t('exportPng')}>
            <span aria-hidden="true">↓</span> PNG
          </button>
          <button type="button" className="button button--small" onClick={exportJson} aria-label={t('exportJson')} title={t('exportJson')}>
            <span aria-hidden="true">↓</span> JSON
          </button>
        </div>
        {isOverview && <p className="hint explorer__hint">{t('overviewHint')}</p>}
        <div className="explorer__stage">
          {graph.error ? (
            <ErrorState error={graph.error} onRetry={graph.retry} />
          ) : graph.loading ? (
            <Loading />
          ) : nodes.length === 0 ? (
            <EmptyState>{isOverview ? t('overviewEmpty') : t('notFound')}</EmptyState>
          ) : (
            <GraphCanvas
              ref={canvas}
              nodes={nodes}
              edges={graph.merged.edges}
              layout={layout}
              hiddenIds={hidden}
              selectedId={state.node}
              focusId={state.focus}
              onSelect={select}
              onExpand={expand}
              ariaLabel={`${t('canvasLabel')}: ${t('nodesCount', { n: nodes.length - hidden.size, e: graph.merged.edges.length })}`}
              labelMax={isOverview ? 14 : 12}
            />
          )}
          {graph.expanding && (
            <div className="explorer__busy">
              <Loading />
            </div>
          )}
        </div>
        <div className="explorer__footer">
          <Legend />
          <span className="toolbar__count" data-testid="canvas-count">
            {t('nodesCount', { n: nodes.length - hidden.size, e: graph.merged.edges.length })}
            {hidden.size > 0 && ` · ${t('filteredOut', { n: hidden.size })}`}
            {graph.truncated && ' · …'}
          </span>
        </div>
      </section>
      {state.node && <DetailsPanel id={state.node} onClose={() => update({ node: null }, { replace: true })} onExpand={expand} />}
    </div>
  );
}
