import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Procedures get versions: each announcing decision (quyết định công bố) adds an immutable
 * version with every mandatory component and its case variants; `procedure` keeps the identity
 * and a projection of the newest version for search and filters. Existing procedures become
 * version 1, with their single time limit as one case variant.
 */
export class ProcedureVersions implements MigrationInterface {
  readonly name = 'CatalogueProcedureVersions1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE procedure_version (
       id uuid PRIMARY KEY,
       procedure_id uuid NOT NULL REFERENCES procedure (id),
       number integer NOT NULL CHECK (number > 0),
       decision text NOT NULL CHECK (decision <> ''),
       effective_from date NOT NULL,
       name text NOT NULL CHECK (name <> ''),
       field_code text NOT NULL REFERENCES field (code),
       levels text[] NOT NULL CHECK (cardinality(levels) > 0),
       executing_agency_code text REFERENCES administrative_unit (code),
       executing_agency_role text,
       online_level text NOT NULL CHECK (online_level IN ('FULL', 'PARTIAL', 'NONE')),
       inter_agency boolean NOT NULL,
       one_stop boolean NOT NULL,
       boundary_free boolean NOT NULL,
       submission_methods text[] NOT NULL,
       steps text[] NOT NULL,
       documents jsonb NOT NULL,
       applicants text[] NOT NULL,
       result text,
       conditions text[] NOT NULL,
       legal_basis text[] NOT NULL,
       fees jsonb NOT NULL,
       owner_path text NOT NULL,
       UNIQUE (procedure_id, number),
       UNIQUE (procedure_id, effective_from))`);
    await db.query(`ALTER TABLE procedure_version ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE procedure_version FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY procedure_version_read ON procedure_version FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY procedure_version_insert ON procedure_version FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`GRANT SELECT, INSERT ON procedure_version TO motcua_app`);
    await db.query(`CREATE TABLE procedure_variant (
       id uuid PRIMARY KEY,
       version_id uuid NOT NULL REFERENCES procedure_version (id),
       position integer NOT NULL CHECK (position > 0),
       name text NOT NULL CHECK (name <> ''),
       time_limit numeric(7, 2) CHECK (time_limit >= 0),
       time_unit text CHECK (time_unit IN ('WORKING_DAYS', 'WORKING_HOURS')),
       online_time_limit numeric(7, 2) CHECK (online_time_limit >= 0),
       process jsonb NOT NULL,
       owner_path text NOT NULL,
       UNIQUE (version_id, position),
       CHECK ((time_limit IS NULL) = (time_unit IS NULL)),
       CHECK (online_time_limit IS NULL OR time_limit IS NOT NULL))`);
    await db.query(`ALTER TABLE procedure_variant ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE procedure_variant FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY procedure_variant_read ON procedure_variant FOR SELECT USING (true)`);
    await db.query(`CREATE POLICY procedure_variant_insert ON procedure_variant FOR INSERT WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`GRANT SELECT, INSERT ON procedure_variant TO motcua_app`);
    await db.query(`ALTER TABLE procedure ADD COLUMN executing_agency_role text`);
    await db.query(`ALTER TABLE procedure ADD COLUMN repealed_from date`);
    await db.query(`ALTER TABLE procedure ADD COLUMN repeal_decision text`);
    await db.query(`ALTER TABLE procedure ADD CONSTRAINT procedure_repeal_check CHECK ((repealed_from IS NULL) = (repeal_decision IS NULL))`);
    await db.query(`INSERT INTO procedure_version (id, procedure_id, number, decision, effective_from, name, field_code, levels, executing_agency_code,
       online_level, inter_agency, one_stop, boundary_free, submission_methods, steps, documents, applicants, conditions, legal_basis, fees, owner_path)
     SELECT gen_random_uuid(), id, 1, 'Chưa ghi nhận quyết định công bố', DATE '2000-01-01', name, field_code, levels, executing_agency_code,
       online_level, inter_agency, one_stop, boundary_free, ARRAY['IN_PERSON'], ARRAY[]::text[], '[]', ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::text[],
       CASE WHEN fee_vnd > 0 THEN jsonb_build_array(jsonb_build_object('name', 'Lệ phí', 'amountVnd', fee_vnd)) ELSE '[]' END, owner_path
     FROM procedure`);
    await db.query(`INSERT INTO procedure_variant (id, version_id, position, name, time_limit, time_unit, process, owner_path)
     SELECT gen_random_uuid(), v.id, 1, 'Trường hợp chung', p.time_limit_days, CASE WHEN p.time_limit_days IS NULL THEN NULL ELSE 'WORKING_DAYS' END, '[]', p.owner_path
     FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id`);
    await db.query(`ALTER TABLE procedure DROP COLUMN time_limit_days`);
    await db.query(`UPDATE procedure SET local_code = code WHERE local_code IS NULL`);
    // The local code is what a province's catalogue export keys procedures by.
    await db.query(`ALTER TABLE procedure ALTER COLUMN local_code SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE procedure ALTER COLUMN local_code DROP NOT NULL`);
    await db.query(`ALTER TABLE procedure ADD COLUMN time_limit_days numeric(6, 2) CHECK (time_limit_days >= 0)`);
    await db.query(`UPDATE procedure p SET time_limit_days = (SELECT CASE WHEN r.time_unit = 'WORKING_HOURS' THEN r.time_limit / 8 ELSE r.time_limit END
       FROM procedure_version v JOIN procedure_variant r ON r.version_id = v.id
       WHERE v.procedure_id = p.id ORDER BY v.number DESC, r.position LIMIT 1)`);
    await db.query(`ALTER TABLE procedure DROP CONSTRAINT procedure_repeal_check`);
    await db.query(`ALTER TABLE procedure DROP COLUMN repeal_decision`);
    await db.query(`ALTER TABLE procedure DROP COLUMN repealed_from`);
    await db.query(`ALTER TABLE procedure DROP COLUMN executing_agency_role`);
    await db.query(`DROP TABLE procedure_variant`);
    await db.query(`DROP TABLE procedure_version`);
  }
}
