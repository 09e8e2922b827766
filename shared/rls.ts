/**
 * SQL used by every subgraph's migrations: the application role, the scope check and the
 * policies that let a unit write only rows whose `owner_path` lies in its own subtree.
 */
export const APP_ROLE = 'motcua_app';

/** The role the services connect as: not a superuser, cannot bypass RLS, owns no table. */
export const createAppRoleSql = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$`;

/** True when the row's owner path is the caller's unit path or below it. */
export const scopeFunctionSql = `
CREATE OR REPLACE FUNCTION motcua_in_scope(owner_path text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('motcua.unit_path', true), '') <> ''
     AND (owner_path = current_setting('motcua.unit_path', true)
          OR starts_with(owner_path, current_setting('motcua.unit_path', true) || '.'))
$$`;

/** Row-level security on, reads open, inserts only of rows in the caller's scope. */
function scopedInsertSql(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (true)`,
    `CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`,
  ];
}

/** Statements that put a table with an `owner_path` column under row-level security. */
export function ownedTableSql(table: string): string[] {
  return [
    ...scopedInsertSql(table),
    `CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`,
    `CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (motcua_in_scope(owner_path))`,
    `CREATE INDEX ${table}_owner_path_idx ON ${table} (owner_path text_pattern_ops)`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`,
  ];
}

/**
 * Statements for a history table: the application reads it and appends rows in its scope, but
 * has no UPDATE or DELETE grant, so what was recorded cannot be rewritten.
 */
export function appendOnlyTableSql(table: string): string[] {
  return [
    ...scopedInsertSql(table),
    `GRANT SELECT, INSERT ON ${table} TO ${APP_ROLE}`,
  ];
}

/** Answers to mutations by client request id, so a retried mutation returns its first result. */
export const clientRequestTableSql = [
  `CREATE TABLE client_request (
     subject text NOT NULL,
     client_request_id text NOT NULL,
     operation text NOT NULL,
     result jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (subject, client_request_id))`,
  `GRANT SELECT, INSERT, UPDATE ON client_request TO ${APP_ROLE}`,
];

/** Everything the kernel needs in a fresh database, before the subgraph's own tables. */
export const kernelSql = [createAppRoleSql, scopeFunctionSql, `GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`, ...clientRequestTableSql];

/**
 * A TypeORM migration made of plain SQL statements. TypeORM orders migrations by the
 * 13-digit timestamp that ends `name`.
 */
export function sqlMigration(name: string, up: string[], down: string[]) {
  if (!/\d{13}$/.test(name)) throw new Error(`Migration name "${name}" must end with a 13-digit timestamp.`);
  return class {
    readonly name = name;
    async up(runner: { query(sql: string): Promise<unknown> }): Promise<void> {
      for (const statement of up) await runner.query(statement);
    }
    async down(runner: { query(sql: string): Promise<unknown> }): Promise<void> {
      for (const statement of down) await runner.query(statement);
    }
  };
}
