import type { Context } from '../context';
import type { QueueTicketEntity } from '../store/entities/queue-ticket.entity';
import { waitingMinutes } from '../queue/tickets';

export const QueueTicket = {
  date: (ticket: QueueTicketEntity) => ticket.day,
  field: (ticket: QueueTicketEntity) => ({ __typename: 'Field', code: ticket.fieldCode }),
  counter: (ticket: QueueTicketEntity, _: unknown, ctx: Context) => (ticket.counterId ? ctx.loaders.counterById.load(ticket.counterId) : null),
  waitingMinutes,
  ahead: async (ticket: QueueTicketEntity, _: unknown, ctx: Context) =>
    ticket.state === 'WAITING'
      ? (await ctx.loaders.ticketsByCentreDay.load(`${ticket.centreCode}|${ticket.day}`)).filter(
          (t) => t.state === 'WAITING' && t.fieldCode === ticket.fieldCode && t.number < ticket.number,
        ).length
      : 0,
};
