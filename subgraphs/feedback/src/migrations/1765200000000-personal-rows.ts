import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. Petitions and suggestions carry their authors' names and contacts, and a rating's
 * comment may name people: the database shows them only to the unit that answers them, the units
 * above it, and the citizen who just sent them. A rating's scores stay open (the public board
 * counts them); its comment moves to `rating_comment`. Whether a new petition repeats an earlier
 * one is asked of `petition_repeated`, which sees every petition but answers only an id.
 */
export class PersonalRows implements MigrationInterface {
  readonly name = 'FeedbackPersonalRows1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY petition_read ON petition`);
    await db.query(`CREATE POLICY petition_read ON petition FOR SELECT USING (motcua_in_scope(owner_path) OR motcua_written(id::text))`);
    await db.query(`DROP POLICY suggestion_read ON suggestion`);
    await db.query(`CREATE POLICY suggestion_read ON suggestion FOR SELECT USING (motcua_in_scope(owner_path) OR motcua_written(id::text))`);
    await db.query(`CREATE TABLE rating_comment (
       rating_id uuid PRIMARY KEY REFERENCES rating (id),
       comment text NOT NULL CHECK (comment <> ''),
       owner_path text NOT NULL)`);
    await db.query(`INSERT INTO rating_comment SELECT id, comment, owner_path FROM rating WHERE coalesce(comment, '') <> ''`);
    await db.query(`ALTER TABLE rating DROP COLUMN comment`);
    await db.query(`ALTER TABLE rating_comment ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE rating_comment FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY rating_comment_read ON rating_comment FOR SELECT USING (motcua_in_scope(owner_path) OR motcua_written(rating_id::text))`);
    // Citizens rate without signing in, as they insert ratings: the service sets the owner from the dossier.
    await db.query(`CREATE POLICY rating_comment_insert ON rating_comment FOR INSERT WITH CHECK (true)`);
    await db.query(`GRANT SELECT, INSERT ON rating_comment TO motcua_app`);
    await db.query(`CREATE FUNCTION petition_repeated(dossier uuid, phone text, owner text, since timestamptz) RETURNS uuid
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
       SELECT id FROM petition
        WHERE dossier_id = dossier OR (petitioner_phone = phone AND owner_path = owner AND received_at > since)
        ORDER BY received_at, id LIMIT 1
     $$`);
    await db.query(`REVOKE ALL ON FUNCTION petition_repeated(uuid, text, text, timestamptz) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION petition_repeated(uuid, text, text, timestamptz) TO motcua_app`);
    // Row security is forced on the owner too; the function runs as the owner, so the owner reads every petition.
    // Never for the application role: where it owns the schema, the function sees what its caller sees.
    await db.query(`DO $$ BEGIN
       IF current_user <> 'motcua_app' THEN
         EXECUTE format('CREATE POLICY petition_read_by_owner ON petition FOR SELECT TO %I USING (true)', current_user);
       END IF;
     END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY IF EXISTS petition_read_by_owner ON petition`);
    await db.query(`DROP FUNCTION petition_repeated(uuid, text, text, timestamptz)`);
    await db.query(`ALTER TABLE rating ADD COLUMN comment text`);
    await db.query(`ALTER TABLE rating NO FORCE ROW LEVEL SECURITY`);
    await db.query(`UPDATE rating r SET comment = c.comment FROM rating_comment c WHERE c.rating_id = r.id`);
    await db.query(`ALTER TABLE rating FORCE ROW LEVEL SECURITY`);
    await db.query(`DROP TABLE rating_comment`);
    await db.query(`DROP POLICY suggestion_read ON suggestion`);
    await db.query(`CREATE POLICY suggestion_read ON suggestion FOR SELECT USING (true)`);
    await db.query(`DROP POLICY petition_read ON petition`);
    await db.query(`CREATE POLICY petition_read ON petition FOR SELECT USING (true)`);
  }
}
