/**
 * Đánh giá tiến độ — the national grade of a finished dossier, one rule for the code and for SQL:
 * compared by date in Vietnam, early before the due date, on time on it (or with none), late
 * after it; and late whatever the dates after more than one supplement request (Decision 766).
 */
export type Grade = 'EARLY' | 'ON_TIME' | 'LATE';

const SUPPLEMENTS_IN_TIME = 1;

/** The grade from the supplement count and the Vietnam days of finishing and of the due date (null: none). */
export function gradeOf<Day extends string | number>(supplementCount: number, finishedDay: Day | null, dueDay: Day | null): Grade {
  if (supplementCount > SUPPLEMENTS_IN_TIME) return 'LATE';
  if (dueDay === null || finishedDay === null) return 'ON_TIME';
  return finishedDay < dueDay ? 'EARLY' : finishedDay === dueDay ? 'ON_TIME' : 'LATE';
}

/** The same rule in SQL, over expressions for the supplement count, the two days, and the due instant (whether there is one). */
export const gradeSql = (supplementCount: string, finishedDay: string, dueDay: string, dueAt: string) =>
  `CASE WHEN ${supplementCount} > ${SUPPLEMENTS_IN_TIME} THEN 'LATE' WHEN ${dueAt} IS NULL THEN 'ON_TIME'
        WHEN ${finishedDay} < ${dueDay} THEN 'EARLY' WHEN ${finishedDay} = ${dueDay} THEN 'ON_TIME' ELSE 'LATE' END`;
