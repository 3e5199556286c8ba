import type { ClauseComparisonFragment } from '../generated/graphql.js';
import { useI18n, type MessageKey } from '../lib/i18n.js';

/**
 * Two versions side by side, clause by clause (like a legal database's 对照版): unchanged
 * clauses plain, a changed clause with its word-level edits, added and removed clauses marked
 * on their side only.
 */
export function ClauseTable({ comparison, leftTitle, rightTitle }: { comparison: ClauseComparisonFragment; leftTitle: string; rightTitle: string }) {
  const { t } = useI18n();
  const counts = { same: 0, changed: 0, added: 0, removed: 0 } as Record<string, number>;
  for (const row of comparison.rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  return (
    <div className="clauses">
      <p className="clauses__summary" data-testid="comparison-summary">
        {t('compareSummary', {
          shared: comparison.sharedWords,
          total: comparison.totalWords,
          pct: Math.round(comparison.similarity * 100),
        })}{' '}
        <span className="muted">
          {t('compareCounts', { same: counts.same ?? 0, changed: counts.changed ?? 0, added: counts.added ?? 0, removed: counts.removed ?? 0 })}
        </span>
      </p>
      <table className="clauses__table" data-testid="clause-table">
        <thead>
          <tr>
            <th scope="col">{leftTitle}</th>
            <th scope="col">{rightTitle}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row, i) => (
            <tr key={i} className={`clause clause--${row.kind}`} data-kind={row.kind}>
              <td>
                {row.kind === 'changed' ? (
                  <Parts parts={row.parts} side="left" />
                ) : row.left ? (
                  row.kind === 'removed' ? <del className="diff__removed">{row.left}</del> : row.left
                ) : (
                  <span className="clause__gap">{t('clauseAbsent')}</span>
                )}
                {row.kind !== 'same' && row.kind !== 'added' && <span className="clause__tag">{t(clauseKey(row.kind))}</span>}
              </td>
              <td>
                {row.kind === 'changed' ? (
                  <Parts parts={row.parts} side="right" />
                ) : row.right ? (
                  row.kind === 'added' ? <ins className="diff__added">{row.right}</ins> : row.right
                ) : (
                  <span className="clause__gap">{t('clauseAbsent')}</span>
                )}
                {row.kind !== 'same' && row.kind !== 'removed' && <span className="clause__tag">{t(clauseKey(row.kind))}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function clauseKey(kind: string): MessageKey {
  return kind === 'changed' ? 'clause_changed' : kind === 'added' ? 'clause_added' : kind === 'removed' ? 'clause_removed' : 'clause_same';
}

/** One side of a changed clause: the words it shares with the other side, and its own edits. */
function Parts({ parts, side }: { parts: ClauseComparisonFragment['rows'][number]['parts']; side: 'left' | 'right' }) {
  const { t } = useI18n();
  return (
    <span data-testid="word-diff">
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'removed' && side === 'left' ? (
          <del key={i} className="diff__removed" title={t('removed')}>
            {p.text}
          </del>
        ) : p.kind === 'added' && side === 'right' ? (
          <ins key={i} className="diff__added" title={t('added')}>
            {p.text}
          </ins>
        ) : null,
      )}
    </span>
  );
}
