import { withinSql } from '../../../../shared/sql';
import { normaliseCode } from '../../../../shared/units';
import type { PageArgs } from '../../../../shared/connection';
import { paginate } from '../../../../shared/connection';
import { badInput, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import type { Context } from '../context';
import { atKey } from '../units/versions';
import { AdministrativeUnitEntity, type UnitKind, type UnitLevel } from '../entities/administrative-unit.entity';
import { FieldEntity } from '../entities/field.entity';
import { ProcedureEntity, type OnlineLevel } from '../entities/procedure.entity';

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

const MAX_SEARCH_LENGTH = 200;

/** The words of a search, escaped for LIKE; each must appear in the folded code or name. */
function searchWords(search: string): string[] {
  if (search.length > MAX_SEARCH_LENGTH) throw badInput('filter.search', `Search text is limited to ${MAX_SEARCH_LENGTH} characters; got ${search.length}.`);
  return search
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
}

export const Query = {
  unit: (_: unknown, args: { code: string; at?: string | null }, ctx: Context) =>
    args.at ? ctx.loaders.unitAt.load(atKey(normaliseCode(args.code), args.at)) : ctx.loaders.unitByCode.load(normaliseCode(args.code)),

  units: async (_: unknown, args: PageArgs & { filter?: UnitFilter | null }, ctx: Context) => {
    const query = ctx.db.getRepository(AdministrativeUnitEntity).createQueryBuilder('u').where('u.valid_to IS NULL');
    const { parentCode, withinCode, level, kind } = args.filter ?? {};
    if (parentCode) query.andWhere('u.parent_code = :parentCode', { parentCode: normaliseCode(parentCode) });
    if (withinCode) {
      const root = await ctx.loaders.unitByCode.load(normaliseCode(withinCode));
      if (!root) throw notFound(`No unit has code ${withinCode}.`, 'filter.withinCode');
      query.andWhere(withinSql('u.path', ':root', ':below'), { root: root.path, below: `${root.path}.%` });
    }
    if (level) query.andWhere('u.level = :level', { level });
    if (kind) query.andWhere('u.kind = :kind', { kind });
    return paginate(query, { columns: [{ sql: 'u.path', value: (u) => u.path }], direction: 'ASC' }, args);
  },

  procedure: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.procedureById.load(parseId(args.id, 'id')),

  procedures: async (_: unknown, args: PageArgs & { filter?: ProcedureFilter | null }, ctx: Context) => {
    const query = ctx.db.getRepository(ProcedureEntity).createQueryBuilder('p');
    const { search, fieldCode, level, unitCode, onlineLevel, interAgency } = args.filter ?? {};
    searchWords(search ?? '').forEach((word, i) => query.andWhere(`p.search_text LIKE '%' || motcua_fold(:word${i}) || '%'`, { [`word${i}`]: word }));
    if (fieldCode) query.andWhere('p.field_code = :fieldCode', { fieldCode });
    if (level) query.andWhere(':level = ANY(p.levels)', { level });
    if (unitCode) {
      const unit = await ctx.loaders.unitByCode.load(unitCode);
      if (!unit) throw notFound(`No unit has code ${unitCode}.`, 'filter.unitCode');
      query
        .andWhere(':unitLevel = ANY(p.levels)', { unitLevel: unit.level })
        .andWhere(withinSql(':unitPath', 'p.owner_path'), { unitPath: unit.path });
    }
    if (onlineLevel) query.andWhere('p.online_level = :onlineLevel', { onlineLevel });
    if (typeof interAgency === 'boolean') query.andWhere('p.inter_agency = :interAgency', { interAgency });
    return paginate(
      query,
      { columns: [{ sql: 'p.name', value: (p) => p.name }, { sql: 'p.id', value: (p) => p.id }], direction: 'ASC' },
      args,
    );
  },

  fields: (_: unknown, __: unknown, ctx: Context) => ctx.db.getRepository(FieldEntity).find({ order: { name: 'ASC' } }),
};
