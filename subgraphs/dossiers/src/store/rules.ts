import { GRADE_OTHERWISE, GRADE_RULE, SUPPLEMENTS_IN_TIME, type GradeTest } from '../statistics/grade';
import { vietnamDayNumberSql } from '../../../../shared/scalars';
import type { DossierStatus } from '../status';

/**
 * The domain's rules written in SQL, generated from their one definition (status sets in
 * status.ts, the grade in statistics/grade.ts), so a figure and the list it drills down to agree
 * with what the code shows for one dossier.
 */

/** A status set as an SQL list, for `d.status IN (…)`. */
export const statusesSql = (statuses: readonly DossierStatus[]) => `(${statuses.map((s) => `'${s}'`).join(', ')})`;

/** The grade's rule in SQL, over expressions for the supplement count, the two days, and the due instant (whether there is one). */
function gradeSql(supplementCount: string, finishedDay: string, dueDay: string, dueAt: string): string {
  const test: Record<GradeTest, string> = {
    tooManySupplements: `${supplementCount} > ${SUPPLEMENTS_IN_TIME}`,
    undated: `${dueAt} IS NULL`,
    beforeDueDay: `${finishedDay} < ${dueDay}`,
    onDueDay: `${finishedDay} = ${dueDay}`,
  };
  return `CASE ${GRADE_RULE.map(([when, grade]) => `WHEN ${test[when]} THEN '${grade}'`).join(' ')} ELSE '${GRADE_OTHERWISE}' END`;
}

/** A finished dossier's national grade, over the dossier `d`. */
export const GRADE = gradeSql('d.supplement_count', vietnamDayNumberSql('d.finished_at'), vietnamDayNumberSql('d.due_at'), 'd.due_at');
