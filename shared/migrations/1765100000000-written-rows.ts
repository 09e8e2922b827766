import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen: `motcua_written(id)` is true for the rows the caller wrote in this request (see
 * `showToWriter`), so the read policies of personal data can show a citizen what they just
 * submitted without showing them anybody else's.
 */
export class WrittenRows implements MigrationInterface {
  readonly name = 'WrittenRows1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION motcua_written(id text) RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT id = ANY (string_to_array(nullif(current_setting('motcua.written', true), ''), ','))
     $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION motcua_written(text)`);
  }
}
