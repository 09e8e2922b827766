import { vietnamDate } from '../../../../shared/scalars';
import { isWithin } from '../../../../shared/units';
import type { Context } from '../context';
import type { DossierEntity } from '../entities/dossier.entity';
import { statusCode } from '../status';

/** A dossier is shown to officials of its owning unit and the units above it; to nobody else. */
export function visible(dossier: DossierEntity | null, ctx: Context): DossierEntity | null {
  return dossier && ctx.caller.unit && isWithin(dossier.ownerPath, ctx.caller.unit) ? dossier : null;
}

export const Dossier = {
  __resolveReference: async (ref: { id: string }, ctx: Context) => visible(await ctx.loaders.dossierById.load(ref.id), ctx),
  procedure: (dossier: DossierEntity) => ({ __typename: 'Procedure', id: dossier.procedureId }),
  procedureVersion: (dossier: DossierEntity) => (dossier.procedureVersionId ? { __typename: 'ProcedureVersion', id: dossier.procedureVersionId } : null),
  caseVariant: (dossier: DossierEntity) => (dossier.caseVariantId ? { __typename: 'CaseVariant', id: dossier.caseVariantId } : null),
  receivingUnit: (dossier: DossierEntity) => ({ __typename: 'AdministrativeUnit', code: dossier.receivingUnitCode, asOf: vietnamDate(dossier.receivedAt) }),
  handler: (dossier: DossierEntity) => (dossier.handlerId ? { __typename: 'Official', id: dossier.handlerId } : null),
  statusCode: (dossier: DossierEntity) => statusCode(dossier.status),
};

export const Procedure = {
  __resolveReference: (ref: { id: string }) => ref,
  dossierCount: (procedure: { id: string }, _: unknown, ctx: Context) => ctx.loaders.dossierCountByProcedure.load(procedure.id),
};
