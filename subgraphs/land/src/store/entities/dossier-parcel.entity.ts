import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which parcel a land dossier concerns, as the branch recorded it. */
@Entity('dossier_parcel')
export class DossierParcelEntity {
  @PrimaryColumn({ type: 'uuid' }) dossierId!: string;
  @Column({ type: 'uuid' }) parcelId!: string;
  @Column({ type: 'text' }) ownerPath!: string;
  @Column({ type: 'timestamptz' }) attachedAt!: Date;
}
