import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericAsNumber } from '../../../../../shared/db';

/** Thửa đất — what anyone may read of a parcel; the full name of its user is in `land_parcel_owner`. */
@Entity('land_parcel')
export class LandParcelEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  /** The commune or ward it lies in. */
  @Column({ type: 'text' }) unitPath!: string;
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'integer' }) mapSheet!: number;
  @Column({ type: 'integer' }) parcelNumber!: number;
  @Column({ type: 'numeric', transformer: numericAsNumber }) areaM2!: number;
  @Column({ type: 'text' }) landUse!: string;
  @Column({ type: 'text' }) ownerMasked!: string;
  /** The branch that keeps it. */
  @Column({ type: 'text' }) ownerPath!: string;
  @Column({ type: 'timestamptz' }) registeredAt!: Date;
}
