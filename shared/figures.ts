import { badInput } from './errors';

/** A reporting period: Vietnam calendar dates, both included. */
export interface Period {
  from: string;
  to: string;
}

/** Checks a period a client asked for; `at` is the input path of its fields (`filter`), empty for field arguments. Returns the period alone. */
export function checkPeriod(period: Period, at = ''): Period {
  const field = at ? `${at}.to` : 'to';
  if (period.to < period.from) throw badInput(field, `The period ends (${period.to}) before it starts (${period.from}).`);
  if (Date.parse(period.to) - Date.parse(period.from) > 3 * 366 * 86_400_000) throw badInput(field, 'A period is at most three years; ask for several.');
  return { from: period.from, to: period.to };
}

/** Percent with 2 decimals; null when there is nothing to divide by (N/A, not 0). */
export const percent = (part: number, whole: number) => (whole ? Math.round((part * 10000) / whole) / 100 : null);
