import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('counter_assignment')
export class CounterAssignmentEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) counterId!: string;
  @Column({ type: 'uuid' }) officialId!: string;
  @Column({ type: 'uuid' }) secondmentId!: string;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date', nullable: true }) endDate!: string | null;
  @Column({ type: 'text' }) ownerPath!: string;
}
