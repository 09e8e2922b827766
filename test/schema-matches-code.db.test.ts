import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { connect } from '../shared/standalone';
import type { Subgraph } from '../shared/subgraph';
import { subgraphs } from '../subgraphs';
import { land } from '../subgraphs/land/src';
import { ownDatabase } from './support/unit-subgraph';
import { freshDatabases, type TestDatabases } from './support/databases';

/**
 * The migrations make the tables; the entities say what the code reads and writes. They are
 * written apart, so this checks they agree on a database migrated from empty: every entity
 * column exists with its type and nullability, and every column the code does not know can be
 * left out of an insert (nullable, defaulted or generated).
 */
const SAME_TYPE: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  boolean: 'bool',
  'timestamp with time zone': 'timestamptz',
  'character varying': 'varchar',
  decimal: 'numeric',
  float: 'float8',
  'double precision': 'float8',
  real: 'float4',
};
const udtOf = (type: unknown, array: boolean) => {
  const name = typeof type === 'string' ? (SAME_TYPE[type] ?? type) : `not a column type: ${String(type)}`;
  return array ? `_${name}` : name;
};

interface DatabaseColumn {
  table: string;
  column: string;
  udt: string;
  nullable: boolean;
  defaulted: boolean;
}

describe('the migrated schema matches what the code declares', () => {
  let databases: TestDatabases;
  // The land registry, a unit's own subgraph, has a database of its own.
  let landDatabase: Awaited<ReturnType<typeof ownDatabase>>;
  beforeAll(async () => {
    databases = await freshDatabases();
    landDatabase = await ownDatabase(land);
  });
  afterAll(async () => {
    await databases?.drop();
    await landDatabase?.drop();
  });

  it.each([...subgraphs, land].map((module) => [module.name, module as Subgraph] as const))(
    '%s: every entity column is in its table with its type and nullability',
    async (name, module) => {
      const urls = name === 'land' ? landDatabase.urls : databases.urls[name];
      const client = new Client({ connectionString: urls.migration });
      await client.connect();
      let db: DataSource | undefined;
      try {
        const { rows } = await client.query<DatabaseColumn>(
          `SELECT table_name AS table, column_name AS column, udt_name AS udt, is_nullable = 'YES' AS nullable,
                (column_default IS NOT NULL OR is_generated = 'ALWAYS' OR is_identity = 'YES') AS defaulted
           FROM information_schema.columns WHERE table_schema = 'public'`,
        );
        const inDatabase = new Map(rows.map((row) => [`${row.table}.${row.column}`, row]));
        db = await connect(module, urls.app);
        const declared: string[] = [];
        const problems: string[] = [];
        for (const entity of db.entityMetadatas) {
          for (const column of entity.columns) {
            const key = `${entity.tableName}.${column.databaseName}`;
            declared.push(key);
            const found = inDatabase.get(key);
            if (!found) {
              problems.push(`${key}: declared by ${entity.name}, missing from the database`);
              continue;
            }
            const udt = udtOf(column.type, column.isArray);
            if (udt !== found.udt) problems.push(`${key}: ${entity.name} says ${udt}, the database has ${found.udt}`);
            if (column.isNullable !== found.nullable)
              problems.push(`${key}: ${entity.name} says ${column.isNullable ? 'nullable' : 'NOT NULL'}, the database the opposite`);
          }
          // Columns of the entity's table the code does not know must not be required on insert.
          for (const row of rows.filter((r) => r.table === entity.tableName && !declared.includes(`${r.table}.${r.column}`))) {
            if (!row.nullable && !row.defaulted) problems.push(`${row.table}.${row.column}: required by the database, unknown to ${entity.name}`);
          }
        }
        expect(problems).toEqual([]);
        expect(declared.length).toBeGreaterThan(10);
      } finally {
        await db?.destroy();
        await client.end();
      }
    },
  );
});
