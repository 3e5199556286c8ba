import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { PrintLineageDocument, type PrintLineageQuery, type PrintMeasureFragment } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { readableText } from '../../lib/text.js';
import { fileName, readableEvidence } from '../../lib/provenance.js';
import { inSourceOrder } from '../../lib/responsibilities.js';
import { EmptyState, QueryBoundary } from '../../components/QueryState.js';
import { NotFoundBody } from '../../components/NotFoundBody.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { relatedEntries, span, versionEntries, type ChainEntry } from './chain.js';
import { readablePath } from './path.js';
import { fill, TEXT, type PrintText } from './text.js';
import './print.css';

type Group = NonNullable<PrintLineageQuery['versionGroup']>;
type GroupLink = Group['links'][number];
type Entry = ChainEntry<PrintMeasureFragment, GroupLink>;

function useText(): PrintText {
  return TEXT[useI18n().lang];
}

/** file · line 12–14 · page 3: the place a reader can open in the original. */
function sourcePlace(m: PrintMeasureFragment, text: PrintText): string | null {
  const s = m.source;
  if (!s) return null;
  const parts = [fileName(s.file), fill(text.lines, { lines: span(s.startLine, s.endLine) })];
  if (s.startPage) parts.push(fill(text.pages, { pages: span(s.startPage, s.endPage) }));
  return parts.join(' · ');
}

function LinkBlock({ link, earlier, later }: Entry['links'][number]) {
  const text = useText();
  const { lang } = useI18n();
  const words = link.evidence.map((w) => readableEvidence(w, [later.text, earlier.text]).text);
  const themes = link.themes.map((x) => (lang === 'en' && x.nameEn ? x.nameEn : x.name));
  const programmes = link.initiatives.map((x) => `“${x.name}”`);
  const found = link.curation ? (text.curation[link.curation] ?? link.curation) : text.foundBySystem;
  const kind = [text.tier[link.tier] ?? link.tier, link.type === 'RESEMBLES' ? text.across : null, found].filter(Boolean).join('，');
  const rows: [string, string[]][] = [
    [text.sharedWords, words],
    [text.sharedThemes, themes],
    [text.sharedProgrammes, programmes],
  ];
  return (
    <section className="print-link" data-testid="print-link" data-tier={link.tier}>
      <h3 className="print-link__title">
        {fill(text.linkHeading, { from: earlier.year ?? '?', to: later.year ?? '?' })}
        <span className="print-link__kind">{kind}</span>
        <span className="print-link__score">{fill(text.strength, { pct: Math.round(link.score * 100) })}</span>
      </h3>
      {rows.every(([, values]) => values.length === 0) ? (
        <p className="print-muted">{text.noEvidence}</p>
      ) : (
        <dl className="print-facts print-facts--link">
          {rows.map(([label, values]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{values.length > 0 ? values.join('、') : text.none}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function VersionBlock({ entry, jurisdiction, label, focus, showNoLink }: { entry: Entry; jurisdiction: string | null | undefined; label: string; focus: boolean; showNoLink: boolean }) {
  const text = useText();
  const m = entry.measure;
  const doc = m.document;
  const place = sourcePlace(m, text);
  const parties = inSourceOrder(m.responsibilities, m.responsibleText);
  return (
    <>
      {entry.links.map((l) => (
        <LinkBlock key={`${l.earlier.id}>${l.later.id}`} {...l} />
      ))}
      {showNoLink && entry.links.length === 0 && <p className="print-link print-muted">{text.noLink}</p>}
      <article className={focus ? 'print-version print-version--focus' : 'print-version'} data-testid="print-version" data-measure-id={m.id} data-year={m.year ?? ''}>
        <header className="print-version__head">
          <span className="print-version__year">{m.year ?? '?'}</span>
          <div>
            <p className="print-version__label">{label}</p>
            <h2 className="print-version__doc">{doc.title}</h2>
          </div>
        </header>
        <dl className="print-facts">
          {doc.docNumber && (
            <div>
              <dt>{text.docNumber}</dt>
              <dd>{doc.docNumber}</dd>
            </div>
          )}
          {doc.issuedOn && (
            <div>
              <dt>{text.issuedOn}</dt>
              <dd>{doc.issuedOn}</dd>
            </div>
          )}
          <div>
            <dt>{text.jurisdiction}</dt>
            <dd>{jurisdiction ?? doc.issuer ?? text.unknown}</dd>
          </div>
          {m.path && (
            <div>
              <dt>{text.item}</dt>
              <dd>{readablePath(m.path, text)}</dd>
            </div>
          )}
          {place && (
            <div className="print-facts__wide">
              <dt>{text.place}</dt>
              <dd data-testid="print-place">{place}</dd>
            </div>
          )}
          <div className="print-facts__wide">
            <dt>{text.departments}</dt>
            <dd>
              {parties.length > 0
                ? parties.map((r, i) => (
                    <span key={`${r.department.id}-${r.role}`}>
                      {i > 0 && '、'}
                      {r.asWritten || r.department.name}
                      {r.role !== 'joint' && `（${text.role[r.role] ?? r.role}）`}
                    </span>
                  ))
                : m.responsibleText || text.none}
            </dd>
          </div>
        </dl>
        <h3 className="visually-hidden">{text.text}</h3>
        <p className="print-version__text" data-testid="print-text">
          {readableText(m.text)}
        </p>
      </article>
    </>
  );
}

function PrintDocument({ group, withRelated }: { group: Group; withRelated: boolean }) {
  const text = useText();
  const { lang } = useI18n();
  const versions = group.versions.map((v) => v.measure);
  const jurisdiction = new Map([...group.versions, ...group.related].map((v) => [v.measure.id, v.jurisdiction]));
  const entries = versionEntries(versions, group.links);
  const related = withRelated ? relatedEntries(group.related.map((v) => v.measure), versions, group.links) : [];
  const years = [...new Set(versions.map((m) => m.year ?? '?'))];
  const today = new Date().toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
  if (versions.length <= 1 && group.related.length === 0) return <EmptyState>{text.empty}</EmptyState>;
  return (
    <>
      <p className="print-summary" data-testid="print-years">
        {fill(text.summary, { n: versions.length })} {years.join(' → ')}
      </p>
      {group.truncated && <p className="print-muted">{text.truncated}</p>}
      {entries.map((e, i) => (
        <VersionBlock
          key={e.measure.id}
          entry={e}
          jurisdiction={jurisdiction.get(e.measure.id)}
          label={fill(text.version, { i: i + 1 })}
          focus={e.measure.id === group.focus.id}
          showNoLink={i > 0}
        />
      ))}
      {related.length > 0 && (
        <section className="print-related" data-testid="print-related">
          <h2 className="print-related__title">{text.relatedTitle}</h2>
          <p className="print-muted">{text.relatedIntro}</p>
          {related.map((e) => (
            <VersionBlock key={e.measure.id} entry={e} jurisdiction={jurisdiction.get(e.measure.id)} label={text.relatedTitle} focus={false} showNoLink={false} />
          ))}
        </section>
      )}
      <p className="print-colophon">{fill(text.printedOn, { date: today })}</p>
    </>
  );
}

export default function PrintLineagePage() {
  const text = useText();
  const { measureId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('related') === '1';
  // The box answers the click at once; the URL (for sharing) follows as a router transition,
  // which lags behind a controlled input's click on a busy machine.
  const [withRelated, setWithRelated] = useState(asked);
  useEffect(() => setWithRelated(asked), [asked]);
  const { data, loading, error, refetch } = useQuery(PrintLineageDocument, { variables: { id: measureId } });
  usePageTitle(text.title);
  const relatedCount = data?.versionGroup?.related.length ?? 0;
  return (
    <div className="page print-doc" data-testid="print-page">
      <div className="print-toolbar">
        <Link className="button button--small" to={routes.lineage(measureId)}>
          {text.back}
        </Link>
        <button type="button" className="button button--primary" onClick={() => window.print()} data-testid="print-button">
          {text.print}
        </button>
        {relatedCount > 0 && (
          <label className="check">
            <input
              type="checkbox"
              checked={withRelated}
              onChange={(e) => {
                setWithRelated(e.target.checked);
                const next = new URLSearchParams(search);
                if (e.target.checked) next.set('related', '1');
                else next.delete('related');
                setSearch(next, { replace: true });
              }}
              data-testid="print-related-toggle"
            />
            {fill(text.includeRelated, { n: relatedCount })}
          </label>
        )}
        <p className="hint print-toolbar__hint">{text.hint}</p>
      </div>
      <h1>{text.title}</h1>
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ versionGroup }) => (versionGroup ? <PrintDocument group={versionGroup} withRelated={withRelated} /> : <NotFoundBody query={measureId} />)}
      </QueryBoundary>
    </div>
  );
}
