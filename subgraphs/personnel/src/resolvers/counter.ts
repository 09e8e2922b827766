import { vietnamDate } from '../../../../shared/scalars';
import { unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import type { CounterAssignmentEntity } from '../store/entities/counter-assignment.entity';
import type { CounterEntity } from '../store/entities/counter.entity';
import { coversDay } from '../staffing/terms';

const runsOn = (a: CounterAssignmentEntity, day: string) => a.startDate <= day && (a.endDate === null || day <= a.endDate);

export const Counter = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.counterById.load(ref.id),
  centre: (counter: CounterEntity) => unitRef(counter.centreCode),
  fields: (counter: CounterEntity) => counter.fieldCodes.map((code) => ({ __typename: 'Field', code })),
  /** An assignment counts while its secondment does: a secondment ended early ends the seat too. */
  assignments: async (counter: CounterEntity, args: { date?: string | null }, ctx: Context) => {
    const day = args.date ?? vietnamDate(ctx.clock.now());
    const running = (await ctx.loaders.assignmentsByCounter.load(counter.id)).filter((a) => runsOn(a, day));
    const secondments = await ctx.loaders.secondmentById.loadMany(running.map((a) => a.secondmentId));
    return running.filter((_, i) => {
      const secondment = secondments[i];
      return secondment && !(secondment instanceof Error) && coversDay(secondment, day);
    });
  },
};
