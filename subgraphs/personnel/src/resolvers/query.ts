import { paginate, type PageArgs } from '../../../../shared/connection';
import { parseId } from '../../../../shared/ids';
import type { Context } from '../context';
import { OfficialEntity, type EmploymentStatus } from '../entities/official.entity';

interface OfficialFilter {
  homeAgencyCode?: string | null;
  employmentStatus?: EmploymentStatus | null;
}

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
};
