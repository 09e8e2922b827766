import type { EntityManager } from 'typeorm';
import { paginate, type Connection, type PageArgs } from '../../../../shared/connection';
import { OfficialEntity, type EmploymentStatus } from './entities/official.entity';

export function officialById(db: EntityManager, id: string): Promise<OfficialEntity | null> {
  return db.findOneBy(OfficialEntity, { id });
}

export async function insertOfficial(db: EntityManager, official: OfficialEntity): Promise<void> {
  await db.insert(OfficialEntity, official);
}

/** Changes the given columns of an official's row. */
export async function patchOfficial(db: EntityManager, id: string, patch: Partial<OfficialEntity>): Promise<void> {
  await db.update(OfficialEntity, { id }, patch);
}

export interface OfficialPageFilter {
  homeAgencyCode?: string | null;
  employmentStatus?: EmploymentStatus | null;
}

/** A page of officials, by full name. */
export function officialPage(db: EntityManager, filter: OfficialPageFilter, page: PageArgs): Promise<Connection<OfficialEntity>> {
  const query = db.getRepository(OfficialEntity).createQueryBuilder('o');
  const { homeAgencyCode, employmentStatus } = filter;
  if (homeAgencyCode) query.andWhere('o.home_agency_code = :homeAgencyCode', { homeAgencyCode });
  if (employmentStatus) query.andWhere('o.employment_status = :employmentStatus', { employmentStatus });
  return paginate(
    query,
    {
      columns: [
        { sql: 'o.full_name', value: (o) => o.fullName },
        { sql: 'o.id', value: (o) => o.id },
      ],
      direction: 'ASC',
    },
    page,
  );
}
