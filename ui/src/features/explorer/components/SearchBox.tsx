import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { ExplorerSearchDocument, type ExplorerSearchQuery } from '../../../generated/graphql.js';
import { useI18n } from '../../../lib/i18n.js';
import { NodeSwatch } from '../../../components/Legend.js';
import { ErrorState, Loading } from '../../../components/QueryState.js';
import type { NodeType } from '../../../lib/nodeTypes.js';

type Hit = ExplorerSearchQuery['search'][number];

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
  const hits = query.trim() === '' ? [] : (data?.search ?? []);
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
      <ul id={listId} role="listbox" aria-label={t('searchResults')} className="hits" data-testid="search-results" hidden={hits.length === 0}>
        {hits.map((hit, i) => (
          <li
            key={`${hit.type}:${hit.id}`}
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
        ))}
      </ul>
    </section>
  );
}
