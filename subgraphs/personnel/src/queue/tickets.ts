import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { callerOwns } from '../../../../shared/db';
import { badInput, conflict, forbidden, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { vietnamDate } from '../../../../shared/scalars';
import { normaliseCode } from '../../../../shared/units';
import { counterById, countersOfCentre } from '../store/counters';
import type { QueueTicketEntity } from '../store/entities/queue-ticket.entity';
import { claimNextTicket, insertTicket, nextTicketNumber, serveCalled } from '../store/queue';

/**
 * Lấy số — anyone at the kiosk takes the day's next number for a field one of the centre's open
 * counters serves; numbers start again at 1 each day.
 */
export async function takeTicket(manager: EntityManager, input: { centreCode: string; fieldCode: string }, now: Date): Promise<string> {
  const centreCode = normaliseCode(input.centreCode);
  const counters = await countersOfCentre(manager, centreCode);
  if (!counters.length) throw notFound(`No centre with counters has code ${input.centreCode}.`, 'input.centreCode');
  const fieldCode = input.fieldCode.trim();
  // The fields the open counters name; an open counter naming none is a general one, calling any field the centre serves.
  const open = counters.filter((c) => c.isOpen);
  const served = new Set(open.some((c) => c.fieldCodes.length === 0) ? counters.flatMap((c) => c.fieldCodes) : open.flatMap((c) => c.fieldCodes));
  if (!served.has(fieldCode))
    throw badInput(
      'input.fieldCode',
      `No open counter here serves field ${fieldCode}; choose one of ${[...served].sort().join(', ') || '(none open now)'}.`,
    );
  const day = vietnamDate(now);
  const ownerPath = counters[0].ownerPath;
  const id = randomUUID();
  await insertTicket(manager, {
    id,
    centreCode,
    day,
    number: await nextTicketNumber(manager, centreCode, day, ownerPath),
    fieldCode,
    state: 'WAITING',
    takenAt: now,
    calledAt: null,
    counterId: null,
    servedAt: null,
    ownerPath,
  });
  return id;
}

/**
 * Gọi số — an official of the centre calls the next number at a counter: the ticket it called
 * before is served, and the lowest waiting number of its fields is called, or none when nobody waits.
 */
export async function callNext(manager: EntityManager, counterId: string, now: Date): Promise<string | null> {
  const counter = await counterById(manager, parseId(counterId, 'input.counterId'));
  if (!counter) throw notFound(`No counter has id ${counterId}.`, 'input.counterId');
  if (!(await callerOwns(manager, counter.ownerPath)))
    throw forbidden(`Only officials of the centre ${counter.centreCode} call numbers at its counter ${counter.number}.`);
  if (!counter.isOpen) throw conflict(`Counter ${counter.number} is closed; open it first (setCounterOpen).`, 'input.counterId');
  const day = vietnamDate(now);
  await serveCalled(manager, counter.id, day, now);
  return claimNextTicket(manager, counter.centreCode, day, counter.fieldCodes, counter.id, now);
}

/** Minutes from taking a number to being called. */
export const waitingMinutes = (ticket: QueueTicketEntity) =>
  ticket.calledAt ? Math.round((ticket.calledAt.getTime() - ticket.takenAt.getTime()) / 600) / 100 : null;

/**
 * The day's queue at a centre, as the board shows it: the number each counter serves now, how
 * many wait per field, and per counter and field how many were called and how long they waited.
 */
export function queueBoard(tickets: QueueTicketEntity[]) {
  const nowServing = new Map<string, QueueTicketEntity>();
  for (const t of tickets) if (t.state === 'CALLED' && t.counterId) nowServing.set(t.counterId, t);
  const waiting = new Map<string, number>();
  for (const t of tickets) if (t.state === 'WAITING') waiting.set(t.fieldCode, (waiting.get(t.fieldCode) ?? 0) + 1);
  const groups = new Map<string, QueueTicketEntity[]>();
  for (const t of tickets) {
    if (!t.counterId) continue;
    const key = `${t.counterId}|${t.fieldCode}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return {
    nowServing: [...nowServing.values()].sort((a, b) => a.number - b.number),
    waiting: [...waiting.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([fieldCode, count]) => ({ fieldCode, count })),
    taken: tickets.length,
    called: tickets.filter((t) => t.counterId).length,
    byCounter: [...groups.values()].map((called) => ({
      counterId: called[0].counterId!,
      fieldCode: called[0].fieldCode,
      called: called.length,
      averageWaitMinutes: Math.round((called.reduce((sum, t) => sum + waitingMinutes(t)!, 0) / called.length) * 100) / 100,
    })),
  };
}
