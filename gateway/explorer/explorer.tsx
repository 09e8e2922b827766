import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
// A monospace face with every Vietnamese letter, bundled: "Hồ sơ" in the editors, whatever fonts the machine has.
import '@fontsource/noto-sans-mono/400.css';
import { editor } from 'monaco-editor';
import { createRoot } from 'react-dom/client';
import { EXAMPLES, type Example } from './examples';

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

const variablesOf = (example: Example) => (example.variables ? JSON.stringify(example.variables, null, 2) : undefined);

/**
 * The examples by title (a tab is named after its first operation, which says less): choosing one
 * shows its tab, or opens it again with its operations and variables if it was closed.
 */
function ExamplesPane() {
  const actions = useGraphiQLActions();
  const tabs = useGraphiQL((state) => state.tabs);
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const open = (example: Example) => {
    const index = tabs.findIndex((tab) => tab.query === example.query);
    if (index >= 0) return actions.changeTab(index);
    actions.addTab();
    // The new tab's editors are the same Monaco editors, emptied: fill them once the tab is in place.
    setTimeout(() => {
      queryEditor?.setValue(example.query);
      variableEditor?.setValue(variablesOf(example) ?? '');
    });
  };
  return (
    <nav aria-label="Ví dụ" className="motcua-examples">
      <div className="graphiql-doc-explorer-title">Ví dụ · Examples</div>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button type="button" className="graphiql-un-styled" onClick={() => open(example)}>
              {example.title}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: () => <span aria-hidden="true">☰</span>, content: ExamplesPane };

createRoot(document.getElementById('explorer')!).render(
  <GraphiQL
    fetcher={createGraphiQLFetcher({ url: '/graphql' })}
    defaultTabs={EXAMPLES.map((example) => ({ query: example.query, variables: variablesOf(example), headers }))}
    defaultHeaders={headers}
    plugins={[examplesPlugin]}
    visiblePlugin={examplesPlugin}
  />,
);
