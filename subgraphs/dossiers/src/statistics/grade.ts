/**
 * Đánh giá tiến độ — the national grade of a finished dossier, defined once here for the code and
 * for SQL (the store writes the same rule as a CASE, from `GRADE_RULE`): compared by date in
 * Vietnam, early before the due date, on time on it (or with none), late after it; and late
 * whatever the dates after more than one supplement request (Decision 766).
 */
export type Grade = 'EARLY' | 'ON_TIME' | 'LATE';

/** Supplement requests a dossier may have and still be in time; one more is late whatever the dates. */
export const SUPPLEMENTS_IN_TIME = 1;

/** What a grade is decided on: a finished dossier's supplement count and the Vietnam days of finishing and of the due date. */
export interface GradeFacts<Day extends string | number> {
  supplementCount: number;
  /** null: not finished. */
  finishedDay: Day | null;
  /** null: no due date. */
  dueDay: Day | null;
}

/** The tests the rule asks, each stated once for the code; the store states each in SQL under the same name. */
export type GradeTest = 'tooManySupplements' | 'undated' | 'beforeDueDay' | 'onDueDay';

const TESTS: Record<GradeTest, <Day extends string | number>(facts: GradeFacts<Day>) => boolean> = {
  tooManySupplements: (f) => f.supplementCount > SUPPLEMENTS_IN_TIME,
  /** No due date (or nothing finished to compare with it). */
  undated: (f) => f.dueDay === null || f.finishedDay === null,
  beforeDueDay: (f) => f.finishedDay! < f.dueDay!,
  onDueDay: (f) => f.finishedDay === f.dueDay,
};

/** The rule, in order: the first test that holds gives the grade. */
export const GRADE_RULE: readonly (readonly [GradeTest, Grade])[] = [
  ['tooManySupplements', 'LATE'],
  ['undated', 'ON_TIME'],
  ['beforeDueDay', 'EARLY'],
  ['onDueDay', 'ON_TIME'],
];
/** The grade when no test holds: finished after the due day. */
export const GRADE_OTHERWISE: Grade = 'LATE';

/** The grade from the supplement count and the Vietnam days of finishing and of the due date (null: none). */
export function gradeOf<Day extends string | number>(supplementCount: number, finishedDay: Day | null, dueDay: Day | null): Grade {
  const facts = { supplementCount, finishedDay, dueDay };
  return GRADE_RULE.find(([test]) => TESTS[test](facts))?.[1] ?? GRADE_OTHERWISE;
}
