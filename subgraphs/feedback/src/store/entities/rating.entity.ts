import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { SatisfactionLevel } from '../../ratings/levels';
export type RatingChannel = 'COUNTER_BUTTON' | 'KIOSK' | 'QR_CODE' | 'PORTAL';

@Entity('rating')
export class RatingEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @Column({ type: 'uuid', nullable: true }) officialId!: string | null;
  /** Where the rated official sat that day, from the centre's counter assignments. */
  @Column({ type: 'integer', nullable: true }) counterNumber!: number | null;
  @Column({ type: 'text' }) channel!: RatingChannel;
  @Column({ type: 'text' }) resultSatisfaction!: SatisfactionLevel;
  @Column({ type: 'text' }) attitudeSatisfaction!: SatisfactionLevel;
  @Column({ type: 'timestamptz' }) ratedAt!: Date;
  /** Where the dossier was received: the centre's daily board counts its ratings. */
  @Column({ type: 'text', nullable: true }) receivingUnitCode!: string | null;
  /** The rated official's home agency when rated: departments are ranked by it. */
  @Column({ type: 'text', nullable: true }) agencyCode!: string | null;
  /** The rated dossier's owner, copied so a unit reads its own ratings without asking dossiers. */
  @Column({ type: 'text' }) ownerPath!: string;
  /** The rated dossier's procedure and field, for satisfaction by procedure and field; null for ratings given before they were recorded. */
  @Column({ type: 'uuid', nullable: true }) procedureId!: string | null;
  @Column({ type: 'text', nullable: true }) fieldCode!: string | null;
}
