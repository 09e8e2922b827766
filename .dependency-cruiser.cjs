/**
 * The layering rules `npm run lint` checks on every import (dependency-cruiser). Each rule says
 * what it keeps apart and why; a violation names the import that breaks it.
 */
const SUBGRAPH_FILE = '^subgraphs/([^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes load order matter and hides which module owns a rule.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'subgraphs-are-independent',
      comment: 'A subgraph runs as its own service with its own database; it asks another through the kernel’s peers, never by importing it.',
      severity: 'error',
      from: { path: SUBGRAPH_FILE },
      to: { path: '^subgraphs/[^/]+/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'migrations-are-frozen',
      comment: 'A migration is the SQL as it ran; importing live code would change an old migration when the code changes.',
      severity: 'error',
      from: { path: '/migrations/' },
      to: { pathNot: ['^node_modules/typeorm/', '^typeorm$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'migrations-import-only-typeorm-types',
      comment: 'Even types: a migration must compile the same whatever the entities become.',
      severity: 'error',
      from: { path: '/migrations/' },
      to: { pathNot: ['^node_modules/typeorm/', '^typeorm$'] },
    },
    {
      name: 'domain-does-not-import-resolvers',
      comment: 'Resolvers adapt the domain to GraphQL; the domain must not depend on its adapter.',
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/src/', pathNot: ['^subgraphs/[^/]+/src/resolvers/', '^subgraphs/[^/]+/src/index\\.ts$'] },
      to: { path: '^subgraphs/[^/]+/src/resolvers/' },
    },
    {
      name: 'store-is-the-bottom-layer',
      comment: 'The data-access layer answers queries; it does not call resolvers, loaders or other subgraphs.',
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/src/store/' },
      to: { path: ['^subgraphs/[^/]+/src/(resolvers/|loaders\\.ts|peers\\.ts|index\\.ts|context\\.ts)'] },
    },
    {
      name: 'typeorm-runs-only-in-the-store',
      comment: 'SQL lives in src/store/ (and frozen migrations); elsewhere TypeORM may be named as a type (EntityManager), never called.',
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/src/', pathNot: ['^subgraphs/[^/]+/src/(store|migrations)/'] },
      to: { path: ['^node_modules/typeorm/', '^typeorm$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'entities-stay-in-the-store',
      comment:
        'An entity class is what TypeORM data calls take: used as a value only by the store, the loaders (the kernel’s byKey) and the module’s list; elsewhere only as a type.',
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/src/', pathNot: ['^subgraphs/[^/]+/src/(store/|migrations/|loaders\\.ts$|index\\.ts$)'] },
      to: { path: '^subgraphs/[^/]+/src/store/entities/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'kernel-knows-no-subgraph',
      comment: 'The kernel serves every subgraph, including a unit’s own; it cannot depend on one of them, the gateway, infra or tests.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(subgraphs|gateway|infra|test)/' },
    },
    {
      name: 'gateway-knows-no-subgraph-code',
      comment: 'The gateway reaches subgraphs over HTTP through the supergraph, so a unit can run its subgraph elsewhere.',
      severity: 'error',
      from: { path: '^gateway/' },
      to: { path: '^subgraphs/' },
    },
    {
      name: 'product-does-not-import-tests',
      comment: 'Tests and their support are not shipped.',
      severity: 'error',
      from: { path: '^(shared|gateway|subgraphs|infra)/', pathNot: ['\\.(test|e2e)\\.ts$', '^infra/bench/'] },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^\\.data/', 'gateway/explorer/dist/', 'gateway/pages/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
