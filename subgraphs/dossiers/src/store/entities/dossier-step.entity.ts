import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericAsNumber } from '../../../../../shared/db';
import type { UnitLevel } from '../../../../../shared/units';

/**
 * Bước liên thông — one step of a dossier's internal process, held by one unit. It starts when
 * the step before it finishes (the first at reception) and is due its allotted working time
 * later, so its deadline and lateness are worked out from the row, not stored twice.
 */
@Entity('dossier_step')
export class DossierStepEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) level!: UnitLevel;
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'text', nullable: true }) role!: string | null;
  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numericAsNumber }) allottedHours!: number;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) handlerId!: string | null;
  /** The unit holding the step: only it may write the step. */
  @Column({ type: 'text' }) ownerPath!: string;
}
