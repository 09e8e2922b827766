import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** tsc copies only code: the compiled services also need the schemas, the supergraph, the explorer bundle and the kiosk and board pages. */
const root = path.join(__dirname, '..');
// Every subgraph of this repository: the province's four and the units' own (land, those made by subgraph:new).
const subgraphNames = readdirSync(path.join(root, 'subgraphs')).filter((name) => existsSync(path.join(root, 'subgraphs', name, 'schema.graphql')));
for (const name of subgraphNames) {
  const target = path.join(root, 'dist', 'subgraphs', name);
  mkdirSync(target, { recursive: true });
  copyFileSync(path.join(root, 'subgraphs', name, 'schema.graphql'), path.join(target, 'schema.graphql'));
}
copyFileSync(path.join(root, 'supergraph.graphql'), path.join(root, 'dist', 'supergraph.graphql'));
cpSync(path.join(root, 'gateway', 'explorer', 'dist'), path.join(root, 'dist', 'gateway', 'explorer', 'dist'), { recursive: true });
cpSync(path.join(root, 'gateway', 'pages', 'dist'), path.join(root, 'dist', 'gateway', 'pages', 'dist'), { recursive: true });
