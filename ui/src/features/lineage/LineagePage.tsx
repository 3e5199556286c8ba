import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { MeasureLineageDocument, type MeasureLineageQuery } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { GraphCanvas, type CanvasEdge, type CanvasNode } from '../../components/GraphCanvas.js';
import { EmptyState, QueryBoundary } from '../../components/QueryState.js';
import { Truncate } from '../../components/Truncate.js';
import { readableText } from '../../lib/text.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { TextDiff } from './components/TextDiff.js';

type Lineage = NonNullable<MeasureLineageQuery['measure']>['lineage'];

function maxPerYear(lineage: Lineage): number {
  const counts = new Map<number | null, number>();
  for (const m of lineage.measures) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  return Math.max(1, ...counts.values());
}

function LineageView({ lineage, focusId }: { lineage: Lineage; focusId: string }) {
  const { t, lang } = useI18n();
  const byId = useMemo(() => new Map(lineage.measures.map((m) => [m.id, m])), [lineage]);
  const nodes: CanvasNode[] = useMemo(
    () => {
      // Time runs left to right: one column per year, the versions of a year stacked in it; odd
      // columns sit a little lower so a link that skips a year does not run through the year between.
      const years = [...new Set(lineage.measures.map((m) => m.year ?? 0))].sort((a, b) => a - b);
      const rowInYear = new Map<number, number>();
      return lineage.measures.map((m) => {
        const year = m.year ?? 0;
        const row = rowInYear.get(year) ?? 0;
        rowInYear.set(year, row + 1);
        return { id: m.id, type: 'Measure' as const, year: m.year, label: m.text.replace(/\s+/g, ''), position: { x: years.indexOf(year) * 280, y: row * 120 + (years.indexOf(year) % 2) * 56 } };
      });
    },
    [lineage],
  );
  const edges: CanvasEdge[] = useMemo(
    () =>
      lineage.links.map((link) => ({
        id: `${link.earlier.id}>${link.later.id}`,
        source: link.earlier.id,
        target: link.later.id,
        type: 'EVOLVES_FROM',
        label: link.score.toFixed(2),
      })),
    [lineage],
  );
  // Consecutive versions: each link, in the order of the later measure's year.
  const steps = useMemo(
    () =>
      [...lineage.links]
        .map((link) => ({ link, earlier: byId.get(link.earlier.id), later: byId.get(link.later.id) }))
        .filter((s): s is typeof s & { earlier: NonNullable<typeof s.earlier>; later: NonNullable<typeof s.later> } => !!s.earlier && !!s.later)
        .sort((a, b) => (a.later.year ?? 0) - (b.later.year ?? 0) || (a.earlier.year ?? 0) - (b.earlier.year ?? 0)),
    [lineage, byId],
  );
  const years = [...new Set(lineage.measures.map((m) => m.year ?? '?'))];

  if (lineage.measures.length <= 1) return <EmptyState>{t('lineageEmpty')}</EmptyState>;

  return (
    <>
      <p className="lineage__years" data-testid="lineage-years" aria-label={t('lineageChain')}>
        {years.map((year, i) => (
          <span key={String(year)}>
            {i > 0 && <span aria-hidden="true"> → </span>}
            <strong className="year-chip year-chip--big">{year}</strong>
          </span>
        ))}
      </p>
      <div className="lineage__canvas" style={{ height: Math.min(480, 150 + maxPerYear(lineage) * 90) }}>
        <GraphCanvas nodes={nodes} edges={edges} layout="preset" focusId={focusId} ariaLabel={`${t('lineageChain')}: ${years.join(' → ')}`} labelMax={12} wrapLabels />
      </div>
      <h2>{t('lineageDiff')}</h2>
      {steps.map(({ link, earlier, later }) => {
        const sharedThemes = link.themes.length > 0 ? link.themes.map((x) => (lang === 'en' && x.nameEn ? x.nameEn : x.name)) : earlier.themes.filter((a) => later.themes.some((b) => b.theme.id === a.theme.id)).map((x) => (lang === 'en' && x.theme.nameEn ? x.theme.nameEn : x.theme.name));
        const sharedProgrammes = link.initiatives.length > 0 ? link.initiatives.map((x) => x.name) : earlier.initiatives.filter((a) => later.initiatives.some((b) => b.id === a.id)).map((x) => x.name);
        return (
          <section key={`${earlier.id}>${later.id}`} className="step" data-testid="lineage-step" aria-label={t('versionOf', { from: earlier.year ?? '?', to: later.year ?? '?' })}>
            <h3 className="step__title">
              {t('versionOf', { from: earlier.year ?? '?', to: later.year ?? '?' })}
              <span className="muted step__score">
                {t('score')} {link.score.toFixed(2)}
                {link.method ? ` · ${link.method}` : ''}
              </span>
            </h3>
            <dl className="step__facts">
              <div>
                <dt>{t('sharedThemes')}</dt>
                <dd>{sharedThemes.length > 0 ? sharedThemes.join('、') : t('none')}</dd>
              </div>
              <div>
                <dt>{t('sharedProgrammes')}</dt>
                <dd>{sharedProgrammes.length > 0 ? sharedProgrammes.join('、') : t('none')}</dd>
              </div>
              {link.evidence.length > 0 && (
                <div>
                  <dt>{t('evidence')}</dt>
                  <dd>{link.evidence.join('、')}</dd>
                </div>
              )}
            </dl>
            <TextDiff earlier={earlier.text} later={later.text} />
          </section>
        );
      })}
      <h2>{t('lineageChain')}</h2>
      <ol className="versions" data-testid="lineage-versions">
        {lineage.measures.map((m) => (
          <li key={m.id} className={m.id === focusId ? 'version version--focus' : 'version'} data-year={m.year ?? ''}>
            <div className="version__head">
              <span className="year-chip year-chip--big">{m.year ?? '?'}</span>
              <Link to={routes.document(m.document.id, m.id)}>
                <Truncate text={m.document.title} max={40} />
              </Link>
              {m.path && <span className="muted">{m.path}</span>}
              <Link className="button button--small" to={routes.measure(m.id)}>
                {t('openInExplorer')}
              </Link>
            </div>
            <p className="version__text">{readableText(m.text)}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

export default function LineagePage() {
  const { t } = useI18n();
  const { measureId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MeasureLineageDocument, { variables: { id: measureId } });
  usePageTitle(data?.measure ? `${t('lineageTitle')} ${data.measure.year ?? ''}` : t('lineageTitle'));
  return (
    <div className="page lineage">
      <h1>{t('lineageTitle')}</h1>
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ measure }) => (measure ? <LineageView lineage={measure.lineage} focusId={measure.id} /> : <EmptyState>{t('notFound')}</EmptyState>)}
      </QueryBoundary>
    </div>
  );
}
