import { sqlMigration } from '../../../../shared/rls';

/**
 * Frozen. Before codes were normalised at the edge, a suggestion or petition could be stored with
 * the code as typed (`27-tthcc `); the catalogue knows it as `27-TTHCC`, and one such row blanked
 * a whole list. Stored codes are brought to the catalogue's form.
 */
export const NormalisedUnitCodes = sqlMigration(
  'FeedbackNormalisedUnitCodes1765000000000',
  [
    // The owner runs migrations; row-level security is forced on it too, so it is lifted for these two updates.
    `ALTER TABLE suggestion NO FORCE ROW LEVEL SECURITY`,
    `ALTER TABLE petition NO FORCE ROW LEVEL SECURITY`,
    `UPDATE suggestion SET unit_code = upper(btrim(unit_code, E' \\t\\n\\r\\u00a0')) WHERE unit_code <> upper(btrim(unit_code, E' \\t\\n\\r\\u00a0'))`,
    `UPDATE petition SET unit_code = upper(btrim(unit_code, E' \\t\\n\\r\\u00a0')) WHERE unit_code <> upper(btrim(unit_code, E' \\t\\n\\r\\u00a0'))`,
    `ALTER TABLE suggestion FORCE ROW LEVEL SECURITY`,
    `ALTER TABLE petition FORCE ROW LEVEL SECURITY`,
  ],
  [],
);
