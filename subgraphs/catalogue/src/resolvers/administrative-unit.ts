import type { Context } from '../context';
import type { AdministrativeUnitEntity } from '../store/entities/administrative-unit.entity';
import { atKey, type UnitAsOf } from '../units/versions';

/** A unit row is either current (no `asOf`) or a version as of a date; relatives follow the same date. */
type Unit = AdministrativeUnitEntity & { asOf?: string | null };

const related = (code: string, unit: Unit, ctx: Context) =>
  unit.asOf ? ctx.loaders.unitAt.load(atKey(code, unit.asOf)) : ctx.loaders.unitByCode.load(code);

export const AdministrativeUnit = {
  __resolveReference: (ref: { code: string; asOf?: string | null }, ctx: Context) => related(ref.code, ref as Unit, ctx),
  asOf: (unit: Unit) => unit.asOf ?? null,
  parent: (unit: Unit, _: unknown, ctx: Context) => (unit.parentCode ? related(unit.parentCode, unit, ctx) : null),
  children: (unit: Unit, _: unknown, ctx: Context) =>
    unit.asOf
      ? ctx.loaders.unitChildrenAt.load(atKey(unit.code, unit.asOf))
      : ctx.loaders.unitChildren.load(unit.code).then((children) => children.filter((child) => !child.validTo)),
  ancestors: async (unit: Unit, _: unknown, ctx: Context) => {
    const codes = unit.path.split('.').slice(0, -1);
    return (await Promise.all(codes.map((code) => related(code, unit, ctx)))).filter((u): u is UnitAsOf => u !== null);
  },
  history: (unit: Unit, _: unknown, ctx: Context) => ctx.loaders.unitHistory.load(unit.code),
};
