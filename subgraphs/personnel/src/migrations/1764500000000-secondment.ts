import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secondment to centres, counters, counter assignments and duty rosters.
 *
 * Ownership: an official and their secondments belong to the home agency (owner_path is the
 * agency's own path, so one department cannot touch another's); counters, assignments and
 * rosters belong to the centre or desk. A unit above reads and writes its whole subtree.
 *
 * "One counter at a time" and "one secondment at a time" are exclusion constraints, so two
 * concurrent writes cannot both pass the check.
 */
export class SecondmentMigration implements MigrationInterface {
  readonly name = 'PersonnelSecondment1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // Officials were owned by the unit their agency sits in; the agency's path is that plus its code.
    await db.query(`UPDATE official SET owner_path = owner_path || '.' || home_agency_code WHERE owner_path NOT LIKE '%.' || home_agency_code`);
    await db.query(`CREATE TABLE secondment (
       id uuid PRIMARY KEY,
       official_id uuid NOT NULL REFERENCES official (id),
       home_agency_code text NOT NULL,
       centre_code text NOT NULL,
       centre_path text NOT NULL,
       kind text NOT NULL CHECK (kind IN ('DEPARTMENT', 'CENTRAL_AGENCY')),
       decision_number text NOT NULL CHECK (decision_number <> ''),
       decision_date date NOT NULL,
       start_date date NOT NULL,
       planned_end_date date CHECK (planned_end_date >= start_date),
       actual_end_date date CHECK (actual_end_date >= start_date),
       end_reason text,
       replaces_id uuid REFERENCES secondment (id),
       replaced_by_id uuid REFERENCES secondment (id),
       term daterange GENERATED ALWAYS AS (daterange(start_date, coalesce(actual_end_date, planned_end_date), '[]')) STORED,
       owner_path text NOT NULL,
       EXCLUDE USING gist (official_id WITH =, term WITH &&))`);
    await db.query(`CREATE INDEX secondment_official_idx ON secondment (official_id, start_date)`);
    await db.query(`CREATE INDEX secondment_centre_idx ON secondment USING gist (centre_code, term)`);
    await db.query(`ALTER TABLE secondment ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE secondment FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY secondment_read ON secondment FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY secondment_insert ON secondment FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY secondment_update ON secondment FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY secondment_delete ON secondment FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX secondment_owner_path_idx ON secondment (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON secondment TO motcua_app`);
    await db.query(`CREATE TABLE counter (
       id uuid PRIMARY KEY,
       centre_code text NOT NULL,
       number integer NOT NULL CHECK (number > 0),
       name text NOT NULL CHECK (name <> ''),
       field_codes text[] NOT NULL DEFAULT '{}',
       procedure_ids uuid[] NOT NULL DEFAULT '{}',
       is_open boolean NOT NULL DEFAULT true,
       owner_path text NOT NULL,
       UNIQUE (centre_code, number))`);
    await db.query(`ALTER TABLE counter ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE counter FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY counter_read ON counter FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY counter_insert ON counter FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY counter_update ON counter FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY counter_delete ON counter FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX counter_owner_path_idx ON counter (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON counter TO motcua_app`);
    await db.query(`CREATE TABLE counter_assignment (
       id uuid PRIMARY KEY,
       counter_id uuid NOT NULL REFERENCES counter (id),
       official_id uuid NOT NULL REFERENCES official (id),
       secondment_id uuid NOT NULL REFERENCES secondment (id),
       start_date date NOT NULL,
       end_date date CHECK (end_date >= start_date),
       term daterange GENERATED ALWAYS AS (daterange(start_date, end_date, '[]')) STORED,
       owner_path text NOT NULL,
       EXCLUDE USING gist (official_id WITH =, term WITH &&))`);
    await db.query(`CREATE INDEX counter_assignment_counter_idx ON counter_assignment (counter_id, start_date)`);
    await db.query(`CREATE INDEX counter_assignment_official_idx ON counter_assignment (official_id, start_date)`);
    await db.query(`ALTER TABLE counter_assignment ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE counter_assignment FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY counter_assignment_read ON counter_assignment FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY counter_assignment_insert ON counter_assignment FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY counter_assignment_update ON counter_assignment FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY counter_assignment_delete ON counter_assignment FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX counter_assignment_owner_path_idx ON counter_assignment (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON counter_assignment TO motcua_app`);
    await db.query(`CREATE TABLE duty_shift (
       id uuid PRIMARY KEY,
       unit_code text NOT NULL,
       date date NOT NULL,
       shift text NOT NULL CHECK (shift IN ('MORNING', 'AFTERNOON')),
       official_id uuid NOT NULL REFERENCES official (id),
       role text NOT NULL CHECK (role IN ('RECEPTION', 'LEADER_ON_DUTY')),
       owner_path text NOT NULL,
       UNIQUE (official_id, date, shift))`);
    await db.query(`CREATE INDEX duty_shift_unit_idx ON duty_shift (unit_code, date, shift)`);
    await db.query(`ALTER TABLE duty_shift ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE duty_shift FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY duty_shift_read ON duty_shift FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY duty_shift_insert ON duty_shift FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY duty_shift_update ON duty_shift FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY duty_shift_delete ON duty_shift FOR DELETE USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE INDEX duty_shift_owner_path_idx ON duty_shift (owner_path text_pattern_ops)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON duty_shift TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE duty_shift`);
    await db.query(`DROP TABLE counter_assignment`);
    await db.query(`DROP TABLE counter`);
    await db.query(`DROP TABLE secondment`);
    await db.query(`UPDATE official SET owner_path = left(owner_path, length(owner_path) - length(home_agency_code) - 1)`);
  }
}
