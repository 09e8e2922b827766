import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UnitHistory implements MigrationInterface {
  readonly name = 'CatalogueUnitHistory1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE unit_version (
       id bigserial PRIMARY KEY,
       code text NOT NULL REFERENCES administrative_unit (code),
       valid_from date NOT NULL,
       name text NOT NULL CHECK (name <> ''),
       kind text NOT NULL,
       level text NOT NULL,
       parent_code text,
       path text NOT NULL,
       electronic_id text,
       ended boolean NOT NULL DEFAULT false,
       change text NOT NULL CHECK (change IN ('CREATED', 'RENAMED', 'MOVED', 'MERGED_INTO', 'ABSORBED')),
       decision text,
       owner_path text NOT NULL,
       UNIQUE (code, valid_from, id))`);
    await db.query(`CREATE INDEX unit_version_at_idx ON unit_version (code, valid_from DESC, id DESC)`);
    await db.query(`ALTER TABLE unit_version ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE unit_version FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY unit_version_read ON unit_version FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY unit_version_insert ON unit_version FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`GRANT SELECT, INSERT ON unit_version TO motcua_app`);
    await db.query(`GRANT USAGE ON SEQUENCE unit_version_id_seq TO motcua_app`);
    await db.query(`INSERT INTO unit_version (code, valid_from, name, kind, level, parent_code, path, electronic_id, change, owner_path)
     SELECT code, valid_from, name, kind, level, parent_code, path, electronic_id, 'CREATED', owner_path FROM administrative_unit`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unit_version`);
  }
}
