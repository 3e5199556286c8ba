import { useCallback, useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { ExplorerFilterOptionsDocument, ExplorerFilteredMeasuresDocument } from '../../generated/graphql.js';
import { WEBGL_ELEMENTS } from '../../lib/cytoscape.js';
import { useI18n } from '../../lib/i18n.js';
import { GraphCanvas, type CanvasNode, type GraphCanvasHandle } from '../../components/GraphCanvas.js';
import { Legend } from '../../components/Legend.js';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState.js';
import { downloadBlob } from '../../lib/download.js';
import { expansionKey, useExplorerUrlState } from './hooks/useExplorerUrlState.js';
import { decodePositions, encodePositions } from './lib/positions.js';
import { TimeSlider } from './components/TimeSlider.js';
import { StyleControls } from './components/StyleControls.js';
import { useExpandedGraph } from './hooks/useExpandedGraph.js';
import { overviewPositions, shortestPath } from './lib/graph.js';
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
  const [pathStart, setPathStart] = useState<string | null>(null);
  const graph = useExpandedGraph(state.focus, state.expanded, { depth: state.depth, limit: state.limit }, state.all);
  const isOverview = state.focus === null && state.expanded.length === 0;
  usePageTitle(state.q ? `${state.q} · ${t('navExplorer')}` : t('navExplorer'));
  const years = useQuery(ExplorerFilterOptionsDocument).data?.stats.years ?? [];

  // Positions: those kept in the URL win (a shared link shows the same picture); the overview's
  // own places next; every other node is placed by the seeded layout.
  const nodeIds = useMemo(() => graph.merged.nodes.map((n) => n.id), [graph.merged]);
  const kept = useMemo(() => decodePositions(nodeIds, state.pos), [nodeIds]); // read once per graph, not on every URL write
  const nodes: CanvasNode[] = useMemo(() => {
    const overviewPlaces =
      state.focus === null ? overviewPositions(graph.merged.nodes.filter((n) => graph.merged.origin.get(n.id) === -1), graph.merged.edges) : new Map<string, { x: number; y: number }>();
    return graph.merged.nodes.map((n) => {
      const position = kept.get(n.id) ?? overviewPlaces.get(n.id);
      return position ? { ...n, position } : n;
    });
  }, [graph.merged, state.focus, kept]);
  const onLayout = useCallback(
    (positions: Map<string, { x: number; y: number }>) => update({ pos: encodePositions(nodeIds, positions) }, { replace: true }),
    [nodeIds, update],
  );

  const filterActive = state.theme !== null || state.dept !== null;
  const filtered = useQuery(ExplorerFilteredMeasuresDocument, {
    variables: {
      filter: { themes: state.theme ? [state.theme] : null, departments: state.dept ? [state.dept] : null },
      first: FILTER_PAGE,
    },
    skip: !filterActive,
  });

  const hidden = useMemo(() => {
    const set = new Set<string>(state.hiddenNodes);
    const allowedMeasures = filterActive && filtered.data ? new Set(filtered.data.measures.nodes.map((m) => m.id)) : null;
    for (const node of nodes) {
      if (!state.types.includes(node.type)) set.add(node.id);
      else if (node.year !== null && node.year !== undefined && ((state.from !== null && node.year < state.from) || (state.to !== null && node.year > state.to))) set.add(node.id);
      else if (allowedMeasures && node.type === 'Measure' && !allowedMeasures.has(node.id)) set.add(node.id);
      else if (state.theme && node.type === 'Theme' && node.id !== state.theme) set.add(node.id);
      else if (state.dept && node.type === 'Department' && node.id !== state.dept) set.add(node.id);
      else if (state.until !== null && node.year !== null && node.year !== undefined && node.year > state.until) set.add(node.id);
    }
    return set;
  }, [nodes, state.types, state.from, state.to, state.theme, state.dept, filterActive, filtered.data, state.until, state.hiddenNodes]);
  const visibleEdges = useMemo(() => graph.merged.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target) && nodeIds.includes(e.source) && nodeIds.includes(e.target)), [graph.merged.edges, hidden, nodeIds]);
  const path = useMemo(() => (state.path ? shortestPath(visibleEdges, state.path[0], state.path[1]) : null), [state.path, visibleEdges]);
  const pinned = useMemo(() => new Set(state.pinned), [state.pinned]);
  const cut = graph.counts.filter((c) => c.shown < c.total);

  const expand = useCallback(
    (id: string, relationship?: string) => {
      const key = expansionKey(id, relationship);
      if (state.expanded.includes(key)) return;
      update({ expanded: [...state.expanded, key], node: id });
    },
    [state.expanded, update],
  );
  const togglePin = useCallback(
    (id: string) => {
      const positions = canvas.current?.positions();
      // Pinning keeps the node where it is now: the positions go into the URL with the pin.
      update({ pinned: state.pinned.includes(id) ? state.pinned.filter((x) => x !== id) : [...state.pinned, id], ...(positions ? { pos: encodePositions(nodeIds, positions) } : {}) }, { replace: true });
    },
    [state.pinned, nodeIds, update],
  );
  const select = useCallback((id: string | null) => update({ node: id }, { replace: true }), [update]);

  const exportPng = async () => {
    const blob = await canvas.current?.exportPng();
    if (blob) downloadBlob(blob, 'policy-graph.png');
  };
  const exportJson = () => {
    const json = canvas.current?.exportJson();
    // The export is what the filters leave, each node with its whole text (not the cut label).
    if (json) downloadBlob(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), 'policy-graph.json');
  };

  const layout = state.focus === null ? (state.expanded.length === 0 ? 'preset' : 'fcose') : 'fcose';
  const visibleCount = nodes.length - nodes.filter((n) => hidden.has(n.id)).length;

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
              key={nodes.length + graph.merged.edges.length > WEBGL_ELEMENTS ? 'webgl' : 'canvas'}
              ref={canvas}
              pinnedIds={pinned}
              path={path}
              colorBy={state.colorBy}
              sizeBy={state.sizeBy}
              onLayout={onLayout}
              nodes={nodes}
              edges={graph.merged.edges}
              layout={layout}
              hiddenIds={hidden}
              selectedId={state.node}
              focusId={state.focus}
              onSelect={select}
              onExpand={expand}
              ariaLabel={`${t('canvasLabel')}: ${t('nodesCount', { n: visibleCount, e: visibleEdges.length })}`}
              labelMax={isOverview ? 14 : 12}
            />
          )}
          {graph.expanding && (
            <div className="explorer__busy">
              <Loading />
            </div>
          )}
        </div>
        {(cut.length > 0 || graph.truncated || state.path || state.hiddenNodes.length > 0) && (
          <div className="explorer__notices" role="status">
            {graph.truncated && (
              <span className="notice" data-testid="base-cut">
                {t('baseCut', { n: graph.base?.nodes.length ?? 0 })} ·{' '}
                <button type="button" className="link-button" onClick={() => update({ limit: 1000 })}>
                  {t('loadAll')}
                </button>
              </span>
            )}
            {cut.map((c) => (
              <span key={c.key} className="notice" data-testid="expansion-cut">
                {t('expansionCut', { label: c.relationship ? `${c.label}（${t(`rel_${c.relationship}` as 'rel_ABOUT')}）` : c.label, shown: c.shown, total: c.total })} ·{' '}
                <button type="button" className="link-button" onClick={() => update({ all: [...state.all, c.key] })} data-testid="load-all">
                  {t('loadAll')}
                </button>
              </span>
            ))}
            {state.path && (
              <span className="notice" data-testid="path-notice">
                {path ? t('pathShown', { n: path.edges.length }) : t('pathNone')} ·{' '}
                <button type="button" className="link-button" onClick={() => update({ path: null }, { replace: true })}>
                  {t('clearPath')}
                </button>
              </span>
            )}
            {state.hiddenNodes.length > 0 && (
              <button type="button" className="link-button" onClick={() => update({ hiddenNodes: [] }, { replace: true })}>
                {t('showHidden', { n: state.hiddenNodes.length })}
              </button>
            )}
          </div>
        )}
        <div className="explorer__footer">
          <Legend />
          <StyleControls colorBy={state.colorBy} sizeBy={state.sizeBy} onChange={(patch) => update(patch, { replace: true })} />
          <TimeSlider years={years} until={state.until} onChange={(until) => update({ until }, { replace: true })} />
          <span className="toolbar__count" data-testid="canvas-count">
            {t('nodesCount', { n: visibleCount, e: visibleEdges.length })}
            {nodes.length - visibleCount > 0 && ` · ${t('filteredOut', { n: nodes.length - visibleCount })}`}
          </span>
        </div>
      </section>
      {state.node && (
        <DetailsPanel
          id={state.node}
          onClose={() => update({ node: null }, { replace: true })}
          onExpand={expand}
          pinned={pinned.has(state.node)}
          onTogglePin={togglePin}
          onHide={(id) => update({ hiddenNodes: [...state.hiddenNodes, id], node: null }, { replace: true })}
          pathStart={pathStart}
          onPathFrom={(id) => setPathStart(id)}
          onPathTo={(id) => {
            if (pathStart) update({ path: [pathStart, id] }, { replace: true });
            setPathStart(null);
          }}
        />
      )}
    </div>
  );
}
