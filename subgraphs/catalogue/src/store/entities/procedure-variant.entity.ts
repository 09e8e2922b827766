import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericAsNumber } from '../../../../../shared/db';
import type { ProcessStep, TimeUnit } from '../../procedures/content';

/** A case variant of one procedure version, with its time limit and internal process. Append-only like its version. */
@Entity('procedure_variant')
export class ProcedureVariantEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) versionId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: numericAsNumber }) timeLimit!: number | null;
  @Column({ type: 'text', nullable: true }) timeUnit!: TimeUnit | null;
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: numericAsNumber }) onlineTimeLimit!: number | null;
  @Column({ type: 'jsonb' }) process!: ProcessStep[];
  @Column({ type: 'text' }) ownerPath!: string;
}
