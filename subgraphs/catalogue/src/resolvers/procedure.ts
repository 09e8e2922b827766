import type { Context } from '../context';
import type { ProcedureEntity } from '../entities/procedure.entity';

export const Procedure = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.procedureById.load(ref.id),
  field: (procedure: ProcedureEntity, _: unknown, ctx: Context) => ctx.loaders.fieldByCode.load(procedure.fieldCode),
  executingAgency: (procedure: ProcedureEntity, _: unknown, ctx: Context) =>
    procedure.executingAgencyCode ? ctx.loaders.unitByCode.load(procedure.executingAgencyCode) : null,
};

export const Field = {
  __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.fieldByCode.load(ref.code),
};
