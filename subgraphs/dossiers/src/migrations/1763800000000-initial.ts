import { kernelSql, ownedTableSql, sqlMigration } from '../../../../shared/rls';
import { DOSSIER_STATUSES } from '../status';

export const Initial = sqlMigration(
  'DossiersInitial1763800000000',
  [
    ...kernelSql,
    `CREATE TABLE dossier (
       id uuid PRIMARY KEY,
       code text NOT NULL UNIQUE,
       procedure_id uuid NOT NULL,
       receiving_unit_code text NOT NULL,
       handler_id uuid,
       applicant_kind text NOT NULL CHECK (applicant_kind IN ('PERSON', 'ORGANISATION')),
       applicant_name text NOT NULL CHECK (applicant_name <> ''),
       applicant_id_number text NOT NULL,
       channel text NOT NULL CHECK (channel IN ('IN_PERSON', 'POSTAL', 'ONLINE')),
       status text NOT NULL CHECK (status IN (${DOSSIER_STATUSES.map((s) => `'${s}'`).join(', ')})),
       received_at timestamptz NOT NULL,
       due_at timestamptz,
       finished_at timestamptz,
       owner_path text NOT NULL,
       version integer NOT NULL DEFAULT 1)`,
    `CREATE INDEX dossier_received_idx ON dossier (received_at DESC, id DESC)`,
    `CREATE INDEX dossier_procedure_idx ON dossier (procedure_id)`,
    `CREATE INDEX dossier_handler_idx ON dossier (handler_id)`,
    ...ownedTableSql('dossier'),
  ],
  ['DROP TABLE dossier', 'DROP TABLE client_request'],
);
