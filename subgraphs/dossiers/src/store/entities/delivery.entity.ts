import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DELIVERY_CHANNELS = ['EMAIL', 'SMS', 'ZALO', 'PORTAL'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export type DeliveryState = 'PENDING' | 'SENT' | 'FAILED';

/**
 * One message of the outbox on one channel: a notice to the applicant by email, SMS or Zalo, or a
 * status sent to the national portal. Its id is the message's idempotency key: the receiver sees
 * it again, never a second message, when a delivery is retried after a crash.
 */
@Entity('delivery')
export class DeliveryEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'bigint' }) eventId!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  /** The history row's action it tells of. */
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) channel!: DeliveryChannel;
  /** An email address, a phone number, or the national portal's endpoint. */
  @Column({ type: 'text' }) recipient!: string;
  @Column({ type: 'text', nullable: true }) subject!: string | null;
  /** The text sent, or the JSON document for the national portal. */
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text' }) state!: DeliveryState;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  /** Set by an official asking for a failed delivery to be tried again; the worker clears it when it has. */
  @Column({ type: 'timestamptz', nullable: true }) retryRequestedAt!: Date | null;
  /** The dossier's owner: its officials see and retry its deliveries. */
  @Column({ type: 'text' }) ownerPath!: string;
}
