import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen: retries are recognised per caller (subject and unit) and input, in every subgraph's
 * database. Rows written before carry no unit or input hash: a retry of one of them is a CONFLICT,
 * never another caller's answer.
 */
export class ClientRequestByCaller implements MigrationInterface {
  readonly name = 'ClientRequestByCaller1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE client_request ADD COLUMN unit_path text NOT NULL DEFAULT ''`);
    await db.query(`ALTER TABLE client_request ADD COLUMN input_hash text`);
    await db.query(`ALTER TABLE client_request DROP CONSTRAINT client_request_pkey`);
    await db.query(`ALTER TABLE client_request ADD PRIMARY KEY (subject, unit_path, client_request_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE client_request DROP CONSTRAINT client_request_pkey`);
    await db.query(`DELETE FROM client_request WHERE unit_path <> ''`);
    await db.query(`ALTER TABLE client_request ADD PRIMARY KEY (subject, client_request_id)`);
    await db.query(`ALTER TABLE client_request DROP COLUMN input_hash`);
    await db.query(`ALTER TABLE client_request DROP COLUMN unit_path`);
  }
}
