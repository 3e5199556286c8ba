import type { ReactNode } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useI18n } from '../lib/i18n.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

/**
 * A GraphQL error (the server answered, but refused or failed) reads differently from a
 * network failure (nothing answered): only the second means "the API is down, start it".
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  const graphQLErrors = CombinedGraphQLErrors.is(error) ? error.errors : null;
  const title = graphQLErrors ? t('errorTitle') : t('apiDownTitle');
  // The server's messages are English, for developers; a reader gets the known codes in the UI's language.
  const body = graphQLErrors
    ? [...new Set(graphQLErrors.map((e) => {
        const code = e.extensions?.code;
        return code === 'QUERY_TIMEOUT' ? t('errorTimeout') : code === 'DATABASE_UNAVAILABLE' ? t('errorDatabase') : code === 'INTERNAL_SERVER_ERROR' ? t('errorInternal') : lang === 'en' ? e.message : t('errorRequest');
      }))].join(' ')
    : t('apiDownBody');
  return (
    <div className="state state--error" role="alert" data-testid="error-state">
      <h2 className="state__title">{title}</h2>
      <p>{body}</p>
      {!graphQLErrors && error instanceof Error && <p className="state__detail">{error.message}</p>}
      {onRetry && (
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="state state--empty" data-testid="empty-state">
      {children}
    </div>
  );
}

interface QueryBoundaryProps<T> {
  loading: boolean;
  error: unknown;
  data: T | undefined | null;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** The three states every query view has, in one place so no view forgets one. */
export function QueryBoundary<T>({ loading, error, data, onRetry, children }: QueryBoundaryProps<T>) {
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (loading && !data) return <Loading />;
  if (!data) return <Loading />;
  return <>{children(data)}</>;
}
