import { percent } from '../../../../shared/figures';

export interface DossierStats {
  received: number;
  receivedInPerson: number;
  receivedPostal: number;
  receivedOnline: number;
  carriedOver: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgress: number;
  inProgressInTime: number;
  inProgressOverdue: number;
  withdrawn: number;
  returned: number;
  /** Calendar days from reception to resolution, over those resolved in the period; null from the daily rollup. */
  averageResolutionDays?: number | null;
  medianResolutionDays?: number | null;
}

/** A national target (see the migration NationalTargets). */
export interface NationalTarget {
  indicator: 'ON_TIME_RATE' | 'ONLINE_SHARE';
  target: number;
  source: string;
}

/** Received online over received, in percent with 2 decimals; null when nothing was received. */
export const onlineShare = (stats: DossierStats) => percent(stats.receivedOnline, stats.received);

/** Each figure held against its national target: the gap is the figure less the target (below it, negative); null when the figure is. */
export function againstTargets(stats: DossierStats, targets: NationalTarget[]) {
  const value = { ON_TIME_RATE: onTimeRate(stats), ONLINE_SHARE: onlineShare(stats) };
  return targets.map(({ indicator, target, source }) => {
    const figure = value[indicator] ?? null;
    return { indicator, source, target, value: figure, gap: figure === null ? null : Math.round((figure - target) * 100) / 100 };
  });
}

/** Trước hạn + đúng hạn over resolved, in percent with 2 decimals; null when nothing was resolved. */
export function onTimeRate(stats: DossierStats): number | null {
  return percent(stats.resolvedEarly + stats.resolvedOnTime, stats.resolved);
}
