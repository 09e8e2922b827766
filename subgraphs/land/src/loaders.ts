import type { EntityManager } from 'typeorm';
import { batchByGroup, byKey, defineLoaders } from '../../../shared/loaders';
import { DossierParcelEntity } from './store/entities/dossier-parcel.entity';
import { LandParcelEntity } from './store/entities/land-parcel.entity';
import { LandParcelOwnerEntity } from './store/entities/land-parcel-owner.entity';
import { parcelsInUnits } from './store/parcels';

export function createLoaders(db: EntityManager) {
  return defineLoaders({
    parcelById: byKey(db, LandParcelEntity, 'id'),
    /** Null where the database does not show the full name to the caller. */
    ownerByParcel: byKey(db, LandParcelOwnerEntity, 'parcelId'),
    linkByDossier: byKey(db, DossierParcelEntity, 'dossierId'),
    /** Keys `first|after|unit path`. */
    parcelsByUnitPath: batchByGroup(([first, after], paths) => parcelsInUnits(db, paths, Number(first), after || null)),
  });
}

export type LandLoaders = ReturnType<typeof createLoaders>;
