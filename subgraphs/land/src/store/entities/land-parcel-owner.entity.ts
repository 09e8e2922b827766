import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Người sử dụng đất — a parcel's user by full name: read only by the branch and the units above it (see the migration Parcels). */
@Entity('land_parcel_owner')
export class LandParcelOwnerEntity {
  @PrimaryColumn({ type: 'uuid' }) parcelId!: string;
  @Column({ type: 'text' }) ownerName!: string;
  @Column({ type: 'text' }) ownerPath!: string;
}
