import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { ThemeTimelineDocument, type ThemeTimelineQuery } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { EChart } from '../../components/EChart.js';
import { EmptyState, QueryBoundary } from '../../components/QueryState.js';
import { Truncate } from '../../components/Truncate.js';
import { NotFoundBody } from '../../components/NotFoundBody.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import type { EChartsCoreOption } from '../../lib/echarts.js';

type Theme = NonNullable<ThemeTimelineQuery['theme']>;

function Timeline({ theme }: { theme: Theme }) {
  const { t } = useI18n();
  // Every year from the first to the last, zeros included: a gap is part of the story.
  const years = useMemo(() => {
    const known = theme.timeline.map((y) => y.year).filter((y): y is number => y !== null);
    if (known.length === 0) return [];
    const first = Math.min(...known);
    const last = Math.max(...known);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }, [theme]);
  const option: EChartsCoreOption = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: years.map(String), axisLabel: { fontSize: 13, color: '#1f2937' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1f2937' } },
      series: [{ type: 'bar', data: years.map((year) => theme.timeline.find((y) => y.year === year)?.measureCount ?? 0), itemStyle: { color: '#7e22ce' }, label: { show: true, position: 'top' }, barMaxWidth: 48 }],
    }),
    [years],
  );
  if (theme.timeline.length === 0) return <EmptyState>{t('themeEmpty')}</EmptyState>;
  return (
    <>
      <p className="lineage__years" data-testid="theme-years" aria-label={t('themeTimeline')}>
        {theme.timeline.map((y, i) => (
          <span key={String(y.year)}>
            {i > 0 && <span aria-hidden="true"> → </span>}
            <a className="year-chip year-chip--big" href={`#year-${y.year ?? 'unknown'}`}>
              {y.year ?? '?'}
            </a>
          </span>
        ))}
      </p>
      <h2>{t('measuresPerYear')}</h2>
      <EChart option={option} height={220} ariaLabel={`${t('measuresPerYear')}: ${theme.timeline.map((y) => `${y.year}: ${y.measureCount}`).join(', ')}`} />
      <ol className="timeline">
        {theme.timeline.map((year) => (
          <li key={String(year.year)} id={`year-${year.year ?? 'unknown'}`} className="timeline__year" data-year={year.year ?? ''}>
            <h3>
              <span className="year-chip year-chip--big">{year.year ?? '?'}</span> {t('measures')} {year.measureCount}
            </h3>
            <div className="timeline__cols">
              <div>
                <h4>{t('documents')}</h4>
                <ul className="plain-list">
                  {year.documents.map((d) => (
                    <li key={d.id}>
                      <Link to={routes.document(d.id)}>
                        <Truncate text={d.title} max={36} />
                      </Link>
                    </li>
                  ))}
                </ul>
                <h4>{t('departments')}</h4>
                <ul className="chip-list chip-list--wrap">
                  {year.departments.slice(0, 12).map((d) => (
                    <li key={d.id}>
                      <Link className="chip" to={routes.department(d.name)}>
                        {d.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h4>{t('measures')}</h4>
                <ul className="plain-list">
                  {year.measures.map((m) => (
                    <li key={m.id} className="measure-row">
                      <Link to={routes.measure(m.id)}>
                        <Truncate text={m.text} max={70} />
                      </Link>{' '}
                      <Link className="muted small" to={routes.lineage(m.id)}>
                        {t('openLineage')}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

export default function ThemePage() {
  const { t, lang } = useI18n();
  const { name = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ThemeTimelineDocument, { variables: { name } });
  usePageTitle(data?.theme?.name ?? name);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={routes.themes()}>{t('themesTitle')}</Link> /
      </p>
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ theme }) =>
          !theme ? (
            <>
              <h1>{name}</h1>
              <NotFoundBody query={name} />
            </>
          ) : (
            <>
              <h1>
                {lang === 'en' && theme.nameEn ? theme.nameEn : theme.name}
                <span className="muted h1__sub">{lang === 'en' ? theme.name : theme.nameEn}</span>
              </h1>
              {theme.synonyms.length > 0 && <p className="muted">{theme.synonyms.join('、')}</p>}
              <Timeline theme={theme} />
            </>
          )
        }
      </QueryBoundary>
    </div>
  );
}
