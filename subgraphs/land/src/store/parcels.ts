import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { withinSql } from '../../../../shared/sql';
import { DossierParcelEntity } from './entities/dossier-parcel.entity';
import { LandParcelEntity } from './entities/land-parcel.entity';
import { LandParcelOwnerEntity } from './entities/land-parcel-owner.entity';

/** A parcel to write: its open row, and its user's full name (kept apart, behind row-level security). */
export type NewParcel = Omit<LandParcelEntity, 'id'> & { ownerName: string };

/** The parcel recorded at this place (commune by its code, map sheet, number), if any. */
export const parcelAt = (db: EntityManager, unitCode: string, mapSheet: number, parcelNumber: number) =>
  db.findOneBy(LandParcelEntity, { unitCode, mapSheet, parcelNumber });

/** Writes a parcel and its user's name; row-level security refuses a caller who does not act for `ownerPath`. */
export async function insertParcel(db: EntityManager, parcel: NewParcel): Promise<string> {
  const id = randomUUID();
  const { ownerName, ...open } = parcel;
  await db.insert(LandParcelEntity, { id, ...open });
  await db.insert(LandParcelOwnerEntity, { parcelId: id, ownerName, ownerPath: parcel.ownerPath });
  return id;
}

/** Records (or replaces) the parcel a dossier concerns. */
export async function attachParcel(db: EntityManager, link: DossierParcelEntity): Promise<void> {
  await db.upsert(DossierParcelEntity, link, ['dossierId']);
}

/**
 * Batch function for `AdministrativeUnit.landParcels`: for one page size and cursor, each unit's
 * first parcels (its own and those below it) by commune, map sheet and number, in one statement.
 */
export async function parcelsInUnits(
  db: EntityManager,
  paths: string[],
  first: number,
  after: string | null,
): Promise<Map<string, LandParcelEntity[]>> {
  const rows: (LandParcelEntity & { scope: string })[] = await db.query(
    `SELECT u.path AS scope, p.id, p.unit_path AS "unitPath", p.unit_code AS "unitCode", p.map_sheet AS "mapSheet",
            p.parcel_number AS "parcelNumber", p.area_m2::float8 AS "areaM2", p.land_use AS "landUse",
            p.owner_masked AS "ownerMasked", p.owner_path AS "ownerPath", p.registered_at AS "registeredAt"
       FROM unnest($1::text[]) AS u(path)
       CROSS JOIN LATERAL (
         SELECT * FROM land_parcel p
          WHERE ${withinSql('p.unit_path', 'u.path')}
            AND ($3::uuid IS NULL OR (p.unit_path, p.map_sheet, p.parcel_number) >
                 (SELECT a.unit_path, a.map_sheet, a.parcel_number FROM land_parcel a WHERE a.id = $3::uuid))
          ORDER BY p.unit_path, p.map_sheet, p.parcel_number
          LIMIT $2) p`,
    [paths, first, after],
  );
  const byScope = new Map(paths.map((path) => [path, [] as LandParcelEntity[]]));
  for (const { scope, ...parcel } of rows) byScope.get(scope)?.push(parcel);
  return byScope;
}
