import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { ExplorerSearchDocument, type ExplorerSearchQuery } from '../../../generated/graphql.js';
import { useI18n } from '../../../lib/i18n.js';
import { NodeSwatch } from '../../../components/Legend.js';
import { ErrorState, Loading } from '../../../components/QueryState.js';
import type { NodeType } from '../../../lib/nodeTypes.js';

type Hit = ExplorerSearchQuery['search'][number];

/** Types in the order their groups are listed: named things before the measures that mention them. */
const GROUP_ORDER = ['Theme', 'Initiative', 'Department', 'Document', 'Measure'];

/**
 * Exact matches of a name or document number first (their own group), then the full-text hits
 * grouped by type, each group with its count; a node appears once.
 */
export function groupHits(exact: readonly Hit[], found: readonly Hit[]): { key: string; type: string | null; hits: Hit[] }[] {
  const seen = new Set(exact.map((h) => h.id));
  const rest = found.filter((h) => !seen.has(h.id));
  const groups: { key: string; type: string | null; hits: Hit[] }[] = exact.length > 0 ? [{ key: 'exact', type: null, hits: [...exact] }] : [];
  for (const type of GROUP_ORDER) {
    const ofType = rest.filter((h) => h.type === type);
    if (ofType.length > 0) groups.push({ key: type, type, hits: ofType });
  }
  return groups;
}

interface SearchBoxProps {
  query: string;
  onQueryChange: (q: string) => void;
  onOpen: (hit: Hit) => void;
}

/** Snippet with the server's highlight ranges marked; the ranges index the snippet itself. */
function Snippet({ snippet, highlights }: Pick<Hit, 'snippet' | 'highlights'>) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const range of [...highlights].sort((a, b) => a.start - b.start)) {
    if (range.start < at || range.end > snippet.length) continue;
    if (range.start > at) parts.push({ text: snippet.slice(at, range.start), marked: false });
    parts.push({ text: snippet.slice(range.start, range.end), marked: true });
    at = range.end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return <span className="hit__snippet">{parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</span>;
}

/**
 * A combobox (WAI-ARIA pattern): typing edits the query, Enter searches, ↑/↓ move the active
 * result, Enter on an active result opens it in the graph; focus never leaves the input.
 */
export function SearchBox({ query, onQueryChange, onOpen }: SearchBoxProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(query);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => setDraft(query), [query]);
  const { data, loading, error, refetch } = useQuery(ExplorerSearchDocument, {
    variables: { text: query, first: 30 },
    skip: query.trim() === '',
  });
  const groups = useMemo(() => (query.trim() === '' || !data ? [] : groupHits(data.lookup, data.search)), [data, query]);
  const hits = groups.flatMap((g) => g.hits);
  useEffect(() => setActive(-1), [query]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = active >= 0 ? hits[active] : undefined;
      if (hit && draft === query) onOpen(hit);
      else onQueryChange(draft.trim());
    } else if (event.key === 'Escape') {
      setActive(-1);
    }
  };

  return (
    <section className="search" aria-label={t('searchLabel')}>
      <form
        className="search__form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onQueryChange(draft.trim());
        }}
      >
        <label className="visually-hidden" htmlFor={`${listId}-input`}>
          {t('searchLabel')}
        </label>
        <input
          id={`${listId}-input`}
          ref={inputRef}
          className="input search__input"
          type="search"
          value={draft}
          placeholder={t('searchPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={hintId}
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          data-testid="search-input"
        />
        <button type="submit" className="button button--primary">
          {t('searchButton')}
        </button>
      </form>
      <p id={hintId} className="hint">
        {t('searchHint')}
      </p>
      {query.trim() !== '' && loading && !data && <Loading />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {query.trim() !== '' && !loading && !error && hits.length === 0 && <p className="state state--empty">{t('searchNoResults')}</p>}
      <div id={listId} role="listbox" aria-label={t('searchResults')} className="hits" data-testid="search-results" hidden={hits.length === 0}>
        {groups.map((group) => {
          const offset = hits.indexOf(group.hits[0]!);
          const title = group.type === null ? t('exactMatches') : t(`type_${group.type}` as 'type_Measure');
          return (
            <ul key={group.key} role="group" aria-label={`${title} (${group.hits.length})`} className="hits__group" data-group={group.key}>
              <li role="presentation" className="hits__title">
                {title} <span className="count">{group.hits.length}</span>
              </li>
              {group.hits.map((hit, j) => {
                const i = offset + j;
                return (
                  <li
                    key={`${group.key}:${hit.type}:${hit.id}`}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={i === active ? 'hit hit--active' : 'hit'}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => {
                      setActive(i);
                      onOpen(hit);
                    }}
                    data-hit-type={hit.type}
                    data-hit-id={hit.id}
                    data-exact={group.type === null ? 'true' : undefined}
                  >
                    <span className="hit__head">
                      <NodeSwatch type={hit.type as NodeType} />
                      <span className="hit__type">{t(`type_${hit.type}` as const)}</span>
                      {hit.year !== null && <span className="hit__year">{hit.year}</span>}
                      <span className="hit__label" title={hit.label}>
                        {hit.label}
                      </span>
                    </span>
                    <Snippet snippet={hit.snippet} highlights={hit.highlights} />
                  </li>
                );
              })}
            </ul>
          );
        })}
      </div>
    </section>
  );
}
