import { daysIn, MAX_LISTED_DAYS } from '../../../../shared/figures';
import type { PageArgs } from '../../../../shared/connection';
import { badInput } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { vietnamDate } from '../../../../shared/scalars';
import type { Context } from '../context';
import { centreStaffing } from '../staffing/summary';
import { countersOfCentre } from '../store/counters';
import { officialPage, type OfficialPageFilter } from '../store/officials';
import { rosterOf } from '../store/roster';
import { secondmentPage, type SecondmentPageFilter } from '../store/secondments';

export const Query = {
  official: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.officialById.load(parseId(args.id, 'id')),

  officials: (_: unknown, args: PageArgs & { filter?: OfficialPageFilter | null }, ctx: Context) => officialPage(ctx.db, args.filter ?? {}, args),

  secondment: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.secondmentById.load(parseId(args.id, 'id')),

  secondments: (_: unknown, args: PageArgs & { filter?: SecondmentPageFilter | null }, ctx: Context) =>
    secondmentPage(ctx.db, args.filter ?? {}, args),

  counters: (_: unknown, args: { centreCode: string }, ctx: Context) => countersOfCentre(ctx.db, args.centreCode),

  queueTicket: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.ticketById.load(parseId(args.id, 'id')),

  dutyRoster: (_: unknown, args: { unitCode: string; from: string; to: string }, ctx: Context) => {
    if (args.to < args.from) throw badInput('to', `The roster ends (${args.to}) before it starts (${args.from}).`);
    // A roster is asked for a month or a quarter, not years.
    if (daysIn(args) > MAX_LISTED_DAYS) throw badInput('to', `Ask for at most ${MAX_LISTED_DAYS} days of roster at a time.`);
    return rosterOf(ctx.db, args.unitCode, args.from, args.to);
  },

  centreStaffing: (_: unknown, args: { centreCode: string; date?: string | null }, ctx: Context) =>
    centreStaffing(ctx.db, args.centreCode, args.date ?? vietnamDate(ctx.clock.now())),
};
