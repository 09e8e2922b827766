import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import type { Peers } from '../../../../shared/peers';
import type { DutyRole, DutyShiftEntity, Shift } from '../store/entities/duty-shift.entity';
import { deleteDutyShift, dutyShiftById, dutyUnitOf, insertDutyShift } from '../store/roster';
import { secondedTo } from '../store/secondments';
import { findOfficial, requireOwner } from './officials';
import { isWithin, parentPath } from '../../../../shared/units';
import { lookUpUnits } from '../../../../shared/unit-lookups';
import { requireCentre } from './units';

export interface NewDutyShift {
  unitCode: string;
  date: string;
  shift: Shift;
  officialId: string;
  role: DutyRole;
}

/**
 * Puts an official on duty at a reception unit for a shift. Who may sit there: an official
 * seconded to it that day, its own staff, a leader of the administrative unit it serves (the
 * commune's or district's leaders take turns), and at a commune desk the commune's officials.
 */
export async function addDutyShift(manager: EntityManager, peers: Peers, input: NewDutyShift): Promise<string> {
  const { 'input.unitCode': desk } = await lookUpUnits(peers, { 'input.unitCode': input.unitCode });
  requireCentre(desk, 'input.unitCode');
  await requireOwner(manager, desk.path, `The duty roster of ${desk.name}`, 'input.unitCode');
  const official = await findOfficial(manager, input.officialId, 'input.officialId');
  if (input.role === 'LEADER_ON_DUTY' && !official.isLeader)
    throw badInput('input.role', `${official.fullName} is not a leader; put them on RECEPTION duty.`);

  const seconded = await secondedTo(manager, official.id, desk.code, input.date);
  const servedUnit = parentPath(desk.path) ?? desk.path;
  const local =
    isWithin(official.ownerPath, desk.path) || (isWithin(official.ownerPath, servedUnit) && (official.isLeader || desk.level === 'COMMUNE'));
  if (!seconded && !local) {
    throw conflict(
      `${official.fullName} is neither seconded to ${desk.name} on ${input.date} nor one of its own staff or leaders.`,
      'input.officialId',
    );
  }
  const busy = await dutyUnitOf(manager, official.id, input.date, input.shift);
  if (busy) throw conflict(`${official.fullName} is already on duty at ${busy} on ${input.date} (${input.shift}).`, 'input.shift');
  const id = randomUUID();
  await insertDutyShift(manager, {
    id,
    unitCode: desk.code,
    date: input.date,
    shift: input.shift,
    officialId: official.id,
    role: input.role,
    ownerPath: desk.path,
  });
  return id;
}

/** Takes a shift off the roster; answers with the shift as it was. */
export async function removeDutyShift(manager: EntityManager, input: { dutyShiftId: string }): Promise<DutyShiftEntity> {
  const shift = await dutyShiftById(manager, parseId(input.dutyShiftId, 'input.dutyShiftId'));
  if (!shift) throw notFound(`No duty shift has id ${input.dutyShiftId}.`, 'input.dutyShiftId');
  await requireOwner(manager, shift.ownerPath, `The duty roster of ${shift.unitCode}`, 'input.dutyShiftId');
  await deleteDutyShift(manager, shift.id);
  return shift;
}
