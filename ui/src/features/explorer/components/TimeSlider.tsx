import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n.js';

interface TimeSliderProps {
  years: readonly number[];
  /** The last year shown; null: every year. */
  until: number | null;
  onChange: (until: number | null) => void;
}

const STEP_MS = 1200;

/**
 * A time slicer with playback (like Neo4j Bloom's): dated nodes appear year by year up to the
 * chosen year; undated ones (departments, themes) stay.
 */
export function TimeSlider({ years, until, onChange }: TimeSliderProps) {
  const { t } = useI18n();
  const id = useId();
  const [playing, setPlaying] = useState(false);
  const last = years[years.length - 1];
  const index = until === null ? years.length - 1 : Math.max(0, years.findIndex((y) => y >= until));

  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(() => {
      if (index >= years.length - 1) {
        setPlaying(false);
        onChange(null);
      } else {
        onChange(years[index + 1] ?? null);
      }
    }, STEP_MS);
    return () => window.clearTimeout(timer);
  }, [playing, index, years, onChange]);

  if (years.length < 2 || last === undefined) return null;
  const shown = years[index] ?? last;
  return (
    <div className="time-slider" data-testid="time-slider" data-year={until ?? ''} data-playing={playing ? 'true' : 'false'}>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          if (!playing && (until === null || index >= years.length - 1)) onChange(years[0] ?? null);
          setPlaying(!playing);
        }}
        aria-pressed={playing}
        data-testid="time-play"
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t('pause') : t('play')}
      </button>
      <label htmlFor={`${id}-range`} className="field-label">
        {t('timeSlider')}
      </label>
      <input
        id={`${id}-range`}
        type="range"
        min={0}
        max={years.length - 1}
        step={1}
        value={index}
        aria-valuetext={until === null ? t('timeAll') : t('timeUntil', { year: shown })}
        onChange={(e) => {
          const i = Number(e.target.value);
          onChange(i >= years.length - 1 ? null : (years[i] ?? null));
        }}
      />
      <output htmlFor={`${id}-range`} className="time-slider__year" aria-live="polite">
        {until === null ? t('timeAll') : t('timeUntil', { year: shown })}
      </output>
    </div>
  );
}
