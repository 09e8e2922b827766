import type { EntityManager } from 'typeorm';
import { DutyShiftEntity, type Shift } from './entities/duty-shift.entity';

export function dutyShiftById(db: EntityManager, id: string): Promise<DutyShiftEntity | null> {
  return db.findOneBy(DutyShiftEntity, { id });
}

/** The unit where the official is already on duty for that shift of that day, or null. */
export async function dutyUnitOf(db: EntityManager, officialId: string, date: string, shift: Shift): Promise<string | null> {
  const [busy]: { unit_code: string }[] = await db.query(`SELECT unit_code FROM duty_shift WHERE official_id = $1 AND date = $2 AND shift = $3`, [
    officialId,
    date,
    shift,
  ]);
  return busy?.unit_code ?? null;
}

export async function insertDutyShift(db: EntityManager, shift: DutyShiftEntity): Promise<void> {
  await db.insert(DutyShiftEntity, shift);
}

export async function deleteDutyShift(db: EntityManager, id: string): Promise<void> {
  await db.delete(DutyShiftEntity, { id });
}

/** A reception unit's shifts from `from` to `to`, day by day, mornings first. */
export function rosterOf(db: EntityManager, unitCode: string, from: string, to: string): Promise<DutyShiftEntity[]> {
  return db
    .getRepository(DutyShiftEntity)
    .createQueryBuilder('d')
    .where('d.unit_code = :unit AND d.date BETWEEN :from AND :to', { unit: unitCode, from, to })
    .orderBy('d.date')
    .addOrderBy('d.shift', 'DESC') // MORNING before AFTERNOON
    .addOrderBy('d.role', 'ASC')
    .addOrderBy('d.id')
    .getMany();
}
