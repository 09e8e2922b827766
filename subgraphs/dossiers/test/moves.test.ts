import { WorkingCalendar } from '../../../shared/calendar';
import type { Situation } from '../src/lifecycle/actions';
import { MOVES, type MoveInput } from '../src/lifecycle/moves';
import type { DossierStepEntity } from '../src/store/entities/dossier-step.entity';
import type { DossierEntity } from '../src/store/entities/dossier.entity';

/** Instants written as a Vietnamese official would: local time, +07:00. */
const vn = (local: string) => new Date(`${local}:00+07:00`);

/** A dossier received Monday 2 November 2026 at 08:00, due Wednesday 4 November at 17:00, being processed. */
const PROCESSING_DOSSIER: DossierEntity = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'H27.01-261102-0001',
  procedureId: '00000000-0000-4000-8000-000000000002',
  procedureVersionId: null,
  onlineLevel: null,
  caseVariantId: null,
  fieldCode: null,
  receivingUnitCode: '09238',
  handlerId: null,
  receivingCounterNumber: null,
  applicantKind: 'PERSON',
  applicantPublicName: 'Nguyễn V. A.',
  channel: 'IN_PERSON',
  status: 'PROCESSING',
  receivedAt: vn('2026-11-02T08:00'),
  dueAt: vn('2026-11-04T17:00'),
  finishedAt: null,
  ownerPath: '27.259.09238',
  documents: [],
  areaUnitCode: null,
  timeLimitHours: 24,
  currentStep: 1,
  pausedAt: null,
  supplementCount: 0,
  feeOwedVnd: null,
  feePaidVnd: null,
  catalogueFeeVnd: null,
  ratingSecret: '0123456789abcdef',
  rescheduled: false,
  outcome: null,
  returnedAt: null,
  returnMethod: null,
  submittedAt: null,
  filedBy: null,
  version: 3,
};

const step = (position: number, unitCode: string, handlerId: string | null = null): DossierStepEntity => ({
  id: `00000000-0000-4000-8000-00000000010${position}`,
  dossierId: PROCESSING_DOSSIER.id,
  position,
  title: `Bước ${position}`,
  level: 'COMMUNE',
  unitCode,
  role: null,
  allottedHours: 8,
  finishedAt: null,
  handlerId,
  ownerPath: `27.259.${unitCode}`,
});
const TWO_STEPS = [step(1, '09238', 'official-1'), step(2, '09241')];

function situation(dossier: Partial<DossierEntity>, now: Date, steps: DossierStepEntity[] = TWO_STEPS): Situation {
  const merged = { ...PROCESSING_DOSSIER, ...dossier };
  return { dossier: merged, steps, active: steps.find((s) => s.position === merged.currentStep) ?? null, actingOfficialId: 'official-9', now };
}

/** The coded error an effect throws, as a client reads it. */
function refusal(effect: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    effect();
  } catch (error) {
    const { extensions, message } = error as { extensions: Record<string, unknown>; message: string };
    return { code: extensions.code, field: extensions.field, message };
  }
  throw new Error('expected the move to be refused');
}

describe('the effect of each lifecycle action', () => {
  const calendar = new WorkingCalendar();
  const monday = vn('2026-11-02T10:00');

  describe('refusing, withdrawing and stopping', () => {
    it('refuses to refuse a dossier without a reason, naming input.reason', () => {
      for (const reason of [undefined, null, '', '   ']) {
        expect(refusal(() => MOVES.refuse(situation({ status: 'NEW' }, monday), { reason }, calendar))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.reason',
        });
      }
    });

    it('records the reason on form 03 and closes the dossier at once', () => {
      expect(MOVES.refuse(situation({ status: 'NEW' }, monday), { reason: '  Thiếu tờ khai  ' }, calendar)).toEqual({
        dossier: { finishedAt: monday },
        details: { form: '03', reason: 'Thiếu tờ khai' },
      });
    });

    it('asks the applicant’s reason for withdrawing and the leader’s for stopping', () => {
      expect(refusal(() => MOVES.withdraw(situation({}, monday), {}, calendar)).field).toBe('input.reason');
      expect(refusal(() => MOVES.stop(situation({}, monday), { reason: ' ' }, calendar)).field).toBe('input.reason');
      expect(MOVES.stop(situation({}, monday), { reason: 'Hồ sơ giả mạo' }, calendar)).toEqual({
        dossier: { finishedAt: monday, currentStep: null },
        details: { reason: 'Hồ sơ giả mạo' },
      });
    });
  });

  describe('a supplement request and its reception', () => {
    it('lists every missing document at once, or is refused on input.missingItems', () => {
      expect(refusal(() => MOVES.requestSupplement(situation({}, monday), { missingItems: [' ', ''] }, calendar))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.missingItems',
      });
    });

    it('stops the clock when asked and counts the request', () => {
      expect(MOVES.requestSupplement(situation({ supplementCount: 1 }, monday), { missingItems: ['Tờ khai '] }, calendar)).toEqual({
        dossier: { pausedAt: monday, supplementCount: 2 },
        details: { form: '02', missingItems: ['Tờ khai'], note: null },
      });
    });

    it('resumes the clock with the working time that was left when it stopped', () => {
      // Paused Monday 2/11 08:00 with 3.5 + 3.5 + 8 + 8 = 23 working hours to the appointment (Wednesday 4/11 17:00).
      // Received Monday 9/11 08:00: 7 h that day, 8 h on Tuesday, the last 8 h end Wednesday 11/11 at 17:00.
      const paused = situation({ pausedAt: vn('2026-11-02T08:00'), status: 'SUPPLEMENT_REQUESTED' }, vn('2026-11-09T08:00'));
      const effect = MOVES.receiveSupplement(paused, { handedIn: ['Tờ khai'] }, calendar);
      expect(effect.dossier).toEqual({ dueAt: vn('2026-11-11T17:00'), pausedAt: null, currentStep: 1 });
      // The week it waited: 7 h on 2/11, four full days, and 07:00–08:00 on 9/11.
      expect(effect.details).toEqual({ handedIn: ['Tờ khai'], pausedWorkingHours: 40 });
    });

    it('sends a dossier paused before transfer to its first step', () => {
      const paused = situation({ status: 'SUPPLEMENT_REQUESTED', currentStep: null, pausedAt: monday }, vn('2026-11-03T10:00'));
      expect(MOVES.receiveSupplement(paused, { handedIn: ['Tờ khai'] }, calendar).dossier?.currentStep).toBe(1);
    });

    it('checks what was handed in against form 02, refusing an empty list on input.handedIn', () => {
      const paused = situation({ status: 'SUPPLEMENT_REQUESTED', pausedAt: monday }, vn('2026-11-03T10:00'));
      expect(refusal(() => MOVES.receiveSupplement(paused, { handedIn: [] }, calendar))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.handedIn',
      });
    });
  });

  describe('rescheduling (form 04)', () => {
    const input: MoveInput = { reason: 'Chờ ý kiến sở', newDueAt: vn('2026-11-10T17:00') };

    it('is refused with CONFLICT when less than one working day is left before the appointment', () => {
      // Wednesday 4/11 10:00 to 17:00 the same day: 1.5 + 3.5 = 5 working hours.
      const late = refusal(() => MOVES.reschedule(situation({}, vn('2026-11-04T10:00')), input, calendar));
      expect(late).toMatchObject({ code: 'CONFLICT', field: 'input.dossierId' });
      expect(late.message).toContain('5 working hours are left');
    });

    it('moves the appointment with a day or more left, keeping the previous one on the form', () => {
      // Tuesday 3/11 16:00: 1 h that day and 8 h on Wednesday.
      expect(MOVES.reschedule(situation({}, vn('2026-11-03T16:00')), input, calendar)).toEqual({
        dossier: { dueAt: input.newDueAt, rescheduled: true },
        details: { form: '04', reason: 'Chờ ý kiến sở', previousDueAt: vn('2026-11-04T17:00'), newDueAt: input.newDueAt },
      });
    });

    it('happens once: a second reschedule is CONFLICT', () => {
      expect(refusal(() => MOVES.reschedule(situation({ rescheduled: true }, monday), input, calendar)).code).toBe('CONFLICT');
    });

    it('needs a new appointment after the current one', () => {
      const earlier = { ...input, newDueAt: vn('2026-11-04T09:00') };
      expect(refusal(() => MOVES.reschedule(situation({}, monday), earlier, calendar))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.newDueAt',
      });
    });
  });

  describe('steps and the decision', () => {
    it('refuses to resolve while steps are left, with CONFLICT', () => {
      const resolving = refusal(() => MOVES.resolve(situation({ currentStep: 1 }, monday), { outcome: 'APPROVED' }, calendar));
      expect(resolving).toMatchObject({ code: 'CONFLICT', field: 'input.dossierId' });
      expect(resolving.message).toContain('Steps 1–2 are still to do');
    });

    it('resolves on the last step, finishing it in the name of whoever did the work', () => {
      const effect = MOVES.resolve(situation({ currentStep: 2 }, monday), { outcome: 'APPROVED' }, calendar);
      expect(effect).toEqual({
        dossier: { finishedAt: monday, outcome: 'APPROVED', currentStep: null },
        step: { finishedAt: monday, handlerId: 'official-9' },
        details: { outcome: 'APPROVED', reason: null },
      });
    });

    it('needs a reason to refuse the request itself', () => {
      expect(refusal(() => MOVES.resolve(situation({ currentStep: 2 }, monday), { outcome: 'REFUSED' }, calendar)).field).toBe('input.reason');
    });

    it('hands a finished step to the next step’s unit, crediting the step’s handler', () => {
      expect(MOVES.completeStep(situation({ currentStep: 1 }, monday), {}, calendar)).toEqual({
        dossier: { currentStep: 2, handlerId: null },
        step: { finishedAt: monday, handlerId: 'official-1' },
        details: { step: 'Bước 1', handedTo: '09241', note: null },
      });
    });

    it('refuses to complete the last step: the dossier is resolved instead', () => {
      expect(refusal(() => MOVES.completeStep(situation({ currentStep: 2 }, monday), {}, calendar)).code).toBe('CONFLICT');
    });
  });

  it('sets the appointment from the working calendar on accepting an online dossier', () => {
    // Friday 6/11 16:00 with 16 working hours: 1 h on Friday, 8 h on Monday, 7 h on Tuesday.
    const accepted = MOVES.accept(situation({ status: 'NEW', timeLimitHours: 16 }, vn('2026-11-06T16:00')), {}, calendar);
    expect(accepted.dossier).toEqual({ receivedAt: vn('2026-11-06T16:00'), dueAt: vn('2026-11-10T16:00') });
  });
});
