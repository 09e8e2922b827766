import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DossierStatus } from '../status';

export type Channel = 'IN_PERSON' | 'POSTAL' | 'ONLINE';
export type ApplicantKind = 'PERSON' | 'ORGANISATION';

@Entity('dossier')
export class DossierEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'uuid' }) procedureId!: string;
  /** The procedure version in force on the day of reception. */
  @Column({ type: 'uuid', nullable: true }) procedureVersionId!: string | null;
  @Column({ type: 'uuid', nullable: true }) caseVariantId!: string | null;
  @Column({ type: 'text' }) receivingUnitCode!: string;
  @Column({ type: 'uuid', nullable: true }) handlerId!: string | null;
  @Column({ type: 'text' }) applicantKind!: ApplicantKind;
  @Column({ type: 'text' }) applicantName!: string;
  /** Citizen ID (12 digits) or tax code; never shown publicly. */
  @Column({ type: 'text' }) applicantIdNumber!: string;
  @Column({ type: 'text' }) channel!: Channel;
  @Column({ type: 'text' }) status!: DossierStatus;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'text' }) ownerPath!: string;
  /** Bumped by every write, so concurrent actions can be told apart. */
  @Column({ type: 'integer' }) version!: number;
}
