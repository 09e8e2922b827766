import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accent- and case-insensitive search: "ho tich" must find "Hộ tịch", "dang ky" must find
 * "Đăng ký" (unaccent maps đ to d). unaccent() is only STABLE, so an IMMUTABLE wrapper with a
 * fixed dictionary lets a generated column and a trigram index use it.
 */
export class ProcedureSearch implements MigrationInterface {
  readonly name = 'CatalogueProcedureSearch1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE FUNCTION motcua_fold(text) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
     AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
    await db.query(`ALTER TABLE procedure ADD COLUMN search_text text GENERATED ALWAYS AS (motcua_fold(code || ' ' || coalesce(local_code, '') || ' ' || name)) STORED`);
    await db.query(`CREATE INDEX procedure_search_idx ON procedure USING gin (search_text gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX procedure_search_idx`);
    await db.query(`ALTER TABLE procedure DROP COLUMN search_text`);
    await db.query(`DROP FUNCTION motcua_fold(text)`);
  }
}
