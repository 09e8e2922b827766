import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. Parcels, their users' names and the dossiers they concern. Anyone reads a parcel (its
 * user masked); the full name only the branch and the units above it. Only the branch's officials
 * (motcua_acts_for) write, whatever a caller above it may read.
 */
export class Parcels implements MigrationInterface {
  readonly name = 'LandParcels1766500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE land_parcel (
       id uuid PRIMARY KEY,
       unit_path text NOT NULL,
       unit_code text NOT NULL,
       map_sheet integer NOT NULL CHECK (map_sheet > 0),
       parcel_number integer NOT NULL CHECK (parcel_number > 0),
       area_m2 numeric(14, 2) NOT NULL CHECK (area_m2 > 0),
       land_use text NOT NULL,
       owner_masked text NOT NULL,
       owner_path text NOT NULL,
       registered_at timestamptz NOT NULL,
       UNIQUE (unit_path, map_sheet, parcel_number))`);
    await db.query(`CREATE INDEX land_parcel_unit_idx ON land_parcel (unit_path text_pattern_ops)`);
    await db.query(`CREATE TABLE land_parcel_owner (
       parcel_id uuid PRIMARY KEY REFERENCES land_parcel (id),
       owner_name text NOT NULL CHECK (owner_name <> ''),
       owner_path text NOT NULL)`);
    await db.query(`CREATE TABLE dossier_parcel (
       dossier_id uuid PRIMARY KEY,
       parcel_id uuid NOT NULL REFERENCES land_parcel (id),
       owner_path text NOT NULL,
       attached_at timestamptz NOT NULL)`);
    for (const table of ['land_parcel', 'land_parcel_owner', 'dossier_parcel']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (motcua_acts_for(owner_path))`);
      await db.query(`CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (motcua_acts_for(owner_path)) WITH CHECK (motcua_acts_for(owner_path))`);
      await db.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO motcua_app`);
    }
    await db.query(`CREATE POLICY land_parcel_read ON land_parcel FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY dossier_parcel_read ON dossier_parcel FOR SELECT USING (true)`);
    await db.query(
      `CREATE POLICY land_parcel_owner_read ON land_parcel_owner FOR SELECT USING (motcua_in_scope(owner_path) OR motcua_written(parcel_id::text))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dossier_parcel`);
    await db.query(`DROP TABLE land_parcel_owner`);
    await db.query(`DROP TABLE land_parcel`);
  }
}
