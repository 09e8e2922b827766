import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnitLevel } from './administrative-unit.entity';
import type { OnlineLevel } from '../../procedures/content';

export type { OnlineLevel };

/**
 * A procedure of a province's catalogue: its identity, its repeal, and a projection of its
 * newest version that search and filters read (the versions hold everything else).
 */
@Entity('procedure')
export class ProcedureEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) localCode!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) fieldCode!: string;
  @Column({ type: 'text', array: true }) levels!: UnitLevel[];
  @Column({ type: 'text', nullable: true }) executingAgencyCode!: string | null;
  @Column({ type: 'text', nullable: true }) executingAgencyRole!: string | null;
  @Column({ type: 'integer' }) feeVnd!: number;
  @Column({ type: 'text' }) onlineLevel!: OnlineLevel;
  @Column({ type: 'boolean' }) interAgency!: boolean;
  @Column({ type: 'boolean' }) oneStop!: boolean;
  @Column({ type: 'boolean' }) boundaryFree!: boolean;
  @Column({ type: 'date', nullable: true }) repealedFrom!: string | null;
  @Column({ type: 'text', nullable: true }) repealDecision!: string | null;
  @Column({ type: 'text' }) ownerPath!: string;
}
