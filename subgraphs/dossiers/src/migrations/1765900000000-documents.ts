import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files: `document` describes one stored file (its bytes live in the documents store, under the
 * document's id), and `dossier_document` attaches it to a dossier for a purpose. A citizen's
 * uploads are theirs (their personal store, `owner_filer`); an official's belong to their unit.
 * An attachment is shown to whoever is shown the dossier's applicant, so a file reaches exactly
 * the people its dossier does; anyone holding a result's verification code may check its hash,
 * through `verify_result`, and learn nothing else.
 */
export class Documents implements MigrationInterface {
  readonly name = 'DossiersDocuments1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE document (
       id uuid PRIMARY KEY,
       file_name text NOT NULL,
       media_type text NOT NULL,
       byte_size integer NOT NULL CHECK (byte_size > 0),
       sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       digitised boolean NOT NULL,
       uploaded_by text NOT NULL,
       uploader_role text NOT NULL,
       owner_filer text,
       owner_path text,
       uploaded_at timestamptz NOT NULL,
       CHECK ((owner_filer IS NULL) <> (owner_path IS NULL)))`);
    await db.query(`CREATE INDEX document_owner_filer_idx ON document (owner_filer) WHERE owner_filer IS NOT NULL`);
    await db.query(`CREATE TABLE dossier_document (
       dossier_id uuid NOT NULL REFERENCES dossier (id),
       document_id uuid NOT NULL REFERENCES document (id),
       purpose text NOT NULL CHECK (purpose IN ('SUBMITTED', 'DIGITISED', 'SUPPLEMENT', 'RESULT')),
       document_type text NOT NULL,
       reused boolean NOT NULL,
       attached_by text NOT NULL,
       attached_at timestamptz NOT NULL,
       verification_code text UNIQUE,
       seq bigint GENERATED ALWAYS AS IDENTITY,
       CHECK ((purpose = 'RESULT') = (verification_code IS NOT NULL)),
       PRIMARY KEY (dossier_id, document_id))`);
    await db.query(`CREATE INDEX dossier_document_document_idx ON dossier_document (document_id)`);
    await db.query(`ALTER TABLE dossier ADD COLUMN online_level text CHECK (online_level IN ('FULL', 'PARTIAL', 'NONE'))`);
    for (const table of ['document', 'dossier_document']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    await db.query(`GRANT SELECT, INSERT ON document TO motcua_app`);
    await db.query(`GRANT SELECT, INSERT, DELETE ON dossier_document TO motcua_app`);
    await db.query(`CREATE POLICY dossier_document_read ON dossier_document FOR SELECT
       USING (EXISTS (SELECT 1 FROM dossier_applicant a WHERE a.dossier_id = dossier_document.dossier_id))`);
    // Through a function: attaching a file checks the file is shown, and a file is shown through its attachments; as
    // a policy's subquery PostgreSQL would refuse that loop, which stops at the attachments' own policy.
    await db.query(`CREATE FUNCTION motcua_attachment_shown(document_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT EXISTS (SELECT 1 FROM dossier_document l WHERE l.document_id = motcua_attachment_shown.document_id)
     $$`);
    await db.query(`CREATE POLICY document_read ON document FOR SELECT
       USING (owner_filer = ANY (motcua_filers())
              OR (owner_path IS NOT NULL AND motcua_in_scope(owner_path))
              OR motcua_attachment_shown(id))`);
    await db.query(`CREATE POLICY document_insert ON document FOR INSERT
       WITH CHECK (uploaded_by = current_setting('motcua.subject', true)
                   AND ((uploader_role = 'CITIZEN' AND owner_filer = ANY (motcua_filers()) AND NOT digitised)
                        OR (uploader_role <> 'CITIZEN' AND owner_path IS NOT NULL AND motcua_in_scope(owner_path))))`);
    await db.query(`CREATE POLICY dossier_document_insert ON dossier_document FOR INSERT
       WITH CHECK (attached_by = current_setting('motcua.subject', true)
                   AND EXISTS (SELECT 1 FROM document d WHERE d.id = document_id)
                   AND EXISTS (SELECT 1 FROM dossier_applicant a WHERE a.dossier_id = dossier_document.dossier_id)
                   AND (motcua_citizen() IS NULL
                        OR (purpose IN ('SUBMITTED', 'SUPPLEMENT')
                            AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = ANY (motcua_filers())))))`);
    await db.query(`CREATE POLICY dossier_document_delete_draft ON dossier_document FOR DELETE
       USING (purpose = 'SUBMITTED'
              AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.filed_by = ANY (motcua_filers()) AND d.submitted_at IS NULL))`);
    await db.query(`CREATE FUNCTION verify_result(code text, sha256 text)
       RETURNS TABLE (unchanged boolean, issued_at timestamptz, issuer_code text)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT d.sha256 = lower(verify_result.sha256), l.attached_at, s.receiving_unit_code
           FROM dossier_document l JOIN document d ON d.id = l.document_id JOIN dossier s ON s.id = l.dossier_id
          WHERE l.verification_code = upper(verify_result.code)
     $$`);
    await db.query(`REVOKE ALL ON FUNCTION verify_result(text, text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION verify_result(text, text) TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION verify_result(text, text)`);
    await db.query(`ALTER TABLE dossier DROP COLUMN online_level`);
    await db.query(`DROP TABLE dossier_document`);
    await db.query(`DROP TABLE document`);
    await db.query(`DROP FUNCTION motcua_attachment_shown(uuid)`);
  }
}
