import { requireUnit } from '../../../../shared/caller';
import { paginate, type PageArgs } from '../../../../shared/connection';
import { badInput } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { isWithin, parseUnitPath } from '../../../../shared/units';
import type { Context } from '../context';
import { DossierEntity } from '../entities/dossier.entity';
import type { DossierStatus } from '../status';
import { visible } from './dossier';
import { publicDossier } from './public-dossier';
import { dossierStatistics } from './statistics';

interface DossierFilter {
  status?: DossierStatus | null;
  unitPath?: string | null;
  procedureId?: string | null;
  handlerId?: string | null;
}

export const Query = {
  publicDossier,
  dossierStatistics,

  dossier: async (_: unknown, args: { id: string }, ctx: Context) => visible(await ctx.loaders.dossierById.load(parseId(args.id, 'id')), ctx),

  dossierByCode: async (_: unknown, args: { code: string }, ctx: Context) => visible(await ctx.loaders.dossierByCode.load(args.code), ctx),

  dossiers: (_: unknown, args: PageArgs & { filter?: DossierFilter | null }, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const { status, unitPath, procedureId, handlerId } = args.filter ?? {};
    if (unitPath && !isWithin(parseUnitPath(unitPath, 'filter.unitPath'), own)) {
      throw badInput('filter.unitPath', `Unit ${unitPath} is outside your unit ${own}; you can list ${own} and the units below it.`);
    }
    const scope = unitPath ?? own;
    const query = ctx.db
      .getRepository(DossierEntity)
      .createQueryBuilder('d')
      // Its own dossiers, and those of other units in which it holds a liên thông step.
      .where(
        `(d.owner_path = :scope OR d.owner_path LIKE :below
          OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = d.id AND (s.owner_path = :scope OR s.owner_path LIKE :below)))`,
        { scope, below: `${scope}.%` },
      );
    if (status) query.andWhere('d.status = :status', { status });
    if (procedureId) query.andWhere('d.procedure_id = :procedureId', { procedureId: parseId(procedureId, 'filter.procedureId') });
    if (handlerId) query.andWhere('d.handler_id = :handlerId', { handlerId: parseId(handlerId, 'filter.handlerId') });
    return paginate(
      query,
      { columns: [{ sql: 'd.received_at', value: (d) => d.receivedAt }, { sql: 'd.id', value: (d) => d.id }], direction: 'DESC' },
      args,
    );
  },
};
