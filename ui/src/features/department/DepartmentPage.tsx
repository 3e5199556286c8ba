import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import * as Tabs from '@radix-ui/react-tabs';
import { useQuery } from '@apollo/client/react';
import { DepartmentProfileDocument, type DepartmentProfileQuery } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { GraphCanvas, type CanvasEdge, type CanvasNode } from '../../components/GraphCanvas.js';
import { EmptyState, QueryBoundary } from '../../components/QueryState.js';
import { NotFoundBody } from '../../components/NotFoundBody.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { Truncate } from '../../components/Truncate.js';

type Department = NonNullable<DepartmentProfileQuery['department']>;
type Responsibility = Department['responsibilities'][number];

function ResponsibilityTable({ rows, department }: { rows: readonly Responsibility[]; department: Department }) {
  const { t } = useI18n();
  if (rows.length === 0) return <EmptyState>{t('responsibilitiesEmpty')}</EmptyState>;
  return (
    <table className="table" data-testid="responsibilities">
      <thead>
        <tr>
          <th scope="col">{t('year')}</th>
          <th scope="col">{t('measures')}</th>
          <th scope="col">{t('role')}</th>
          <th scope="col">{t('writtenAs')}</th>
          <th scope="col">{t('documents')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const renamed = r.viaPredecessor || (r.asWritten !== null && r.asWritten !== department.name && !department.aliases.includes(r.asWritten));
          return (
            <tr key={`${r.measure.id}-${r.assignedTo.id}-${r.role}`} data-year={r.year ?? ''} data-written-as={r.asWritten ?? ''}>
              <td>
                <span className="year-chip">{r.year ?? '?'}</span>
              </td>
              <td>
                <Link to={routes.measure(r.measure.id)}>
                  <Truncate text={r.measure.text} max={60} />
                </Link>
              </td>
              <td>
                <span className={`role role--${r.role}`}>{t(`role_${r.role}` as 'role_lead')}</span>
              </td>
              <td>
                {renamed ? (
                  <span className="renamed" title={`${t('formerName')}: ${r.assignedTo.name}`}>
                    {r.asWritten ?? r.assignedTo.name}
                    <span className="muted small"> → {department.name}</span>
                  </span>
                ) : (
                  (r.asWritten ?? r.assignedTo.name)
                )}
              </td>
              <td>
                <Link to={routes.document(r.measure.document.id, r.measure.id)}>
                  <Truncate text={r.measure.document.title} max={24} />
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Per year: how many measures as lead, as joint, and how many under a former name. */
function YearSummary({ rows }: { rows: readonly Responsibility[] }) {
  const { t } = useI18n();
  const years = new Map<string, { lead: number; joint: number; former: number }>();
  for (const r of rows) {
    const key = String(r.year ?? '?');
    const entry = years.get(key) ?? { lead: 0, joint: 0, former: 0 };
    if (r.role === 'lead') entry.lead++;
    else entry.joint++;
    if (r.viaPredecessor) entry.former++;
    years.set(key, entry);
  }
  if (years.size === 0) return null;
  return (
    <table className="table table--compact" data-testid="year-summary">
      <thead>
        <tr>
          <th scope="col">{t('year')}</th>
          <th scope="col" className="num">{t('lead')}</th>
          <th scope="col" className="num">{t('joint')}</th>
          <th scope="col" className="num">{t('formerName')}</th>
        </tr>
      </thead>
      <tbody>
        {[...years.entries()].map(([year, c]) => (
          <tr key={year}>
            <th scope="row">
              <span className="year-chip">{year}</span>
            </th>
            <td className="num">{c.lead}</td>
            <td className="num">{c.joint}</td>
            <td className="num">{c.former > 0 ? c.former : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PartnerNetwork({ department }: { department: Department }) {
  const { t } = useI18n();
  const nodes: CanvasNode[] = useMemo(
    () => [
      { id: department.id, type: 'Department' as const, label: department.name },
      ...department.partners.map((p) => ({ id: p.department.id, type: 'Department' as const, label: p.department.name })),
    ],
    [department],
  );
  const edges: CanvasEdge[] = useMemo(
    () => department.partners.map((p) => ({ id: `${department.id}~${p.department.id}`, source: department.id, target: p.department.id, type: 'PARTNER', weight: p.count, label: String(p.count) })),
    [department],
  );
  if (department.partners.length === 0) return <EmptyState>{t('none')}</EmptyState>;
  return (
    <div className="partners">
      <div className="partners__canvas">
        <GraphCanvas nodes={nodes} edges={edges} layout="concentric" focusId={department.id} ariaLabel={t('partners')} labelMax={10} wrapLabels />
      </div>
      <ol className="plain-list partners__list">
        {department.partners.map((p) => (
          <li key={p.department.id}>
            <Link to={routes.department(p.department.name)}>{p.department.name}</Link> <span className="count">{p.count}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Profile({ department, includePredecessors, setIncludePredecessors }: { department: Department; includePredecessors: boolean; setIncludePredecessors: (v: boolean) => void }) {
  const { t } = useI18n();
  const rows = [...department.responsibilities].sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
  const lead = rows.filter((r) => r.role === 'lead');
  const joint = rows.filter((r) => r.role !== 'lead');
  const current = department.current.filter((c) => c.id !== department.id);
  return (
    <>
      <h1>
        {department.name}
        {current.length > 0 && (
          <span className="muted h1__sub">
            → {t('todayName')}{' '}
            {current.map((c) => (
              <Link key={c.id} to={routes.department(c.name)}>
                {c.name}
              </Link>
            ))}
          </span>
        )}
      </h1>
      {department.aliases.length > 0 && (
        <p className="muted">
          {t('aliasesList', { names: department.aliases.join('、') })}
        </p>
      )}
      <div className="dept-history">
        <div>
          <h2>{t('predecessors')}</h2>
          {department.predecessors.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <ul className="plain-list" data-testid="predecessors">
              {department.predecessors.map((p) => (
                <li key={p.department.id}>
                  <Link to={routes.department(p.department.name)}>{p.department.name}</Link>
                  {p.year && <span className="year-chip">{p.year}</span>}
                  {p.note && <span className="muted small"> {p.note}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2>{t('successors')}</h2>
          {department.successors.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <ul className="plain-list">
              {department.successors.map((s) => (
                <li key={s.department.id}>
                  <Link to={routes.department(s.department.name)}>{s.department.name}</Link>
                  {s.year && <span className="year-chip">{s.year}</span>}
                  {s.note && <span className="muted small"> {s.note}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <h2>{t('partners')}</h2>
      <p className="hint">{t('partnersHint')}</p>
      <PartnerNetwork department={department} />
      <h2>{t('responsibilities')}</h2>
      <YearSummary rows={rows} />
      <label className="check">
        <input type="checkbox" checked={includePredecessors} onChange={(e) => setIncludePredecessors(e.target.checked)} />
        {t('includePredecessors')}
      </label>
      <Tabs.Root defaultValue="all" className="tabs">
        <Tabs.List className="tabs__list" aria-label={t('responsibilities')}>
          <Tabs.Trigger value="all" className="tabs__trigger">
            {t('any')} ({rows.length})
          </Tabs.Trigger>
          <Tabs.Trigger value="lead" className="tabs__trigger">
            {t('lead')} ({lead.length})
          </Tabs.Trigger>
          <Tabs.Trigger value="joint" className="tabs__trigger">
            {t('joint')} ({joint.length})
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="all" className="tabs__content">
          <ResponsibilityTable rows={rows} department={department} />
        </Tabs.Content>
        <Tabs.Content value="lead" className="tabs__content">
          <ResponsibilityTable rows={lead} department={department} />
        </Tabs.Content>
        <Tabs.Content value="joint" className="tabs__content">
          <ResponsibilityTable rows={joint} department={department} />
        </Tabs.Content>
      </Tabs.Root>
    </>
  );
}

export default function DepartmentPage() {
  const { t } = useI18n();
  const { name = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const includePredecessors = params.get('own') !== '1';
  const { data, loading, error, refetch } = useQuery(DepartmentProfileDocument, { variables: { name, includePredecessors } });
  usePageTitle(data?.department?.name ?? name);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={routes.departments()}>{t('departmentsTitle')}</Link> /
      </p>
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ department }) =>
          !department ? (
            <>
              <h1>{name}</h1>
              <NotFoundBody query={name} />
            </>
          ) : (
            <Profile
              department={department}
              includePredecessors={includePredecessors}
              setIncludePredecessors={(v) =>
                setParams(
                  (p) => {
                    const next = new URLSearchParams(p);
                    if (v) next.delete('own');
                    else next.set('own', '1');
                    return next;
                  },
                  { replace: true },
                )
              }
            />
          )
        }
      </QueryBoundary>
    </div>
  );
}
