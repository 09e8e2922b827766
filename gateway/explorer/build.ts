import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Bundles GraphiQL and its Monaco editor workers into gateway/explorer/dist, for a fully offline explorer. */
const outdir = path.join(__dirname, 'dist');
const modules = path.join(__dirname, '..', '..', 'node_modules');

async function main() {
  mkdirSync(outdir, { recursive: true });
  const common = { bundle: true, minify: true, format: 'iife', target: 'es2022', logLevel: 'warning', legalComments: 'none' } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: { explorer: path.join(__dirname, 'explorer.tsx') },
      outdir,
      jsx: 'automatic',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
      define: { 'process.env.NODE_ENV': '"production"' },
    }),
    build({
      ...common,
      entryPoints: {
        'editor.worker': path.join(modules, 'monaco-editor/esm/vs/editor/editor.worker.js'),
        'json.worker': path.join(modules, 'monaco-editor/esm/vs/language/json/json.worker.js'),
        'graphql.worker': path.join(modules, 'monaco-graphql/esm/graphql.worker.js'),
      },
      outdir,
    }),
  ]);
  copyFileSync(path.join(__dirname, 'index.html'), path.join(outdir, 'index.html'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
