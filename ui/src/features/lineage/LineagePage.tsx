import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { LineageCompareDocument, MeasureVersionsDocument, type MeasureVersionsQuery, type VersionMeasureFragment } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { GraphCanvas, type CanvasEdge, type CanvasNode } from '../../components/GraphCanvas.js';
import { EmptyState, ErrorState, Loading, QueryBoundary } from '../../components/QueryState.js';
import { ClauseTable } from '../../components/ClauseTable.js';
import { NotFoundBody } from '../../components/NotFoundBody.js';
import { Fact } from '../../components/Fact.js';
import { readableText } from '../../lib/text.js';
import { fileName, lineRange, readableEvidence } from '../../lib/provenance.js';
import { inSourceOrder } from '../../lib/responsibilities.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { ImplementationBlock } from './ImplementationBlock.js';

type Group = NonNullable<MeasureVersionsQuery['versionGroup']>;
type Version = Group['versions'][number] | Group['related'][number];
type GroupLink = Group['links'][number];

const yearOf = (m: { year?: number | null }) => m.year ?? 0;

/** Time runs left to right, one column per year; versions of one year stack in their column. */
function canvasNodes(versions: readonly Version[], related: readonly Version[]): CanvasNode[] {
  const all = [...versions, ...related];
  const years = [...new Set(all.map((v) => yearOf(v.measure)))].sort((a, b) => a - b);
  const rowInYear = new Map<number, number>();
  return all.map((v) => {
    const year = yearOf(v.measure);
    const row = rowInYear.get(year) ?? 0;
    rowInYear.set(year, row + 1);
    const col = years.indexOf(year);
    return {
      id: v.measure.id,
      type: 'Measure' as const,
      year: v.measure.year,
      label: v.measure.text.replace(/\s+/g, ''),
      position: { x: col * 280, y: row * 120 + (col % 2) * 56 },
    };
  });
}

function Departments({ m }: { m: VersionMeasureFragment }) {
  const { t } = useI18n();
  const ordered = inSourceOrder(m.responsibilities, m.responsibleText);
  if (ordered.length === 0) return <span className="muted">{m.responsibleText || t('none')}</span>;
  return (
    <ol className="dept-list" aria-label={t('responsibleDepartments')}>
      {ordered.map((r) => (
        <li key={`${r.department.id}-${r.role}`} className={r.role === 'lead' ? 'dept-list__lead' : undefined}>
          <Link to={routes.department(r.department.name)}>{r.asWritten || r.department.name}</Link>
          {r.role === 'lead' && <span className="badge badge--lead">{t('role_lead')}</span>}
        </li>
      ))}
    </ol>
  );
}

/** How a card belongs to the group: a version, a related measure, a version of a related one, or related to a related one. */
function TierLabel({ v, tier }: { v: Version; tier: 'same' | 'related' }) {
  const { t } = useI18n();
  const via = 'versionOf' in v ? v.versionOf : null;
  const through = 'relatedTo' in v ? v.relatedTo : null;
  const text =
    tier === 'same'
      ? t('tier_same')
      : via
        ? t('tier_relatedVersion', { year: via.year ?? '?' })
        : through
          ? t('tier_relatedOfRelated', { year: through.year ?? '?' })
          : t('tier_related');
  return (
    <span className={`badge badge--tier badge--${tier}`} data-testid="tier-label">
      {text}
    </span>
  );
}

function VersionCard({ v, tier, focusId, previous }: { v: Version; tier: 'same' | 'related'; focusId: string; previous: Version | null }) {
  const m = v.measure;
  const doc = m.document;
  const { t } = useI18n();
  return (
    <li className={m.id === focusId ? 'version version--focus' : 'version'} data-year={m.year ?? ''} data-measure-id={m.id} data-tier={tier}>
      <div className="version__year">
        <span className="year-chip year-chip--big">{m.year ?? '?'}</span>
      </div>
      <div className="version__body">
        <TierLabel v={v} tier={tier} />
        <h3 className="version__doc">
          <Link to={routes.document(doc.id)}>{doc.title}</Link>
        </h3>
        <dl className="version__facts">
          <Fact label={t('docNumber')}>{doc.docNumber}</Fact>
          <Fact label={t('issuedOn')}>{doc.issuedOn}</Fact>
          <Fact label={t('jurisdiction')}>{v.jurisdiction ?? doc.issuer ?? t('unknown')}</Fact>
          <Fact label={t('responsibleDepartments')}>
            <Departments m={m} />
          </Fact>
          <Fact label={t('source')}>
            {m.source && (
              <Link to={routes.document(doc.id, m.id)} data-testid="source-place">
                {t('sourcePlace', { file: fileName(m.source.file), lines: lineRange(m.source.startLine, m.source.endLine) })}
              </Link>
            )}
          </Fact>
        </dl>
        <p className="version__text">{readableText(m.text)}</p>
        <div className="version__actions">
          <Link className="button button--small" to={routes.measure(m.id)}>
            {t('openInExplorer')}
          </Link>
          {previous && (
            <Link className="button button--small" to={routes.compare(previous.measure.id, m.id)}>
              {t('compareWithPrevious', { year: previous.measure.year ?? '?' })}
            </Link>
          )}
          <Link className="button button--small" to={routes.compare(m.id)}>
            {t('compareWith')}
          </Link>
        </div>
      </div>
    </li>
  );
}

function Step({ link, earlier, later }: { link: GroupLink; earlier: VersionMeasureFragment; later: VersionMeasureFragment }) {
  const { t, lang } = useI18n();
  const { data, loading, error, refetch } = useQuery(LineageCompareDocument, { variables: { a: earlier.id, b: later.id } });
  const themes = link.themes.map((x) => (lang === 'en' && x.nameEn ? x.nameEn : x.name));
  const evidence = link.evidence.map((w) => readableEvidence(w, [later.text, earlier.text]));
  const title = `${earlier.year ?? '?'} → ${later.year ?? '?'}`;
  return (
    <section className="step" data-testid="lineage-step" aria-label={title}>
      <h3 className="step__title">
        {title}
        <span className="muted step__score">{t('linkScore', { pct: Math.round(link.score * 100) })}</span>
        <Link className="button button--small" to={routes.compare(earlier.id, later.id)}>
          {t('openComparison')}
        </Link>
      </h3>
      <dl className="step__facts">
        <Fact label={t('sharedThemes')}>{themes.length > 0 ? themes.join('、') : t('none')}</Fact>
        <Fact label={t('sharedProgrammes')}>{link.initiatives.length > 0 ? link.initiatives.map((x) => `“${x.name}”`).join('、') : t('none')}</Fact>
        <Fact label={t('sharedWords')}>{evidence.map((e) => (e.target ? t('targetMetric', { name: e.text }) : e.text)).join('、')}</Fact>
      </dl>
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading || !data?.compare ? (
        <Loading />
      ) : (
        <ClauseTable comparison={data.compare} leftTitle={`${earlier.year ?? '?'} · ${earlier.document.title}`} rightTitle={`${later.year ?? '?'} · ${later.document.title}`} />
      )}
    </section>
  );
}

function VersionsView({ group }: { group: Group }) {
  const { t } = useI18n();
  const [showRelated, setShowRelated] = useState(false);
  const [allSteps, setAllSteps] = useState(false);
  const focusId = group.focus.id;
  const related = showRelated ? group.related : [];
  const byId = useMemo(() => new Map([...group.versions, ...group.related].map((v) => [v.measure.id, v.measure])), [group]);
  const visible = useMemo(() => new Set([...group.versions, ...related].map((v) => v.measure.id)), [group, related]);
  const nodes = useMemo(() => canvasNodes(group.versions, related), [group, related]);
  const edges: CanvasEdge[] = useMemo(
    () =>
      group.links
        .filter((l) => visible.has(l.earlier.id) && visible.has(l.later.id))
        // One direction everywhere: the arrow points from the earlier version to the later one.
        .map((l) => ({ id: `${l.earlier.id}>${l.later.id}`, source: l.earlier.id, target: l.later.id, type: l.tier === 'same' ? 'EVOLVES_FROM' : 'RELATED', forward: true, label: `${Math.round(l.score * 100)}%` })),
    [group, visible],
  );
  const steps = useMemo(
    () =>
      group.links
        .filter((l) => l.tier === 'same' || (showRelated && visible.has(l.earlier.id) && visible.has(l.later.id)))
        .map((link) => ({ link, earlier: byId.get(link.earlier.id), later: byId.get(link.later.id) }))
        .filter((s): s is { link: GroupLink; earlier: VersionMeasureFragment; later: VersionMeasureFragment } => !!s.earlier && !!s.later)
        .sort((a, b) => yearOf(a.later) - yearOf(b.later) || yearOf(a.earlier) - yearOf(b.earlier)),
    [group, byId, showRelated, visible],
  );
  const years = [...new Set(group.versions.map((v) => v.measure.year ?? '?'))];
  const ownSteps = steps.filter((s) => s.earlier.id === focusId || s.later.id === focusId);

  if (group.versions.length <= 1 && group.related.length === 0) return <EmptyState>{t('lineageEmpty')}</EmptyState>;
  // the canvas is as tall as its fullest year column, related measures included when shown
  const shown = [...group.versions, ...related];
  const rows = Math.max(1, ...[...new Set(shown.map((v) => v.measure.year))].map((y) => shown.filter((v) => v.measure.year === y).length));

  return (
    <>
      <p className="lineage__years" data-testid="lineage-years" aria-label={t('lineageChain')}>
        {t('versionCount', { n: group.versions.length })}
        {years.map((year, i) => (
          <span key={String(year)}>
            {i > 0 && <span aria-hidden="true"> → </span>}
            <strong className="year-chip year-chip--big">{year}</strong>
          </span>
        ))}
      </p>
      {group.truncated && <p className="lineage__notice" data-testid="group-truncated">{t('groupTruncated', { n: group.versions.length })}</p>}
      {group.related.length > 0 && (
        <label className="check lineage__related-toggle">
          <input type="checkbox" checked={showRelated} onChange={(e) => setShowRelated(e.target.checked)} data-testid="show-related" />
          {t('showRelated', { n: group.related.length })}
        </label>
      )}
      {/* Remounted when related measures are switched, so the canvas fits its new height. */}
      <div key={showRelated ? 'with-related' : 'versions'} className="lineage__canvas" style={{ height: Math.min(480, 150 + rows * 90) }}>
        <GraphCanvas nodes={nodes} edges={edges} layout="preset" focusId={focusId} ariaLabel={`${t('lineageChain')}: ${years.join(' → ')}`} labelMax={12} wrapLabels />
      </div>
      <p className="hint">{t('lineageArrowHint')}</p>
      <h2>{t('lineageChain')}</h2>
      <ol className="version-timeline" data-testid="version-timeline">
        {group.versions.map((v, i) => (
          <VersionCard key={v.measure.id} v={v} tier="same" focusId={focusId} previous={i > 0 ? group.versions[i - 1]! : null} />
        ))}
      </ol>
      {showRelated && group.related.length > 0 && (
        <>
          <h2>{t('relatedMeasures')}</h2>
          {group.relatedTruncated && <p className="lineage__notice" data-testid="related-truncated">{t('relatedTruncated', { n: group.related.length })}</p>}
          <ol className="version-timeline version-timeline--related" data-testid="related-timeline">
            {group.related.map((v) => (
              <VersionCard key={v.measure.id} v={v} tier="related" focusId={focusId} previous={null} />
            ))}
          </ol>
        </>
      )}
      <h2>{t('lineageDiff')}</h2>
      {/* A large group has many links: the focus's own come first, the rest on request. */}
      {(allSteps ? steps : ownSteps).map((s) => (
        <Step key={`${s.earlier.id}>${s.later.id}`} {...s} />
      ))}
      {!allSteps && steps.length > ownSteps.length && (
        <button type="button" className="button" onClick={() => setAllSteps(true)} data-testid="all-steps">
          {t('allComparisons', { n: steps.length })}
        </button>
      )}
    </>
  );
}

export default function LineagePage() {
  const { t } = useI18n();
  const { measureId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MeasureVersionsDocument, { variables: { id: measureId } });
  usePageTitle(data?.versionGroup ? `${t('lineageTitle')} ${data.versionGroup.focus.year ?? ''}` : t('lineageTitle'));
  return (
    <div className="page lineage">
      <div className="lineage__head">
        <h1>{t('lineageTitle')}</h1>
        <Link className="button button--small" to={routes.lineagePrint(measureId)} data-testid="lineage-print">
          {t('print')}
        </Link>
      </div>
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ versionGroup }) => (versionGroup ? <VersionsView group={versionGroup} /> : <NotFoundBody query={measureId} />)}
      </QueryBoundary>
      {data?.versionGroup && <ImplementationBlock measureId={measureId} />}
    </div>
  );
}
