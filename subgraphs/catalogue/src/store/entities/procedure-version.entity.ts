import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnitLevel } from './administrative-unit.entity';
import type { Fee, OnlineLevel, ProcedureContent, RequiredDocument, SubmissionMethod } from '../../procedures/content';

/**
 * A procedure as one decision announced it, from `effectiveFrom` until the next version.
 * Append-only: a dossier keeps pointing at the version it was received under.
 */
@Entity('procedure_version')
export class ProcedureVersionEntity implements Omit<ProcedureContent, 'variants'> {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) procedureId!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) decision!: string;
  @Column({ type: 'date' }) effectiveFrom!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) fieldCode!: string;
  @Column({ type: 'text', array: true }) levels!: UnitLevel[];
  @Column({ type: 'text', nullable: true }) executingAgencyCode!: string | null;
  @Column({ type: 'text', nullable: true }) executingAgencyRole!: string | null;
  @Column({ type: 'text' }) onlineLevel!: OnlineLevel;
  @Column({ type: 'boolean' }) interAgency!: boolean;
  @Column({ type: 'boolean' }) oneStop!: boolean;
  @Column({ type: 'boolean' }) boundaryFree!: boolean;
  @Column({ type: 'text', array: true }) submissionMethods!: SubmissionMethod[];
  @Column({ type: 'text', array: true }) steps!: string[];
  @Column({ type: 'jsonb' }) documents!: RequiredDocument[];
  @Column({ type: 'text', array: true }) applicants!: string[];
  @Column({ type: 'text', nullable: true }) result!: string | null;
  @Column({ type: 'text', array: true }) conditions!: string[];
  @Column({ type: 'text', array: true }) legalBasis!: string[];
  @Column({ type: 'jsonb' }) fees!: Fee[];
  @Column({ type: 'text' }) ownerPath!: string;
}
