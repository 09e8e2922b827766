import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericAsNumber } from '../../../../../shared/db';
import type { DossierStatus } from '../../status';

export type Channel = 'IN_PERSON' | 'POSTAL' | 'ONLINE';
export type ApplicantKind = 'PERSON' | 'ORGANISATION';
export type Outcome = 'APPROVED' | 'REFUSED';
export type OnlineLevel = 'FULL' | 'PARTIAL' | 'NONE';

export interface SubmittedDocument {
  name: string;
  originals: number;
  copies: number;
}

@Entity('dossier')
export class DossierEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'uuid' }) procedureId!: string;
  /** The procedure version in force on the day of reception. */
  @Column({ type: 'uuid', nullable: true }) procedureVersionId!: string | null;
  @Column({ type: 'uuid', nullable: true }) caseVariantId!: string | null;
  /** Lĩnh vực of the version at reception, for statistics by field. */
  @Column({ type: 'text', nullable: true }) fieldCode!: string | null;
  @Column({ type: 'text' }) receivingUnitCode!: string;
  /** The official handling the dossier now: the active step's, else the desk's (who received it, then who returned the result). */
  @Column({ type: 'uuid', nullable: true }) handlerId!: string | null;
  /** Số quầy where it was received, from the centre's assignments of the receiving official that day. */
  @Column({ type: 'integer', nullable: true }) receivingCounterNumber!: number | null;
  @Column({ type: 'text' }) applicantKind!: ApplicantKind;
  /** The public projection of who applied: a person's masked name, an organisation's name (the rest is in DossierApplicantEntity). */
  @Column({ type: 'text' }) applicantPublicName!: string;
  @Column({ type: 'text' }) channel!: Channel;
  @Column({ type: 'text' }) status!: DossierStatus;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'text' }) ownerPath!: string;
  /** The documents handed in, as checked against the version's required list. */
  @Column({ type: 'jsonb' }) documents!: SubmittedDocument[];
  /** The commune or district the matter belongs to; role steps go to its units. */
  @Column({ type: 'text', nullable: true }) areaUnitCode!: string | null;
  /** The case's limit in working hours; null: no due date. */
  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericAsNumber }) timeLimitHours!: number | null;
  /** Position of the step being worked on; null before transfer and after the last. */
  @Column({ type: 'integer', nullable: true }) currentStep!: number | null;
  /** When a supplement was requested: the clock is paused until it comes. */
  @Column({ type: 'timestamptz', nullable: true }) pausedAt!: Date | null;
  @Column({ type: 'integer' }) supplementCount!: number;
  /** Nghĩa vụ tài chính: the amount asked for (whole đồng), and what was paid once confirmed; null until asked. */
  @Column({ type: 'integer', nullable: true }) feeOwedVnd!: number | null;
  @Column({ type: 'integer', nullable: true }) feePaidVnd!: number | null;
  /** Phí, lệ phí of the procedure version it was filed under, in whole đồng; null for dossiers filed before they were kept. */
  @Column({ type: 'integer', nullable: true }) catalogueFeeVnd!: number | null;
  /** Mã đánh giá — printed in the receipt's QR code; a rating needs it with the dossier code. */
  @Column({ type: 'text' }) ratingSecret!: string;
  /** Form 04 was sent: a dossier is rescheduled at most once. */
  @Column({ type: 'boolean' }) rescheduled!: boolean;
  @Column({ type: 'text', nullable: true }) outcome!: Outcome | null;
  @Column({ type: 'timestamptz', nullable: true }) returnedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) returnMethod!: Channel | null;
  /** Filed online: when the citizen submitted it to the desk; null for a draft, and for a dossier received in person. */
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  /** Filed online: the citizen ID of who filed it (the applicant, the authorised person, or for an organisation). */
  @Column({ type: 'text', nullable: true }) filedBy!: string | null;
  /** Mức độ dịch vụ công trực tuyến of the procedure version it was received under; null for dossiers older than the field. */
  @Column({ type: 'text', nullable: true }) onlineLevel!: OnlineLevel | null;
  /** Bumped by every write, so concurrent actions can be told apart. */
  @Column({ type: 'integer' }) version!: number;
}
