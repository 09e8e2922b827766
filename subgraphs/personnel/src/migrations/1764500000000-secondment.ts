import { ownedTableSql, sqlMigration } from '../../../../shared/rls';

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
export const SecondmentMigration = sqlMigration(
  'PersonnelSecondment1764500000000',
  [
    `CREATE EXTENSION IF NOT EXISTS btree_gist`,
    // Officials were owned by the unit their agency sits in; the agency's path is that plus its code.
    `UPDATE official SET owner_path = owner_path || '.' || home_agency_code WHERE owner_path NOT LIKE '%.' || home_agency_code`,
    `CREATE TABLE secondment (
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
       EXCLUDE USING gist (official_id WITH =, term WITH &&))`,
    `CREATE INDEX secondment_official_idx ON secondment (official_id, start_date)`,
    `CREATE INDEX secondment_centre_idx ON secondment USING gist (centre_code, term)`,
    ...ownedTableSql('secondment'),

    `CREATE TABLE counter (
       id uuid PRIMARY KEY,
       centre_code text NOT NULL,
       number integer NOT NULL CHECK (number > 0),
       name text NOT NULL CHECK (name <> ''),
       field_codes text[] NOT NULL DEFAULT '{}',
       procedure_ids uuid[] NOT NULL DEFAULT '{}',
       is_open boolean NOT NULL DEFAULT true,
       owner_path text NOT NULL,
       UNIQUE (centre_code, number))`,
    ...ownedTableSql('counter'),

    `CREATE TABLE counter_assignment (
       id uuid PRIMARY KEY,
       counter_id uuid NOT NULL REFERENCES counter (id),
       official_id uuid NOT NULL REFERENCES official (id),
       secondment_id uuid NOT NULL REFERENCES secondment (id),
       start_date date NOT NULL,
       end_date date CHECK (end_date >= start_date),
       term daterange GENERATED ALWAYS AS (daterange(start_date, end_date, '[]')) STORED,
       owner_path text NOT NULL,
       EXCLUDE USING gist (official_id WITH =, term WITH &&))`,
    `CREATE INDEX counter_assignment_counter_idx ON counter_assignment (counter_id, start_date)`,
    `CREATE INDEX counter_assignment_official_idx ON counter_assignment (official_id, start_date)`,
    ...ownedTableSql('counter_assignment'),

    `CREATE TABLE duty_shift (
       id uuid PRIMARY KEY,
       unit_code text NOT NULL,
       date date NOT NULL,
       shift text NOT NULL CHECK (shift IN ('MORNING', 'AFTERNOON')),
       official_id uuid NOT NULL REFERENCES official (id),
       role text NOT NULL CHECK (role IN ('RECEPTION', 'LEADER_ON_DUTY')),
       owner_path text NOT NULL,
       UNIQUE (official_id, date, shift))`,
    `CREATE INDEX duty_shift_unit_idx ON duty_shift (unit_code, date, shift)`,
    ...ownedTableSql('duty_shift'),
  ],
  [
    'DROP TABLE duty_shift',
    'DROP TABLE counter_assignment',
    'DROP TABLE counter',
    'DROP TABLE secondment',
    `UPDATE official SET owner_path = left(owner_path, length(owner_path) - length(home_agency_code) - 1)`,
  ],
);
