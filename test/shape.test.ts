import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';

/**
 * Every subgraph has the same shape, so a reader who knows one knows all four (and a unit's own
 * subgraph copies it): the same folders, SQL only in the store, one resolver map per type file,
 * calls to other subgraphs in one place, payloads named one way.
 */
const ROOT = path.join(__dirname, '..');
const SUBGRAPHS = readdirSync(path.join(ROOT, 'subgraphs')).filter((name) => statSync(path.join(ROOT, 'subgraphs', name)).isDirectory());

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}
const relative = (file: string) => path.relative(ROOT, file);
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** SQL text or a TypeORM data call: what only the store (and the frozen migrations) may hold. */
const SQL = new RegExp(
  [
    // SQL text, in any case: a statement's opening words.
    String.raw`\b(select\s+[\w*(]|insert\s+into|update\s+[a-z_]+\s+set|delete\s+from)\b`,
    // TypeORM's query builders, repositories and raw queries (a peer's GraphQL query aside).
    String.raw`\b(createQueryBuilder|getRepository)\b|(?<!peers)\.query\s*[<(]`,
  ].join('|'),
  'i',
);
// The entity manager's own calls (findBy, existsBy, insert…) take an entity class: importing one as a value outside
// the store is refused by the layering rule "entities-stay-in-the-store" (.dependency-cruiser.cjs).
/** The kernel's data layer: the SQL every subgraph shares (request connection, loaders, paging, idempotency, the unit-tree predicate, the calendar, the version-checked update, the documents' files, the daily sequences). */
const KERNEL_SQL = [
  'shared/db.ts',
  'shared/loaders.ts',
  'shared/connection.ts',
  'shared/sql.ts',
  'shared/idempotency.ts',
  'shared/calendar-store.ts',
  'shared/transitions.ts',
  'shared/subgraph.ts',
  'shared/document-store.ts',
  'shared/daily-numbers.ts',
];

const sqlLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), at: `${relative(file)}:${i + 1}` }))
    .filter(({ line }) => !line.startsWith('*') && !line.startsWith('//') && SQL.test(line))
    .map(({ at, line }) => `${at}  ${line.slice(0, 100)}`);

describe.each(SUBGRAPHS)('the %s subgraph has the shape of every subgraph', (name) => {
  const dir = path.join(ROOT, 'subgraphs', name);
  const src = path.join(dir, 'src');

  it('has the same entry files and folders', () => {
    const expected = [
      'schema.graphql',
      'src/index.ts',
      'src/main.ts',
      'src/context.ts',
      'src/loaders.ts',
      'src/resolvers/index.ts',
      'src/store/entities',
      'src/migrations',
      'test',
    ];
    expect(expected.filter((entry) => !existsSync(path.join(dir, entry)))).toEqual([]);
  });

  it('keeps every SQL statement in src/store/ (and its frozen migrations)', () => {
    const outside = filesUnder(src).filter((file) => !/\/(store|migrations)\//.test(file));
    expect(outside.flatMap(sqlLines)).toEqual([]);
  });

  it('has one resolver map per file, named by its GraphQL type, and every map in resolvers/index.ts', () => {
    const sdl = parse(readFileSync(path.join(dir, 'schema.graphql'), 'utf8'));
    const types = new Set(
      sdl.definitions
        .filter(
          (d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode =>
            d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION,
        )
        .map((d) => d.name.value),
    );
    const resolverFiles = filesUnder(path.join(src, 'resolvers')).filter((file) => !file.endsWith('/index.ts'));
    const problems: string[] = [];
    const maps: string[] = [];
    for (const file of resolverFiles) {
      const source = readFileSync(file, 'utf8');
      const exported = [...source.matchAll(/^export\s+(?:const|function|async function|class|let)\s+(\w+)/gm)].map((m) => m[1]);
      if (/^export\s*\{/m.test(source) || /^export\s+default/m.test(source)) problems.push(`${relative(file)} re-exports`);
      if (exported.length !== 1) problems.push(`${relative(file)} exports ${exported.join(', ') || 'nothing'}`);
      const [map] = exported;
      if (!map) continue;
      maps.push(map);
      if (`${kebab(map)}.ts` !== path.basename(file)) problems.push(`${relative(file)} holds ${map}, which belongs in ${kebab(map)}.ts`);
      if (!types.has(map)) problems.push(`${relative(file)}: ${map} is not an object type of schema.graphql`);
    }
    expect(problems).toEqual([]);
    const index = readFileSync(path.join(src, 'resolvers', 'index.ts'), 'utf8');
    expect(maps.filter((map) => !new RegExp(`\\b${map}\\b`).test(index))).toEqual([]);
  });

  it('calls other subgraphs only from src/peers.ts', () => {
    const callers = filesUnder(src).filter((file) => /\bpeers\.query\b/.test(readFileSync(file, 'utf8')));
    expect(callers.map(relative).filter((file) => !file.endsWith('/src/peers.ts'))).toEqual([]);
  });

  it('answers every mutation with a payload named after the record it carries', () => {
    const sdl = parse(readFileSync(path.join(dir, 'schema.graphql'), 'utf8'));
    const byName = new Map(sdl.definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION ? [[d.name.value, d] as const] : [])));
    const mutation = byName.get('Mutation');
    const problems: string[] = [];
    for (const field of mutation?.fields ?? []) {
      let type = field.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      const payload = byName.get(type.name.value);
      const carried = payload?.fields?.map((f) => {
        let t = f.type;
        while (t.kind !== Kind.NAMED_TYPE) t = t.type;
        return t.name.value;
      });
      if (!payload || !type.name.value.endsWith('Payload') || !carried?.includes(type.name.value.replace(/Payload$/, ''))) {
        problems.push(`${field.name.value}: ${type.name.value}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('outside the subgraphs', () => {
  it('keeps SQL out of the gateway, and in the kernel only in its data layer', () => {
    const files = [...filesUnder(path.join(ROOT, 'gateway', 'src')), ...filesUnder(path.join(ROOT, 'shared'))].filter(
      (file) => !/\.test\.ts$/.test(file) && !/\/migrations\//.test(file) && !KERNEL_SQL.includes(relative(file)),
    );
    expect(files.flatMap(sqlLines)).toEqual([]);
  });

  it('names end-to-end tests by concern, not by subgraph', () => {
    const e2e = filesUnder(path.join(ROOT, 'test')).filter((file) => file.endsWith('.e2e.ts'));
    expect(e2e.map((file) => path.basename(file, '.e2e.ts')).filter((base) => SUBGRAPHS.includes(base))).toEqual([]);
  });
});
