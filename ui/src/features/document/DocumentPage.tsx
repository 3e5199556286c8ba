import { useEffect, useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { DocumentOutlineDocument, type DocumentOutlineQuery } from '../../generated/graphql.js';
import { hasMessage, useI18n } from '../../lib/i18n.js';
import { fileName } from '../../lib/provenance.js';
import { readablePath } from '../../lib/paths.js';
import { routes } from '../../lib/routes.js';
import { EmptyState, QueryBoundary } from '../../components/QueryState.js';
import { readableText } from '../../lib/text.js';
import { NotFoundBody } from '../../components/NotFoundBody.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { Truncate } from '../../components/Truncate.js';
import { Fact } from '../../components/Fact.js';

type Doc = NonNullable<DocumentOutlineQuery['document']>;
type Measure = Doc['measures']['nodes'][number];

/** Consecutive measures under the same heading form one section of the outline. */
function groupBySection(measures: readonly Measure[]): { section: string; measures: Measure[] }[] {
  const groups: { section: string; measures: Measure[] }[] = [];
  for (const m of measures) {
    const section = m.section ?? '';
    const last = groups[groups.length - 1];
    if (last && last.section === section) last.measures.push(m);
    else groups.push({ section, measures: [m] });
  }
  return groups;
}

function Responsible({ m }: { m: Measure }) {
  const { t } = useI18n();
  if (m.responsibilities.length === 0) return <span className="muted">{m.responsibleText ?? ''}</span>;
  return (
    <span className="responsible">
      {m.responsibilities.map((r) => (
        <Link key={`${r.department.id}-${r.role}`} to={routes.department(r.department.name)} className={r.role === 'lead' ? 'dept dept--lead' : 'dept'} title={t(`role_${r.role}` as 'role_lead')}>
          {r.asWritten ?? r.department.name}
        </Link>
      ))}
    </span>
  );
}

function MeasureActions({ m }: { m: Measure }) {
  const { t } = useI18n();
  return (
    <span className="measure-actions">
      <Link to={routes.measure(m.id)}>{t('openInExplorer')}</Link>
      <Link to={routes.lineage(m.id)}>{t('openLineage')}</Link>
    </span>
  );
}

/** A division-of-labour table: each local measure beside the national requirement it implements. */
function RequirementTable({ measures }: { measures: readonly Measure[] }) {
  const { t } = useI18n();
  return (
    <table className="table table--top" data-testid="requirement-table">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('nationalRequirement')}</th>
          <th scope="col">{t('localMeasure')}</th>
          <th scope="col">{t('responsibleDepartments')}</th>
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => (
          <tr key={m.id} id={m.id} className="anchor-target">
            <td className="muted small">{m.path?.replace(/^row /, '')}</td>
            <td className="requirement-cell">
              {m.implements.length === 0 ? <span className="muted">{t('none')}</span> : m.implements.map((r) => <p key={r.id}>{readableText(r.text)}</p>)}
            </td>
            <td>
              <p>{readableText(m.text)}</p>
              <MeasureActions m={m} />
            </td>
            <td>
              <Responsible m={m} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Outline({ measures }: { measures: readonly Measure[] }) {
  const { t } = useI18n();
  const groups = useMemo(() => groupBySection(measures), [measures]);
  return (
    <ol className="outline" data-testid="outline">
      {groups.map((g, i) => (
        <li key={`${g.section}-${i}`} className="outline__section">
          {g.section && <h3>{g.section}</h3>}
          <ol className="outline__measures">
            {g.measures.map((m) => (
              <li key={m.id} id={m.id} className="outline__measure anchor-target">
                <span className="muted small outline__path">{readablePath(m.path, t)}</span>
                <p className="outline__text">{readableText(m.text)}</p>
                <div className="outline__meta">
                  <Responsible m={m} />
                  <MeasureActions m={m} />
                </div>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

function DocumentView({ doc, onMore, loadingMore }: { doc: Doc; onMore: () => void; loadingMore: boolean }) {
  const { t } = useI18n();
  const yearSourceLabel = (source: string | null | undefined) => {
    const key = `yearSource_${source ?? 'unknown'}`;
    return hasMessage(key) ? t(key) : t('yearSource_unknown');
  };
  const location = useLocation();
  const measures = doc.measures.nodes;
  const hasRequirements = measures.some((m) => m.implements.length > 0);
  useEffect(() => {
    // The outline renders after the data arrives, so the browser's own jump to #id missed it.
    // :target does not follow client-side navigation (pushState), so the highlight is a class.
    const id = decodeURIComponent(location.hash.slice(1));
    document.querySelectorAll('.anchor-target--active').forEach((el) => el.classList.remove('anchor-target--active'));
    const target = id ? document.getElementById(id) : null;
    target?.classList.add('anchor-target--active');
    target?.scrollIntoView({ block: 'center' });
  }, [location.hash, measures.length]);
  return (
    <>
      <h1>{doc.title}</h1>
      <dl className="meta-grid">
        <div>
          <dt>{t('year')}</dt>
          <dd>
            {doc.year ?? t('unknown')} <span className="muted small">（{yearSourceLabel(doc.yearSource)}）</span>
            {doc.yearReason && <span className="muted small"> {doc.yearReason}</span>}
          </dd>
        </div>
        <Fact label={t('docNumber')}>{doc.docNumber}</Fact>
        <Fact label={t('issuer')}>{doc.issuer}</Fact>
        <Fact label={t('issuedOn')}>{doc.issuedOn}</Fact>
        <Fact label={t('source')}>{doc.sourceFile ? fileName(doc.sourceFile) : null}</Fact>
        <Fact label={t('measureCount')}>{doc.measureCount}</Fact>
      </dl>
      <div className="doc-links">
        <section>
          <h2>{t('citedDirectives')}</h2>
          {doc.cites.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <ul className="plain-list" data-testid="cites">
              {doc.cites.map((c) => (
                <li key={c.id}>
                  <Link to={routes.document(c.id)}>《{c.title}》</Link>
                  {c.docNumber && <span className="muted"> {c.docNumber}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        {doc.citedBy.length > 0 && (
          <section>
            <h2>{t('citedBy')}</h2>
            <ul className="plain-list">
              {doc.citedBy.map((c) => (
                <li key={c.id}>
                  <Link to={routes.document(c.id)}>
                    <Truncate text={c.title} max={50} />
                  </Link>{' '}
                  <span className="year-chip">{c.year ?? '?'}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <h2>{t('outline')}</h2>
      {measures.length === 0 ? <EmptyState>{t('documentEmpty')}</EmptyState> : hasRequirements ? <RequirementTable measures={measures} /> : <Outline measures={measures} />}
      {doc.measures.pageInfo.hasNextPage && (
        <button type="button" className="button" onClick={onMore} disabled={loadingMore}>
          {t('showMore')} ({measures.length}/{doc.measures.totalCount})
        </button>
      )}
    </>
  );
}

export default function DocumentPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, loading, error, refetch, fetchMore } = useQuery(DocumentOutlineDocument, { variables: { id } });
  usePageTitle(data?.document?.title);
  const more = () => {
    const after = data?.document?.measures.pageInfo.endCursor;
    if (!after) return;
    void fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => {
        const prev = previous as DocumentOutlineQuery;
        if (!prev.document || !fetchMoreResult.document) return prev;
        return {
          ...prev,
          document: {
            ...prev.document,
            measures: {
              ...fetchMoreResult.document.measures,
              nodes: [...prev.document.measures.nodes, ...fetchMoreResult.document.measures.nodes],
            },
          },
        };
      },
    });
  };
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={routes.documents()}>{t('documentsTitle')}</Link> /
      </p>
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ document }) => (!document ? <NotFoundBody query={id} /> : <DocumentView doc={document} onMore={more} loadingMore={loading} />)}
      </QueryBoundary>
    </div>
  );
}
