import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Người nộp hồ sơ — who applied, and who filed for them. Personal data: the database shows a row
 * only to the dossier's units (its owner's subtree, the units holding one of its steps).
 */
@Entity('dossier_applicant')
export class DossierApplicantEntity {
  @PrimaryColumn({ type: 'uuid' }) dossierId!: string;
  @Column({ type: 'text' }) name!: string;
  /** Citizen ID (12 digits) or tax code; never shown publicly. */
  @Column({ type: 'text' }) idNumber!: string;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  /** Người được ủy quyền — who filed on the applicant's behalf. */
  @Column({ type: 'text', nullable: true }) proxyName!: string | null;
  @Column({ type: 'text', nullable: true }) proxyIdNumber!: string | null;
  /** The dossier's owner, copied so the read policy needs no join for the common case. */
  @Column({ type: 'text' }) ownerPath!: string;
}
