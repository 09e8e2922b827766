import { sqlMigration } from '../../../../shared/rls';
import { rollupDownSql, rollupUpSql } from '../lifecycle/daily-rollup';

/**
 * A month's statistics over a million dossiers read every dossier alive in it (tens of thousands
 * of rows, ~200 ms); the daily rollup answers from a few rows per unit and day.
 */
export const DailyRollup = sqlMigration('DossiersDailyRollup1764400000000', rollupUpSql, rollupDownSql);
