import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PaymentPurpose = 'FEE' | 'FINANCIAL_OBLIGATION';
export type PaymentState = 'PENDING' | 'PAID' | 'FAILED' | 'REFUND_DUE';

/** Thanh toán trực tuyến — one request to the payment platform, settled once by its signed callback. */
@Entity('payment')
export class PaymentEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) dossierId!: string;
  @Column({ type: 'text' }) purpose!: PaymentPurpose;
  @Column({ type: 'integer' }) amountVnd!: number;
  @Column({ type: 'text' }) state!: PaymentState;
  /** The platform asked: `sandbox` in development, never in production. */
  @Column({ type: 'text' }) provider!: string;
  @Column({ type: 'text', nullable: true }) providerRef!: string | null;
  /** Where the citizen pays. */
  @Column({ type: 'text', nullable: true }) payUrl!: string | null;
  /** The platform's transaction number, from its callback. */
  @Column({ type: 'text', nullable: true }) transactionNo!: string | null;
  /** Số biên lai — given when the payment settles. */
  @Column({ type: 'text', nullable: true }) receiptNumber!: string | null;
  @Column({ type: 'text' }) createdBy!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) settledAt!: Date | null;
  @Column({ type: 'text' }) ownerPath!: string;
}
