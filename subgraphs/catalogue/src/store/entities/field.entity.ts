import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('field')
export class FieldEntity {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
}
