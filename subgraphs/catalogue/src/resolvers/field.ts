import type { Context } from '../context';

export const Field = {
  __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.fieldByCode.load(ref.code),
};
