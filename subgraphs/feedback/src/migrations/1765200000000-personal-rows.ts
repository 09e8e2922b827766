import { sqlMigration } from '../../../../shared/rls';

/** Read by the unit answering the row and the units above it, and by whoever wrote it in this request. */
const ownersOrWriter = (table: string, id: string) =>
  [`DROP POLICY ${table}_read ON ${table}`, `CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (motcua_in_scope(owner_path) OR motcua_written(${id}::text))`];

/**
 * Frozen. Petitions and suggestions carry their authors' names and contacts, and a rating's
 * comment may name people: the database shows them only to the unit that answers them, the units
 * above it, and the citizen who just sent them. A rating's scores stay open (the public board
 * counts them); its comment moves to `rating_comment`. Whether a new petition repeats an earlier
 * one is asked of `petition_repeated`, which sees every petition but answers only an id.
 */
export const PersonalRows = sqlMigration(
  'FeedbackPersonalRows1765200000000',
  [
    ...ownersOrWriter('petition', 'id'),
    ...ownersOrWriter('suggestion', 'id'),

    `CREATE TABLE rating_comment (
       rating_id uuid PRIMARY KEY REFERENCES rating (id),
       comment text NOT NULL CHECK (comment <> ''),
       owner_path text NOT NULL)`,
    `INSERT INTO rating_comment SELECT id, comment, owner_path FROM rating WHERE coalesce(comment, '') <> ''`,
    `ALTER TABLE rating DROP COLUMN comment`,
    `ALTER TABLE rating_comment ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE rating_comment FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY rating_comment_read ON rating_comment FOR SELECT USING (motcua_in_scope(owner_path) OR motcua_written(rating_id::text))`,
    // Citizens rate without signing in, as they insert ratings: the service sets the owner from the dossier.
    `CREATE POLICY rating_comment_insert ON rating_comment FOR INSERT WITH CHECK (true)`,
    `GRANT SELECT, INSERT ON rating_comment TO motcua_app`,

    `CREATE FUNCTION petition_repeated(dossier uuid, phone text, owner text, since timestamptz) RETURNS uuid
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
       SELECT id FROM petition
        WHERE dossier_id = dossier OR (petitioner_phone = phone AND owner_path = owner AND received_at > since)
        ORDER BY received_at, id LIMIT 1
     $$`,
    `REVOKE ALL ON FUNCTION petition_repeated(uuid, text, text, timestamptz) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION petition_repeated(uuid, text, text, timestamptz) TO motcua_app`,
    // Row security is forced on the owner too; the function runs as the owner, so the owner reads every petition.
    // Never for the application role: where it owns the schema, the function sees what its caller sees.
    `DO $$ BEGIN
       IF current_user <> 'motcua_app' THEN
         EXECUTE format('CREATE POLICY petition_read_by_owner ON petition FOR SELECT TO %I USING (true)', current_user);
       END IF;
     END $$`,
  ],
  [
    `DROP POLICY IF EXISTS petition_read_by_owner ON petition`,
    `DROP FUNCTION petition_repeated(uuid, text, text, timestamptz)`,
    `ALTER TABLE rating ADD COLUMN comment text`,
    `ALTER TABLE rating NO FORCE ROW LEVEL SECURITY`,
    `UPDATE rating r SET comment = c.comment FROM rating_comment c WHERE c.rating_id = r.id`,
    `ALTER TABLE rating FORCE ROW LEVEL SECURITY`,
    `DROP TABLE rating_comment`,
    `DROP POLICY suggestion_read ON suggestion`,
    `CREATE POLICY suggestion_read ON suggestion FOR SELECT USING (true)`,
    `DROP POLICY petition_read ON petition`,
    `CREATE POLICY petition_read ON petition FOR SELECT USING (true)`,
  ],
);
