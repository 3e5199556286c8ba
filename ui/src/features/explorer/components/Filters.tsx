import { useId } from 'react';
import * as Slider from '@radix-ui/react-slider';
import { useQuery } from '@apollo/client/react';
import { ExplorerFilterOptionsDocument } from '../../../generated/graphql.js';
import { useI18n } from '../../../lib/i18n.js';
import { NODE_TYPES, type NodeType } from '../../../lib/nodeTypes.js';
import { NodeSwatch } from '../../../components/Legend.js';
import { ErrorState } from '../../../components/QueryState.js';
import type { ExplorerState } from '../hooks/useExplorerUrlState.js';

interface FiltersProps {
  state: ExplorerState;
  onChange: (patch: Partial<ExplorerState>) => void;
}

export function Filters({ state, onChange }: FiltersProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const { data, error, refetch } = useQuery(ExplorerFilterOptionsDocument);
  const years = data?.stats.years ?? [];
  const minYear = years[0];
  const maxYear = years[years.length - 1];
  const from = state.from ?? minYear;
  const to = state.to ?? maxYear;
  const toggleType = (type: NodeType) => {
    const next = state.types.includes(type) ? state.types.filter((x) => x !== type) : NODE_TYPES.filter((x) => x === type || state.types.includes(x));
    onChange({ types: next });
  };
  const active = state.types.length !== NODE_TYPES.length || state.from !== null || state.to !== null || state.theme !== null || state.dept !== null;

  return (
    <section className="filters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('filters')}
      </h2>
      <fieldset className="filters__types">
        <legend>{t('nodeTypes')}</legend>
        {NODE_TYPES.map((type) => (
          <label key={type} className="check">
            <input type="checkbox" checked={state.types.includes(type)} onChange={() => toggleType(type)} />
            <NodeSwatch type={type} />
            {t(`type_${type}`)}
          </label>
        ))}
      </fieldset>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {minYear !== undefined && maxYear !== undefined && from !== undefined && to !== undefined && minYear < maxYear && (
        <div className="filters__years">
          <span id={`${id}-years`} className="field-label">
            {t('yearRange')}: <strong>{from}–{to}</strong>
          </span>
          <Slider.Root
            className="slider"
            min={minYear}
            max={maxYear}
            step={1}
            minStepsBetweenThumbs={0}
            value={[from, to]}
            onValueChange={([a, b]) => onChange({ from: a === minYear ? null : (a ?? null), to: b === maxYear ? null : (b ?? null) })}
            aria-labelledby={`${id}-years`}
          >
            <Slider.Track className="slider__track">
              <Slider.Range className="slider__range" />
            </Slider.Track>
            <Slider.Thumb className="slider__thumb" aria-label={`${t('yearRange')} ≥`} />
            <Slider.Thumb className="slider__thumb" aria-label={`${t('yearRange')} ≤`} />
          </Slider.Root>
        </div>
      )}
      <label className="field">
        <span className="field-label">{t('theme')}</span>
        <select className="input" value={state.theme ?? ''} onChange={(e) => onChange({ theme: e.target.value || null })}>
          <option value="">{t('any')}</option>
          {(data?.themes ?? []).map((theme) => (
            <option key={theme.id} value={theme.id}>
              {lang === 'en' && theme.nameEn ? theme.nameEn : theme.name} ({theme.measureCount})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('department')}</span>
        <select className="input" value={state.dept ?? ''} onChange={(e) => onChange({ dept: e.target.value || null })}>
          <option value="">{t('any')}</option>
          {(data?.departments ?? []).map((dept) => (
            <option key={dept.id} value={dept.id}>
              {dept.name} ({dept.measureCount})
            </option>
          ))}
        </select>
      </label>
      {active && (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => onChange({ types: [...NODE_TYPES], from: null, to: null, theme: null, dept: null })}
        >
          {t('resetFilters')}
        </button>
      )}
    </section>
  );
}
