import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Ý kiến — a rating's comment, which may name people: read only by the rated dossier's units (see the migration PersonalRows). */
@Entity('rating_comment')
export class RatingCommentEntity {
  @PrimaryColumn({ type: 'uuid' }) ratingId!: string;
  @Column({ type: 'text' }) comment!: string;
  @Column({ type: 'text' }) ownerPath!: string;
}
