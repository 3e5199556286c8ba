// The offline query IDE: GraphiQL bundled from npm (no CDN), with the API's example queries
// preloaded as tabs. Built by `npm run build:graphiql` into api/graphiql/dist, served at /graphiql/.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './contrast.css';
import { patchGraphiqlAccessibility } from './a11y.js';
import { EXAMPLES } from '../examples.js';

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });

const tabs = EXAMPLES.map((e) => ({
  query: `# ${e.description}\n${e.query}\n`,
  variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined,
}));

const root = document.getElementById('root')!;
patchGraphiqlAccessibility(root);
createRoot(root).render(
  <GraphiQL fetcher={fetcher} defaultTabs={tabs} defaultEditorToolsVisibility="variables" />,
);
