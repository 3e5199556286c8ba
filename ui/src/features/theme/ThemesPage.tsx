import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { ThemeMatrixDocument, type ThemeMatrixQuery } from '../../generated/graphql.js';
import { useI18n, type Lang } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { EChart } from '../../components/EChart.js';
import { EmptyState, QueryBoundary } from '../../components/QueryState.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import type { EChartsCoreOption } from '../../lib/echarts.js';

type Matrix = ThemeMatrixQuery['themeMatrix'];

function themeLabel(theme: { name: string; nameEn?: string | null }, lang: Lang) {
  return lang === 'en' && theme.nameEn ? theme.nameEn : theme.name;
}

export function heatmapOption(matrix: Matrix, lang: Lang): EChartsCoreOption {
  // Rows top-down from the most frequent theme: ECharts draws category axes bottom-up.
  const themes = [...matrix.themes].reverse();
  const rowOf = new Map(themes.map((theme, i) => [theme.id, i]));
  const colOf = new Map(matrix.years.map((year, i) => [year, i]));
  // The colour scale tops out at the 90th percentile: one outlier year must not wash out the rest.
  const counts = matrix.cells.map((c) => c.measureCount).sort((a, b) => a - b);
  const max = Math.max(2, counts[Math.floor(counts.length * 0.9)] ?? 1);
  const data = matrix.cells
    .filter((c) => rowOf.has(c.themeId) && colOf.has(c.year))
    .map((c) => ({
      value: [colOf.get(c.year)!, rowOf.get(c.themeId)!, c.measureCount, c.documentCount],
      // White numbers on the dark half of the scale, dark ones on the light half.
      label: { color: c.measureCount >= max * 0.55 ? '#ffffff' : '#1f2937' },
    }));
  return {
    aria: { enabled: true },
    tooltip: {
      formatter: (p: { data: { value: number[] } }) => {
        const [col, row, measures, documents] = p.data.value as [number, number, number, number];
        const theme = themes[row];
        return `${theme ? themeLabel(theme, lang) : ''} · ${matrix.years[col]}<br/>${lang === 'en' ? 'measures' : '措施'} ${measures} · ${lang === 'en' ? 'documents' : '文件'} ${documents}`;
      },
    },
    grid: { left: 150, right: 30, top: 10, bottom: 96 },
    xAxis: { type: 'category', data: matrix.years.map(String), splitArea: { show: false }, axisLabel: { fontSize: 13, color: '#1f2937' } },
    yAxis: {
      type: 'category',
      data: themes.map((theme) => themeLabel(theme, lang)),
      splitArea: { show: false },
      axisLabel: { fontSize: 13, color: '#1f2937', width: 130, overflow: 'truncate' },
    },
    visualMap: {
      dimension: 2, // the measure count; the default (last dimension) would be the document count
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 120,
      inRange: { color: ['#ede9fe', '#c4b5fd', '#8b5cf6', '#5b21b6'] },
      outOfRange: { color: '#4c1d95' },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, fontSize: 12 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.4)' } },
      },
    ],
  };
}

function Heatmap({ matrix }: { matrix: Matrix }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const option = useMemo(() => heatmapOption(matrix, lang), [matrix, lang]);
  const themesTopDown = matrix.themes;
  if (matrix.themes.length === 0) return <EmptyState>{t('themesEmpty')}</EmptyState>;
  const rows = [...themesTopDown].reverse();
  return (
    <>
      <EChart
        option={option}
        height={Math.max(260, matrix.themes.length * 26 + 90)}
        ariaLabel={`${t('themesTitle')}: ${matrix.years.join(', ')}`}
        onClick={(params) => {
          const data = params.data as { value: number[] } | undefined;
          const theme = data ? rows[data.value[1]!] : undefined;
          if (theme) navigate(routes.theme(theme.name));
        }}
      />
      <h2>{t('navThemes')}</h2>
      <ul className="chip-list chip-list--wrap" data-testid="theme-list">
        {themesTopDown.map((theme) => (
          <li key={theme.id}>
            <Link className="chip chip--theme" to={routes.theme(theme.name)}>
              {themeLabel(theme, lang)} <span className="count">{theme.measureCount}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export default function ThemesPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(ThemeMatrixDocument);
  usePageTitle(t('themesTitle'));
  return (
    <div className="page">
      <h1>{t('themesTitle')}</h1>
      <p className="hint">{t('themesHint')}</p>
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ themeMatrix }) => <Heatmap matrix={themeMatrix} />}
      </QueryBoundary>
    </div>
  );
}
