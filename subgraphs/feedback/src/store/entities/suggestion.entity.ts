import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SuggestionStatus = 'OPEN' | 'ANSWERED' | 'CLOSED';

@Entity('suggestion')
export class SuggestionEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'text' }) content!: string;
  /** Null for an anonymous suggestion. */
  @Column({ type: 'text', nullable: true }) authorName!: string | null;
  @Column({ type: 'text', nullable: true }) authorContact!: string | null;
  @Column({ type: 'text' }) status!: SuggestionStatus;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ type: 'timestamptz' }) submittedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  /** The unit it is addressed to: that unit answers it. */
  @Column({ type: 'text' }) ownerPath!: string;
}
