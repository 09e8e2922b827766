import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. The national targets the figures are held against, as data: each indicator, its target
 * in percent and the text that sets it. A later decision is a new row set by a new migration.
 */
export class NationalTargets implements MigrationInterface {
  readonly name = 'DossiersNationalTargets1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE national_target (
       indicator text PRIMARY KEY,
       target_percent numeric(5, 2) NOT NULL CHECK (target_percent BETWEEN 0 AND 100),
       source text NOT NULL)`);
    await db.query(`INSERT INTO national_target (indicator, target_percent, source) VALUES
       ('ON_TIME_RATE', 100, 'Nghị định 61/2018/NĐ-CP (every dossier by its due date); Quyết định 766/QĐ-TTg scores the share early and on time, full points at 100%'),
       ('ONLINE_SHARE', 50, 'Quyết định 766/QĐ-TTg: share of dossiers received online, full points at 50% or more')`);
    await db.query(`GRANT SELECT ON national_target TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE national_target`);
  }
}
