import { calendarDayTableSql } from '../../../../shared/calendar-store';
import { APP_ROLE, appendOnlyTableSql, ownedTableSql, sqlMigration } from '../../../../shared/rls';

/** Whether the caller's unit holds the dossier's active step, or any of its steps (SQL over the `dossier` row). */
const holdsActiveStep = `EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = dossier.id AND s.position = dossier.current_step AND motcua_in_scope(s.owner_path))`;
const holdsAStep = `EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = dossier.id AND motcua_in_scope(s.owner_path))`;

/**
 * The dossier lifecycle: reception details, the liên thông steps each unit holds, the
 * append-only history (forms 05/06), the daily code sequence per receiving agency, and the
 * working-calendar decisions of each year.
 *
 * Write access follows the steps: the receiving unit owns the dossier; the unit holding the
 * active step may move it on; each unit writes only its own step.
 */
export const Lifecycle = sqlMigration(
  'DossiersLifecycle1764200000000',
  [
    `ALTER TABLE dossier
       ADD COLUMN applicant_phone text,
       ADD COLUMN applicant_email text,
       ADD COLUMN applicant_address text,
       ADD COLUMN proxy_name text,
       ADD COLUMN proxy_id_number text,
       ADD COLUMN documents jsonb NOT NULL DEFAULT '[]',
       ADD COLUMN area_unit_code text,
       ADD COLUMN time_limit_hours numeric(8, 2),
       ADD COLUMN current_step integer,
       ADD COLUMN paused_at timestamptz,
       ADD COLUMN supplement_count integer NOT NULL DEFAULT 0,
       ADD COLUMN rescheduled boolean NOT NULL DEFAULT false,
       ADD COLUMN outcome text CHECK (outcome IN ('APPROVED', 'REFUSED')),
       ADD COLUMN returned_at timestamptz,
       ADD COLUMN return_method text CHECK (return_method IN ('IN_PERSON', 'POSTAL', 'ONLINE'))`,

    `CREATE TABLE dossier_step (
       id uuid PRIMARY KEY,
       dossier_id uuid NOT NULL REFERENCES dossier (id),
       position integer NOT NULL CHECK (position > 0),
       title text NOT NULL,
       level text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
       unit_code text NOT NULL,
       role text,
       allotted_hours numeric(8, 2) NOT NULL CHECK (allotted_hours > 0),
       finished_at timestamptz,
       handler_id uuid,
       owner_path text NOT NULL,
       UNIQUE (dossier_id, position))`,
    `CREATE INDEX dossier_step_owner_idx ON dossier_step (owner_path text_pattern_ops, dossier_id)`,
    `ALTER TABLE dossier_step ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE dossier_step FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY dossier_step_read ON dossier_step FOR SELECT USING (true)`,
    // The receiving unit lays out every step at reception; afterwards each unit writes only its own.
    `CREATE POLICY dossier_step_insert ON dossier_step FOR INSERT
       WITH CHECK (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND motcua_in_scope(d.owner_path)))`,
    `CREATE POLICY dossier_step_update ON dossier_step FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`,
    `GRANT SELECT, INSERT, UPDATE ON dossier_step TO ${APP_ROLE}`,

    `DROP POLICY dossier_update ON dossier`,
    `CREATE POLICY dossier_update ON dossier FOR UPDATE
       USING (motcua_in_scope(owner_path) OR ${holdsActiveStep})
       WITH CHECK (motcua_in_scope(owner_path) OR ${holdsAStep})`,

    `CREATE TABLE dossier_event (
       id bigserial PRIMARY KEY,
       dossier_id uuid NOT NULL REFERENCES dossier (id),
       action text NOT NULL,
       from_status text,
       to_status text NOT NULL,
       at timestamptz NOT NULL,
       actor_subject text NOT NULL,
       actor_role text NOT NULL,
       actor_unit text NOT NULL,
       step_position integer,
       details jsonb NOT NULL DEFAULT '{}',
       owner_path text NOT NULL)`,
    `CREATE INDEX dossier_event_dossier_idx ON dossier_event (dossier_id, id)`,
    ...appendOnlyTableSql('dossier_event'),
    `GRANT USAGE ON SEQUENCE dossier_event_id_seq TO ${APP_ROLE}`,

    // One row per receiving agency and day; the reception transaction increments it under a row lock.
    `CREATE TABLE dossier_code_sequence (
       agency_electronic_id text NOT NULL,
       day date NOT NULL,
       last_number integer NOT NULL,
       owner_path text NOT NULL,
       PRIMARY KEY (agency_electronic_id, day))`,
    ...ownedTableSql('dossier_code_sequence'),

    ...calendarDayTableSql,
  ],
  [
    'DROP TABLE calendar_day',
    'DROP TABLE dossier_code_sequence',
    'DROP TABLE dossier_event',
    'DROP POLICY dossier_update ON dossier',
    `CREATE POLICY dossier_update ON dossier FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`,
    'DROP TABLE dossier_step',
    `ALTER TABLE dossier DROP COLUMN applicant_phone, DROP COLUMN applicant_email, DROP COLUMN applicant_address, DROP COLUMN proxy_name,
       DROP COLUMN proxy_id_number, DROP COLUMN documents, DROP COLUMN area_unit_code, DROP COLUMN time_limit_hours, DROP COLUMN current_step,
       DROP COLUMN paused_at, DROP COLUMN supplement_count, DROP COLUMN rescheduled, DROP COLUMN outcome, DROP COLUMN returned_at, DROP COLUMN return_method`,
  ],
);
