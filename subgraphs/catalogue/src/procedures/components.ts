import type { Context } from '../context';

/** Fields a procedure and each of its versions resolve the same way. */
export const componentFields = {
  field: (row: { fieldCode: string }, _: unknown, ctx: Context) => ctx.loaders.fieldByCode.load(row.fieldCode),
  executingAgency: (row: { executingAgencyCode: string | null }, _: unknown, ctx: Context) =>
    row.executingAgencyCode ? ctx.loaders.unitByCode.load(row.executingAgencyCode) : null,
};
