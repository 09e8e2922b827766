import { CITIZENS, OFFICIALS } from '../../../../shared/caller';
import { loadCalendar } from '../../../../shared/calendar-store';
import { WorkingCalendar } from '../../../../shared/calendar';
import { parseId } from '../../../../shared/ids';
import { scopedMutation } from '../../../../shared/mutation';
import type { Context } from '../context';
import { act, PROCESS, type Action } from '../lifecycle/actions';
import { MUTATION_OF } from '../lifecycle/history';
import { MOVES, type MoveInput } from '../lifecycle/moves';
import { handlerUnit, requireOfficialOf } from '../lifecycle/handlers';
import { receiveDossier, type ReceiveInput } from '../lifecycle/reception';
import { acceptOnline, fileDossier, submitDraft, type FileInput, type SubmitDraftInput } from '../lifecycle/online';
import { visible } from '../lifecycle/views';
import { attachFiles, filesOf, registerDocument, resultFile, type FileRef, type RegisterInput } from '../documents/files';
import { requestPayment, recordCallback } from '../payments/payments';
import { configuredProvider } from '../payments/provider';
import type { PaymentPurpose } from '../store/entities/payment.entity';
import { retryDelivery, setPreferences, type PreferencesInput } from '../delivery/requests';
import type { DocumentPurpose } from '../store/entities/dossier-document.entity';

interface ActionInput extends MoveInput {
  clientRequestId: string;
  dossierId: string;
  expectedVersion?: number | null;
}

/** One lifecycle mutation: a named action, once per clientRequestId, all or nothing (the kernel's scopedMutation, like every subgraph's). */
const move = (action: Action) =>
  scopedMutation<ActionInput, Context, string, unknown>(
    action,
    PROCESS.moves[action].roles,
    async (manager, input, ctx) => {
      const dossierId = parseId(input.dossierId, 'input.dossierId');
      if (input.handlerId) parseId(input.handlerId, 'input.handlerId');
      const calendar = await loadCalendar(manager);
      await act(
        manager,
        ctx.caller,
        dossierId,
        action,
        async (situation) => {
          if (input.handlerId) await requireOfficialOf(ctx.peers, input.handlerId, handlerUnit(action, situation));
          const effect = MOVES[action](situation, input, calendar);
          // An online dossier gets its code, steps and appointment when the desk accepts it.
          return action === 'accept' ? acceptOnline(manager, ctx, situation, effect, calendar) : effect;
        },
        ctx.clock.now(),
        input.expectedVersion,
      );
      await attachFiles(manager, ctx.caller, dossierId, filesBrought(action, input), FILES_OF[action] ?? 'SUBMITTED', ctx.clock.now());
      return dossierId;
    },
    payload,
  );

/** What the files an action brings are: the desk's scans, the supplement handed in, the result issued. */
const FILES_OF: Partial<Record<Action, DocumentPurpose>> = {
  digitise: 'DIGITISED',
  receiveSupplement: 'SUPPLEMENT',
  supplementOwn: 'SUPPLEMENT',
  resolve: 'RESULT',
};

function filesBrought(action: Action, input: ActionInput): FileRef[] {
  if (!FILES_OF[action]) return [];
  if (action === 'resolve') return input.resultDocument ? resultFile(input.resultDocument, 'input.resultDocument') : [];
  return filesOf(input.files, 'input.files');
}

interface AssignDossierHandlerInput {
  clientRequestId: string;
  dossierId: string;
  handlerId: string;
}

/** What a mutation answers passes the same check as a query: the caller sees the dossier only if its unit may. */
const payload = async (id: string, ctx: Context) => ({ dossier: await visible(await ctx.loaders.dossierById.load(id), ctx) });

export const Mutation = {
  /** The gateway records a file it stored for the caller (not in the public schema: uploads go through /documents). */
  registerDocument: scopedMutation<RegisterInput & { clientRequestId: string }, Context, string, unknown>(
    'registerDocument',
    'ANYONE',
    (manager, input, ctx) => registerDocument(manager, ctx.caller, input, ctx.clock.now()),
    async (id, ctx) => ({ document: await ctx.loaders.documentById.load(id) }),
  ),
  receiveDossier: scopedMutation<ReceiveInput & { clientRequestId: string }, Context, string, unknown>(
    'receiveDossier',
    OFFICIALS,
    async (manager, input, ctx) => {
      const procedureId = parseId(input.procedureId, 'input.procedureId');
      if (input.caseVariantId) parseId(input.caseVariantId, 'input.caseVariantId');
      return receiveDossier(manager, ctx.caller, ctx.peers, await loadCalendar(manager), { ...input, procedureId }, ctx.clock.now());
    },
    payload,
  ),
  fileDossier: scopedMutation<FileInput & { clientRequestId: string }, Context, string, unknown>(
    'fileDossier',
    CITIZENS,
    async (manager, input, ctx) => {
      const procedureId = parseId(input.procedureId, 'input.procedureId');
      if (input.caseVariantId) parseId(input.caseVariantId, 'input.caseVariantId');
      return fileDossier(manager, ctx.caller, ctx.peers, { ...input, procedureId }, ctx.clock.now());
    },
    payload,
  ),
  submitDossierDraft: scopedMutation<SubmitDraftInput & { clientRequestId: string }, Context, string, unknown>(
    'submitDossierDraft',
    CITIZENS,
    (manager, input, ctx) =>
      submitDraft(manager, ctx.caller, ctx.peers, { ...input, dossierId: parseId(input.dossierId, 'input.dossierId') }, ctx.clock.now()),
    payload,
  ),
  // Every action of the transition table is the mutation the history names it by.
  ...Object.fromEntries(PROCESS.actions.filter((action) => action !== 'assignHandler').map((action) => [MUTATION_OF[action], move(action)])),

  retryDelivery: scopedMutation<{ clientRequestId: string; deliveryId: string }, Context, string, unknown>(
    'retryDelivery',
    OFFICIALS,
    (manager, input, ctx) => retryDelivery(manager, parseId(input.deliveryId, 'input.deliveryId'), ctx.clock.now()),
    async (id, ctx) => ({ delivery: await ctx.loaders.deliveryById.load(id) }),
  ),
  requestPayment: scopedMutation<{ clientRequestId: string; dossierId: string; purpose: PaymentPurpose }, Context, string, unknown>(
    'requestPayment',
    CITIZENS,
    (manager, input, ctx) =>
      requestPayment(manager, ctx.caller, configuredProvider(), parseId(input.dossierId, 'input.dossierId'), input.purpose, ctx.clock.now()),
    async (id, ctx) => ({ payment: await ctx.loaders.paymentById.load(id) }),
  ),
  /** Whoever calls: the platform's signature, not the caller, is what is trusted (the gateway passes the callback on anonymously). */
  recordPaymentCallback: async (_: unknown, { input }: { input: { body: string; signature: string } }, ctx: Context) => ({
    callback: await recordCallback(ctx.db, configuredProvider(), input.body, input.signature, ctx.clock.now(), () => loadCalendar(ctx.db)),
  }),
  setMyNotificationPreferences: scopedMutation<PreferencesInput & { clientRequestId: string }, Context, string, unknown>(
    'setMyNotificationPreferences',
    CITIZENS,
    (manager, input, ctx) => setPreferences(manager, ctx.caller, input, ctx.clock.now()),
    async (citizenId, ctx) => ({ preferences: await ctx.loaders.preferenceByCitizen.load(citizenId) }),
  ),

  /** Only the unit working on the dossier now, and only to one of its own officials, with a history row. */
  assignDossierHandler: scopedMutation<AssignDossierHandlerInput, Context, string, unknown>(
    'assignDossierHandler',
    OFFICIALS,
    async (manager, input, ctx) => {
      const dossierId = parseId(input.dossierId, 'input.dossierId');
      const handlerId = parseId(input.handlerId, 'input.handlerId');
      await act(
        manager,
        ctx.caller,
        dossierId,
        'assignHandler',
        async (situation) => {
          await requireOfficialOf(ctx.peers, handlerId, situation.active?.ownerPath ?? situation.dossier.ownerPath);
          return MOVES.assignHandler(situation, { handlerId }, new WorkingCalendar());
        },
        ctx.clock.now(),
      );
      return dossierId;
    },
    payload,
  ),
};
