import type { WorkingCalendar } from '../../shared/calendar';
import { uuidFrom } from '../../shared/ids';
import type { AdministrativeUnitEntity } from '../../subgraphs/catalogue/src/store/entities/administrative-unit.entity';
import type { ProcedureVariantEntity } from '../../subgraphs/catalogue/src/store/entities/procedure-variant.entity';
import { workingHours } from '../../subgraphs/catalogue/src/procedures/content';
import { playing } from '../../subgraphs/catalogue/src/units/competent';
import type { DossierEventEntity } from '../../subgraphs/dossiers/src/store/entities/dossier-event.entity';
import type { DossierStepEntity } from '../../subgraphs/dossiers/src/store/entities/dossier-step.entity';
import type { DossierEntity } from '../../subgraphs/dossiers/src/store/entities/dossier.entity';
import type { DossierStatus } from '../../subgraphs/dossiers/src/status';

/** What the demo knows of a dossier before its lifecycle is played out. */
export interface Played {
  dossier: DossierEntity;
  variant: ProcedureVariantEntity;
  /** The administrative units of the matter's area, province first: role steps go to them. */
  area: AdministrativeUnitEntity[];
  units: Map<string, AdministrativeUnitEntity>;
  /** Who acted at the desk, as a signed-in subject. */
  deskOfficial: string;
  /** 0–1: which step absorbs a late dossier's delay. */
  roll: number;
}

export type DemoEvent = Omit<DossierEventEntity, 'id'>;

const OPEN_AT_STEP: ReadonlySet<DossierStatus> = new Set(['PROCESSING', 'SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION']);
const FINISHED: ReadonlySet<DossierStatus> = new Set(['PROCESSED', 'RESULT_RETURNED']);

/**
 * Lays out a demo dossier's liên thông steps and its history as the real actions would have
 * written them. A finished dossier's steps share its working time in proportion to their
 * allotments; when it ran over, one step (the district's, mostly) takes the whole delay, so the
 * demo shows who was late.
 */
export function playLifecycle(
  { dossier, variant, area, units, deskOfficial, roll }: Played,
  calendar: WorkingCalendar,
  until: Date,
): { steps: DossierStepEntity[]; events: DemoEvent[] } {
  const steps: DossierStepEntity[] = variant.process.map((step, i) => {
    const tier = area.find((u) => u.level === step.level)!;
    const unit = step.unitCode
      ? units.get(step.unitCode)!
      : playing(
          step.role,
          tier,
          [...units.values()].filter((u) => u.parentCode === tier.code),
        )!;
    return {
      id: uuidFrom(`dossier-step:${dossier.id}:${i + 1}`),
      dossierId: dossier.id,
      position: i + 1,
      title: step.title,
      level: step.level,
      unitCode: unit.code,
      role: step.role,
      allottedHours: workingHours(step.time),
      finishedAt: null,
      handlerId: null,
      ownerPath: unit.path,
    };
  });
  const events: DemoEvent[] = [];
  const event = (
    action: string,
    from: DossierStatus | null,
    to: DossierStatus,
    at: Date,
    unit: string,
    stepPosition: number | null = null,
    details: object = {},
  ) =>
    events.push({
      dossierId: dossier.id,
      action,
      fromStatus: from,
      toStatus: to,
      at,
      actorSubject: deskOfficial,
      actorRole: 'OFFICIAL',
      actorUnit: unit,
      // The desk's own actions are its official's; the demo names no official of the other units.
      actorOfficialId: unit === dossier.ownerPath ? dossier.handlerId : null,
      stepPosition,
      details,
      ownerPath: unit,
    });

  const status = dossier.status;
  if (status === 'NEW') return { steps, events };
  event('receive', null, 'RECEIVED', dossier.receivedAt, dossier.ownerPath, null, { form: '01' });
  if (status === 'NOT_RECEIVED') {
    event('refuse', 'RECEIVED', 'NOT_RECEIVED', dossier.finishedAt!, dossier.ownerPath, null, {
      form: '03',
      reason: 'Hồ sơ không thuộc thẩm quyền giải quyết.',
    });
    return { steps, events };
  }
  if (status === 'RECEIVED') return { steps, events };

  const transferred = calendar.addWorkingHours(dossier.receivedAt, 1);
  event('transfer', 'RECEIVED', 'PROCESSING', transferred, dossier.ownerPath);
  const end =
    FINISHED.has(status) || status === 'WITHDRAWN' || status === 'STOPPED'
      ? dossier.finishedAt!
      : new Date(Math.min(until.getTime(), dossier.dueAt?.getTime() ?? until.getTime()));
  const total = calendar.workingHoursBetween(dossier.receivedAt, end);
  const allotted = steps.reduce((sum, s) => sum + s.allottedHours, 0);
  // The step that carries a late dossier's delay: the district's when there is one.
  const culprit = steps.find((s) => s.level === 'DISTRICT' && roll < 0.8) ?? steps[Math.floor(roll * steps.length)];
  const over = Math.max(0, total - allotted);
  // Open dossiers stop partway: the steps before the current one are done.
  const doneCount = FINISHED.has(status) ? steps.length : Math.floor(roll * steps.length);
  let at = dossier.receivedAt;
  for (const step of steps.slice(0, doneCount)) {
    const share = over > 0 ? step.allottedHours * 0.9 + (step === culprit ? over + allotted * 0.1 : 0) : (step.allottedHours * total) / allotted;
    at = calendar.addWorkingHours(at, share);
    step.finishedAt = at > end ? end : at;
    if (step.position < steps.length)
      event('completeStep', 'PROCESSING', 'PROCESSING', step.finishedAt, step.ownerPath, step.position, { step: step.title });
  }
  if (steps.length && OPEN_AT_STEP.has(status)) dossier.currentStep = Math.min(doneCount + 1, steps.length);
  if (status === 'SUPPLEMENT_REQUESTED')
    event('requestSupplement', 'PROCESSING', 'SUPPLEMENT_REQUESTED', dossier.pausedAt!, dossier.ownerPath, dossier.currentStep, {
      form: '02',
      missingItems: ['Bản sao giấy tờ chứng minh nơi cư trú'],
    });
  if (status === 'FINANCIAL_OBLIGATION')
    event('requestFinancialObligation', 'PROCESSING', 'FINANCIAL_OBLIGATION', end, dossier.ownerPath, dossier.currentStep, { amountVnd: 500000 });
  if (status === 'WITHDRAWN') event('withdraw', 'PROCESSING', 'WITHDRAWN', end, dossier.ownerPath, null, { reason: 'Công dân xin rút hồ sơ.' });
  if (status === 'STOPPED')
    event('stop', 'PROCESSING', 'STOPPED', end, dossier.ownerPath, null, { reason: 'Người nộp không bổ sung hồ sơ trong thời hạn.' });
  if (FINISHED.has(status)) {
    const deciding = steps.at(-1)?.ownerPath ?? dossier.ownerPath;
    event('resolve', 'PROCESSING', 'PROCESSED', dossier.finishedAt!, deciding, steps.length || null, { outcome: dossier.outcome });
  }
  if (status === 'RESULT_RETURNED')
    event('returnResult', 'PROCESSED', 'RESULT_RETURNED', dossier.returnedAt!, dossier.ownerPath, null, { method: dossier.returnMethod });
  return { steps, events };
}
