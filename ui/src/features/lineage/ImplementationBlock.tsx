import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { MeasureImplementationDocument, type ImplementationEndFragment } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { readableText } from '../../lib/text.js';

/** One implementation link: the clause at the other end, its document, and why they were linked. */
function ImplementationItem({ link }: { link: ImplementationEndFragment }) {
  const { t } = useI18n();
  const doc = link.measure.document;
  return (
    <li className="implementation" data-testid="implementation-link">
      <blockquote>{readableText(link.clause || link.measure.text)}</blockquote>
      <p className="muted">
        <Link to={routes.document(doc.id, link.measure.id)}>{doc.title}</Link>
        {doc.docNumber ? ` ${doc.docNumber}` : ''} · <Link to={routes.lineage(link.measure.id)}>{t('implementationOpen')}</Link> ·{' '}
        {t('linkScore', { pct: Math.round(link.score * 100) })} · {link.tier === 'same' ? t('implementationSame') : t('implementationRelated')}
      </p>
      {link.evidence.length > 0 && (
        <p className="muted">
          {t('sharedWords')}: {link.evidence.join('、')}
        </p>
      )}
    </li>
  );
}

/** The clauses of higher-level documents a measure carries out, and the local measures carrying it out. */
export function ImplementationBlock({ measureId }: { measureId: string }) {
  const { t } = useI18n();
  const { data } = useQuery(MeasureImplementationDocument, { variables: { id: measureId } });
  const m = data?.measure;
  if (!m || (m.implementsClauses.length === 0 && m.implementedBy.length === 0)) return null;
  return (
    <section className="implementation-block" data-testid="implementation-block" aria-label={t('implementsClauses')}>
      {m.implementsClauses.length > 0 && (
        <>
          <h2>{t('implementsClauses')}</h2>
          <ul>
            {m.implementsClauses.map((l) => (
              <ImplementationItem key={l.measure.id} link={l} />
            ))}
          </ul>
        </>
      )}
      {m.implementedBy.length > 0 && (
        <>
          <h2>{t('implementedByLocal', { n: m.implementedBy.length })}</h2>
          <ul>
            {m.implementedBy.map((l) => (
              <ImplementationItem key={l.measure.id} link={{ ...l, clause: l.localClause ?? l.measure.text }} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
