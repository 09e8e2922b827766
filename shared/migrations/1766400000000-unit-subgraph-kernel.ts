import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. What the kernel needs in a new subgraph's database, in its present shape: the
 * application role row-level security applies to, the scope predicates its policies call, and the
 * table that answers a retried write once. The four first subgraphs made these in steps (their own
 * initial migrations, then ClientRequestByCaller and WrittenRows); a unit's subgraph starts here.
 *
 * `motcua_acts_for(owner)` is the write rule of a unit's own rows: the caller's unit is the owner
 * or inside it. Units above read them (`motcua_in_scope`) but do not change them.
 */
export class UnitSubgraphKernel implements MigrationInterface {
  readonly name = 'UnitSubgraphKernel1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua_app') THEN
         CREATE ROLE motcua_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
       END IF;
     END $$`);
    await db.query(`GRANT USAGE ON SCHEMA public TO motcua_app`);
    await db.query(`CREATE OR REPLACE FUNCTION motcua_in_scope(owner_path text) RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT coalesce(current_setting('motcua.unit_path', true), '') <> ''
          AND (owner_path = current_setting('motcua.unit_path', true)
               OR starts_with(owner_path, current_setting('motcua.unit_path', true) || '.'))
     $$`);
    await db.query(`CREATE OR REPLACE FUNCTION motcua_acts_for(owner_path text) RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT coalesce(current_setting('motcua.unit_path', true), '') <> ''
          AND (current_setting('motcua.unit_path', true) = owner_path
               OR starts_with(current_setting('motcua.unit_path', true), owner_path || '.'))
     $$`);
    await db.query(`CREATE OR REPLACE FUNCTION motcua_written(id text) RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT id = ANY (string_to_array(nullif(current_setting('motcua.written', true), ''), ','))
     $$`);
    await db.query(`CREATE TABLE client_request (
       subject text NOT NULL,
       unit_path text NOT NULL DEFAULT '',
       client_request_id text NOT NULL,
       operation text NOT NULL,
       input_hash text,
       result jsonb,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (subject, unit_path, client_request_id))`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON client_request TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE client_request`);
    await db.query(`DROP FUNCTION motcua_written(text)`);
    await db.query(`DROP FUNCTION motcua_acts_for(text)`);
    await db.query(`DROP FUNCTION motcua_in_scope(text)`);
  }
}
