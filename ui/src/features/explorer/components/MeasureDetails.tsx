import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import * as Tabs from '@radix-ui/react-tabs';
import { useQuery } from '@apollo/client/react';
import { MeasureDetailsDocument, type MeasureDetailsQuery } from '../../../generated/graphql.js';
import { useI18n } from '../../../lib/i18n.js';
import { routes } from '../../../lib/routes.js';
import { HighlightedText } from '../../../components/HighlightedText.js';
import { EmptyState, QueryBoundary } from '../../../components/QueryState.js';
import { fileName, lineRange, readableEvidence } from '../../../lib/provenance.js';
import { inSourceOrder } from '../../../lib/responsibilities.js';
import { readablePath } from '../../../lib/paths.js';
import { readableText } from '../../../lib/text.js';
import { Truncate } from '../../../components/Truncate.js';

type Measure = NonNullable<MeasureDetailsQuery['measure']>;

const CONTEXT_CHARS = 400;

/** The measure's passage inside its document's original text, marked, with some text around it. */
function PassageInContext({ measure }: { measure: Measure }) {
  const { t } = useI18n();
  const text = measure.document.sourceText;
  const span = measure.source;
  if (!text || !span || span.endOffset > text.length || span.startOffset >= span.endOffset) {
    return <EmptyState>{t('none')}</EmptyState>;
  }
  const from = Math.max(0, span.startOffset - CONTEXT_CHARS);
  const to = Math.min(text.length, span.endOffset + CONTEXT_CHARS);
  return (
    <div className="source-context" tabIndex={0} aria-label={t('inDocument')} data-testid="source-context">
      {from > 0 && '…'}
      {text.slice(from, span.startOffset)}
      <mark className="source-context__passage" ref={(el) => el?.scrollIntoView({ block: 'center' })}>
        {text.slice(span.startOffset, span.endOffset)}
      </mark>
      {text.slice(span.endOffset, to)}
      {to < text.length && '…'}
    </div>
  );
}

function LineageLinks({ title, links, ownText }: { title: string; links: Measure['evolvesFrom']; ownText: string }) {
  const { t, lang } = useI18n();
  if (links.length === 0) return null;
  return (
    <div className="details__block">
      <h3>{title}</h3>
      <ul className="plain-list">
        {links.map((link) => (
          <li key={link.measure.id} className="lineage-link">
            <Link to={routes.measure(link.measure.id)} className="lineage-link__target">
              <span className="year-chip">{link.measure.year ?? '?'}</span>
              <Truncate text={link.measure.text} max={48} />
            </Link>
            <span className="lineage-link__meta" title={t('linkScoreHint')}>
              {t('linkScore', { pct: Math.round(link.score * 100) })}
            </span>
            {link.evidence.length > 0 && (
              <span className="lineage-link__evidence">
                {t('sharedWords')}：
                {link.evidence
                  .map((w) => readableEvidence(w, [ownText, link.measure.text]))
                  .map((e) => (e.target ? t('targetMetric', { name: e.text }) : e.text))
                  .join('、')}
              </span>
            )}
            {link.themes.length > 0 && (
              <span className="lineage-link__evidence">
                {t('sharedThemes')}：{link.themes.map((x) => (lang === 'en' && x.nameEn ? x.nameEn : x.name)).join('、')}
              </span>
            )}
            {link.initiatives.length > 0 && (
              <span className="lineage-link__evidence">
                {t('sharedProgrammes')}：{link.initiatives.map((x) => x.name).join('、')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MeasureDetails({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { data, loading, error, refetch } = useQuery(MeasureDetailsDocument, { variables: { id } });
  const evidence = useMemo(() => data?.measure?.themes.flatMap((tag) => tag.evidence) ?? [], [data]);
  return (
    <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ measure }) =>
        !measure ? (
          <EmptyState>{t('notFound')}</EmptyState>
        ) : (
          <div className="measure-details" data-testid="measure-details">
            <p className="details__meta">
              <span className="year-chip">{measure.year ?? '?'}</span>
              <Link to={routes.document(measure.document.id, measure.id)}>{measure.document.title}</Link>
              {measure.path && <span className="muted"> · {readablePath(measure.path, t)}</span>}
            </p>
            <p className="details__actions">
              <Link className="button button--small" to={routes.lineage(measure.id)}>
                {t('openLineage')}
              </Link>
              <Link className="button button--small" to={routes.document(measure.document.id, measure.id)}>
                {t('openDocument')}
              </Link>
              <Link className="button button--small" to={routes.compare(measure.id)} data-testid="compare-with">
                {t('compareWith')}
              </Link>
            </p>
            <Tabs.Root defaultValue="text" className="tabs">
              <Tabs.List className="tabs__list" aria-label={t('details')}>
                <Tabs.Trigger value="text" className="tabs__trigger">
                  {t('fullText')}
                </Tabs.Trigger>
                <Tabs.Trigger value="context" className="tabs__trigger">
                  {t('inDocument')}
                </Tabs.Trigger>
                <Tabs.Trigger value="lineage" className="tabs__trigger">
                  {t('lineageLinks')} ({measure.evolvesFrom.length + measure.evolvesInto.length})
                </Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="text" className="tabs__content">
                <HighlightedText className="measure-text" text={readableText(measure.text)} phrases={evidence} />
                {measure.source && (
                  <p className="source-ref" data-testid="source-ref">
                    {t('source')}：
                    <Link to={routes.document(measure.document.id, measure.id)}>
                      {t('sourcePlace', { file: fileName(measure.source.file), lines: lineRange(measure.source.startLine, measure.source.endLine) })}
                    </Link>
                  </p>
                )}
                <div className="details__block">
                  <h3>{t('responsibleDepartments')}</h3>
                  {measure.responsibilities.length === 0 ? (
                    <p className="muted">{measure.responsibleText ?? t('none')}</p>
                  ) : (
                    <ul className="plain-list">
                      {inSourceOrder(measure.responsibilities, measure.responsibleText).map((r) => {
                        const today = r.department.current.filter((c) => c.id !== r.department.id);
                        return (
                          <li key={`${r.department.id}-${r.role}`} className="responsibility">
                            <span className={`role role--${r.role}`}>{t(`role_${r.role}` as 'role_lead')}</span>
                            <Link to={routes.department(r.department.name)}>{r.asWritten ?? r.department.name}</Link>
                            {today.length > 0 && (
                              <span className="muted" data-testid="renamed">
                                {' → '}
                                {t('todayName')}{' '}
                                {today.map((c) => (
                                  <Link key={c.id} to={routes.department(c.name)}>
                                    {c.name}
                                  </Link>
                                ))}
                              </span>
                            )}
                            {r.asWritten && r.asWritten !== r.department.name && today.length === 0 && (
                              <span className="muted"> ({r.department.name})</span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
                <div className="details__block">
                  <h3>{t('themes')}</h3>
                  {measure.themes.length === 0 ? (
                    <p className="muted">{t('none')}</p>
                  ) : (
                    <ul className="chip-list">
                      {measure.themes.map((tag) => (
                        <li key={tag.theme.id}>
                          <Link className="chip chip--theme" to={routes.theme(tag.theme.name)} title={`${t('evidence')}: ${tag.evidence.join('、')}`}>
                            {lang === 'en' && tag.theme.nameEn ? tag.theme.nameEn : tag.theme.name}
                          </Link>
                          {tag.evidence.length > 0 && <span className="chip__evidence">「{tag.evidence.join('、')}」</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                {measure.initiatives.length > 0 && (
                  <div className="details__block">
                    <h3>{t('type_Initiative')}</h3>
                    <ul className="chip-list">
                      {measure.initiatives.map((i) => (
                        <li key={i.id}>
                          <Link className="chip" to={routes.explorer({ focus: i.id })}>
                            {i.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {measure.targets.length > 0 && (
                  <div className="details__block">
                    <h3>{t('targets')}</h3>
                    <ul className="plain-list">
                      {measure.targets.map((target) => (
                        <li key={target.id}>
                          {target.year && <span className="year-chip">{target.year}</span>}
                          {target.text}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {measure.implements.length > 0 && (
                  <div className="details__block">
                    <h3>{t('implementsClause')}</h3>
                    <ul className="plain-list">
                      {measure.implements.map((req) => (
                        <li key={req.id} className="requirement">
                          {req.section && <span className="muted">{req.section} · </span>}
                          {req.text}
                          {req.document && <span className="muted"> — {req.document.docNumber ?? req.document.title}</span>}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </Tabs.Content>
              <Tabs.Content value="context" className="tabs__content">
                {measure.source && (
                  <p className="source-ref">
                    <code>{t('sourceLine', { file: measure.source.file, start: measure.source.startLine, end: measure.source.endLine })}</code>
                  </p>
                )}
                <PassageInContext measure={measure} />
              </Tabs.Content>
              <Tabs.Content value="lineage" className="tabs__content">
                {measure.evolvesFrom.length + measure.evolvesInto.length === 0 ? (
                  <EmptyState>{t('lineageEmpty')}</EmptyState>
                ) : (
                  <>
                    <LineageLinks title={t('evolvesFrom')} links={measure.evolvesFrom} ownText={measure.text} />
                    <LineageLinks title={t('evolvesInto')} links={measure.evolvesInto} ownText={measure.text} />
                  </>
                )}
              </Tabs.Content>
            </Tabs.Root>
          </div>
        )
      }
    </QueryBoundary>
  );
}
