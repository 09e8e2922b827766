import type { EntityManager } from 'typeorm';
import { CITIZENS, filerIds, LEADERS, OFFICIALS, type Caller, type Role } from '../../../../shared/caller';
import { conflict, forbidden, notFound } from '../../../../shared/errors';
import { isWithin } from '../../../../shared/units';
import type { DossierEventEntity } from '../store/entities/dossier-event.entity';
import type { DossierStepEntity } from '../store/entities/dossier-step.entity';
import type { DossierEntity } from '../store/entities/dossier.entity';
import { defineProcess } from '../../../../shared/transitions';
import { DOSSIER_STATUSES, neverSubmitted, type DossierStatus } from '../status';
import { applicantShown, dossierById, insertEvent, stepsOfDossier, updateDossierIfUnchanged, updateStep } from '../store/dossiers';

/**
 * Who may act: the DESK is the receiving unit (and the units above it); the STEP is the unit
 * holding the active liên thông step; HOLDER is either of the two; CURRENT is the one working on
 * the dossier now (the active step's unit, or the desk when no step is active); FILER is the
 * citizen who filed it online.
 */
type Position = 'DESK' | 'STEP' | 'HOLDER' | 'CURRENT' | 'FILER';

interface Move {
  /** null: the status stays (the action changes the deadline or the step). */
  to: DossierStatus | null;
  by: Position;
  roles: readonly Role[];
}

/**
 * Every move a dossier can make: where it leads, which unit may make it and with which roles. An
 * action a status does not list is refused with CONFLICT and changes nothing.
 */
export const PROCESS = defineProcess(DOSSIER_STATUSES, {
  moves: {
    accept: { to: 'RECEIVED', by: 'DESK', roles: OFFICIALS },
    refuse: { to: 'NOT_RECEIVED', by: 'DESK', roles: OFFICIALS },
    transfer: { to: 'PROCESSING', by: 'DESK', roles: OFFICIALS },
    completeStep: { to: null, by: 'STEP', roles: OFFICIALS },
    requestSupplement: { to: 'SUPPLEMENT_REQUESTED', by: 'HOLDER', roles: OFFICIALS },
    receiveSupplement: { to: 'PROCESSING', by: 'HOLDER', roles: OFFICIALS },
    requestFinancialObligation: { to: 'FINANCIAL_OBLIGATION', by: 'HOLDER', roles: OFFICIALS },
    confirmFinancialObligation: { to: 'PROCESSING', by: 'HOLDER', roles: OFFICIALS },
    reschedule: { to: null, by: 'HOLDER', roles: LEADERS },
    withdraw: { to: 'WITHDRAWN', by: 'DESK', roles: OFFICIALS },
    stop: { to: 'STOPPED', by: 'HOLDER', roles: LEADERS },
    resolve: { to: 'PROCESSED', by: 'HOLDER', roles: LEADERS },
    returnResult: { to: 'RESULT_RETURNED', by: 'DESK', roles: OFFICIALS },
    assignHandler: { to: null, by: 'CURRENT', roles: OFFICIALS },
    // Số hóa: the desk attaches the scans of papers it received.
    digitise: { to: null, by: 'DESK', roles: OFFICIALS },
    // What the citizen who filed online does themselves: the supplement asked for, withdrawing it once received,
    // or cancelling a filing the desk has not received (it ends not received, as the national statistics count it).
    supplementOwn: { to: 'PROCESSING', by: 'FILER', roles: CITIZENS },
    withdrawOwn: { to: 'WITHDRAWN', by: 'FILER', roles: CITIZENS },
    cancelOwn: { to: 'NOT_RECEIVED', by: 'FILER', roles: CITIZENS },
  } satisfies Record<string, Move>,
  allowedFrom: {
    NEW: ['accept', 'refuse', 'withdraw', 'cancelOwn'],
    RECEIVED: ['refuse', 'transfer', 'requestSupplement', 'withdraw', 'withdrawOwn', 'assignHandler', 'digitise'],
    PROCESSING: [
      'completeStep',
      'requestSupplement',
      'requestFinancialObligation',
      'reschedule',
      'withdraw',
      'withdrawOwn',
      'stop',
      'resolve',
      'assignHandler',
      'digitise',
    ],
    SUPPLEMENT_REQUESTED: ['receiveSupplement', 'supplementOwn', 'reschedule', 'withdraw', 'withdrawOwn', 'stop', 'assignHandler', 'digitise'],
    FINANCIAL_OBLIGATION: ['confirmFinancialObligation', 'reschedule', 'withdraw', 'withdrawOwn', 'stop', 'assignHandler', 'digitise'],
    PROCESSED: ['returnResult', 'digitise'],
    NOT_RECEIVED: [],
    WITHDRAWN: [],
    STOPPED: [],
    RESULT_RETURNED: [],
  },
});

export type Action = (typeof PROCESS.actions)[number];

/** The state an action sees: the dossier as read, its steps, the step being worked on, and who acts. */
export interface Situation {
  dossier: DossierEntity;
  steps: DossierStepEntity[];
  active: DossierStepEntity | null;
  /** The official signed in, if the token names one: credited with the work they finish. */
  actingOfficialId: string | null;
  now: Date;
}

/** What an action changes: dossier columns, its own step, and what the history row records. */
export interface Effect {
  dossier?: Partial<DossierEntity>;
  step?: Partial<DossierStepEntity>;
  /** Changes to the step the dossier moves to (its handler, on transfer). */
  nextStep?: Partial<DossierStepEntity>;
  details?: Record<string, unknown>;
}

function position(caller: Caller, { dossier, active }: Situation): { desk: boolean; step: boolean; filer: boolean } {
  const unit = caller.unit ?? '';
  return {
    desk: !!unit && isWithin(dossier.ownerPath, unit),
    step: !!unit && !!active && isWithin(active.ownerPath, unit),
    filer: !!dossier.filedBy && filerIds(caller).includes(dossier.filedBy),
  };
}

/**
 * Performs one action on one dossier inside the caller's transaction: checks the status and who
 * may act, applies the effect with a conditional UPDATE on the version read (so of two concurrent
 * actions exactly one wins), and appends the history row.
 */
export async function act(
  manager: EntityManager,
  caller: Caller,
  dossierId: string,
  action: Action,
  effect: (situation: Situation) => Effect | Promise<Effect>,
  now: Date,
  expectedVersion?: number | null,
): Promise<DossierEntity> {
  const rule: Move = PROCESS.moves[action];
  const dossier = await dossierById(manager, dossierId);
  if (!dossier) throw notFound(`No dossier has id ${dossierId}.`, 'input.dossierId');
  const steps = await stepsOfDossier(manager, dossierId);
  const situation: Situation = {
    dossier,
    steps,
    active: steps.find((s) => s.position === dossier.currentStep) ?? null,
    actingOfficialId: caller.officialId ?? null,
    now,
  };

  const where = position(caller, situation);
  const may: Record<Position, boolean> = {
    DESK: where.desk,
    STEP: where.step,
    HOLDER: where.desk || where.step,
    CURRENT: situation.active ? where.step : where.desk,
    FILER: where.filer,
  };
  const allowed = may[rule.by];
  // A citizen's draft is theirs alone until they submit it.
  const involved =
    where.filer || (!neverSubmitted(dossier) && (where.desk || where.step || steps.some((s) => !!caller.unit && isWithin(s.ownerPath, caller.unit))));
  if (!involved) {
    // A citizen's own dossier they did not file online (received at the desk, or filed by their organisation) is theirs to read, not to move.
    if (caller.role === 'CITIZEN' && (await applicantShown(manager, dossierId)))
      throw forbidden(`Dossier ${dossier.code} was not filed online by you as you are signed in now; it is moved at the desk.`);
    return hidden(dossierId);
  }
  const to = PROCESS.next(dossier.status, action, `Dossier ${dossier.code}`, 'input.dossierId');
  if (!allowed) {
    const holder =
      rule.by === 'FILER'
        ? 'the citizen who filed it online'
        : rule.by === 'DESK'
          ? `the receiving unit ${dossier.ownerPath}`
          : situation.active
            ? `unit ${situation.active.ownerPath}, which holds step ${situation.active.position}`
            : `the receiving unit ${dossier.ownerPath}`;
    throw forbidden(`Only ${holder} may ${action} dossier ${dossier.code}.`);
  }
  if (!rule.roles.includes(caller.role))
    throw forbidden(`${action} on dossier ${dossier.code} needs the role ${rule.roles.join(' or ')}; you sign in as ${caller.role}.`);
  if (expectedVersion != null && expectedVersion !== dossier.version) {
    throw conflict(
      `Dossier ${dossier.code} changed since you read it (version ${expectedVersion}, now ${dossier.version}); reload it and decide again.`,
      'input.expectedVersion',
    );
  }

  const { dossier: patch = {}, step, nextStep, details = {} } = await effect(situation);
  await updateDossierIfUnchanged(manager, dossier, { ...patch, status: to }, `Dossier ${dossier.code}`, 'input.dossierId');
  if (step && situation.active) await updateStep(manager, situation.active.id, step);
  const next = nextStep && steps.find((s) => s.position === patch.currentStep);
  if (next) await updateStep(manager, next.id, nextStep);
  await record(manager, caller, dossier, action, to, situation.active?.position ?? null, details, situation.now);
  return { ...dossier, ...patch, status: to, version: dossier.version + 1 };
}

/** A dossier the caller has no part in is reported as missing, as reads report it. */
function hidden(dossierId: string): never {
  throw notFound(`No dossier has id ${dossierId}, or it is not one your unit handles.`, 'input.dossierId');
}

/** Appends one history row (form 05 / 06). */
export async function record(
  manager: EntityManager,
  caller: Caller,
  dossier: Pick<DossierEntity, 'id' | 'status' | 'ownerPath'> | { id: string; status: null; ownerPath: string },
  action: string,
  to: DossierStatus,
  stepPosition: number | null,
  details: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const event: Omit<DossierEventEntity, 'id'> = {
    dossierId: dossier.id,
    action,
    fromStatus: dossier.status,
    toStatus: to,
    at,
    actorSubject: caller.sub ?? '',
    actorRole: caller.role,
    actorUnit: caller.unit ?? '',
    actorOfficialId: caller.officialId ?? null,
    stepPosition,
    details,
    // An official's row belongs to their unit; a citizen's, to the dossier's owner.
    ownerPath: caller.unit ?? dossier.ownerPath,
  };
  await insertEvent(manager, event);
}
