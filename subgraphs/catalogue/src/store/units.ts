import { In, type EntityManager } from 'typeorm';
import { paginate, type Connection, type PageArgs } from '../../../../shared/connection';
import { groupByKeys, orderByKeys } from '../../../../shared/loaders';
import { belowPattern, withinSql } from '../../../../shared/sql';
import { atKey, splitAtKeys, type UnitAsOf } from '../units/versions';
import { AdministrativeUnitEntity, type UnitKind, type UnitLevel } from './entities/administrative-unit.entity';
import { UnitVersionEntity } from './entities/unit-version.entity';

/** The unit with this code, current or ended; null if none has it. */
export function unitByCode(db: EntityManager, code: string): Promise<AdministrativeUnitEntity | null> {
  return db.findOneBy(AdministrativeUnitEntity, { code });
}

/** The units with these codes, current or ended, in no particular order. */
export function unitsByCodes(db: EntityManager, codes: string[]): Promise<AdministrativeUnitEntity[]> {
  return db.findBy(AdministrativeUnitEntity, { code: In([...new Set(codes)]) });
}

/** The units whose parent is `parentCode`, ended ones included. */
export function unitsInside(db: EntityManager, parentCode: string): Promise<AdministrativeUnitEntity[]> {
  return db.findBy(AdministrativeUnitEntity, { parentCode });
}

/** The unit at `path` and every unit below it. */
export function unitSubtree(db: EntityManager, path: string): Promise<AdministrativeUnitEntity[]> {
  return db
    .createQueryBuilder(AdministrativeUnitEntity, 'u')
    .where(withinSql('u.path', ':oldPath', ':below'), { oldPath: path, below: belowPattern(path) })
    .getMany();
}

/** Whether some unit already has this electronic ID. */
export function electronicIdTaken(db: EntityManager, electronicId: string): Promise<boolean> {
  return db.existsBy(AdministrativeUnitEntity, { electronicId });
}

export async function insertUnit(db: EntityManager, unit: AdministrativeUnitEntity): Promise<void> {
  await db.insert(AdministrativeUnitEntity, unit);
}

/** Writes the current row of a unit; answers the rows written, zero where row-level security hides it from the caller. */
export async function updateUnit(db: EntityManager, code: string, values: Partial<AdministrativeUnitEntity>): Promise<number> {
  const { affected } = await db.update(AdministrativeUnitEntity, { code }, values);
  return affected ?? 0;
}

/** Appends versions to the units' history (append-only: never updated). */
export async function insertUnitVersions(db: EntityManager, rows: Omit<UnitVersionEntity, 'id'>[]): Promise<void> {
  if (rows.length) await db.insert(UnitVersionEntity, rows);
}

const COLUMNS = `v.code, v.name, v.kind, v.level, v.parent_code AS "parentCode", v.path, v.electronic_id AS "electronicId",
  to_char(v.valid_from, 'YYYY-MM-DD') AS "validFrom", v.ended, v.owner_path AS "ownerPath",
  to_char((SELECT min(n.valid_from) - 1 FROM unit_version n WHERE n.code = v.code AND n.valid_from > v.valid_from), 'YYYY-MM-DD') AS "validTo",
  to_char(k.at, 'YYYY-MM-DD') AS "asOf"`;

type VersionRow = UnitAsOf & { ended: boolean };
const strip = ({ ended: _ended, ...unit }: VersionRow): UnitAsOf => unit;

/** Each unit at its date (keys `code@YYYY-MM-DD`); null where the unit did not exist then (not yet created, or merged away). */
export async function unitsAt(db: EntityManager, keys: readonly string[]): Promise<(UnitAsOf | null)[]> {
  const rows: VersionRow[] = await db.query(
    `SELECT ${COLUMNS}
       FROM unnest($1::text[], $2::date[]) AS k(code, at)
       CROSS JOIN LATERAL (SELECT * FROM unit_version v WHERE v.code = k.code AND v.valid_from <= k.at
                           ORDER BY v.valid_from DESC, v.id DESC LIMIT 1) v`,
    splitAtKeys(keys),
  );
  return orderByKeys(keys, rows, (row) => atKey(row.code, row.asOf)).map((row) => (row && !row.ended ? strip(row) : null));
}

/** The units that sat directly inside each unit at its date (keys `code@YYYY-MM-DD`). */
export async function unitsInsideAt(db: EntityManager, keys: readonly string[]): Promise<UnitAsOf[][]> {
  const rows: (VersionRow & { key: string })[] = await db.query(
    `SELECT k.parent || '@' || to_char(k.at, 'YYYY-MM-DD') AS key, ${COLUMNS}
       FROM unnest($1::text[], $2::date[]) AS k(parent, at)
       CROSS JOIN LATERAL (
         SELECT DISTINCT ON (c.code) c.* FROM unit_version c
          WHERE c.code IN (SELECT code FROM unit_version WHERE parent_code = k.parent) AND c.valid_from <= k.at
          ORDER BY c.code, c.valid_from DESC, c.id DESC) v
      WHERE v.parent_code = k.parent AND NOT v.ended
      ORDER BY v.path`,
    splitAtKeys(keys),
  );
  return groupByKeys(keys, rows, (row) => row.key).map((group) => group.map(({ key: _key, ...row }) => strip(row)));
}

/** Every version of each unit, oldest first. */
export async function unitHistories(db: EntityManager, codes: readonly string[]): Promise<UnitAsOf[][]> {
  const rows: VersionRow[] = await db.query(
    `SELECT ${COLUMNS} FROM unit_version v CROSS JOIN LATERAL (SELECT v.valid_from AS at) k
      WHERE v.code = ANY($1) AND NOT v.ended ORDER BY v.code, v.valid_from, v.id`,
    [[...new Set(codes)]],
  );
  return groupByKeys(codes, rows.map(strip), (row) => row.code);
}

export interface UnitPageFilter {
  parentCode?: string | null;
  /** The path of a unit whose subtree (itself included) the page lists. */
  withinPath?: string | null;
  level?: UnitLevel | null;
  kind?: UnitKind | null;
}

/** A page of current units, by path. */
export function unitPage(db: EntityManager, filter: UnitPageFilter, page: PageArgs): Promise<Connection<AdministrativeUnitEntity>> {
  const query = db.getRepository(AdministrativeUnitEntity).createQueryBuilder('u').where('u.valid_to IS NULL');
  const { parentCode, withinPath, level, kind } = filter;
  if (parentCode != null) query.andWhere('u.parent_code = :parentCode', { parentCode });
  if (withinPath) query.andWhere(withinSql('u.path', ':root', ':below'), { root: withinPath, below: belowPattern(withinPath) });
  if (level) query.andWhere('u.level = :level', { level });
  if (kind) query.andWhere('u.kind = :kind', { kind });
  return paginate(query, { columns: [{ sql: 'u.path', value: (u) => u.path }], direction: 'ASC' }, page);
}
