import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

// Same origin in production (the API server serves ui/dist) and through Vite's proxy in
// development, so the endpoint is always the relative /graphql.
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri }),
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
