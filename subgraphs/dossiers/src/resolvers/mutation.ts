import { OFFICIALS, requireUnit } from '../../../../shared/caller';
import { loadCalendar } from '../../../../shared/calendar-store';
import { inCallerScope } from '../../../../shared/db';
import { WorkingCalendar } from '../../../../shared/calendar';
import { badInput } from '../../../../shared/errors';
import { isWithin } from '../../../../shared/units';
import { parseId } from '../../../../shared/ids';
import { once } from '../../../../shared/idempotency';
import { translateRace } from '../../../../shared/mutation';
import type { Context } from '../context';
import { act, TRANSITIONS, type Action, type Situation } from '../lifecycle/actions';
import { MUTATION_OF } from '../lifecycle/history';
import { MOVES, type MoveInput } from '../lifecycle/moves';
import { receiveDossier, type ReceiveInput } from '../lifecycle/reception';
import { visible } from './dossier';

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
      return once(manager, ctx.caller, input, action, async () => {
        await act(manager, ctx.caller, dossierId, action, async (situation) => {
          if (input.handlerId) await requireOfficialOf(ctx, input.handlerId, handlerUnit(action, situation));
          return MOVES[action](situation, input, calendar);
        }, ctx.clock.now(), input.expectedVersion);
        return dossierId;
      });
    }).catch(translateRace);
    return payload(id, ctx);
  };
}

interface AssignDossierHandlerInput {
  clientRequestId: string;
  dossierId: string;
  handlerId: string;
}

/** What a mutation answers passes the same check as a query: the caller sees the dossier only if its unit may. */
const payload = async (id: string, ctx: Context) => ({ dossier: await visible(await ctx.loaders.dossierById.load(id), ctx) });

/** The unit whose official a move's handlerId must name: the first step's on transfer, else the step being worked on, else the desk's. */
function handlerUnit(action: Action, { dossier, steps, active }: Situation): string {
  return (action === 'transfer' ? steps[0]?.ownerPath : active?.ownerPath) ?? dossier.ownerPath;
}

/** The official must work for the unit (its home agency is that unit or below it), as personnel records it. */
async function requireOfficialOf(ctx: Context, officialId: string, unitPath: string): Promise<void> {
  const { official } = await ctx.peers.query<{ official: { ownerPath: string; employmentStatus: string } | null }>(
    'personnel',
    'query ($id: ID!) { official(id: $id) { ownerPath employmentStatus } }',
    { id: officialId },
  );
  if (!official || !isWithin(official.ownerPath, unitPath)) {
    throw badInput('input.handlerId', `Official ${officialId} is not an official of unit ${unitPath}, which is working on the dossier; choose one of its officials.`);
  }
}

export const Mutation = {
  receiveDossier: async (_: unknown, { input }: { input: ReceiveInput & { clientRequestId: string } }, ctx: Context) => {
    requireUnit(ctx.caller, ...OFFICIALS);
    const procedureId = parseId(input.procedureId, 'input.procedureId');
    if (input.caseVariantId) parseId(input.caseVariantId, 'input.caseVariantId');
    const id = await inCallerScope(ctx.db, ctx.caller, async (manager) => {
      const calendar = await loadCalendar(manager);
      return once(manager, ctx.caller, input, 'receiveDossier', () => receiveDossier(manager, ctx.caller, ctx.peers, calendar, { ...input, procedureId }, ctx.clock.now()));
    }).catch(translateRace);
    return payload(id, ctx);
  },
  // Every action of the transition table is the mutation the history names it by.
  ...Object.fromEntries((Object.keys(TRANSITIONS) as Action[]).filter((action) => action !== 'assignHandler').map((action) => [MUTATION_OF[action], move(action)])),

  /** Only the unit working on the dossier now, and only to one of its own officials, with a history row. */
  assignDossierHandler: async (_: unknown, { input }: { input: AssignDossierHandlerInput }, ctx: Context) => {
    requireUnit(ctx.caller, ...OFFICIALS);
    const dossierId = parseId(input.dossierId, 'input.dossierId');
    const handlerId = parseId(input.handlerId, 'input.handlerId');
    const id = await inCallerScope(ctx.db, ctx.caller, (manager) =>
      once(manager, ctx.caller, input, 'assignDossierHandler', async () => {
        await act(manager, ctx.caller, dossierId, 'assignHandler', async (situation) => {
          await requireOfficialOf(ctx, handlerId, situation.active?.ownerPath ?? situation.dossier.ownerPath);
          return MOVES.assignHandler(situation, { handlerId }, new WorkingCalendar());
        }, ctx.clock.now());
        return dossierId;
      }),
    ).catch(translateRace);
    return payload(id, ctx);
  },
};
