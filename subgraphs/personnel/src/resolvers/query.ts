import { paginate, type PageArgs } from '../../../../shared/connection';
import { addDays } from '../../../../shared/calendar';
import { badInput } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { vietnamDate } from '../../../../shared/scalars';
import type { Context } from '../context';
import { CounterEntity } from '../entities/counter.entity';
import { DutyShiftEntity } from '../entities/duty-shift.entity';
import { OfficialEntity, type EmploymentStatus } from '../entities/official.entity';
import { SecondmentEntity, type SecondmentKind } from '../entities/secondment.entity';
import { centreStaffing } from '../staffing/summary';

interface OfficialFilter {
  homeAgencyCode?: string | null;
  employmentStatus?: EmploymentStatus | null;
}

interface SecondmentFilter {
  centreCode?: string | null;
  homeAgencyCode?: string | null;
  kind?: SecondmentKind | null;
  activeOn?: string | null;
}

/** A roster is asked for a month or a quarter, not years. */
const MAX_ROSTER_DAYS = 93;

export const Query = {
  official: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.officialById.load(parseId(args.id, 'id')),

  officials: (_: unknown, args: PageArgs & { filter?: OfficialFilter | null }, ctx: Context) => {
    const query = ctx.db.getRepository(OfficialEntity).createQueryBuilder('o');
    const { homeAgencyCode, employmentStatus } = args.filter ?? {};
    if (homeAgencyCode) query.andWhere('o.home_agency_code = :homeAgencyCode', { homeAgencyCode });
    if (employmentStatus) query.andWhere('o.employment_status = :employmentStatus', { employmentStatus });
    return paginate(
      query,
      { columns: [{ sql: 'o.full_name', value: (o) => o.fullName }, { sql: 'o.id', value: (o) => o.id }], direction: 'ASC' },
      args,
    );
  },

  secondment: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.secondmentById.load(parseId(args.id, 'id')),

  secondments: (_: unknown, args: PageArgs & { filter?: SecondmentFilter | null }, ctx: Context) => {
    const query = ctx.db.getRepository(SecondmentEntity).createQueryBuilder('s');
    const { centreCode, homeAgencyCode, kind, activeOn } = args.filter ?? {};
    if (centreCode) query.andWhere('s.centre_code = :centreCode', { centreCode });
    if (homeAgencyCode) query.andWhere('s.home_agency_code = :homeAgencyCode', { homeAgencyCode });
    if (kind) query.andWhere('s.kind = :kind', { kind });
    if (activeOn) query.andWhere('s.term @> :activeOn::date', { activeOn });
    return paginate(
      query,
      { columns: [{ sql: 's.start_date', value: (s) => s.startDate }, { sql: 's.id', value: (s) => s.id }], direction: 'ASC' },
      args,
    );
  },

  counters: (_: unknown, args: { centreCode: string }, ctx: Context) =>
    ctx.db.getRepository(CounterEntity).find({ where: { centreCode: args.centreCode }, order: { number: 'ASC' } }),

  dutyRoster: (_: unknown, args: { unitCode: string; from: string; to: string }, ctx: Context) => {
    if (args.to < args.from) throw badInput('to', `The roster ends (${args.to}) before it starts (${args.from}).`);
    if (args.to > addDays(args.from, MAX_ROSTER_DAYS)) throw badInput('to', `Ask for at most ${MAX_ROSTER_DAYS} days of roster at a time.`);
    return ctx.db
      .getRepository(DutyShiftEntity)
      .createQueryBuilder('d')
      .where('d.unit_code = :unit AND d.date BETWEEN :from AND :to', { unit: args.unitCode, from: args.from, to: args.to })
      .orderBy('d.date')
      .addOrderBy('d.shift', 'DESC') // MORNING before AFTERNOON
      .addOrderBy('d.role', 'ASC')
      .addOrderBy('d.id')
      .getMany();
  },

  centreStaffing: (_: unknown, args: { centreCode: string; date?: string | null }, ctx: Context) =>
    centreStaffing(ctx.db, args.centreCode, args.date ?? vietnamDate(ctx.clock.now())),
};
