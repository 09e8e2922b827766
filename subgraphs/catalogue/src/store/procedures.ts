import { In, type EntityManager } from 'typeorm';
import { paginate, type Connection, type PageArgs } from '../../../../shared/connection';
import { orderByKeys } from '../../../../shared/loaders';
import { withinSql } from '../../../../shared/sql';
import type { UnitLevel } from './entities/administrative-unit.entity';
import { ProcedureVariantEntity } from './entities/procedure-variant.entity';
import { ProcedureVersionEntity } from './entities/procedure-version.entity';
import { ProcedureEntity, type OnlineLevel } from './entities/procedure.entity';

export function procedureById(db: EntityManager, id: string): Promise<ProcedureEntity | null> {
  return db.findOneBy(ProcedureEntity, { id });
}

export function procedureByLocalCode(db: EntityManager, localCode: string): Promise<ProcedureEntity | null> {
  return db.findOneBy(ProcedureEntity, { localCode });
}

/** Whether the catalogue already has a procedure with this local code. */
export function localCodeTaken(db: EntityManager, localCode: string): Promise<boolean> {
  return db.existsBy(ProcedureEntity, { localCode });
}

/** The newest version of a procedure; every procedure has at least one. */
export async function latestVersion(db: EntityManager, procedureId: string): Promise<ProcedureVersionEntity> {
  return (await db.findOne(ProcedureVersionEntity, { where: { procedureId }, order: { number: 'DESC' } }))!;
}

/** The cases of a version, in their order. */
export function variantsOfVersion(db: EntityManager, versionId: string): Promise<ProcedureVariantEntity[]> {
  return db.find(ProcedureVariantEntity, { where: { versionId }, order: { position: 'ASC' } });
}

export async function insertProcedure(db: EntityManager, procedure: ProcedureEntity): Promise<void> {
  await db.insert(ProcedureEntity, procedure);
}

/** Writes a version and its cases; the caller has written or updated the procedure's projection. */
export async function insertVersion(db: EntityManager, version: ProcedureVersionEntity, variants: ProcedureVariantEntity[]): Promise<void> {
  await db.insert(ProcedureVersionEntity, version);
  await db.insert(ProcedureVariantEntity, variants);
}

/** Changes a procedure's row: its projection of the newest version, or its repeal. */
export async function updateProcedure(db: EntityManager, id: string, values: Partial<ProcedureEntity>): Promise<void> {
  await db.update(ProcedureEntity, { id }, values);
}

/**
 * The version of each procedure in force on each date (keys `procedureId@YYYY-MM-DD`): the latest
 * that took effect by then, unless repealed by then.
 */
export async function versionsAt(db: EntityManager, keys: readonly string[]): Promise<(ProcedureVersionEntity | null)[]> {
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
}

export interface ProcedurePageFilter {
  /** Words that must each appear in the accent-folded code or name. */
  words: string[];
  fieldCode?: string | null;
  level?: UnitLevel | null;
  /** A unit that may execute the procedure: at one of its levels, in a catalogue the unit lies within. */
  unit?: { level: UnitLevel; path: string } | null;
  onlineLevel?: OnlineLevel | null;
  interAgency?: boolean | null;
}

/** A word escaped for LIKE, so `%` and `_` in a search match themselves. */
const likeEscaped = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A page of procedures, by name. */
export function procedurePage(db: EntityManager, filter: ProcedurePageFilter, page: PageArgs): Promise<Connection<ProcedureEntity>> {
  const query = db.getRepository(ProcedureEntity).createQueryBuilder('p');
  const { words, fieldCode, level, unit, onlineLevel, interAgency } = filter;
  words.forEach((word, i) => query.andWhere(`p.search_text LIKE '%' || motcua_fold(:word${i}) || '%'`, { [`word${i}`]: likeEscaped(word) }));
  if (fieldCode) query.andWhere('p.field_code = :fieldCode', { fieldCode });
  if (level) query.andWhere(':level = ANY(p.levels)', { level });
  if (unit) {
    query.andWhere(':unitLevel = ANY(p.levels)', { unitLevel: unit.level }).andWhere(withinSql(':unitPath', 'p.owner_path'), { unitPath: unit.path });
  }
  if (onlineLevel) query.andWhere('p.online_level = :onlineLevel', { onlineLevel });
  if (typeof interAgency === 'boolean') query.andWhere('p.inter_agency = :interAgency', { interAgency });
  return paginate(
    query,
    {
      columns: [
        { sql: 'p.name', value: (p) => p.name },
        { sql: 'p.id', value: (p) => p.id },
      ],
      direction: 'ASC',
    },
    page,
  );
}
