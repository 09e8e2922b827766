import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnitLevel } from './administrative-unit.entity';

export type OnlineLevel = 'FULL' | 'PARTIAL' | 'NONE';

/** numeric comes back from pg as a string; the API wants a number. */
const numericDays = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('procedure')
export class ProcedureEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text', nullable: true }) localCode!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) fieldCode!: string;
  @Column({ type: 'text', array: true }) levels!: UnitLevel[];
  @Column({ type: 'text', nullable: true }) executingAgencyCode!: string | null;
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericDays }) timeLimitDays!: number | null;
  @Column({ type: 'integer' }) feeVnd!: number;
  @Column({ type: 'text' }) onlineLevel!: OnlineLevel;
  @Column({ type: 'boolean' }) interAgency!: boolean;
  @Column({ type: 'boolean' }) oneStop!: boolean;
  @Column({ type: 'boolean' }) boundaryFree!: boolean;
  @Column({ type: 'text' }) ownerPath!: string;
}
