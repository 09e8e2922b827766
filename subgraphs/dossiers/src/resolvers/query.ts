import { requireCitizen, requireUnit } from '../../../../shared/caller';
import type { PageArgs } from '../../../../shared/connection';
import { badInput } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { isWithin, normaliseCode, parseUnitPath } from '../../../../shared/units';
import type { Context } from '../context';
import { visible } from '../lifecycle/views';
import { dossierStatistics, type StatisticsArgs } from '../statistics/report';
import { applicantsDossierPage, dossierPage, type DossierListFilter } from '../store/dossiers';
import { neverSubmitted, type DossierStatus } from '../status';

/** The DossierFilter input: the list filter, and the unit whose subtree is listed. */
interface DossierFilter extends DossierListFilter {
  unitPath?: string | null;
}

export const Query = {
  publicDossier: async (_: unknown, args: { code: string }, ctx: Context) => {
    const dossier = args.code.length > 60 ? null : await ctx.loaders.dossierByCode.load(normaliseCode(args.code));
    // A citizen's draft is nobody else's business, not even by its code.
    return dossier && !neverSubmitted(dossier) ? dossier : null;
  },

  dossierStatistics: (_: unknown, args: StatisticsArgs, ctx: Context) => dossierStatistics(args, ctx),

  dossier: async (_: unknown, args: { id: string }, ctx: Context) => visible(await ctx.loaders.dossierById.load(parseId(args.id, 'id')), ctx),

  dossierByCode: async (_: unknown, args: { code: string }, ctx: Context) =>
    visible(await ctx.loaders.dossierByCode.load(normaliseCode(args.code)), ctx),

  myDossiers: (_: unknown, args: PageArgs & { status?: DossierStatus | null }, ctx: Context) => {
    requireCitizen(ctx.caller);
    return applicantsDossierPage(ctx.db, args.status ?? null, args);
  },

  dossiers: (_: unknown, args: PageArgs & { filter?: DossierFilter | null }, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const { unitPath, ...filter } = args.filter ?? {};
    if (unitPath && !isWithin(parseUnitPath(unitPath, 'filter.unitPath'), own)) {
      throw badInput('filter.unitPath', `Unit ${unitPath} is outside your unit ${own}; you can list ${own} and the units below it.`);
    }
    return dossierPage(
      ctx.db,
      unitPath ?? own,
      {
        ...filter,
        procedureId: filter.procedureId ? parseId(filter.procedureId, 'filter.procedureId') : null,
        handlerId: filter.handlerId ? parseId(filter.handlerId, 'filter.handlerId') : null,
      },
      args,
    );
  },
};
