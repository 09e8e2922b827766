import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import type { Peers } from '../../../../shared/peers';
import type { CounterEntity } from '../store/entities/counter.entity';
import { coversDay, lastDay } from './terms';
import {
  assignmentById,
  assignmentClash,
  counterById,
  counterNumberTaken,
  insertAssignment,
  insertCounter,
  updateAssignment,
  updateCounter,
} from '../store/counters';
import { secondmentsOfOfficial } from '../store/secondments';
import { findOfficial, requireOwner } from './officials';
import { lookUpUnits } from '../../../../shared/unit-lookups';
import { requireCentre, unknownFields } from './units';

export interface NewCounter {
  centreCode: string;
  number: number;
  name: string;
  fieldCodes: string[];
  procedureIds?: string[] | null;
}

export interface Assignment {
  counterId: string;
  officialId: string;
  startDate: string;
  endDate?: string | null;
}

async function findCounter(manager: EntityManager, id: string, field: string): Promise<CounterEntity> {
  const counter = await counterById(manager, parseId(id, field));
  if (!counter) throw notFound(`No counter has id ${id}.`, field);
  return counter;
}

export async function addCounter(manager: EntityManager, peers: Peers, input: NewCounter): Promise<string> {
  if (!Number.isInteger(input.number) || input.number < 1 || input.number > 999)
    throw badInput('input.number', `Counter numbers run from 1 to 999; got ${input.number}.`);
  const name = input.name.trim();
  if (!name) throw badInput('input.name', 'Give the counter a name, e.g. "Quầy Tư pháp – Hộ tịch".');
  const procedureIds = (input.procedureIds ?? []).map((id, i) => parseId(id, `input.procedureIds[${i}]`));
  const { 'input.centreCode': centre } = await lookUpUnits(peers, { 'input.centreCode': input.centreCode });
  requireCentre(centre, 'input.centreCode');
  await requireOwner(manager, centre.path, `The counters of ${centre.name}`, 'input.centreCode');
  const unknown = await unknownFields(peers, input.fieldCodes);
  if (unknown.length) throw badInput(`input.fieldCodes[${input.fieldCodes.indexOf(unknown[0])}]`, `No field has code ${unknown.join(', ')}.`);
  if (await counterNumberTaken(manager, centre.code, input.number)) {
    throw conflict(`${centre.name} already has a counter number ${input.number}.`, 'input.number');
  }
  const id = randomUUID();
  await insertCounter(manager, {
    id,
    centreCode: centre.code,
    number: input.number,
    name,
    fieldCodes: [...new Set(input.fieldCodes)],
    procedureIds,
    isOpen: true,
    ownerPath: centre.path,
  });
  return id;
}

export async function setCounterOpen(manager: EntityManager, input: { counterId: string; isOpen: boolean }): Promise<string> {
  const counter = await findCounter(manager, input.counterId, 'input.counterId');
  await requireOwner(manager, counter.ownerPath, `Counter ${counter.number} of ${counter.centreCode}`, 'input.counterId');
  await updateCounter(manager, counter.id, { isOpen: input.isOpen });
  return counter.id;
}

/**
 * Sits a seconded official at a counter of the centre they are seconded to, for a period inside
 * that secondment, at one counter at a time. An assignment with no end lasts as long as the
 * secondment's term.
 */
export async function assignCounter(manager: EntityManager, input: Assignment): Promise<string> {
  const counter = await findCounter(manager, input.counterId, 'input.counterId');
  await requireOwner(manager, counter.ownerPath, `Counter ${counter.number} of ${counter.centreCode}`, 'input.counterId');
  const official = await findOfficial(manager, input.officialId, 'input.officialId');
  if (input.endDate && input.endDate < input.startDate)
    throw badInput('input.endDate', `The end ${input.endDate} is before the start ${input.startDate}.`);

  const secondments = await secondmentsOfOfficial(manager, official.id);
  const atStart = secondments.filter((s) => coversDay(s, input.startDate));
  const secondment = atStart.find((s) => s.centreCode === counter.centreCode);
  if (!secondment) {
    const elsewhere = atStart[0];
    if (elsewhere)
      throw badInput(
        'input.counterId',
        `${official.fullName} is seconded to ${elsewhere.centreCode} on ${input.startDate}; counter ${counter.number} belongs to ${counter.centreCode}.`,
      );
    throw conflict(
      `${official.fullName} is not seconded to ${counter.centreCode} on ${input.startDate}; an official sits at a counter only while seconded to its centre.`,
      'input.startDate',
    );
  }
  const end = input.endDate ?? lastDay(secondment);
  const secondmentEnd = lastDay(secondment);
  if (secondmentEnd && (end === null || end > secondmentEnd)) {
    throw conflict(
      `${official.fullName}'s secondment ${secondment.decisionNumber} ends on ${secondmentEnd}; the assignment must end by then.`,
      'input.endDate',
    );
  }
  const clash = await assignmentClash(manager, official.id, input.startDate, end);
  if (clash) {
    const seat = `counter ${clash.number} of ${clash.centreCode} from ${clash.start} to ${clash.end ?? 'further notice'}`;
    throw conflict(`${official.fullName} already sits at ${seat}; an official sits at one counter at a time.`, 'input.startDate');
  }
  const id = randomUUID();
  await insertAssignment(manager, {
    id,
    counterId: counter.id,
    officialId: official.id,
    secondmentId: secondment.id,
    startDate: input.startDate,
    endDate: end,
    ownerPath: counter.ownerPath,
  });
  return id;
}

export async function endCounterAssignment(manager: EntityManager, input: { assignmentId: string; endDate: string }): Promise<string> {
  const assignment = await assignmentById(manager, parseId(input.assignmentId, 'input.assignmentId'));
  if (!assignment) throw notFound(`No counter assignment has id ${input.assignmentId}.`, 'input.assignmentId');
  await requireOwner(manager, assignment.ownerPath, 'This counter assignment', 'input.assignmentId');
  if (input.endDate < assignment.startDate)
    throw badInput('input.endDate', `The end ${input.endDate} is before the assignment started (${assignment.startDate}).`);
  if (assignment.endDate && input.endDate > assignment.endDate)
    throw badInput('input.endDate', `The assignment already ends on ${assignment.endDate}.`);
  await updateAssignment(manager, assignment.id, { endDate: input.endDate });
  return assignment.id;
}
