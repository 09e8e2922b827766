import { withinSql } from '../../../../shared/sql';
import { requireUnit } from '../../../../shared/caller';
import { paginate, type PageArgs } from '../../../../shared/connection';
import { parseId } from '../../../../shared/ids';
import { vietnamMidnightSql } from '../../../../shared/scalars';
import { isWithin, normaliseCode, parseUnitPath, unitRef } from '../../../../shared/units';
import { badInput } from '../../../../shared/errors';
import type { Context } from '../context';
import { PetitionEntity, type PetitionStatus } from '../entities/petition.entity';
import { RatingEntity, type RatingChannel } from '../entities/rating.entity';
import { SuggestionEntity, type SuggestionStatus } from '../entities/suggestion.entity';
import { checkPeriod, type Period, ranked, type Sort } from '../../../../shared/figures';
import { DISSATISFIED, SATISFIED, satisfactionStatistics, type Satisfaction, type SatisfactionGrouping } from '../indicators/satisfaction';
import { OVERDUE_SQL } from '../petitions/transitions';

interface RatingFilter {
  officialId?: string | null;
  channel?: RatingChannel | null;
  from?: string | null;
  to?: string | null;
  unitPath?: string | null;
  receivingUnitCode?: string | null;
  agencyCode?: string | null;
  satisfied?: boolean | null;
}

/** A unit path within the caller's own, or BAD_USER_INPUT naming the field. */
function scopeWithin(own: string, unitPath: string | null | undefined, field: string): string {
  const scope = unitPath ? parseUnitPath(unitPath, field) : own;
  if (!isWithin(scope, own)) throw badInput(field, `Unit ${scope} is outside your unit ${own}; figures cover ${own} and the units below it.`);
  return scope;
}

interface PetitionFilter {
  status?: PetitionStatus | null;
  overdue?: boolean | null;
  repeated?: boolean | null;
  dossierCode?: string | null;
}

const IN_SUBTREE = (alias: string) => withinSql(`${alias}.owner_path`, ':own', ':below');
const subtree = (own: string) => ({ own, below: `${own}.%` });

const groupRef: Record<SatisfactionGrouping, (key: string) => Record<string, unknown>> = {
  UNIT: (key) => ({ unit: unitRef(key) }),
  AGENCY: (key) => ({ unit: unitRef(key) }),
  OFFICIAL: (key) => ({ official: { __typename: 'Official', id: key } }),
  COUNTER: (key) => ({ unit: unitRef(key.split('#')[0]!) }),
  PROCEDURE: (key) => ({ procedure: { __typename: 'Procedure', id: key } }),
  FIELD: (key) => ({ field: { __typename: 'Field', code: key } }),
};

type SatisfactionFigure = 'SATISFACTION_RATE' | 'AVERAGE_SCORE' | 'RATINGS';
const SATISFACTION_FIGURE: Record<SatisfactionFigure, (s: Satisfaction) => number | null> = {
  SATISFACTION_RATE: (s) => s.satisfactionRate,
  AVERAGE_SCORE: (s) => s.averageScore,
  RATINGS: (s) => s.ratings,
};

/** A ranking: groups with at least `minRatings` ratings (a rate of 2 ratings says little), ordered by a figure, cut to `limit`. */
function rankedGroups<G extends { satisfaction: Satisfaction }>(groups: G[], args: { sort?: Sort<SatisfactionFigure> | null; limit?: number | null; minRatings?: number | null }): G[] {
  const { minRatings } = args;
  if (minRatings != null && (!Number.isInteger(minRatings) || minRatings < 0)) throw badInput('minRatings', `"minRatings" is a whole number, 0 or more; got ${minRatings}.`);
  const kept = groups.filter((g) => g.satisfaction.ratings >= (minRatings ?? 0));
  return ranked(kept, (group, by: SatisfactionFigure) => SATISFACTION_FIGURE[by](group.satisfaction), args.sort, args.limit);
}

export const Query = {
  ratings: (_: unknown, args: PageArgs & { filter?: RatingFilter | null }, ctx: Context) => {
    const filter = args.filter ?? {};
    const scope = scopeWithin(requireUnit(ctx.caller), filter.unitPath, 'filter.unitPath');
    const query = ctx.db.getRepository(RatingEntity).createQueryBuilder('r').where(IN_SUBTREE('r'), subtree(scope));
    if (filter.officialId) query.andWhere('r.official_id = :officialId', { officialId: parseId(filter.officialId, 'filter.officialId') });
    if (filter.channel) query.andWhere('r.channel = :channel', filter);
    if (filter.from) query.andWhere(`r.rated_at >= ${vietnamMidnightSql(':from::date')}`, filter);
    if (filter.to) query.andWhere(`r.rated_at < ${vietnamMidnightSql(':to::date + 1')}`, filter);
    if (filter.receivingUnitCode) query.andWhere('r.receiving_unit_code = :receivingUnitCode', filter);
    if (filter.agencyCode) query.andWhere('r.agency_code = :agencyCode', filter);
    if (filter.satisfied != null) query.andWhere(filter.satisfied ? SATISFIED : DISSATISFIED);
    return paginate(query, { columns: [{ sql: 'r.rated_at', value: (r) => r.ratedAt }, { sql: 'r.id', value: (r) => r.id }], direction: 'DESC' }, args);
  },

  satisfactionStatistics: async (
    _: unknown,
    args: { filter: Period & { unitPath?: string | null; receivingUnitCode?: string | null }; groupBy?: SatisfactionGrouping | null } & Parameters<typeof rankedGroups>[1],
    ctx: Context,
  ) => {
    const { filter } = args;
    checkPeriod(filter, 'filter');
    const scope = scopeWithin(requireUnit(ctx.caller), filter.unitPath, 'filter.unitPath');
    const rows = await satisfactionStatistics(ctx.db, { ...filter, scope }, args.groupBy ?? null);
    return rankedGroups(rows.map(({ key, satisfaction }) => ({ key, satisfaction, ...(key && args.groupBy ? groupRef[args.groupBy](key) : {}) })), args);
  },

  petitions: (_: unknown, args: PageArgs & { filter?: PetitionFilter | null }, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const { status, overdue, repeated, dossierCode } = args.filter ?? {};
    const query = ctx.db.getRepository(PetitionEntity).createQueryBuilder('p').where(IN_SUBTREE('p'), subtree(own));
    if (status) query.andWhere('p.status = :status', { status });
    if (overdue != null) query.andWhere(overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    if (repeated != null) query.andWhere(repeated ? 'p.repeat_of_id IS NOT NULL' : 'p.repeat_of_id IS NULL');
    if (dossierCode) query.andWhere('p.dossier_code = :dossierCode', { dossierCode: normaliseCode(dossierCode) });
    return paginate(query, { columns: [{ sql: 'p.received_at', value: (p) => p.receivedAt }, { sql: 'p.id', value: (p) => p.id }], direction: 'DESC' }, args);
  },

  petition: async (_: unknown, args: { id: string }, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const petition = await ctx.loaders.petitionById.load(parseId(args.id, 'id'));
    return petition && isWithin(petition.ownerPath, own) ? petition : null;
  },

  suggestions: (_: unknown, args: { status?: SuggestionStatus | null }, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const query = ctx.db.getRepository(SuggestionEntity).createQueryBuilder('s').where(IN_SUBTREE('s'), subtree(own));
    if (args.status) query.andWhere('s.status = :status', { status: args.status });
    return query.orderBy('s.submitted_at', 'DESC').addOrderBy('s.id').limit(500).getMany();
  },

  centreBoard: (_: unknown, args: { centreCode: string; date: string }) => ({ centreCode: args.centreCode, date: args.date }),
};
