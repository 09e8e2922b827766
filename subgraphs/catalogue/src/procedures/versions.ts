import { In, type EntityManager } from 'typeorm';
import { orderByKeys } from '../../../../shared/loaders';
import { ProcedureVersionEntity } from '../entities/procedure-version.entity';

/** Loader keys are `procedureId@YYYY-MM-DD`. */
export const versionKey = (procedureId: string, date: string) => `${procedureId}@${date}`;

/** The version of each procedure in force on each date: the latest that took effect by then, unless repealed by then. */
export function versionAt(db: EntityManager) {
  return async (keys: readonly string[]): Promise<(ProcedureVersionEntity | null)[]> => {
    const pairs = keys.map((key) => key.split('@') as [string, string]);
    const found: { key: string; id: string }[] = await db.query(
      `SELECT k.procedure_id || '@' || to_char(k.at, 'YYYY-MM-DD') AS key, v.id
         FROM unnest($1::uuid[], $2::date[]) AS k(procedure_id, at)
         JOIN procedure p ON p.id = k.procedure_id AND (p.repealed_from IS NULL OR p.repealed_from > k.at)
         CROSS JOIN LATERAL (SELECT id FROM procedure_version v WHERE v.procedure_id = k.procedure_id AND v.effective_from <= k.at
                             ORDER BY v.effective_from DESC LIMIT 1) v`,
      [pairs.map(([id]) => id), pairs.map(([, date]) => date)],
    );
    const versions = found.length ? await db.getRepository(ProcedureVersionEntity).findBy({ id: In(found.map((row) => row.id)) }) : [];
    const byId = new Map(versions.map((version) => [version.id, version]));
    return orderByKeys(keys, found, (row) => row.key).map((row) => (row ? byId.get(row.id)! : null));
  };
}
