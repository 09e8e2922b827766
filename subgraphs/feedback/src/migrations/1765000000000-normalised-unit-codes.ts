import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. Before codes were normalised at the edge, a suggestion or petition could be stored with
 * the code as typed (`27-tthcc `); the catalogue knows it as `27-TTHCC`, and one such row blanked
 * a whole list. Stored codes are brought to the catalogue's form.
 */
export class NormalisedUnitCodes implements MigrationInterface {
  readonly name = 'FeedbackNormalisedUnitCodes1765000000000';

  async up(db: QueryRunner): Promise<void> {
    // The owner runs migrations; row-level security is forced on it too, so it is lifted for these two updates.
    await db.query(`ALTER TABLE suggestion NO FORCE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE petition NO FORCE ROW LEVEL SECURITY`);
    await db.query(`UPDATE suggestion SET unit_code = upper(btrim(unit_code, E' \\t\\n\\r\\u00a0')) WHERE unit_code <> upper(btrim(unit_code, E' \\t\\n\\r\\u00a0'))`);
    await db.query(`UPDATE petition SET unit_code = upper(btrim(unit_code, E' \\t\\n\\r\\u00a0')) WHERE unit_code <> upper(btrim(unit_code, E' \\t\\n\\r\\u00a0'))`);
    await db.query(`ALTER TABLE suggestion FORCE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE petition FORCE ROW LEVEL SECURITY`);
  }

  async down(db: QueryRunner): Promise<void> {

  }
}
