import { requireUnit } from '../../../../shared/caller';
import { badInput } from '../../../../shared/errors';
import { checkPeriod, daysIn, MAX_LISTED_DAYS, type Period, ranked, type Sort } from '../../../../shared/figures';
import { parseId } from '../../../../shared/ids';
import { isWithin, parseUnitPath, unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import { statistics } from '../store/statistics';
import { onlineShare, onTimeRate, type DossierStats } from './figures';
import type { Grouping } from './grouping';

/** The figures asked for: a report filtered, grouped and ranked; a unit's, procedure's or official's own; a unit's delays; a centre's board. */

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

export interface StatisticsArgs {
  filter: FilterInput;
  groupBy?: Grouping | null;
  sort?: Sort<Figure> | null;
  limit?: number | null;
}

/** `Query.dossierStatistics`: the caller's subtree (or a unit inside it) for a period, whole or by group, ranked. */
export async function dossierStatistics(args: StatisticsArgs, ctx: Context) {
  const own = requireUnit(ctx.caller);
  const { filter } = args;
  checkPeriod(filter, 'filter');
  // A figure per day is worked out per day: a quarter's worth, not three years' (ask for weeks or months over longer periods).
  if (args.groupBy === 'DAY' && daysIn(filter) > MAX_LISTED_DAYS) {
    throw badInput('groupBy', `Grouping by DAY covers at most ${MAX_LISTED_DAYS} days; group a longer period by WEEK, MONTH or QUARTER.`);
  }
  const scope = filter.unitPath ? parseUnitPath(filter.unitPath, 'filter.unitPath') : own;
  if (!isWithin(scope, own))
    throw badInput('filter.unitPath', `Unit ${scope} is outside your unit ${own}; statistics cover ${own} and the units below it.`);
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
  const groups = rows.map(({ key, from, to, ...stats }) => ({
    key,
    from: from ?? null,
    to: to ?? null,
    stats,
    ...(key && args.groupBy ? groupRef[args.groupBy](key) : {}),
  }));
  return ranked(groups, (group, by: Figure) => FIGURE[by](group.stats), args.sort, args.limit);
}

/** Loader key of a contributed figure: the period, the caller's subtree, and what it is about. */
export const statsKey = (period: Period, scope: string, key: string) => `${period.from}|${period.to}|${scope}|${key}`;

/** Field arguments are reported as the filter's, as they always were. */
const periodOf = (args: Period) => checkPeriod(args, 'filter');

/** The figures other subgraphs' types carry (`Procedure.dossierStats`, `AdministrativeUnit.dossierStats`, `Official.workload`). */
export const contributedStats = {
  procedure: (procedure: { id: string }, args: Period, ctx: Context) =>
    ctx.loaders.statsByProcedure.load(statsKey(periodOf(args), requireUnit(ctx.caller), procedure.id)),
  unit: (unit: { path: string }, args: Period, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    return isWithin(unit.path, own) ? ctx.loaders.statsByUnitPath.load(statsKey(periodOf(args), own, unit.path)) : null;
  },
  /** Decision 766's digitisation inputs of a unit's subtree; within the caller's own subtree only, like its figures. */
  digitisation: (unit: { path: string }, args: Period, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const period = periodOf(args);
    return isWithin(unit.path, own) ? ctx.loaders.digitisationByUnitPath.load(`${period.from}|${period.to}|${unit.path}`) : null;
  },
  /** An official's own figures, over the province: their home agency evaluates them wherever they served. */
  official: (official: { id: string }, args: Period, ctx: Context) =>
    ctx.loaders.statsByOfficial.load(statsKey(periodOf(args), requireUnit(ctx.caller).split('.')[0], official.id)),
};

/** A centre's public board: the day's figures of dossiers received at the centre, whoever owns them; no sign-in. */
export async function centreBoardStats(board: { centreCode: string; date: string }, ctx: Context): Promise<DossierStats> {
  const [{ key: _key, ...stats }] = await statistics(
    ctx.db,
    { from: board.date, to: board.date, scope: null, receivingUnitCode: board.centreCode },
    null,
  );
  return stats;
}

/**
 * `AdministrativeUnit.delays`: the late dossiers of a unit's subtree for a period, by the unit that
 * caused each delay; null outside the caller's subtree, like the unit's figures.
 */
export async function delaysOfUnit(unit: { path: string }, args: Period, ctx: Context) {
  if (!isWithin(unit.path, requireUnit(ctx.caller))) return null;
  const { from, to } = checkPeriod(args);
  const delays = await ctx.loaders.delaysByUnitPath.load(`${from}|${to}|${unit.path}`);
  return (delays ?? []).map((d) => ({
    unit: { __typename: 'AdministrativeUnit', code: d.unitCode, asOf: null },
    dossiers: d.dossiers,
    overHours: d.overHours,
  }));
}
