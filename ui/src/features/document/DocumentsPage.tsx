import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { DocumentListDocument } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { EmptyState, QueryBoundary } from '../../components/QueryState.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { Truncate } from '../../components/Truncate.js';

export default function DocumentsPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(DocumentListDocument);
  usePageTitle(t('documentsTitle'));
  return (
    <div className="page">
      <h1>{t('documentsTitle')}</h1>
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ documents }) =>
          documents.length === 0 ? (
            <EmptyState>{t('overviewEmpty')}</EmptyState>
          ) : (
            <table className="table" data-testid="documents">
              <thead>
                <tr>
                  <th scope="col">{t('year')}</th>
                  <th scope="col">{t('title')}</th>
                  <th scope="col">{t('docNumber')}</th>
                  <th scope="col">{t('level')}</th>
                  <th scope="col" className="num">
                    {t('measureCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {documents.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <span className="year-chip" title={d.yearSource ?? undefined}>
                        {d.year ?? '?'}
                      </span>
                    </td>
                    <td>
                      <Link to={routes.document(d.id)}>
                        <Truncate text={d.title} max={60} />
                      </Link>
                    </td>
                    <td className="muted">{d.docNumber ?? ''}</td>
                    <td>{d.level === 'national' || d.level === 'municipal' ? t(`level_${d.level}`) : d.level}</td>
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
