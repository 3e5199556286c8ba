import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { CompareCandidatesDocument, ComparePairDocument, CompareStartDocument, type CompareSideFragment } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { ClauseTable } from '../../components/ClauseTable.js';
import { EmptyState, QueryBoundary } from '../../components/QueryState.js';
import { NotFoundBody } from '../../components/NotFoundBody.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';

const sideTitle = (m: CompareSideFragment) => `${m.year ?? '?'} · ${m.document.title}`;

function Pair({ a, b }: { a: string; b: string }) {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(ComparePairDocument, { variables: { a, b } });
  return (
    <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ compare }) =>
        !compare ? (
          <NotFoundBody query="" />
        ) : (
          <>
            <p className="compare__sides">
              <Link to={routes.document(compare.a.document.id, compare.a.id)}>{sideTitle(compare.a)}</Link>
              <span aria-hidden="true"> ⇄ </span>
              <Link to={routes.document(compare.b.document.id, compare.b.id)}>{sideTitle(compare.b)}</Link>
              <Link className="button button--small" to={routes.compare(b, a)}>
                {t('swapSides')}
              </Link>
            </p>
            <ClauseTable comparison={compare} leftTitle={sideTitle(compare.a)} rightTitle={sideTitle(compare.b)} />
          </>
        )
      }
    </QueryBoundary>
  );
}

/** Only one side chosen: its linked versions first, then any measure found by words. */
function Picker({ a }: { a: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const start = useQuery(CompareStartDocument, { variables: { id: a } });
  const found = useQuery(CompareCandidatesDocument, { variables: { text: query }, skip: query === '' });
  const linked = start.data?.measure ? [...start.data.measure.evolvesFrom, ...start.data.measure.evolvesInto].map((l) => l.measure) : [];
  return (
    <QueryBoundary loading={start.loading} error={start.error} data={start.data} onRetry={() => void start.refetch()}>
      {({ measure }) =>
        !measure ? (
          <NotFoundBody query="" />
        ) : (
          <>
            <p>
              {t('compareChosen')} <strong>{sideTitle(measure)}</strong>
            </p>
            <p className="version__text">{measure.text.replace(/\s*\n\s*/g, '')}</p>
            {linked.length > 0 && (
              <>
                <h2>{t('compareLinked')}</h2>
                <ul className="plain-list">
                  {linked.map((m) => (
                    <li key={m.id}>
                      <Link to={(m.year ?? 0) <= (measure.year ?? 0) ? routes.compare(m.id, a) : routes.compare(a, m.id)}>{sideTitle(m)}</Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <form
              className="compare__search"
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                setQuery(text.trim());
              }}
            >
              <label htmlFor="compare-search">{t('compareSearch')}</label>
              <input id="compare-search" className="input" value={text} onChange={(e) => setText(e.target.value)} />
              <button type="submit" className="button button--primary">
                {t('searchButton')}
              </button>
            </form>
            {found.data && (
              <ul className="plain-list" data-testid="compare-candidates">
                {found.data.search.length === 0 && <li className="muted">{t('searchNoResults')}</li>}
                {found.data.search
                  .filter((h) => h.id !== a)
                  .map((h) => (
                    <li key={h.id}>
                      <Link to={routes.compare(a, h.id)}>
                        <span className="year-chip">{h.year ?? '?'}</span> {h.snippet}
                      </Link>
                    </li>
                  ))}
              </ul>
            )}
          </>
        )
      }
    </QueryBoundary>
  );
}

export default function ComparePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const a = params.get('a');
  const b = params.get('b');
  usePageTitle(t('compareTitle'));
  return (
    <div className="page compare">
      <h1>{t('compareTitle')}</h1>
      <p className="hint">{t('compareHint')}</p>
      {!a ? <EmptyState>{t('compareNothing')}</EmptyState> : b ? <Pair a={a} b={b} /> : <Picker a={a} />}
    </div>
  );
}
