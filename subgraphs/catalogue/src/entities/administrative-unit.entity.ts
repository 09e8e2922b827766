import { Column, Entity, PrimaryColumn } from 'typeorm';

export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type UnitKind = 'ADMINISTRATIVE' | 'AGENCY' | 'SERVICE_CENTRE';

@Entity('administrative_unit')
export class AdministrativeUnitEntity {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: UnitKind;
  @Column({ type: 'text' }) level!: UnitLevel;
  @Column({ type: 'text', nullable: true }) parentCode!: string | null;
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'text', nullable: true }) electronicId!: string | null;
  @Column({ type: 'date' }) validFrom!: string;
  @Column({ type: 'date', nullable: true }) validTo!: string | null;
  @Column({ type: 'text' }) ownerPath!: string;
}
