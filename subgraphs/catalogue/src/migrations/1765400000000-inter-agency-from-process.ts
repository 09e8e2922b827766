import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. A procedure is inter-agency exactly when one of its cases' processes passes the dossier
 * between units; the flag announcements set by hand is recomputed from the processes.
 */
export class InterAgencyFromProcess implements MigrationInterface {
  readonly name = 'CatalogueInterAgencyFromProcess1765400000000';

  async up(db: QueryRunner): Promise<void> {
    // Row security is forced on the owner too: lifted for the owner's own correction, then forced again.
    await db.query(`ALTER TABLE procedure_version NO FORCE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE procedure NO FORCE ROW LEVEL SECURITY`);
    await db.query(`UPDATE procedure_version pv SET inter_agency = EXISTS (SELECT 1 FROM procedure_variant v WHERE v.version_id = pv.id
   AND (SELECT count(DISTINCT coalesce(s->>'unitCode', (s->>'level') || ':' || coalesce(s->>'role', ''))) FROM jsonb_array_elements(v.process) s) > 1)`);
    await db.query(`UPDATE procedure p SET inter_agency = coalesce((SELECT pv.inter_agency FROM procedure_version pv WHERE pv.procedure_id = p.id ORDER BY pv.number DESC LIMIT 1), false)`);
    await db.query(`ALTER TABLE procedure FORCE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE procedure_version FORCE ROW LEVEL SECURITY`);
  }

  async down(db: QueryRunner): Promise<void> {

  }
}
