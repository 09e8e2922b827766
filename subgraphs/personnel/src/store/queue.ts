import type { EntityManager } from 'typeorm';
import { nextOfDay } from '../../../../shared/daily-numbers';
import { QueueTicketEntity } from './entities/queue-ticket.entity';

/** The day's next number at a centre (the kernel's daily sequence). */
export function nextTicketNumber(db: EntityManager, centreCode: string, day: string, ownerPath: string): Promise<number> {
  return nextOfDay(db, { table: 'queue_number_sequence', keyColumn: 'centre_code' }, centreCode, day, ownerPath);
}

export async function insertTicket(db: EntityManager, ticket: QueueTicketEntity): Promise<void> {
  await db.insert(QueueTicketEntity, ticket);
}

/** The ticket a counter called and has not finished with is served once it calls the next. */
export async function serveCalled(db: EntityManager, counterId: string, day: string, at: Date): Promise<void> {
  await db.query(`UPDATE queue_ticket SET state = 'SERVED', served_at = $3 WHERE counter_id = $1 AND day = $2 AND state = 'CALLED'`, [
    counterId,
    day,
    at,
  ]);
}

/**
 * Calls the lowest waiting number of the fields a counter serves (any field, when it names none):
 * a ticket another counter is claiming at the same moment is skipped, never taken twice.
 */
export async function claimNextTicket(
  db: EntityManager,
  centreCode: string,
  day: string,
  fieldCodes: string[],
  counterId: string,
  at: Date,
): Promise<string | null> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [rows]: [{ id: string }[], number] = await db.query(
    `UPDATE queue_ticket SET state = 'CALLED', counter_id = $4, called_at = $5
      WHERE id = (SELECT id FROM queue_ticket
                   WHERE centre_code = $1 AND day = $2 AND state = 'WAITING' AND (cardinality($3::text[]) = 0 OR field_code = ANY ($3::text[]))
                   ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [centreCode, day, fieldCodes, counterId, at],
  );
  return rows[0]?.id ?? null;
}

/** The tickets of centres' days, keys `centreCode|day`, by number. */
export function ticketsOfDays(db: EntityManager, keys: { centreCode: string; day: string }[]): Promise<QueueTicketEntity[]> {
  return db
    .createQueryBuilder(QueueTicketEntity, 't')
    .where(`(t.centre_code, t.day::text) IN (SELECT * FROM unnest(:centres::text[], :days::text[]))`, {
      centres: keys.map((k) => k.centreCode),
      days: keys.map((k) => k.day),
    })
    .orderBy('t.number', 'ASC')
    .getMany();
}
