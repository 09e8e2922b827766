import { HOURS_PER_DAY, type WorkingCalendar } from '../../../../shared/calendar';

/** Working days a unit has for each answer to a petition (PAKN); configurable per province, these are the national defaults. */
export const PETITION_LIMITS = { reject: 2, requestInformation: 5, resolve: 15, publish: 2 } as const;

/** The deadlines that run from receipt, in working time from the next opening (a petition sent at night counts from the morning). */
export function petitionDeadlines(receivedAt: Date, calendar: WorkingCalendar) {
  const after = (days: number) => calendar.dueAt(receivedAt, days * HOURS_PER_DAY);
  return {
    rejectBy: after(PETITION_LIMITS.reject),
    informationBy: after(PETITION_LIMITS.requestInformation),
    resolveBy: after(PETITION_LIMITS.resolve),
  };
}

/** The answer is published within two working days of being given. */
export const publishDeadline = (answeredAt: Date, calendar: WorkingCalendar) => calendar.dueAt(answeredAt, PETITION_LIMITS.publish * HOURS_PER_DAY);
