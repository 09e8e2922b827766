import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a citizen wants to hear of their dossiers: per channel, and where; only they read and write it. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'text' }) citizenId!: string;
  /** Overrides the address given on a dossier; null keeps the dossier's. */
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'boolean' }) byEmail!: boolean;
  @Column({ type: 'boolean' }) bySms!: boolean;
  @Column({ type: 'boolean' }) byZalo!: boolean;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
}
