import { requireUnit } from '../../../../shared/caller';
import { loadCalendar } from '../../../../shared/calendar-store';
import { inCallerScope } from '../../../../shared/db';
import { forbidden, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { once } from '../../../../shared/idempotency';
import type { Context } from '../context';
import { DossierEntity } from '../entities/dossier.entity';
import { act, type Action } from '../lifecycle/actions';
import { MOVES, type MoveInput } from '../lifecycle/moves';
import { receiveDossier, type ReceiveInput } from '../lifecycle/reception';

interface ActionInput extends MoveInput {
  clientRequestId: string;
  dossierId: string;
  expectedVersion?: number | null;
}

/** One lifecycle mutation: a named action, once per clientRequestId, all or nothing. */
function move(action: Action) {
  return async (_: unknown, { input }: { input: ActionInput }, ctx: Context) => {
    requireUnit(ctx.caller);
    const dossierId = parseId(input.dossierId, 'input.dossierId');
    if (input.handlerId) parseId(input.handlerId, 'input.handlerId');
    const id = await inCallerScope(ctx.db, ctx.caller, async (manager) => {
      const calendar = await loadCalendar(manager);
      return once(manager, ctx.caller, input.clientRequestId, action, async () => {
        await act(manager, ctx.caller, dossierId, action, (situation) => MOVES[action](situation, input, calendar), ctx.clock.now(), input.expectedVersion);
        return dossierId;
      });
    });
    return { dossier: await ctx.loaders.dossierById.load(id) };
  };
}

interface AssignDossierHandlerInput {
  clientRequestId: string;
  dossierId: string;
  handlerId: string;
}

export const Mutation = {
  receiveDossier: async (_: unknown, { input }: { input: ReceiveInput & { clientRequestId: string } }, ctx: Context) => {
    requireUnit(ctx.caller, 'OFFICIAL', 'LEADER', 'ADMIN');
    const procedureId = parseId(input.procedureId, 'input.procedureId');
    if (input.caseVariantId) parseId(input.caseVariantId, 'input.caseVariantId');
    const id = await inCallerScope(ctx.db, ctx.caller, async (manager) => {
      const calendar = await loadCalendar(manager);
      return once(manager, ctx.caller, input.clientRequestId, 'receiveDossier', () => receiveDossier(manager, ctx.caller, ctx.peers, calendar, { ...input, procedureId }, ctx.clock.now()));
    });
    return { dossier: await ctx.loaders.dossierById.load(id) };
  },
  acceptDossier: move('accept'),
  refuseDossier: move('refuse'),
  transferDossier: move('transfer'),
  completeDossierStep: move('completeStep'),
  requestSupplement: move('requestSupplement'),
  receiveSupplement: move('receiveSupplement'),
  requestFinancialObligation: move('requestFinancialObligation'),
  confirmFinancialObligation: move('confirmFinancialObligation'),
  rescheduleDossier: move('reschedule'),
  withdrawDossier: move('withdraw'),
  stopDossier: move('stop'),
  resolveDossier: move('resolve'),
  returnDossierResult: move('returnResult'),

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
