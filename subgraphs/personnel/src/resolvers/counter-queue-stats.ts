import type { Context } from '../context';

/** A counter's day for one field: numbers called, average wait. */
export const CounterQueueStats = {
  counter: (row: { counterId: string }, _: unknown, ctx: Context) => ctx.loaders.counterById.load(row.counterId),
  field: (row: { fieldCode: string }) => ({ __typename: 'Field', code: row.fieldCode }),
};
