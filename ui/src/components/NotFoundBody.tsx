import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { NotFoundSuggestionsDocument } from '../generated/graphql.js';
import { useI18n } from '../lib/i18n.js';
import { routes } from '../lib/routes.js';

/** The words of an address worth searching for: the last segment, without an id's prefix. */
export function searchableTail(query: string): string {
  const tail = decodeURIComponent(query.split('/').filter(Boolean).pop() ?? '');
  return tail.replace(/^(m|doc|nat|dept|theme|init|req):/, '').replace(/[:#].*$/, '').trim();
}

function linkTo(type: string, id: string, label: string): string {
  switch (type) {
    case 'Theme':
      return routes.theme(label.replace(/\s*\(.*\)$/, ''));
    case 'Department':
      return routes.department(label);
    case 'Document':
      return routes.document(id);
    case 'Measure':
      return routes.lineage(id);
    default:
      return routes.explorer({ focus: id });
  }
}

/** "Not found", with what a search for the address's words finds instead. */
export function NotFoundBody({ query }: { query: string }) {
  const { t } = useI18n();
  const text = searchableTail(query);
  const { data } = useQuery(NotFoundSuggestionsDocument, { variables: { text }, skip: text.length < 2 });
  const seen = new Set<string>();
  const hits = [...(data?.lookup ?? []), ...(data?.search ?? [])].filter((h) => (seen.has(h.id) ? false : (seen.add(h.id), true))).slice(0, 8);
  return (
    <div className="not-found" data-testid="not-found">
      <h2>{t('notFound')}</h2>
      <p>{t('notFoundBody')}</p>
      {hits.length > 0 && (
        <>
          <h3>{t('notFoundSuggestions')}</h3>
          <ul className="plain-list" data-testid="suggestions">
            {hits.map((h) => (
              <li key={h.id}>
                <span className="muted small">{t(`type_${h.type}`)}</span> <Link to={linkTo(h.type, h.id, h.label)}>{h.label}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
