import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples';

/** The editor workers are bundled as their own files next to this one, so nothing loads from a CDN. */
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const file = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(`/explorer/${file}`);
  },
};

interface ExplorerConfig {
  /** A development token the gateway inlines when started by the dev launcher. */
  token?: string;
}

const config = JSON.parse(document.getElementById('explorer-config')?.textContent ?? '{}') as ExplorerConfig;
const headers = config.token ? JSON.stringify({ Authorization: `Bearer ${config.token}` }, null, 2) : '';

createRoot(document.getElementById('explorer')!).render(
  <GraphiQL
    fetcher={createGraphiQLFetcher({ url: '/graphql' })}
    defaultTabs={EXAMPLES.map((example) => ({ query: example.query, headers }))}
    defaultHeaders={headers}
  />,
);
