import type { EntityManager } from 'typeorm';
import { paginate, type Connection, type PageArgs } from '../../../../shared/connection';
import { SecondmentEntity, type SecondmentKind } from './entities/secondment.entity';

export function secondmentById(db: EntityManager, id: string): Promise<SecondmentEntity | null> {
  return db.findOneBy(SecondmentEntity, { id });
}

/** An official's secondments, earliest first. */
export function secondmentsOfOfficial(db: EntityManager, officialId: string): Promise<SecondmentEntity[]> {
  return db.find(SecondmentEntity, { where: { officialId }, order: { startDate: 'ASC' } });
}

/** A secondment of the official whose term meets the days from `startDate` to `endDate` (null: open-ended), if any. */
export async function overlappingSecondment(
  db: EntityManager,
  officialId: string,
  startDate: string,
  endDate: string | null,
): Promise<SecondmentEntity | null> {
  const [overlap]: { id: string }[] = await db.query(
    `SELECT id FROM secondment WHERE official_id = $1 AND term && daterange($2::date, $3::date, '[]') LIMIT 1`,
    [officialId, startDate, endDate],
  );
  return overlap ? db.findOneByOrFail(SecondmentEntity, { id: overlap.id }) : null;
}

/** Whether the official is seconded to the centre (or desk) on the day. */
export async function secondedTo(db: EntityManager, officialId: string, centreCode: string, date: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM secondment WHERE official_id = $1 AND centre_code = $2 AND term @> $3::date`, [
    officialId,
    centreCode,
    date,
  ]);
  return rows.length > 0;
}

export async function insertSecondment(db: EntityManager, secondment: SecondmentEntity): Promise<void> {
  await db.insert(SecondmentEntity, secondment);
}

/** Records how a secondment ended: its last day and reason, or the secondment that replaces it. */
export async function updateSecondment(
  db: EntityManager,
  id: string,
  values: Partial<Pick<SecondmentEntity, 'actualEndDate' | 'endReason' | 'replacedById'>>,
): Promise<void> {
  await db.update(SecondmentEntity, { id }, values);
}

export interface SecondmentPageFilter {
  centreCode?: string | null;
  homeAgencyCode?: string | null;
  kind?: SecondmentKind | null;
  activeOn?: string | null;
}

/** A page of secondments, by start date. */
export function secondmentPage(db: EntityManager, filter: SecondmentPageFilter, page: PageArgs): Promise<Connection<SecondmentEntity>> {
  const query = db.getRepository(SecondmentEntity).createQueryBuilder('s');
  const { centreCode, homeAgencyCode, kind, activeOn } = filter;
  if (centreCode) query.andWhere('s.centre_code = :centreCode', { centreCode });
  if (homeAgencyCode) query.andWhere('s.home_agency_code = :homeAgencyCode', { homeAgencyCode });
  if (kind) query.andWhere('s.kind = :kind', { kind });
  if (activeOn) query.andWhere('s.term @> :activeOn::date', { activeOn });
  return paginate(
    query,
    {
      columns: [
        { sql: 's.start_date', value: (s) => s.startDate },
        { sql: 's.id', value: (s) => s.id },
      ],
      direction: 'ASC',
    },
    page,
  );
}
