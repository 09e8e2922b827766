import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TicketState = 'WAITING' | 'CALLED' | 'SERVED';

/** Số thứ tự — a number taken at the centre's kiosk for a field, called at a counter. */
@Entity('queue_ticket')
export class QueueTicketEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) centreCode!: string;
  /** The day in Vietnam it was taken; numbers start again at 1 each day. */
  @Column({ type: 'date' }) day!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) fieldCode!: string;
  @Column({ type: 'text' }) state!: TicketState;
  @Column({ type: 'timestamptz' }) takenAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) calledAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) counterId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) servedAt!: Date | null;
  /** The centre's path: its officials call the numbers. */
  @Column({ type: 'text' }) ownerPath!: string;
}
