import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DossierStatus } from '../../status';

/** One action on a dossier (forms 05/06): append-only, the application role cannot change or delete it. */
@Entity('dossier_event')
export class DossierEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text', nullable: true }) fromStatus!: DossierStatus | null;
  @Column({ type: 'text' }) toStatus!: DossierStatus;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) actorSubject!: string;
  @Column({ type: 'text' }) actorRole!: string;
  @Column({ type: 'text' }) actorUnit!: string;
  /** The official signed in, where the token names one (confirmed with personnel by the gateway). */
  @Column({ type: 'uuid', nullable: true }) actorOfficialId!: string | null;
  @Column({ type: 'integer', nullable: true }) stepPosition!: number | null;
  /** What the action's form records: reason, missing items, new appointment, outcome. */
  @Column({ type: 'jsonb' }) details!: object;
  /** The acting unit's path: who wrote the row. */
  @Column({ type: 'text' }) ownerPath!: string;
}
