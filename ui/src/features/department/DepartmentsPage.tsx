import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { DepartmentListDocument } from '../../generated/graphql.js';
import { hasMessage, useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { EmptyState, QueryBoundary } from '../../components/QueryState.js';

export default function DepartmentsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const { data, loading, error, refetch } = useQuery(DepartmentListDocument);
  usePageTitle(t('departmentsTitle'));
  const rows = useMemo(() => {
    const needle = filter.trim();
    return (data?.departments ?? []).filter((d) => !needle || d.name.includes(needle) || d.aliases.some((a) => a.includes(needle)));
  }, [data, filter]);
  return (
    <div className="page">
      <h1>{t('departmentsTitle')}</h1>
      <label className="field field--inline">
        <span className="field-label">{t('departmentsFilter')}</span>
        <input className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {() =>
          rows.length === 0 ? (
            <EmptyState>{t('searchNoResults')}</EmptyState>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('department')}</th>
                  <th scope="col">{t('aliases')}</th>
                  <th scope="col">{t('successors')}</th>
                  <th scope="col" className="num">
                    {t('measures')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={routes.department(d.name)}>{d.name}</Link>
                      {d.kind !== 'institution' && <span className="muted small"> · {hasMessage(`kind_${d.kind}`) ? t(`kind_${d.kind}` as 'kind_collective') : t('unknown')}</span>}
                    </td>
                    <td className="muted">{d.aliases.join('、')}</td>
                    <td>
                      {d.successors.map((s) => (
                        <span key={s.department.id}>
                          → <Link to={routes.department(s.department.name)}>{s.department.name}</Link>
                          {s.year ? ` (${s.year})` : ''}{' '}
                        </span>
                      ))}
                    </td>
                    <td className="num">{d.measureCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryBoundary>
    </div>
  );
}
