import { sqlMigration } from '../../../../shared/rls';

/**
 * Frozen. Vai trò — the process roles a unit plays ("Công an cấp huyện", "Bảo hiểm xã hội tỉnh",
 * "Phòng Tài nguyên và Môi trường"): a step given by role goes to the unit of the matter's area
 * that plays it. Data the province keeps, in the current shape and in each version.
 */
export const UnitRoles = sqlMigration(
  'CatalogueUnitRoles1765300000000',
  [
    `ALTER TABLE administrative_unit ADD COLUMN roles text[] NOT NULL DEFAULT '{}'`,
    `ALTER TABLE unit_version ADD COLUMN roles text[] NOT NULL DEFAULT '{}'`,
  ],
  [`ALTER TABLE unit_version DROP COLUMN roles`, `ALTER TABLE administrative_unit DROP COLUMN roles`],
);
