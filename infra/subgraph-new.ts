import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { envName, SUBGRAPH_NAMES } from '../shared/config';
import { composeSupergraph, readRegistry } from './composition';

/**
 * `npm run subgraph:new -- <name> --owner <unit path>`: a unit's own subgraph, of the shape of
 * every subgraph (schema, module, entry point, store, migrations, a first test), with one record
 * type the unit renames and reshapes. It is checked to compose with the registered subgraphs;
 * registering it (subgraphs/registry.json, then npm run compose) is the province's step.
 */

const ROOT = path.join(__dirname, '..');
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const UNIT_PATH = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
/** Land, the example, listens on 4005; each new subgraph takes the next port. */
const FIRST_UNIT_PORT = 4005;

const pascal = (name: string) => name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
const camel = (name: string) => pascal(name).replace(/^./, (c) => c.toLowerCase());
const snake = (name: string) => name.replace(/-/g, '_');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArguments(argv: string[]): { name: string; owner: string } {
  const ownerAt = argv.indexOf('--owner');
  const owner = ownerAt >= 0 ? argv[ownerAt + 1] : undefined;
  const name = argv.find((arg, i) => !arg.startsWith('--') && i !== ownerAt + 1);
  const usage = 'Usage: npm run subgraph:new -- <name> --owner <unit path>   (e.g. npm run subgraph:new -- land --owner 27.256.256-CNDD)';
  if (!name || !owner) fail(usage);
  if (!NAME.test(name) || name.length > 30)
    fail(`"${name}" is not a subgraph name: lower-case letters and digits, words joined by dashes, at most 30.\n${usage}`);
  if (!UNIT_PATH.test(owner)) fail(`"${owner}" is not a unit path: unit codes from the province down, joined by dots (27.256).\n${usage}`);
  if ((SUBGRAPH_NAMES as readonly string[]).includes(name) || existsSync(path.join(ROOT, 'subgraphs', name))) {
    fail(`subgraphs/${name} exists already; choose another name.`);
  }
  if (readRegistry().some((entry) => entry.name === name)) fail(`"${name}" is registered already (subgraphs/registry.json); choose another name.`);
  return { name, owner };
}

/** The next free development port after the unit subgraphs of this repository. */
function nextPort(): number {
  const ports = readdirSync(path.join(ROOT, 'subgraphs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(ROOT, 'subgraphs', entry.name, 'src', 'index.ts')))
    .map((entry) => /devPort:\s*(\d+)/.exec(readFileSync(path.join(ROOT, 'subgraphs', entry.name, 'src', 'index.ts'), 'utf8'))?.[1])
    .filter((port): port is string => !!port)
    .map(Number);
  return ports.length ? Math.max(...ports) + 1 : FIRST_UNIT_PORT;
}

/** The files of the new subgraph, by path inside it. */
function files(name: string, owner: string, port: number): Record<string, string> {
  const Type = `${pascal(name)}Record`;
  const field = camel(name);
  const table = `${snake(name)}_record`;
  const entityFile = `${name}-record.entity`;
  const MIGRATION_TIME = 1766400000001;
  return {
    'schema.graphql': `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

# The ${name} subgraph of unit ${owner}: its own service and database, registered with the province
# (subgraphs/registry.json). Made by npm run subgraph:new; rename and reshape ${Type} for what it keeps.

"""An instant, ISO 8601 with offset; stored in UTC and shown in Asia/Ho_Chi_Minh (+07:00)."""
scalar DateTime

"""A record unit ${owner} keeps."""
type ${Type} @key(fields: "id") {
  id: ID!
  """Tiêu đề — exactly as written, diacritics included."""
  title: String!
  """Path of the unit that keeps it and alone changes it."""
  ownerPath: String!
  createdAt: DateTime!
}

type Query {
  """A record by its id; null when there is none."""
  ${field}Record(id: ID!): ${Type}
  """The newest records, at most \`first\` (1–100)."""
  ${field}Records(first: Int! = 20): [${Type}!]!
}

input Add${Type}Input {
  """Any unique string per intended record; a retry with the same id returns the first result."""
  clientRequestId: String!
  title: String!
}

type ${Type}Payload {
  ${field}Record: ${Type}!
}

type Mutation {
  """Officials of unit ${owner} add a record."""
  add${Type}(input: Add${Type}Input!): ${Type}Payload!
}
`,
    'src/index.ts': `import path from 'node:path';
import { UnitSubgraphKernel } from '../../../shared/migrations/1766400000000-unit-subgraph-kernel';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { createLoaders, type ${pascal(name)}Loaders } from './loaders';
import { ${Type}s } from './migrations/${MIGRATION_TIME}-${name}-records';
import { resolvers } from './resolvers';
import { ${Type}Entity } from './store/entities/${entityFile}';

/** The ${name} subgraph of unit ${owner}: run and deployed by the unit, registered with the province by name and URL. */
export const ${field}: SubgraphModule<${pascal(name)}Loaders, '${name}'> = {
  name: '${name}',
  owner: '${owner}',
  devPort: ${port},
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers,
  entities: [${Type}Entity],
  migrations: [UnitSubgraphKernel, ${Type}s],
  createLoaders,
};
`,
    'src/main.ts': `import { runStandalone } from '../../../shared/standalone';
import { ${field} } from './index';

void runStandalone(${field});
`,
    'src/context.ts': `import type { SubgraphContext } from '../../../shared/subgraph';
import type { ${pascal(name)}Loaders } from './loaders';

export type Context = SubgraphContext<${pascal(name)}Loaders>;
`,
    'src/loaders.ts': `import type { EntityManager } from 'typeorm';
import { byKey, defineLoaders } from '../../../shared/loaders';
import { ${Type}Entity } from './store/entities/${entityFile}';

export function createLoaders(db: EntityManager) {
  return defineLoaders({
    recordById: byKey(db, ${Type}Entity, 'id'),
  });
}

export type ${pascal(name)}Loaders = ReturnType<typeof createLoaders>;
`,
    [`src/store/entities/${entityFile}.ts`]: `import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A record unit ${owner} keeps (see the migration ${Type}s). */
@Entity('${table}')
export class ${Type}Entity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) ownerPath!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
`,
    'src/store/records.ts': `import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ${Type}Entity } from './entities/${entityFile}';

/** Writes a record; row-level security refuses a caller who does not act for \`ownerPath\`. */
export async function insertRecord(db: EntityManager, record: Omit<${Type}Entity, 'id'>): Promise<string> {
  const id = randomUUID();
  await db.insert(${Type}Entity, { id, ...record });
  return id;
}

/** The newest records. */
export const newestRecords = (db: EntityManager, first: number) =>
  db.find(${Type}Entity, { order: { createdAt: 'DESC', id: 'DESC' }, take: first });
`,
    [`src/migrations/${MIGRATION_TIME}-${name}-records.ts`]: `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Frozen once deployed. Anyone reads a record; only the unit that keeps it writes (motcua_acts_for, from the kernel's migration). */
export class ${Type}s implements MigrationInterface {
  readonly name = '${Type}s${MIGRATION_TIME}';

  async up(db: QueryRunner): Promise<void> {
    await db.query(\`CREATE TABLE ${table} (
       id uuid PRIMARY KEY,
       title text NOT NULL CHECK (title <> ''),
       owner_path text NOT NULL,
       created_at timestamptz NOT NULL)\`);
    await db.query(\`CREATE INDEX ${table}_created_idx ON ${table} (created_at DESC, id DESC)\`);
    await db.query(\`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY\`);
    await db.query(\`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY\`);
    await db.query(\`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (true)\`);
    await db.query(\`CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (motcua_acts_for(owner_path))\`);
    await db.query(\`CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (motcua_acts_for(owner_path)) WITH CHECK (motcua_acts_for(owner_path))\`);
    await db.query(\`GRANT SELECT, INSERT, UPDATE ON ${table} TO motcua_app\`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(\`DROP TABLE ${table}\`);
  }
}
`,
    'src/records/records.ts': `import type { EntityManager } from 'typeorm';
import { badInput } from '../../../../shared/errors';
import type { Context } from '../context';
import { insertRecord } from '../store/records';

const MAX_TITLE = 200;

/** Adds a record for the unit that keeps this subgraph; the kernel has already refused other callers (scopedMutation). */
export async function addRecord(db: EntityManager, input: { clientRequestId: string; title: string }, ctx: Context): Promise<string> {
  const title = input.title.normalize('NFC').trim().replace(/\\s+/g, ' ');
  if (!title || title.length > MAX_TITLE) throw badInput('input.title', \`Write a title of 1 to \${MAX_TITLE} characters.\`);
  return insertRecord(db, { title, ownerPath: ctx.owner!, createdAt: ctx.clock.now() });
}
`,
    'src/resolvers/index.ts': `import { Mutation } from './mutation';
import { Query } from './query';
import { ${Type} } from './${name}-record';

export const resolvers = { Query, Mutation, ${Type} };
`,
    'src/resolvers/query.ts': `import { badInput } from '../../../../shared/errors';
import { isUuid } from '../../../../shared/ids';
import type { Context } from '../context';
import { newestRecords } from '../store/records';

const MAX_PAGE = 100;

export const Query = {
  ${field}Record: (_: unknown, { id }: { id: string }, ctx: Context) => (isUuid(id) ? ctx.loaders.recordById.load(id) : null),
  ${field}Records: (_: unknown, { first }: { first: number }, ctx: Context) => {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', \`Ask for 1 to \${MAX_PAGE} records.\`);
    return newestRecords(ctx.db, first);
  },
};
`,
    'src/resolvers/mutation.ts': `import { OFFICIALS } from '../../../../shared/caller';
import { scopedMutation } from '../../../../shared/mutation';
import type { Context } from '../context';
import { addRecord } from '../records/records';

export const Mutation = {
  add${Type}: scopedMutation('add${Type}', OFFICIALS, addRecord, async (id: string, ctx: Context) => ({
    ${field}Record: await ctx.loaders.recordById.load(id),
  })),
};
`,
    [`src/resolvers/${name}-record.ts`]: `import type { Context } from '../context';

export const ${Type} = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.recordById.load(ref.id),
};
`,
    [`test/${name}.db.test.ts`]: `import type { Caller } from '../../../shared/caller';
import { unitSubgraph } from '../../../test/support/unit-subgraph';
import { ${field} } from '../src';

/** The ${name} subgraph on its own, asked as the gateway asks: unit ${owner} writes, everyone reads, nobody else writes. */
describe('the ${name} subgraph of unit ${owner}', () => {
  const service = unitSubgraph(${field});
  const official: Caller = { sub: 'can-bo-1', role: 'OFFICIAL', unit: '${owner}' };
  const outsider: Caller = { sub: 'can-bo-khac', role: 'LEADER', unit: '${owner === '99' ? '98' : '99'}' };
  const add = (caller: Caller, input: Record<string, unknown>) =>
    service.ask<{ add${Type}: { ${field}Record: { id: string; title: string; ownerPath: string } } }>(
      caller,
      \`mutation ($input: Add${Type}Input!) { add${Type}(input: $input) { ${field}Record { id title ownerPath } } }\`,
      { input },
    );

  it('adds a record for its unit once per request id, with the title exactly as written', async () => {
    const first = await add(official, { clientRequestId: 'r-1', title: '  Hồ sơ đất đai của ông Nguyễn Văn Ánh ' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.add${Type}.${field}Record).toMatchObject({ title: 'Hồ sơ đất đai của ông Nguyễn Văn Ánh', ownerPath: '${owner}' });
    const retried = await add(official, { clientRequestId: 'r-1', title: '  Hồ sơ đất đai của ông Nguyễn Văn Ánh ' });
    expect(retried.data!.add${Type}.${field}Record.id).toBe(first.data!.add${Type}.${field}Record.id);
    const anyone: Caller = { sub: null, role: 'PUBLIC', unit: null };
    const listed = await service.ask<{ ${field}Records: { title: string }[] }>(anyone, '{ ${field}Records { title } }');
    expect(listed.data!.${field}Records).toEqual([{ title: 'Hồ sơ đất đai của ông Nguyễn Văn Ánh' }]);
  });

  it('refuses other units and empty titles, writing nothing', async () => {
    expect((await add(outsider, { clientRequestId: 'r-2', title: 'Khác' })).errors![0].extensions?.code).toBe('FORBIDDEN');
    expect((await add(official, { clientRequestId: 'r-3', title: '   ' })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
    const [{ count }] = await service.db.query('SELECT count(*)::int AS count FROM ${table}');
    expect(count).toBe(1);
  });
});
`,
  };
}

async function main() {
  const { name, owner } = parseArguments(process.argv.slice(2));
  const port = nextPort();
  const dir = path.join(ROOT, 'subgraphs', name);
  for (const [file, text] of Object.entries(files(name, owner, port))) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const registered = readRegistry();
  try {
    await composeSupergraph([...registered, { name, owner, schema: `subgraphs/${name}/schema.graphql`, url: `http://localhost:${port}/graphql` }]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    fail(`subgraphs/${name} would not compose with the registered subgraphs, so nothing was kept:\n${(error as Error).message}`);
  }
  const upper = envName(name);
  console.log(
    [
      `created subgraphs/${name}, kept by unit ${owner}, on port ${port}; it composes with the ${registered.length} registered subgraphs.`,
      '',
      'Next:',
      `  npm run jest -- subgraphs/${name}        its first test`,
      `  ${upper}_DATABASE_URL=postgres://… SUBGRAPH_KEY=… node --import tsx subgraphs/${name}/src/main.ts`,
      `      (SUBGRAPH_KEY is what the province gives you: npm run subgraph:key -- ${name})`,
      `  to register it, the province adds {"name": "${name}", "owner": "${owner}", "url": "<where it runs>/graphql"}`,
      '  to subgraphs/registry.json and runs npm run compose; gateways take the new supergraph without a restart.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => fail((error as Error).message));
