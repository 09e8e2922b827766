import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizens signed in read their own dossiers: who applied is shown to the citizen whose ID it
 * names, as applicant or as the person authorised to file, and to a citizen acting for the
 * organisation that applied (its tax code). The database decides, as it does for officials' units.
 */
export class Citizens implements MigrationInterface {
  readonly name = 'DossiersCitizens1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION motcua_citizen() RETURNS text LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN current_setting('motcua.role', true) = 'CITIZEN' THEN nullif(current_setting('motcua.subject', true), '') END
    $$`);
    await db.query(`CREATE FUNCTION motcua_organisation() RETURNS text LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN current_setting('motcua.role', true) = 'CITIZEN' THEN nullif(current_setting('motcua.tax_code', true), '') END
    $$`);
    await db.query(`DROP POLICY dossier_applicant_read ON dossier_applicant`);
    await db.query(`CREATE POLICY dossier_applicant_read ON dossier_applicant FOR SELECT
       USING (motcua_in_scope(owner_path)
              OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = dossier_applicant.dossier_id AND motcua_in_scope(s.owner_path))
              OR motcua_written(dossier_id::text)
              OR id_number = motcua_citizen() OR proxy_id_number = motcua_citizen() OR id_number = motcua_organisation())`);
    await db.query(`CREATE INDEX dossier_applicant_id_number_idx ON dossier_applicant (id_number)`);
    await db.query(`CREATE INDEX dossier_applicant_proxy_id_number_idx ON dossier_applicant (proxy_id_number) WHERE proxy_id_number IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_applicant_proxy_id_number_idx`);
    await db.query(`DROP INDEX dossier_applicant_id_number_idx`);
    await db.query(`DROP POLICY dossier_applicant_read ON dossier_applicant`);
    await db.query(`CREATE POLICY dossier_applicant_read ON dossier_applicant FOR SELECT
       USING (motcua_in_scope(owner_path) OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = dossier_applicant.dossier_id AND motcua_in_scope(s.owner_path)) OR motcua_written(dossier_id::text))`);
    await db.query(`DROP FUNCTION motcua_organisation()`);
    await db.query(`DROP FUNCTION motcua_citizen()`);
  }
}
