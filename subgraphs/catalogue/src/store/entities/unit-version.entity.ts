import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { UnitShape } from './administrative-unit.entity';

export type UnitChange = 'CREATED' | 'RENAMED' | 'MOVED' | 'MERGED_INTO' | 'ABSORBED';

/**
 * One shape of a unit from `validFrom` until the next version of the same code. Append-only:
 * the application role may insert and read, never change, so history cannot be rewritten.
 */
@Entity('unit_version')
export class UnitVersionEntity extends UnitShape {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'date' }) validFrom!: string;
  /** True on the version that records the unit's end (merged into another). */
  @Column({ type: 'boolean' }) ended!: boolean;
  @Column({ type: 'text' }) change!: UnitChange;
  /** The decision (nghị quyết) that made the change, e.g. 1656/NQ-UBTVQH15. */
  @Column({ type: 'text', nullable: true }) decision!: string | null;
}
