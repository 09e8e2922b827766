import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Why a file is with a dossier: handed in by the applicant, scanned at the counter, handed in as a supplement, or the result. */
export type DocumentPurpose = 'SUBMITTED' | 'DIGITISED' | 'SUPPLEMENT' | 'RESULT';

/** A file attached to a dossier; append-only, except a draft's own attachments, which its citizen may replace. */
@Entity('dossier_document')
export class DossierDocumentEntity {
  @PrimaryColumn({ type: 'uuid' }) dossierId!: string;
  @PrimaryColumn({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'text' }) purpose!: DocumentPurpose;
  /** Thành phần hồ sơ — the required document it is, by its name in the procedure's list (or what form 02 asked for). */
  @Column({ type: 'text' }) documentType!: string;
  /** Tái sử dụng — the file was already with another dossier (or was its result) when attached. */
  @Column({ type: 'boolean' }) reused!: boolean;
  @Column({ type: 'text' }) attachedBy!: string;
  @Column({ type: 'timestamptz' }) attachedAt!: Date;
  /** Mã xác thực of an electronic result, printed as a QR code; null for other files. */
  @Column({ type: 'text', nullable: true }) verificationCode!: string | null;
  /** The order files were attached in (the database numbers them). */
  @Column({ type: 'bigint', insert: false, update: false }) seq?: string;
}
