import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SecondmentKind = 'DEPARTMENT' | 'CENTRAL_AGENCY';

@Entity('secondment')
export class SecondmentEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) officialId!: string;
  @Column({ type: 'text' }) homeAgencyCode!: string;
  @Column({ type: 'text' }) centreCode!: string;
  @Column({ type: 'text' }) centrePath!: string;
  @Column({ type: 'text' }) kind!: SecondmentKind;
  @Column({ type: 'text' }) decisionNumber!: string;
  @Column({ type: 'date' }) decisionDate!: string;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date', nullable: true }) plannedEndDate!: string | null;
  @Column({ type: 'date', nullable: true }) actualEndDate!: string | null;
  @Column({ type: 'text', nullable: true }) endReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) replacesId!: string | null;
  @Column({ type: 'uuid', nullable: true }) replacedById!: string | null;
  /** The home agency's path: the department manages its own secondments. */
  @Column({ type: 'text' }) ownerPath!: string;
}
