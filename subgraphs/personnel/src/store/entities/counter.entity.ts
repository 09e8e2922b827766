import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('counter')
export class CounterEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) centreCode!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', array: true }) fieldCodes!: string[];
  @Column({ type: 'uuid', array: true }) procedureIds!: string[];
  @Column({ type: 'boolean' }) isOpen!: boolean;
  /** The centre's path: the centre manages its counters. */
  @Column({ type: 'text' }) ownerPath!: string;
}
