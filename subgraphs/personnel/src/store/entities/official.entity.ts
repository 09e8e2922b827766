import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EmploymentStatus = 'ACTIVE' | 'ON_LEAVE' | 'LEFT';

@Entity('official')
export class OfficialEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) fullName!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) homeAgencyCode!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text' }) employmentStatus!: EmploymentStatus;
  @Column({ type: 'boolean' }) isLeader!: boolean;
  @Column({ type: 'text' }) ownerPath!: string;
}
