import type { Period } from '../../../../shared/figures';

/** Calendar buckets a period is cut into (ISO weeks from Monday). */
export const PERIOD_GROUPINGS = ['DAY', 'WEEK', 'MONTH', 'QUARTER'] as const;
export type PeriodGrouping = (typeof PERIOD_GROUPINGS)[number];
export type Grouping = 'UNIT' | 'AGENCY' | 'FIELD' | 'PROCEDURE' | 'OFFICIAL' | PeriodGrouping;

export const isPeriodGrouping = (grouping: Grouping | null): grouping is PeriodGrouping =>
  (PERIOD_GROUPINGS as readonly (Grouping | null)[]).includes(grouping);

export interface StatsFilter extends Period {
  /** The subtree the figures sum over; null for every unit (a centre's public board filters by its desk instead). */
  scope: string | null;
  procedureId?: string | null;
  fieldCode?: string | null;
  receivingUnitCode?: string | null;
  handlerId?: string | null;
}
