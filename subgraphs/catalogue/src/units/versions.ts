import type { EntityManager } from 'typeorm';
import { groupByKeys, orderByKeys } from '../../../../shared/loaders';
import type { AdministrativeUnitEntity } from '../entities/administrative-unit.entity';

/** A unit as it was on `asOf`: the version in force that day, with the day it stopped being so. */
export type UnitAsOf = AdministrativeUnitEntity & { asOf: string };

/** Loader keys are `code@YYYY-MM-DD`. */
export const atKey = (code: string, date: string) => `${code}@${date}`;
const splitKeys = (keys: readonly string[]) => {
  const pairs = keys.map((key) => key.split('@') as [string, string]);
  return [pairs.map(([code]) => code), pairs.map(([, date]) => date)];
};

const COLUMNS = `v.code, v.name, v.kind, v.level, v.parent_code AS "parentCode", v.path, v.electronic_id AS "electronicId",
  to_char(v.valid_from, 'YYYY-MM-DD') AS "validFrom", v.ended, v.owner_path AS "ownerPath",
  to_char((SELECT min(n.valid_from) - 1 FROM unit_version n WHERE n.code = v.code AND n.valid_from > v.valid_from), 'YYYY-MM-DD') AS "validTo",
  to_char(k.at, 'YYYY-MM-DD') AS "asOf"`;

type Row = UnitAsOf & { ended: boolean };
const strip = ({ ended: _ended, ...unit }: Row): UnitAsOf => unit;

/** Each unit at its date; null where the unit did not exist then (not yet created, or merged away). */
export function unitAt(db: EntityManager) {
  return async (keys: readonly string[]): Promise<(UnitAsOf | null)[]> => {
    const rows: Row[] = await db.query(
      `SELECT ${COLUMNS}
         FROM unnest($1::text[], $2::date[]) AS k(code, at)
         CROSS JOIN LATERAL (SELECT * FROM unit_version v WHERE v.code = k.code AND v.valid_from <= k.at
                             ORDER BY v.valid_from DESC, v.id DESC LIMIT 1) v`,
      splitKeys(keys),
    );
    return orderByKeys(keys, rows, (row) => atKey(row.code, row.asOf)).map((row) => (row && !row.ended ? strip(row) : null));
  };
}

/** The units that sat directly inside each unit at its date. */
export function childrenAt(db: EntityManager) {
  return async (keys: readonly string[]): Promise<UnitAsOf[][]> => {
    const rows: (Row & { key: string })[] = await db.query(
      `SELECT k.parent || '@' || to_char(k.at, 'YYYY-MM-DD') AS key, ${COLUMNS}
         FROM unnest($1::text[], $2::date[]) AS k(parent, at)
         CROSS JOIN LATERAL (
           SELECT DISTINCT ON (c.code) c.* FROM unit_version c
            WHERE c.code IN (SELECT code FROM unit_version WHERE parent_code = k.parent) AND c.valid_from <= k.at
            ORDER BY c.code, c.valid_from DESC, c.id DESC) v
        WHERE v.parent_code = k.parent AND NOT v.ended
        ORDER BY v.path`,
      splitKeys(keys),
    );
    return groupByKeys(keys, rows, (row) => row.key).map((group) => group.map(({ key: _key, ...row }) => strip(row)));
  };
}

/** Every version of each unit, oldest first. */
export function history(db: EntityManager) {
  return async (codes: readonly string[]): Promise<UnitAsOf[][]> => {
    const rows: Row[] = await db.query(
      `SELECT ${COLUMNS} FROM unit_version v CROSS JOIN LATERAL (SELECT v.valid_from AS at) k
        WHERE v.code = ANY($1) AND NOT v.ended ORDER BY v.code, v.valid_from, v.id`,
      [[...new Set(codes)]],
    );
    return groupByKeys(codes, rows.map(strip), (row) => row.code);
  };
}
