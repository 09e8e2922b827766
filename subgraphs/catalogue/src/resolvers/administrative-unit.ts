import type { Context } from '../context';
import type { AdministrativeUnitEntity } from '../entities/administrative-unit.entity';

export const AdministrativeUnit = {
  __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.unitByCode.load(ref.code),
  parent: (unit: AdministrativeUnitEntity, _: unknown, ctx: Context) => (unit.parentCode ? ctx.loaders.unitByCode.load(unit.parentCode) : null),
  children: (unit: AdministrativeUnitEntity, _: unknown, ctx: Context) => ctx.loaders.unitChildren.load(unit.code),
};
