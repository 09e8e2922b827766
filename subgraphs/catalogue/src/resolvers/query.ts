import type { PageArgs } from '../../../../shared/connection';
import { notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { normaliseCode } from '../../../../shared/units';
import type { Context } from '../context';
import { searchWords } from '../procedures/search';
import type { UnitKind, UnitLevel } from '../store/entities/administrative-unit.entity';
import type { OnlineLevel } from '../store/entities/procedure.entity';
import { fieldsByName } from '../store/fields';
import { procedurePage } from '../store/procedures';
import { unitPage } from '../store/units';
import { atKey } from '../units/versions';

interface UnitFilter {
  parentCode?: string | null;
  withinCode?: string | null;
  level?: UnitLevel | null;
  kind?: UnitKind | null;
}

interface ProcedureFilter {
  search?: string | null;
  fieldCode?: string | null;
  level?: UnitLevel | null;
  unitCode?: string | null;
  onlineLevel?: OnlineLevel | null;
  interAgency?: boolean | null;
}

export const Query = {
  unit: (_: unknown, args: { code: string; at?: string | null }, ctx: Context) =>
    args.at ? ctx.loaders.unitAt.load(atKey(normaliseCode(args.code), args.at)) : ctx.loaders.unitByCode.load(normaliseCode(args.code)),

  units: async (_: unknown, args: PageArgs & { filter?: UnitFilter | null }, ctx: Context) => {
    const { parentCode, withinCode, level, kind } = args.filter ?? {};
    let withinPath: string | null = null;
    if (withinCode) {
      const root = await ctx.loaders.unitByCode.load(normaliseCode(withinCode));
      if (!root) throw notFound(`No unit has code ${withinCode}.`, 'filter.withinCode');
      withinPath = root.path;
    }
    return unitPage(ctx.db, { parentCode: parentCode ? normaliseCode(parentCode) : null, withinPath, level, kind }, args);
  },

  procedure: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.procedureById.load(parseId(args.id, 'id')),

  procedures: async (_: unknown, args: PageArgs & { filter?: ProcedureFilter | null }, ctx: Context) => {
    const { search, fieldCode, level, unitCode, onlineLevel, interAgency } = args.filter ?? {};
    const words = searchWords(search ?? '');
    let unit: { level: UnitLevel; path: string } | null = null;
    if (unitCode) {
      unit = await ctx.loaders.unitByCode.load(unitCode);
      if (!unit) throw notFound(`No unit has code ${unitCode}.`, 'filter.unitCode');
    }
    return procedurePage(ctx.db, { words, fieldCode, level, unit, onlineLevel, interAgency }, args);
  },

  fields: (_: unknown, __: unknown, ctx: Context) => fieldsByName(ctx.db),
};
