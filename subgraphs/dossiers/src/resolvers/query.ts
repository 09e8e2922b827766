import { OFFICIALS, requireCitizen, requireUnit } from '../../../../shared/caller';
import { pageSize, type PageArgs } from '../../../../shared/connection';
import { badInput } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { isWithin, normaliseCode, parseUnitPath } from '../../../../shared/units';
import type { Context } from '../context';
import { unitAt, visible } from '../lifecycle/views';
import { checkVerification } from '../documents/files';
import { checkResult, visibleDocuments } from '../store/documents';
import { dossierStatistics, type StatisticsArgs } from '../statistics/report';
import { applicantsDossierPage, dossierPage, type DossierListFilter } from '../store/dossiers';
import { neverSubmitted, type DossierStatus } from '../status';
import { failedDeliveries } from '../store/outbox';
import type { DeliveryChannel } from '../store/entities/delivery.entity';

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

  /** A file's description, if the caller may read it (their own, their unit's, or a file of a dossier they are shown). */
  document: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.documentById.load(parseId(args.id, 'id')),

  /** Giấy tờ của tôi — the citizen's personal store: what they uploaded, and their dossiers' files and results. */
  myDocuments: (_: unknown, args: { first?: number | null }, ctx: Context) => {
    requireCitizen(ctx.caller);
    return visibleDocuments(ctx.db, pageSize(args.first));
  },

  /** Xác thực kết quả — what the verification code says of a result file: genuine, and unchanged if the hash matches; nothing else. */
  verifyResult: async (_: unknown, args: { code: string; sha256: string }, ctx: Context) => {
    const { code, sha256 } = checkVerification(args.code, args.sha256);
    const found = await checkResult(ctx.db, code, sha256);
    return {
      code,
      genuine: found !== null,
      unchanged: found?.unchanged ?? false,
      issuedAt: found?.issuedAt ?? null,
      issuingUnit: found ? unitAt(found.issuerCode, found.issuedAt) : null,
    };
  },

  failedDeliveries: (_: unknown, args: PageArgs & { channel?: DeliveryChannel | null }, ctx: Context) => {
    requireUnit(ctx.caller, ...OFFICIALS);
    return failedDeliveries(ctx.db, args.channel ?? null, args);
  },

  myNotificationPreferences: (_: unknown, __: unknown, ctx: Context) => ctx.loaders.preferenceByCitizen.load(requireCitizen(ctx.caller).citizenId),

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
