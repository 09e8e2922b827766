import { sqlMigration } from '../rls';

/**
 * Frozen: retries are recognised per caller (subject and unit) and input, in every subgraph's
 * database. Rows written before carry no unit or input hash: a retry of one of them is a CONFLICT,
 * never another caller's answer.
 */
export const ClientRequestByCaller = sqlMigration(
  'ClientRequestByCaller1764700000000',
  [
    `ALTER TABLE client_request ADD COLUMN unit_path text NOT NULL DEFAULT ''`,
    `ALTER TABLE client_request ADD COLUMN input_hash text`,
    `ALTER TABLE client_request DROP CONSTRAINT client_request_pkey`,
    `ALTER TABLE client_request ADD PRIMARY KEY (subject, unit_path, client_request_id)`,
  ],
  [
    `ALTER TABLE client_request DROP CONSTRAINT client_request_pkey`,
    `DELETE FROM client_request WHERE unit_path <> ''`,
    `ALTER TABLE client_request ADD PRIMARY KEY (subject, client_request_id)`,
    `ALTER TABLE client_request DROP COLUMN input_hash`,
    `ALTER TABLE client_request DROP COLUMN unit_path`,
  ],
);
