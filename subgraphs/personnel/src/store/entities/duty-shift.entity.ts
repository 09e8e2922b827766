import { Column, Entity, PrimaryColumn } from 'typeorm';

export type Shift = 'MORNING' | 'AFTERNOON';
export type DutyRole = 'RECEPTION' | 'LEADER_ON_DUTY';

@Entity('duty_shift')
export class DutyShiftEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'text' }) shift!: Shift;
  @Column({ type: 'uuid' }) officialId!: string;
  @Column({ type: 'text' }) role!: DutyRole;
  /** The reception unit's path: the desk or centre keeps its roster. */
  @Column({ type: 'text' }) ownerPath!: string;
}
