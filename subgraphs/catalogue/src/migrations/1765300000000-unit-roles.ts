import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen. Vai trò — the process roles a unit plays ("Công an cấp huyện", "Bảo hiểm xã hội tỉnh",
 * "Phòng Tài nguyên và Môi trường"): a step given by role goes to the unit of the matter's area
 * that plays it. Data the province keeps, in the current shape and in each version.
 */
export class UnitRoles implements MigrationInterface {
  readonly name = 'CatalogueUnitRoles1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE administrative_unit ADD COLUMN roles text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE unit_version ADD COLUMN roles text[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE unit_version DROP COLUMN roles`);
    await db.query(`ALTER TABLE administrative_unit DROP COLUMN roles`);
  }
}
