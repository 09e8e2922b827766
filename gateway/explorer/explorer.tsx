import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
// A monospace face with every Vietnamese letter, bundled: "Hồ sơ" in the editors, whatever fonts the machine has.
import '@fontsource/noto-sans-mono/400.css';
import { editor } from 'monaco-editor';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples';

/** The editor workers are bundled as their own files next to this one, so nothing loads from a CDN. */
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const file = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(`/explorer/${file}`);
  },
};

/** The editors' face (GraphiQL asks Monaco for Fira Code, which has no Vietnamese and is not bundled). */
const MONO = '"Noto Sans Mono", monospace';
editor.onDidCreateEditor((created) => created.updateOptions({ fontFamily: MONO }));
document.documentElement.style.setProperty('--font-family-mono', MONO);

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
