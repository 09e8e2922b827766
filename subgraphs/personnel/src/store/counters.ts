import type { EntityManager } from 'typeorm';
import { CounterAssignmentEntity } from './entities/counter-assignment.entity';
import { CounterEntity } from './entities/counter.entity';

export function counterById(db: EntityManager, id: string): Promise<CounterEntity | null> {
  return db.findOneBy(CounterEntity, { id });
}

/** A centre's counters, by number. */
export function countersOfCentre(db: EntityManager, centreCode: string): Promise<CounterEntity[]> {
  return db.getRepository(CounterEntity).find({ where: { centreCode }, order: { number: 'ASC' } });
}

/** Whether the centre already has a counter with this number. */
export function counterNumberTaken(db: EntityManager, centreCode: string, number: number): Promise<boolean> {
  return db.existsBy(CounterEntity, { centreCode, number });
}

export async function insertCounter(db: EntityManager, counter: CounterEntity): Promise<void> {
  await db.insert(CounterEntity, counter);
}

export async function updateCounter(db: EntityManager, id: string, values: Partial<Pick<CounterEntity, 'isOpen'>>): Promise<void> {
  await db.update(CounterEntity, { id }, values);
}

export function assignmentById(db: EntityManager, id: string): Promise<CounterAssignmentEntity | null> {
  return db.findOneBy(CounterAssignmentEntity, { id });
}

/** Where an official already sits at a counter during a period. */
export interface AssignmentClash {
  number: number;
  centreCode: string;
  start: string;
  end: string | null;
}

/** A counter assignment of the official that meets the days from `startDate` to `endDate` (null: open-ended), if any. */
export async function assignmentClash(
  db: EntityManager,
  officialId: string,
  startDate: string,
  endDate: string | null,
): Promise<AssignmentClash | null> {
  const [clash]: AssignmentClash[] = await db.query(
    `SELECT c.number, c.centre_code AS "centreCode", a.start_date::text AS start, a.end_date::text AS "end"
       FROM counter_assignment a JOIN counter c ON c.id = a.counter_id
      WHERE a.official_id = $1 AND a.term && daterange($2::date, $3::date, '[]') LIMIT 1`,
    [officialId, startDate, endDate],
  );
  return clash ?? null;
}

export async function insertAssignment(db: EntityManager, assignment: CounterAssignmentEntity): Promise<void> {
  await db.insert(CounterAssignmentEntity, assignment);
}

export async function updateAssignment(db: EntityManager, id: string, values: Partial<Pick<CounterAssignmentEntity, 'endDate'>>): Promise<void> {
  await db.update(CounterAssignmentEntity, { id }, values);
}
