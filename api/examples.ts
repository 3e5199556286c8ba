// Example queries: preloaded as tabs in GraphiQL, quoted in the README, timed by
// api/latency.ts, and run by the integration tests (so an example that breaks fails a test).
// Variables carry defaults in the query text, so each example runs as pasted; `variables`
// repeats them for clients that send variables separately.
export interface ExampleQuery {
  name: string;
  description: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: ExampleQuery[] = [
  {
    name: 'lineage',
    description: 'A researcher traces the 5G measures: the first hit, its chain across years and why each link was drawn.',
    query: `query FiveGLineage($text: String! = "5G") {
  search(text: $text, types: [Measure], first: 1) { id label year }
  measures(filter: { themes: [$text] }, first: 1) {
    nodes {
      id
      text
      lineage {
        measures { id year text document { title year } source { file startLine endLine } }
        links { later { id year } earlier { id year } score method evidence sharedThemes sharedInitiatives }
      }
    }
  }
}`,
    variables: { text: '5G' },
  },
  {
    name: 'department',
    description: "市商务局's responsibilities across years, including those written under its former name 市商务委.",
    query: `query DepartmentStory($name: String! = "市商务局") {
  department(name: $name) {
    id name aliases kind
    predecessors { department { name } year note }
    successors { department { name } year note }
    responsibilities(includePredecessors: true) {
      year role asWritten viaPredecessor
      assignedTo { name }
      measure { id text document { title } }
    }
    partners(first: 5) { department { name } count }
  }
}`,
    variables: { name: '市商务局' },
  },
  {
    name: 'theme',
    description: 'Everything about a theme, by its Chinese name, English name or a synonym.',
    query: `query ThemeStory($name: String! = "cold chain") {
  theme(name: $name) {
    id name nameEn synonyms measureCount
    timeline {
      year measureCount
      documents(first: 10) { id title }
      departments { name }
      measures(first: 20) { id text themes { theme { name } evidence } responsibilities { department { name } role asWritten } }
    }
  }
}`,
    variables: { name: 'cold chain' },
  },
  {
    name: 'search',
    description: 'Full-text search (Chinese) with highlighted snippets.',
    query: `query Search($text: String! = "津体惠") {
  search(text: $text, first: 20) { type id label year score snippet highlights { start end } }
}`,
    variables: { text: '津体惠' },
  },
  {
    name: 'neighborhood',
    description: 'The graph around a theme, two hops deep, for a canvas.',
    query: `query Around($id: ID! = "theme:5g") {
  neighborhood(id: $id, depth: 2, limit: 300) {
    center truncated
    nodes { id type label year distance }
    edges { id type source target properties }
  }
}`,
    variables: { id: 'theme:5g' },
  },
  {
    name: 'heatmap',
    description: 'Themes × years for a heat map, and the graph counts.',
    query: `query Overview {
  themeMatrix { years themes { id name nameEn } cells { themeId year measureCount documentCount } }
  stats { labels { name count } relationships { name count } years }
}`,
  },
  {
    name: 'document',
    description: 'A document with its measures (first page), the directives it cites, and each measure’s responsible departments.',
    query: `query Documents {
  documents(level: "municipal") {
    id title year yearSource issuedOn docNumber issuer sourceFile measureCount
    cites { id title docNumber }
    measures(first: 5) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id path text responsibilities { department { name } role asWritten } implements { text section } }
    }
  }
}`,
  },
];
