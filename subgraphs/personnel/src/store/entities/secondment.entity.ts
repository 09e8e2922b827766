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

/** The last day a secondment covers, or null while open-ended. */
export const lastDay = (s: Pick<SecondmentEntity, 'actualEndDate' | 'plannedEndDate'>) => s.actualEndDate ?? s.plannedEndDate;

/** Whether the secondment covers the day (ISO dates compare as strings). */
export const coversDay = (s: SecondmentEntity, day: string) => s.startDate <= day && (lastDay(s) === null || day <= lastDay(s)!);
