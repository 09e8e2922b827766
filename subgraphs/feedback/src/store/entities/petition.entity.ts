import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { PetitionStatus } from '../../petitions/status';

@Entity('petition')
export class PetitionEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid', nullable: true }) dossierId!: string | null;
  @Column({ type: 'text', nullable: true }) dossierCode!: string | null;
  /** The responsible unit: the owner of the step that caused the problem, when known. */
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) content!: string;
  @Column({ type: 'text' }) petitionerName!: string;
  @Column({ type: 'text', nullable: true }) petitionerPhone!: string | null;
  @Column({ type: 'text', nullable: true }) petitionerEmail!: string | null;
  @Column({ type: 'text' }) status!: PetitionStatus;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'timestamptz' }) rejectBy!: Date;
  @Column({ type: 'timestamptz' }) informationBy!: Date;
  @Column({ type: 'timestamptz' }) resolveBy!: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishBy!: Date | null;
  /** The reason of a rejection, or what information was asked for. */
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ type: 'text', nullable: true }) publishedAnswer!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  /** The first petition on the same matter, when this one repeats it. */
  @Column({ type: 'uuid', nullable: true }) repeatOfId!: string | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) ownerPath!: string;
}
