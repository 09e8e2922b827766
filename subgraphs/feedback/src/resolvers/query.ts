import { requireUnit } from '../../../../shared/caller';
import type { PageArgs } from '../../../../shared/connection';
import { badInput } from '../../../../shared/errors';
import { checkPeriod, type Period } from '../../../../shared/figures';
import { parseId } from '../../../../shared/ids';
import { isWithin, normaliseCode } from '../../../../shared/units';
import { scopeWithin } from '../access/scope';
import type { Context } from '../context';
import { groupRef, rankedGroups, satisfactionStatistics, type RankingArgs } from '../indicators/satisfaction';
import type { SuggestionStatus } from '../store/entities/suggestion.entity';
import { petitionPage, type PetitionListFilter } from '../store/petitions';
import { ratingPage, type RatingListFilter } from '../store/ratings';
import type { SatisfactionGrouping } from '../store/satisfaction';
import { suggestionsWithin } from '../store/suggestions';

type RatingFilter = RatingListFilter & { unitPath?: string | null };
type SatisfactionStatisticsArgs = RankingArgs & {
  filter: Period & { unitPath?: string | null; receivingUnitCode?: string | null };
  groupBy?: SatisfactionGrouping | null;
};

export const Query = {
  ratings: (_: unknown, args: PageArgs & { filter?: RatingFilter | null }, ctx: Context) => {
    const { unitPath, ...filter } = args.filter ?? {};
    const scope = scopeWithin(requireUnit(ctx.caller), unitPath, 'filter.unitPath');
    const officialId = filter.officialId ? parseId(filter.officialId, 'filter.officialId') : null;
    return ratingPage(ctx.db, scope, { ...filter, officialId }, args);
  },

  satisfactionStatistics: async (_: unknown, args: SatisfactionStatisticsArgs, ctx: Context) => {
    const { filter } = args;
    checkPeriod(filter, 'filter');
    const scope = scopeWithin(requireUnit(ctx.caller), filter.unitPath, 'filter.unitPath');
    const rows = await satisfactionStatistics(ctx.db, { ...filter, scope }, args.groupBy ?? null);
    const groups = rows.map(({ key, satisfaction }) => ({ key, satisfaction, ...(key && args.groupBy ? groupRef[args.groupBy](key) : {}) }));
    return rankedGroups(groups, args);
  },

  petitions: (_: unknown, args: PageArgs & { filter?: PetitionListFilter | null }, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const filter = args.filter ?? {};
    return petitionPage(ctx.db, own, { ...filter, dossierCode: filter.dossierCode ? normaliseCode(filter.dossierCode) : null }, args);
  },

  petition: async (_: unknown, args: { id: string }, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const petition = await ctx.loaders.petitionById.load(parseId(args.id, 'id'));
    return petition && isWithin(petition.ownerPath, own) ? petition : null;
  },

  suggestions: (_: unknown, args: { status?: SuggestionStatus | null }, ctx: Context) =>
    suggestionsWithin(ctx.db, requireUnit(ctx.caller), args.status ?? null),

  /** A centre's code is needed: without one the board would be everybody's. */
  centreBoard: (_: unknown, args: { centreCode: string; date: string }) => {
    const centreCode = args.centreCode.trim();
    if (!centreCode) throw badInput('centreCode', 'Name the centre whose board to show (its code, e.g. 27-TTHCC).');
    return { centreCode, date: args.date };
  },
};
