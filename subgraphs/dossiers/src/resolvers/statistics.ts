import { requireUnit } from '../../../../shared/caller';
import { badInput } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { isWithin, parseUnitPath, unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import { checkPeriod, ranked, type Period, type Sort } from '../../../../shared/figures';
import { againstTargets, onlineShare, onTimeRate, statistics, type DossierStats, type Grouping } from '../lifecycle/statistics';

interface FilterInput extends Period {
  unitPath?: string | null;
  procedureId?: string | null;
  fieldCode?: string | null;
  receivingUnitCode?: string | null;
  handlerId?: string | null;
}

/** What a group is, as the entity its key names: an analyst reads the field's name, not its code. */
const groupRef: Record<Grouping, (key: string) => Record<string, unknown>> = {
  UNIT: (key) => ({ unit: unitRef(key) }),
  AGENCY: (key) => ({ unit: unitRef(key) }),
  FIELD: (key) => ({ field: { __typename: 'Field', code: key } }),
  PROCEDURE: (key) => ({ procedure: { __typename: 'Procedure', id: key } }),
  OFFICIAL: (key) => ({ official: { __typename: 'Official', id: key } }),
  DAY: () => ({}),
  WEEK: () => ({}),
  MONTH: () => ({}),
  QUARTER: () => ({}),
};

type Figure = 'RECEIVED' | 'RESOLVED' | 'RESOLVED_LATE' | 'IN_PROGRESS_OVERDUE' | 'ON_TIME_RATE' | 'ONLINE_SHARE' | 'AVERAGE_RESOLUTION_DAYS';
const FIGURE: Record<Figure, (stats: DossierStats) => number | null> = {
  RECEIVED: (s) => s.received,
  RESOLVED: (s) => s.resolved,
  RESOLVED_LATE: (s) => s.resolvedLate,
  IN_PROGRESS_OVERDUE: (s) => s.inProgressOverdue,
  ON_TIME_RATE: onTimeRate,
  ONLINE_SHARE: onlineShare,
  AVERAGE_RESOLUTION_DAYS: (s) => s.averageResolutionDays ?? null,
};


/** Days a DAY grouping may list. */
const MAX_DAYS = 93;

export const dossierStatistics = async (
  _: unknown,
  args: { filter: FilterInput; groupBy?: Grouping | null; sort?: Sort<Figure> | null; limit?: number | null },
  ctx: Context,
) => {
  const own = requireUnit(ctx.caller);
  const { filter } = args;
  checkPeriod(filter, 'filter');
  // A figure per day is worked out per day: a quarter's worth, not three years' (ask for weeks or months over longer periods).
  if (args.groupBy === 'DAY' && Date.parse(filter.to) - Date.parse(filter.from) > (MAX_DAYS - 1) * 86_400_000) {
    throw badInput('groupBy', `Grouping by DAY covers at most ${MAX_DAYS} days; group a longer period by WEEK, MONTH or QUARTER.`);
  }
  const scope = filter.unitPath ? parseUnitPath(filter.unitPath, 'filter.unitPath') : own;
  if (!isWithin(scope, own)) throw badInput('filter.unitPath', `Unit ${scope} is outside your unit ${own}; statistics cover ${own} and the units below it.`);
  const rows = await statistics(
    ctx.db,
    {
      ...filter,
      scope,
      procedureId: filter.procedureId ? parseId(filter.procedureId, 'filter.procedureId') : null,
      handlerId: filter.handlerId ? parseId(filter.handlerId, 'filter.handlerId') : null,
    },
    args.groupBy ?? null,
  );
  const groups = rows.map(({ key, from, to, ...stats }: DossierStats & { key: string | null; from?: string; to?: string }) => ({
    key, from: from ?? null, to: to ?? null, stats, ...(key && args.groupBy ? groupRef[args.groupBy](key) : {}),
  }));
  return ranked(groups, (group, by: Figure) => FIGURE[by](group.stats), args.sort, args.limit);
};

export const DossierStatsType = {
  onTimeRate: (stats: DossierStats) => onTimeRate(stats),
  onlineShare: (stats: DossierStats) => onlineShare(stats),
  targets: async (stats: DossierStats, _: unknown, ctx: Context) => againstTargets(stats, await ctx.loaders.nationalTargets.load('targets')),
};

/** Loader key of a contributed figure: the period, the caller's subtree, and what it is about. */
export const statsKey = (period: Period, scope: string, key: string) => `${period.from}|${period.to}|${scope}|${key}`;

/** Field arguments are reported as the filter's, as they always were. */
const periodOf = (args: Period) => checkPeriod(args, 'filter');

export const contributedStats = {
  procedure: (procedure: { id: string }, args: Period, ctx: Context) =>
    ctx.loaders.statsByProcedure.load(statsKey(periodOf(args), requireUnit(ctx.caller), procedure.id)),
  unit: (unit: { path: string }, args: Period, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    return isWithin(unit.path, own) ? ctx.loaders.statsByUnitPath.load(statsKey(periodOf(args), own, unit.path)) : null;
  },
  /** An official's own figures, over the province: their home agency evaluates them wherever they served. */
  official: (official: { id: string }, args: Period, ctx: Context) =>
    ctx.loaders.statsByOfficial.load(statsKey(periodOf(args), requireUnit(ctx.caller).split('.')[0]!, official.id)),
};

/** A centre's public board: the day's figures of dossiers received at the centre, whoever owns them; no sign-in. */
export const CentreBoard = {
  __resolveReference: (ref: { centreCode: string; date: string }) => ref,
  dossiers: async (board: { centreCode: string; date: string }, _: unknown, ctx: Context) => {
    const [{ key: _key, ...stats }] = await statistics(ctx.db, { from: board.date, to: board.date, scope: null, receivingUnitCode: board.centreCode }, null);
    return stats;
  },
};
