import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { writeHeaders } from './writeToken.js';

// Same origin in production (the API server serves ui/dist) and through Vite's proxy in
// development, so the endpoint is always the relative /graphql.
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    // The write token rides along when the session has one; the server needs it only for mutations.
    link: new HttpLink({ uri, fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...writeHeaders() } }) }),
    cache: new InMemoryCache({
      // Graph nodes are keyed by their stable `id`; departments also resolve by name, which the
      // cache must not merge on, so ids stay the only key.
      possibleTypes: {},
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-first', notifyOnNetworkStatusChange: true },
    },
  });
}
