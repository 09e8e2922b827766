import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { UnitLevel } from '../../../../../shared/units';

export type { UnitLevel };
export type UnitKind = 'ADMINISTRATIVE' | 'AGENCY' | 'SERVICE_CENTRE';

/** What a unit looks like at one time: shared by the current row and each version in its history. */
export abstract class UnitShape {
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: UnitKind;
  @Column({ type: 'text' }) level!: UnitLevel;
  @Column({ type: 'text', nullable: true }) parentCode!: string | null;
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'text', nullable: true }) electronicId!: string | null;
  @Column({ type: 'text' }) ownerPath!: string;
  /** Vai trò — the process roles it plays ("Công an cấp huyện"): steps given by role come to it. */
  @Column({ type: 'text', array: true }) roles!: string[];
}

@Entity('administrative_unit')
export class AdministrativeUnitEntity extends UnitShape {
  @PrimaryColumn({ type: 'text' }) code!: string;
  /** First day of the current shape. */
  @Column({ type: 'date' }) validFrom!: string;
  /** Last day of the unit; set when it is merged away. */
  @Column({ type: 'date', nullable: true }) validTo!: string | null;
}
