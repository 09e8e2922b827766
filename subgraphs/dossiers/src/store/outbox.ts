import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Clock } from '../../../../shared/clock';
import { createDataSource } from '../../../../shared/db';
import { paginate, type Connection, type PageArgs } from '../../../../shared/connection';
import type { DossierStatus } from '../status';
import { DeliveryEntity, type DeliveryChannel } from './entities/delivery.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';

/** The delivery worker's connection: as a role that bypasses row-level security, since it delivers for every unit. */
export function openOutbox(url: string, clock?: Clock): Promise<DataSource> {
  return createDataSource({ service: 'delivery', url, entities: [DeliveryEntity, NotificationPreferenceEntity], poolSize: 4, clock }).initialize();
}

/** In the transaction that writes a history row: the outbox row the delivery worker will turn into messages. */
export async function addToOutbox(db: EntityManager, eventId: string, dossierId: string): Promise<void> {
  await db.query(`INSERT INTO outbox (event_id, dossier_id) VALUES ($1, $2)`, [eventId, dossierId]);
}

/** What the worker knows of a history row waiting in the outbox: the event, its dossier, who applied and how they want to hear. */
export interface WaitingEvent {
  outboxId: string;
  eventId: string;
  action: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  at: Date;
  details: Record<string, unknown>;
  dossierId: string;
  code: string;
  dueAt: Date | null;
  ownerPath: string;
  receivingUnitCode: string;
  applicantName: string | null;
  email: string | null;
  phone: string | null;
  /** The applicant's own choices (by citizen ID), if they made any. */
  preference: Pick<NotificationPreferenceEntity, 'email' | 'phone' | 'byEmail' | 'bySms' | 'byZalo'> | null;
}

/**
 * The oldest outbox rows not yet relayed, locked for this transaction; rows another worker holds
 * are skipped, so two workers relay different rows. The worker's role bypasses row-level security.
 */
export async function waitingEvents(db: EntityManager, limit: number): Promise<WaitingEvent[]> {
  const rows: (Omit<WaitingEvent, 'preference'> & { byEmail: boolean | null } & Record<string, unknown>)[] = await db.query(
    `SELECT o.id::text AS "outboxId", e.id::text AS "eventId", e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus",
            e.at, e.details, d.id AS "dossierId", d.code, d.due_at AS "dueAt", d.owner_path AS "ownerPath",
            d.receiving_unit_code AS "receivingUnitCode", a.name AS "applicantName", a.email, a.phone,
            p.email AS "preferredEmail", p.phone AS "preferredPhone", p.by_email AS "byEmail", p.by_sms AS "bySms", p.by_zalo AS "byZalo"
       FROM outbox o
       JOIN dossier_event e ON e.id = o.event_id
       JOIN dossier d ON d.id = o.dossier_id
       LEFT JOIN dossier_applicant a ON a.dossier_id = d.id
       LEFT JOIN notification_preference p ON p.citizen_id = coalesce(d.filed_by, a.id_number)
      WHERE o.relayed_at IS NULL
      ORDER BY o.id
      LIMIT $1
        FOR UPDATE OF o SKIP LOCKED`,
    [limit],
  );
  return rows.map(({ preferredEmail, preferredPhone, byEmail, bySms, byZalo, ...event }) => ({
    ...event,
    preference:
      byEmail === null
        ? null
        : {
            email: preferredEmail as string | null,
            phone: preferredPhone as string | null,
            byEmail,
            bySms: bySms as boolean,
            byZalo: byZalo as boolean,
          },
  }));
}

/** The transaction's own connection, as a queue library takes one (`executeSql`), so jobs are written with the rows they deliver. */
export async function transactionConnection(manager: EntityManager) {
  const client = (await manager.queryRunner!.connect()) as { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
  return { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
}

/** The messages of relayed events; a message already made for an event and channel is kept, not made twice. */
export async function insertDeliveries(db: EntityManager, deliveries: DeliveryEntity[]): Promise<string[]> {
  if (!deliveries.length) return [];
  const result = await db.createQueryBuilder().insert().into(DeliveryEntity).values(deliveries).orIgnore().returning('id').execute();
  return (result.raw as { id: string }[]).map((row) => row.id);
}

export async function markRelayed(db: EntityManager, outboxIds: string[], at: Date): Promise<void> {
  if (outboxIds.length) await db.query(`UPDATE outbox SET relayed_at = $2 WHERE id = ANY ($1::bigint[])`, [outboxIds, at]);
}

export function deliveryById(db: EntityManager, id: string): Promise<DeliveryEntity | null> {
  return db.findOneBy(DeliveryEntity, { id });
}

export async function markSent(db: EntityManager, id: string, at: Date): Promise<void> {
  await db.update(DeliveryEntity, { id }, { state: 'SENT', sentAt: at, lastError: null });
}

/** A try that failed: counted, with the reason; `final` when the queue will not try again (an official may ask it to). */
export async function markFailedAttempt(db: EntityManager, id: string, reason: string, final: boolean): Promise<void> {
  await db.query(`UPDATE delivery SET attempts = attempts + 1, last_error = $2, state = CASE WHEN $3 THEN 'FAILED' ELSE state END WHERE id = $1`, [
    id,
    reason.slice(0, 500),
    final,
  ]);
}

/** Failed deliveries an official asked to try again, oldest request first. */
export function retriesRequested(db: EntityManager, limit: number): Promise<DeliveryEntity[]> {
  return db
    .createQueryBuilder(DeliveryEntity, 'd')
    .where(`d.retry_requested_at IS NOT NULL AND d.state = 'FAILED'`)
    .orderBy('d.retry_requested_at', 'ASC')
    .limit(limit)
    .getMany();
}

/** Back in the queue: pending again, the request answered. */
export async function markRequeued(db: EntityManager, id: string): Promise<void> {
  await db.update(DeliveryEntity, { id }, { state: 'PENDING', retryRequestedAt: null });
}

/** Deliveries of many dossiers the caller's units own (row-level security), in the order of their events. */
export function deliveriesOfDossiers(db: EntityManager, dossierIds: string[]): Promise<DeliveryEntity[]> {
  return db.find(DeliveryEntity, { where: { dossierId: In(dossierIds) }, order: { eventId: 'ASC', channel: 'ASC' } });
}

/** Failed deliveries of the caller's units (row-level security), newest first: the dead-letter list. */
export function failedDeliveries(db: EntityManager, channel: DeliveryChannel | null, page: PageArgs): Promise<Connection<DeliveryEntity>> {
  const query = db.createQueryBuilder(DeliveryEntity, 'd').where(`d.state = 'FAILED'`);
  if (channel) query.andWhere('d.channel = :channel', { channel });
  return paginate(
    query,
    {
      columns: [
        { sql: 'd.created_at', value: (d) => d.createdAt },
        { sql: 'd.id', value: (d) => d.id },
      ],
      direction: 'DESC',
    },
    page,
  );
}

/** Asks the worker to try a failed delivery again; false where the caller may not, or it has not failed. */
export async function requestRetry(db: EntityManager, id: string, at: Date): Promise<boolean> {
  const result = await db.update(DeliveryEntity, { id, state: 'FAILED' }, { retryRequestedAt: at });
  return (result.affected ?? 0) > 0;
}

export async function savePreference(db: EntityManager, preference: NotificationPreferenceEntity): Promise<void> {
  await db.upsert(NotificationPreferenceEntity, preference, ['citizenId']);
}
