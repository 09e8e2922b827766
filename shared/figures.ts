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
  if (Date.parse(period.to) - Date.parse(period.from) > 3 * 366 * 86_400_000)
    throw badInput(field, 'A period is at most three years; ask for several.');
  return { from: period.from, to: period.to };
}

/** A quarter's days at the most: how long a period listed day by day (statistics by DAY, a duty roster) may be. */
export const MAX_LISTED_DAYS = 93;

/** The days a period covers, both ends included. */
export const daysIn = (period: Period) => Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;

/** Percent with 2 decimals; null when there is nothing to divide by (N/A, not 0). */
export const percent = (part: number, whole: number) => (whole ? Math.round((part * 10000) / whole) / 100 : null);

/** How a ranking is ordered: by a figure, largest first unless `descending` is false. */
export interface Sort<F extends string> {
  by: F;
  descending?: boolean | null;
}

/**
 * Groups ranked by one of their figures (those without it last), then cut to `limit` (1 to 1000):
 * the rankings of dossier figures and of satisfaction alike.
 */
export function ranked<G, F extends string>(
  groups: G[],
  figure: (group: G, by: F) => number | null,
  sort: Sort<F> | null | undefined,
  limit: number | null | undefined,
): G[] {
  if (limit != null && (!Number.isInteger(limit) || limit < 1 || limit > 1000))
    throw badInput('limit', `"limit" is a whole number from 1 to 1000; got ${limit}.`);
  const sorted = sort
    ? [...groups].sort((a, b) => {
        const [x, y] = [figure(a, sort.by), figure(b, sort.by)];
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        return sort.descending === false ? x - y : y - x;
      })
    : groups;
  return limit ? sorted.slice(0, limit) : sorted;
}
