import { PgBoss, type Job } from 'pg-boss';
import { v7 as timeOrderedId } from 'uuid';
import { systemClock, type Clock } from '../../../../shared/clock';
import { logger } from '../../../../shared/logger';
import type { DeliveryChannel, DeliveryEntity } from '../store/entities/delivery.entity';
import {
  deliveryById,
  insertDeliveries,
  markFailedAttempt,
  markRelayed,
  markRequeued,
  markSent,
  openOutbox,
  retriesRequested,
  transactionConnection,
  waitingEvents,
  type WaitingEvent,
} from '../store/outbox';
import { noticeOf, portalStatusOf, recipientsOf, unaccented } from './notices';
import type { Senders } from './senders';

export interface DeliveryWorkerOptions {
  /** The dossiers database, as a role that bypasses row-level security (the worker delivers for every unit); the queue keeps its own schema there (`pgboss`). */
  url: string;
  senders: Senders;
  clock?: Clock;
  /** A delivery still running after this many seconds is taken as lost (its worker died) and tried again. */
  expireInSeconds?: number;
  /** Tries after the first before a delivery is marked failed and waits for an official. */
  retryLimit?: number;
  /** The first retry's delay; each next one doubles, up to an hour. */
  retryDelaySeconds?: number;
  /** How often the outbox and the queues are read. */
  pollSeconds?: number;
}

export interface DeliveryWorker {
  stop(): Promise<void>;
}

type DeliveryJob = { deliveryId: string };

/** The recipient officials read for the national portal's messages (its endpoint is configuration, not theirs to see). */
const PORTAL = 'Cổng Dịch vụ công quốc gia';
const queueOf = (channel: DeliveryChannel) => `delivery-${channel.toLowerCase()}`;
/** What officials read of a failed try: what went wrong, in words, without the addresses of the machines involved. */
const NETWORK_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the connection was cut',
  ETIMEDOUT: 'no answer in time',
  ENOTFOUND: "the server's name is not known",
  EAI_AGAIN: "the server's name could not be looked up",
};
function failureOf(error: unknown): string {
  const { code, cause, name, message } = (error ?? {}) as { code?: string; cause?: { code?: string }; name?: string; message?: string };
  const network =
    NETWORK_FAILURES[cause?.code ?? ''] ?? NETWORK_FAILURES[code ?? ''] ?? Object.entries(NETWORK_FAILURES).find(([c]) => message?.includes(c))?.[1];
  if (network) return network;
  if (name === 'TimeoutError' || name === 'AbortError') return 'no answer in time';
  return (message ?? String(error)).replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '(address)').replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '(address)');
}

/** The outbox rows relayed in one transaction. */
const RELAY_BATCH = 100;

/**
 * The messages an event makes: one per channel its applicant hears on, and the national portal's
 * status. Their ids are time-ordered (UUIDv7): a relay's jobs share one creation time, and the
 * queue orders a dossier's jobs by creation time, then id.
 */
function messagesOf(event: WaitingEvent, options: DeliveryWorkerOptions, now: Date): DeliveryEntity[] {
  const base = { eventId: event.eventId, action: event.action, dossierId: event.dossierId, ownerPath: event.ownerPath, state: 'PENDING' as const };
  const fresh = { attempts: 0, lastError: null, createdAt: now, sentAt: null, retryRequestedAt: null };
  const notice = noticeOf(event);
  const notices = notice
    ? recipientsOf(event)
        .filter(({ channel }) => options.senders[channel])
        .map(({ channel, recipient }) => ({
          ...base,
          ...fresh,
          id: timeOrderedId(),
          channel,
          recipient,
          subject: channel === 'EMAIL' ? notice.subject : null,
          body: channel === 'EMAIL' ? notice.body : channel === 'SMS' ? unaccented(notice.short) : notice.short,
        }))
    : [];
  const status = options.senders.PORTAL ? portalStatusOf(event) : null;
  const portal = status
    ? [
        {
          ...base,
          ...fresh,
          id: timeOrderedId(),
          channel: 'PORTAL' as const,
          recipient: PORTAL,
          subject: null,
          body: JSON.stringify(status),
        },
      ]
    : [];
  return [...notices, ...portal];
}

/**
 * The delivery worker. It relays the outbox: each waiting history row becomes its messages and
 * their jobs, in the transaction that marks the row relayed, so a crash relays it again or not
 * at all. Each channel's queue (pg-boss, `key_strict_fifo` by dossier) delivers a dossier's
 * messages one at a time in the order of its history, retries with backoff, and holds the rest of
 * a dossier's messages behind one that failed for good until an official asks for a retry. A
 * worker that dies mid-delivery leaves its job active; after `expireInSeconds` the queue tries it
 * again, and the message's id lets the receiver count it once.
 */
export async function startDeliveryWorker(options: DeliveryWorkerOptions): Promise<DeliveryWorker> {
  const clock = options.clock ?? systemClock;
  const db = await openOutbox(options.url, options.clock);
  const retryLimit = options.retryLimit ?? 8;
  const pollSeconds = options.pollSeconds ?? 1;
  const checkSeconds = Math.max(1, Math.min(60, Math.floor((options.expireInSeconds ?? 60) / 2)));
  const boss = new PgBoss({
    connectionString: options.url,
    schema: 'pgboss',
    max: 4,
    application_name: 'motcua-delivery',
    schedule: false,
    // Expired jobs are found by the monitoring pass: as often as half the expiry, so a dead worker's job waits at most 1.5 expiries.
    superviseIntervalSeconds: checkSeconds,
    monitorIntervalSeconds: checkSeconds,
  });
  boss.on('error', (error: unknown) => logger.error({ err: error, component: 'delivery' }, 'delivery queue error'));
  await boss.start().catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  const channels = (Object.keys(options.senders) as DeliveryChannel[]).filter((channel) => options.senders[channel]);
  const queueOptions = {
    retryLimit,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 60,
  };
  for (const channel of channels) {
    await boss.createQueue(queueOf(channel), { policy: 'key_strict_fifo', retryDelayMax: 3600, ...queueOptions });
    await boss.updateQueue(queueOf(channel), queueOptions);
  }

  async function relay(): Promise<number> {
    return db.transaction(async (manager) => {
      const events = await waitingEvents(manager, RELAY_BATCH);
      if (!events.length) return 0;
      const now = clock.now();
      const messages = events.flatMap((event) => messagesOf(event, options, now));
      const created = new Set(await insertDeliveries(manager, messages));
      const db = await transactionConnection(manager);
      for (const channel of channels) {
        const jobs = messages
          .filter((m) => m.channel === channel && created.has(m.id))
          .map((m) => ({ id: m.id, data: { deliveryId: m.id }, singletonKey: m.dossierId }));
        if (jobs.length) await boss.insert(queueOf(channel), jobs, { db });
      }
      await markRelayed(
        manager,
        events.map((e) => e.outboxId),
        now,
      );
      return events.length;
    });
  }

  /** Failed deliveries an official asked to retry: their job again (a new one if the queue has dropped it), pending again. */
  async function requeue(): Promise<void> {
    for (const delivery of await retriesRequested(db.manager, RELAY_BATCH)) {
      const queue = queueOf(delivery.channel);
      if (!channels.includes(delivery.channel)) continue;
      // pg-boss reports how many jobs it put back (its typings leave the count out).
      const { affected } = (await boss.retry(queue, delivery.id)) as { affected?: number };
      if (!affected) await boss.send(queue, { deliveryId: delivery.id }, { singletonKey: delivery.dossierId });
      await markRequeued(db.manager, delivery.id);
    }
  }

  async function deliver(channel: DeliveryChannel, job: Job<DeliveryJob>): Promise<void> {
    const delivery = await deliveryById(db.manager, job.data.deliveryId);
    // Sent already (the worker died before the queue heard of it): delivering twice would be the defect.
    if (!delivery || delivery.state === 'SENT') return;
    const sender = options.senders[channel]!;
    try {
      await sender.send({ id: delivery.id, dossierId: delivery.dossierId, to: delivery.recipient, subject: delivery.subject, body: delivery.body });
    } catch (error) {
      const reason = `${sender.name}: ${failureOf(error)}`;
      await markFailedAttempt(db.manager, delivery.id, reason, job.retryCount >= retryLimit);
      logger.warn({ component: 'delivery', channel, delivery: delivery.id, try: job.retryCount + 1, reason }, 'delivery failed');
      throw error;
    }
    await markSent(db.manager, delivery.id, clock.now());
  }

  for (const channel of channels) {
    await boss.work<DeliveryJob>(queueOf(channel), { batchSize: 1, pollingIntervalSeconds: pollSeconds }, async ([job]) => deliver(channel, job));
  }

  let stopping = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopping) {
      try {
        // A full batch means more are waiting: relay again at once.
        while (!stopping && (await relay()) === RELAY_BATCH);
        await requeue();
      } catch (error) {
        logger.error({ err: error, component: 'delivery' }, 'relaying the outbox failed; trying again');
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollSeconds * 1000);
      });
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      await boss.stop({ graceful: true, timeout: 10_000 });
      await db.destroy();
    },
  };
}
