import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n.js';
import { diffTexts, keptShare } from '../lib/diff.js';

export function TextDiff({ earlier, later }: { earlier: string; later: string }) {
  const { t } = useI18n();
  const parts = useMemo(() => diffTexts(earlier, later), [earlier, later]);
  const kept = Math.round(keptShare(parts) * 100);
  return (
    <div className="diff">
      <p className="diff__summary muted">{t('diffLegend')} ({kept}%)</p>
      <p className="diff__text" data-testid="diff-text">
        {parts.map((part, i) =>
          part.kind === 'added' ? (
            <ins key={i} className="diff__added" title={t('added')}>
              {part.text}
            </ins>
          ) : part.kind === 'removed' ? (
            <del key={i} className="diff__removed" title={t('removed')}>
              {part.text}
            </del>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
