import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. Who applied is personal data: the applicant's name, ID number and contacts, and the
 * proxy's, move to `dossier_applicant`, which only the dossier's units read (its owner's subtree
 * and the units holding one of its steps) and the caller who just wrote it. The dossier keeps the
 * public projection: the kind and the masked name the public lookup shows.
 */
export class ApplicantApart implements MigrationInterface {
  readonly name = 'DossiersApplicantApart1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE dossier_applicant (
       dossier_id uuid PRIMARY KEY REFERENCES dossier (id),
       name text NOT NULL,
       id_number text NOT NULL,
       phone text,
       email text,
       address text,
       proxy_name text,
       proxy_id_number text,
       owner_path text NOT NULL)`);
    await db.query(`INSERT INTO dossier_applicant
       SELECT id, applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, proxy_name, proxy_id_number, owner_path FROM dossier`);
    await db.query(`ALTER TABLE dossier ADD COLUMN applicant_public_name text`);
    // Row security is forced on the owner too: lifted for the owner's own backfill, then forced again.
    await db.query(`ALTER TABLE dossier NO FORCE ROW LEVEL SECURITY`);
    await db.query(`UPDATE dossier d SET applicant_public_name = CASE WHEN applicant_kind = 'PERSON' THEN (SELECT string_agg(CASE WHEN n = 1 THEN w ELSE upper(left(w, 1)) || '.' END, ' ' ORDER BY n)
                       FROM regexp_split_to_table(trim(d.applicant_name), '\\s+') WITH ORDINALITY AS t(w, n)) ELSE applicant_name END`);
    await db.query(`ALTER TABLE dossier FORCE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE dossier ALTER COLUMN applicant_public_name SET NOT NULL`);
    await db.query(`ALTER TABLE dossier DROP COLUMN applicant_name, DROP COLUMN applicant_id_number, DROP COLUMN applicant_phone, DROP COLUMN applicant_email,
       DROP COLUMN applicant_address, DROP COLUMN proxy_name, DROP COLUMN proxy_id_number`);
    await db.query(`ALTER TABLE dossier_applicant ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE dossier_applicant FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY dossier_applicant_read ON dossier_applicant FOR SELECT
       USING (motcua_in_scope(owner_path) OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = dossier_applicant.dossier_id AND motcua_in_scope(s.owner_path)) OR motcua_written(dossier_id::text))`);
    await db.query(`CREATE POLICY dossier_applicant_insert ON dossier_applicant FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY dossier_applicant_update ON dossier_applicant FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON dossier_applicant TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN applicant_name text, ADD COLUMN applicant_id_number text, ADD COLUMN applicant_phone text, ADD COLUMN applicant_email text,
       ADD COLUMN applicant_address text, ADD COLUMN proxy_name text, ADD COLUMN proxy_id_number text`);
    await db.query(`ALTER TABLE dossier NO FORCE ROW LEVEL SECURITY`);
    await db.query(`UPDATE dossier d SET applicant_name = a.name, applicant_id_number = a.id_number, applicant_phone = a.phone, applicant_email = a.email,
       applicant_address = a.address, proxy_name = a.proxy_name, proxy_id_number = a.proxy_id_number FROM dossier_applicant a WHERE a.dossier_id = d.id`);
    await db.query(`ALTER TABLE dossier FORCE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE dossier ALTER COLUMN applicant_name SET NOT NULL, ALTER COLUMN applicant_id_number SET NOT NULL, DROP COLUMN applicant_public_name`);
    await db.query(`DROP TABLE dossier_applicant`);
  }
}
