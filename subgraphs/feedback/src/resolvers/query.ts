import { requireUnit } from '../../../../shared/caller';
import { paginate, type PageArgs } from '../../../../shared/connection';
import { parseId } from '../../../../shared/ids';
import type { Context } from '../context';
import { RatingEntity, type RatingChannel } from '../entities/rating.entity';

interface RatingFilter {
  officialId?: string | null;
  channel?: RatingChannel | null;
}

export const Query = {
  ratings: (_: unknown, args: PageArgs & { filter?: RatingFilter | null }, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const { officialId, channel } = args.filter ?? {};
    const query = ctx.db
      .getRepository(RatingEntity)
      .createQueryBuilder('r')
      .where('(r.owner_path = :own OR r.owner_path LIKE :below)', { own, below: `${own}.%` });
    if (officialId) query.andWhere('r.official_id = :officialId', { officialId: parseId(officialId, 'filter.officialId') });
    if (channel) query.andWhere('r.channel = :channel', { channel });
    return paginate(
      query,
      { columns: [{ sql: 'r.rated_at', value: (r) => r.ratedAt }, { sql: 'r.id', value: (r) => r.id }], direction: 'DESC' },
      args,
    );
  },
};
