import { calendarDayTableSql } from '../../../../shared/calendar-store';
import { ownedTableSql, sqlMigration } from '../../../../shared/rls';

/** Citizens rate, suggest and petition without signing in: the service sets the owner from the dossier or unit named. */
const openToCitizens = (table: string) => [`DROP POLICY ${table}_insert ON ${table}`, `CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (true)`];

/**
 * Suggestions (hòm thư góp ý) and feedback and petitions (PAKN) with their working-day limits;
 * ratings learn where they were given and the rated official's home agency, for the board and
 * the ranking of departments.
 */
export const Petitions = sqlMigration(
  'FeedbackPetitions1764600000000',
  [
    `ALTER TABLE rating ADD COLUMN receiving_unit_code text, ADD COLUMN agency_code text`,
    `CREATE INDEX rating_owner_idx ON rating (owner_path text_pattern_ops, rated_at)`,
    ...openToCitizens('rating'),

    `CREATE TABLE suggestion (
       id uuid PRIMARY KEY,
       unit_code text NOT NULL,
       content text NOT NULL CHECK (content <> ''),
       author_name text,
       author_contact text,
       status text NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
       answer text,
       submitted_at timestamptz NOT NULL,
       answered_at timestamptz,
       owner_path text NOT NULL)`,
    ...ownedTableSql('suggestion'),
    ...openToCitizens('suggestion'),

    `CREATE TABLE petition (
       id uuid PRIMARY KEY,
       dossier_id uuid,
       dossier_code text,
       unit_code text NOT NULL,
       subject text NOT NULL CHECK (subject <> ''),
       content text NOT NULL CHECK (content <> ''),
       petitioner_name text NOT NULL,
       petitioner_phone text,
       petitioner_email text,
       status text NOT NULL CHECK (status IN ('RECEIVED', 'REJECTED', 'INFORMATION_REQUESTED', 'PROCESSING', 'ANSWERED', 'PUBLISHED')),
       received_at timestamptz NOT NULL,
       reject_by timestamptz NOT NULL,
       information_by timestamptz NOT NULL,
       resolve_by timestamptz NOT NULL,
       publish_by timestamptz,
       note text,
       answer text,
       answered_at timestamptz,
       published_answer text,
       published_at timestamptz,
       repeat_of_id uuid REFERENCES petition (id),
       version integer NOT NULL DEFAULT 1,
       owner_path text NOT NULL)`,
    `CREATE INDEX petition_dossier_idx ON petition (dossier_id)`,
    `CREATE INDEX petition_resolve_by_idx ON petition (owner_path text_pattern_ops, resolve_by)`,
    `CREATE INDEX petition_phone_idx ON petition (petitioner_phone, received_at)`,
    ...ownedTableSql('petition'),
    ...openToCitizens('petition'),
    ...calendarDayTableSql,
  ],
  [
    'DROP TABLE calendar_day',
    'DROP TABLE petition',
    'DROP TABLE suggestion',
    'DROP POLICY rating_insert ON rating',
    `CREATE POLICY rating_insert ON rating FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`,
    'DROP INDEX rating_owner_idx',
    'ALTER TABLE rating DROP COLUMN receiving_unit_code, DROP COLUMN agency_code',
  ],
);
