import { useId } from 'react';
import { useI18n } from '../../../lib/i18n.js';

interface StyleControlsProps {
  colorBy: 'type' | 'year';
  sizeBy: 'type' | 'degree';
  onChange: (patch: { colorBy?: 'type' | 'year'; sizeBy?: 'type' | 'degree' }) => void;
}

/** Rule-based styling in the legend: colour by year, size by number of links. */
export function StyleControls({ colorBy, sizeBy, onChange }: StyleControlsProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="style-controls" data-testid="style-controls">
      <label htmlFor={`${id}-color`} className="field-label">
        {t('colorBy')}
      </label>
      <select id={`${id}-color`} className="input input--small" value={colorBy} onChange={(e) => onChange({ colorBy: e.target.value === 'year' ? 'year' : 'type' })}>
        <option value="type">{t('colorByType')}</option>
        <option value="year">{t('colorByYear')}</option>
      </select>
      {colorBy === 'year' && <span className="year-ramp" aria-hidden="true" />}
      <label htmlFor={`${id}-size`} className="field-label">
        {t('sizeBy')}
      </label>
      <select id={`${id}-size`} className="input input--small" value={sizeBy} onChange={(e) => onChange({ sizeBy: e.target.value === 'degree' ? 'degree' : 'type' })}>
        <option value="type">{t('sizeByType')}</option>
        <option value="degree">{t('sizeByDegree')}</option>
      </select>
    </div>
  );
}
