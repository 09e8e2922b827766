import { requireUnit } from '../../../../shared/caller';
import { inCallerScope } from '../../../../shared/db';
import { forbidden, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { once } from '../../../../shared/idempotency';
import type { Context } from '../context';
import { DossierEntity } from '../entities/dossier.entity';

interface AssignDossierHandlerInput {
  clientRequestId: string;
  dossierId: string;
  handlerId: string;
}

export const Mutation = {
  assignDossierHandler: async (_: unknown, { input }: { input: AssignDossierHandlerInput }, ctx: Context) => {
    const unit = requireUnit(ctx.caller, 'OFFICIAL', 'LEADER', 'ADMIN');
    const dossierId = parseId(input.dossierId, 'input.dossierId');
    const handlerId = parseId(input.handlerId, 'input.handlerId');
    const id = await inCallerScope(ctx.db, ctx.caller, (manager) =>
      once(manager, ctx.caller, input.clientRequestId, 'assignDossierHandler', async () => {
        // Row-level security turns an UPDATE of another unit's dossier into zero rows.
        const { affected } = await manager
          .createQueryBuilder()
          .update(DossierEntity)
          .set({ handlerId, version: () => 'version + 1' })
          .where('id = :dossierId', { dossierId })
          .execute();
        if (!affected) {
          const existing = await manager.findOneBy(DossierEntity, { id: dossierId });
          if (!existing) throw notFound(`No dossier has id ${dossierId}.`, 'input.dossierId');
          throw forbidden(`Dossier ${existing.code} belongs to unit ${existing.ownerPath}; officials of ${unit} cannot change it.`);
        }
        return dossierId;
      }),
    );
    return { dossier: await ctx.loaders.dossierById.load(id) };
  },
};
