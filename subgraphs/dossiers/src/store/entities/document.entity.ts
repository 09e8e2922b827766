import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Giấy tờ điện tử — one stored file: what it is and who put it there. Its bytes are in the
 * documents store under the same id; the hash lets anyone holding a copy check it is unchanged.
 */
@Entity('document')
export class DocumentEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  /** As the uploader named it, diacritics included. */
  @Column({ type: 'text' }) fileName!: string;
  @Column({ type: 'text' }) mediaType!: string;
  @Column({ type: 'integer' }) byteSize!: number;
  /** SHA-256 of the bytes, lower-case hex. */
  @Column({ type: 'text' }) sha256!: string;
  /** Bản số hóa — a scan of a paper handed in at the counter, not a file the citizen made. */
  @Column({ type: 'boolean' }) digitised!: boolean;
  @Column({ type: 'text' }) uploadedBy!: string;
  @Column({ type: 'text' }) uploaderRole!: string;
  /** A citizen's upload: who may reuse it (the citizen, or `<citizen ID>/<tax code>` for their organisation). */
  @Column({ type: 'text', nullable: true }) ownerFiler!: string | null;
  /** An official's upload: their unit. */
  @Column({ type: 'text', nullable: true }) ownerPath!: string | null;
  @Column({ type: 'timestamptz' }) uploadedAt!: Date;
}
