// The README's "GraphQL client library" example, runnable: `npx tsx api/dev/theme-client.ts [URL]`.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';

const client = new ApolloClient({
  link: new HttpLink({ uri: process.argv[2] ?? 'http://localhost:4000/graphql' }),
  cache: new InMemoryCache(),
});

const ThemeStory = gql`
  query ThemeStory($name: String!) {
    theme(name: $name) {
      id name nameEn measureCount
      timeline { year measureCount documents { id title } measures { id text } }
    }
  }
`;

const { data } = await client.query<{ theme: { name: string; timeline: { year: number; measureCount: number; documents: { title: string }[] }[] } | null }>({
  query: ThemeStory,
  variables: { name: '冷链' },
});
for (const y of data?.theme?.timeline ?? []) console.log(y.year, y.measureCount, y.documents.map((d) => d.title).join(' / '));
