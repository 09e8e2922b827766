import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics by field read the field from the dossier (the procedure version's field at
 * reception). A period's figures need the dossiers that were alive during it — received before
 * its end, not closed before its start — which two b-tree ranges cannot find together; a GiST
 * index on the span from reception to closing finds them by overlap.
 */
export class Statistics implements MigrationInterface {
  readonly name = 'DossiersStatistics1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN field_code text`);
    // The columns statistics read ride in the index, so a month's figures come from an index-only scan.
    await db.query(`CREATE INDEX dossier_alive_idx ON dossier USING gist (tstzrange(received_at, coalesce(returned_at, finished_at, 'infinity'), '[]'))
       INCLUDE (owner_path, status, channel, received_at, finished_at, returned_at, due_at, supplement_count,
                procedure_id, handler_id, field_code, receiving_unit_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_alive_idx`);
    await db.query(`ALTER TABLE dossier DROP COLUMN field_code`);
  }
}
