import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { addDays } from '../../../../shared/calendar';
import { badInput, conflict, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import type { Peers } from '../../../../shared/peers';
import type { OfficialEntity } from '../store/entities/official.entity';
import { type SecondmentEntity, type SecondmentKind } from '../store/entities/secondment.entity';
import { lastDay } from './terms';
import { insertSecondment, overlappingSecondment, secondmentById, updateSecondment } from '../store/secondments';
import { findOfficial, requireOwner } from './officials';
import { lookUpUnits, type CatalogueUnit } from '../../../../shared/unit-lookups';
import { requireCentre } from './units';

interface Decision {
  decisionNumber: string;
  decisionDate: string;
  startDate: string;
  plannedEndDate?: string | null;
}

export interface SecondInput extends Decision {
  officialId: string;
  centreCode: string;
  kind: SecondmentKind;
}

export interface EndInput {
  secondmentId: string;
  endDate: string;
  reason: string;
  replacement?: (Omit<Decision, 'startDate'> & { officialId: string; startDate?: string | null }) | null;
}

const describe = (s: SecondmentEntity) => `${s.decisionNumber} (${s.startDate} – ${lastDay(s) ?? 'no end date'}, ${s.centreCode})`;

/** Checks and writes one secondment; `at` is the input path of its fields (`input` or `input.replacement`). */
async function second(
  manager: EntityManager,
  official: OfficialEntity,
  centre: Pick<CatalogueUnit, 'code' | 'path'>,
  kind: SecondmentKind,
  decision: Decision,
  at: string,
  replacesId: string | null,
): Promise<SecondmentEntity> {
  await requireOwner(manager, official.ownerPath, `Official ${official.fullName}`, `${at}.officialId`);
  if (official.employmentStatus !== 'ACTIVE')
    throw conflict(`${official.fullName} is ${official.employmentStatus}; only an active official can be seconded.`, `${at}.officialId`);
  if (!decision.decisionNumber.trim()) throw badInput(`${at}.decisionNumber`, 'Give the number of the secondment decision.');
  if (decision.plannedEndDate && decision.plannedEndDate < decision.startDate) {
    throw badInput(`${at}.plannedEndDate`, `The planned end ${decision.plannedEndDate} is before the start ${decision.startDate}.`);
  }
  const plannedEnd = decision.plannedEndDate ?? null;
  const other = await overlappingSecondment(manager, official.id, decision.startDate, plannedEnd);
  if (other) {
    throw conflict(`${official.fullName} is already seconded under ${describe(other)}; end it first or start after it.`, `${at}.startDate`);
  }
  const row: SecondmentEntity = {
    id: randomUUID(),
    officialId: official.id,
    homeAgencyCode: official.homeAgencyCode,
    centreCode: centre.code,
    centrePath: centre.path,
    kind,
    decisionNumber: decision.decisionNumber.trim(),
    decisionDate: decision.decisionDate,
    startDate: decision.startDate,
    plannedEndDate: plannedEnd,
    actualEndDate: null,
    endReason: null,
    replacesId,
    replacedById: null,
    ownerPath: official.ownerPath,
  };
  await insertSecondment(manager, row);
  return row;
}

/** Cử biệt phái: the home agency sends one of its officials to a centre. */
export async function secondOfficial(manager: EntityManager, peers: Peers, input: SecondInput): Promise<string> {
  const official = await findOfficial(manager, input.officialId, 'input.officialId');
  const { 'input.centreCode': centre } = await lookUpUnits(peers, { 'input.centreCode': input.centreCode });
  return (await second(manager, official, requireCentre(centre, 'input.centreCode'), input.kind, input, 'input', null)).id;
}

/**
 * Ends a secondment on `endDate` — early, for a reason such as a violation — and, when a
 * replacement is named, seconds them to the same centre from the next day. Nothing is deleted:
 * the ended secondment keeps its dates and reason and points to its replacement.
 */
export async function endSecondment(manager: EntityManager, input: EndInput): Promise<string> {
  const ended = await secondmentById(manager, parseId(input.secondmentId, 'input.secondmentId'));
  if (!ended) throw notFound(`No secondment has id ${input.secondmentId}.`, 'input.secondmentId');
  await requireOwner(manager, ended.ownerPath, `Secondment ${ended.decisionNumber}`, 'input.secondmentId');
  if (ended.actualEndDate) throw conflict(`Secondment ${describe(ended)} already ended on ${ended.actualEndDate}.`, 'input.secondmentId');
  if (input.endDate < ended.startDate)
    throw badInput('input.endDate', `The end ${input.endDate} is before the secondment started (${ended.startDate}).`);
  if (ended.plannedEndDate && input.endDate > ended.plannedEndDate) {
    throw badInput(
      'input.endDate',
      `The end ${input.endDate} is after the planned end ${ended.plannedEndDate}; extending a secondment takes a new decision.`,
    );
  }
  const reason = input.reason.trim();
  if (!reason) throw badInput('input.reason', 'Give the reason the secondment ends (e.g. vi phạm quy chế, nghỉ hưu, hết thời hạn).');
  await updateSecondment(manager, ended.id, { actualEndDate: input.endDate, endReason: reason });

  if (input.replacement) {
    const { replacement } = input;
    const official = await findOfficial(manager, replacement.officialId, 'input.replacement.officialId');
    const startDate = replacement.startDate ?? addDays(input.endDate, 1);
    if (startDate <= input.endDate)
      throw badInput('input.replacement.startDate', `The replacement starts ${startDate}, before the ended secondment's last day ${input.endDate}.`);
    const next = await second(
      manager,
      official,
      { code: ended.centreCode, path: ended.centrePath },
      ended.kind,
      { ...replacement, startDate },
      'input.replacement',
      ended.id,
    );
    await updateSecondment(manager, ended.id, { replacedById: next.id });
  }
  return ended.id;
}
