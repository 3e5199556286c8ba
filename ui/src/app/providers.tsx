import { useMemo, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from '../lib/apollo.js';
import { I18nProvider } from '../lib/i18n.js';

export function AppProviders({ children }: { children: ReactNode }) {
  const client = useMemo(() => createApolloClient(), []);
  return (
    <I18nProvider>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </I18nProvider>
  );
}
