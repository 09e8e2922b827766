/**
 * Expected answers computed without PostgreSQL, so a test checks the database's folding rather
 * than repeating it: Unicode decomposition, combining marks dropped, đ → d, lower case.
 */
export const foldVietnamese = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** The day in Vietnam (UTC+7, no daylight saving) of an instant, computed apart from the product's calendar. */
export const vietnamDay = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The national grade of a resolved dossier, stated apart from the product's (statistics/grade.ts)
 * so the figures are checked against the rule rather than against themselves: early or on time by
 * the appointment's day; more than one request for supplements is late whatever the day.
 */
export function nationalGrade(dossier: { supplementCount: number; dueAt: Date | null; finishedAt: Date | null }): 'EARLY' | 'ON_TIME' | 'LATE' {
  if (dossier.supplementCount > 1) return 'LATE';
  if (!dossier.dueAt) return 'ON_TIME';
  const [finished, due] = [vietnamDay(dossier.finishedAt!), vietnamDay(dossier.dueAt)];
  return finished < due ? 'EARLY' : finished === due ? 'ON_TIME' : 'LATE';
}
