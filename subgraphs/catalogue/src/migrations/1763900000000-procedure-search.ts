import { sqlMigration } from '../../../../shared/rls';

/**
 * Accent- and case-insensitive search: "ho tich" must find "Hộ tịch", "dang ky" must find
 * "Đăng ký" (unaccent maps đ to d). unaccent() is only STABLE, so an IMMUTABLE wrapper with a
 * fixed dictionary lets a generated column and a trigram index use it.
 */
export const ProcedureSearch = sqlMigration(
  'CatalogueProcedureSearch1763900000000',
  [
    `CREATE EXTENSION IF NOT EXISTS unaccent`,
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE FUNCTION motcua_fold(text) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
     AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`,
    `ALTER TABLE procedure ADD COLUMN search_text text GENERATED ALWAYS AS (motcua_fold(code || ' ' || coalesce(local_code, '') || ' ' || name)) STORED`,
    `CREATE INDEX procedure_search_idx ON procedure USING gin (search_text gin_trgm_ops)`,
  ],
  [`DROP INDEX procedure_search_idx`, `ALTER TABLE procedure DROP COLUMN search_text`, `DROP FUNCTION motcua_fold(text)`],
);
