import type { EntityManager } from 'typeorm';
import { NOW_SQL } from '../../../../shared/clock';
import { paginate, type Connection, type PageArgs } from '../../../../shared/connection';
import { updateIfUnchanged } from '../../../../shared/transitions';
import { OVERDUE_RULE } from '../petitions/transitions';
import { PetitionEntity } from './entities/petition.entity';
import { type PetitionStatus } from '../petitions/status';
import { inSubtree } from '../../../../shared/sql';

/** The statuses still to be answered, as SQL literals. */
/** SQL twin of `isOverdue` over alias `p`, for lists: made from the same rule. */
const column = (property: string) => property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const OVERDUE_SQL = `(${OVERDUE_RULE.map(
  ({ statuses, deadline }) => `(p.status IN (${statuses.map((s) => `'${s}'`).join(', ')}) AND ${NOW_SQL} > p.${column(deadline)})`,
).join(' OR ')})`;

export const petitionById = (db: EntityManager, id: string): Promise<PetitionEntity | null> => db.findOneBy(PetitionEntity, { id });

/**
 * The earlier petition a new one repeats: on the same dossier, or from the same phone to the same
 * unit, received since `since` (the database function `petition_repeated`).
 */
export async function repeatedPetitionId(
  db: EntityManager,
  matter: { dossierId: string | null; phone: string | null; ownerPath: string; since: Date },
): Promise<string | null> {
  const [earlier]: { id: string | null }[] = await db.query(`SELECT petition_repeated($1, $2, $3, $4) AS id`, [
    matter.dossierId,
    matter.phone,
    matter.ownerPath,
    matter.since,
  ]);
  return earlier?.id ?? null;
}

export async function insertPetition(db: EntityManager, row: PetitionEntity): Promise<void> {
  await db.insert(PetitionEntity, row);
}

/** Writes `patch` if the petition is still at the version read, else CONFLICT on `field`. */
export const updatePetitionIfUnchanged = (db: EntityManager, read: PetitionEntity, patch: Partial<PetitionEntity>, field: string) =>
  updateIfUnchanged(db, PetitionEntity, read, patch, 'The petition', field);

/** A list of petitions narrowed by any of these; `dossierCode` as stored (normalised). */
export interface PetitionListFilter {
  status?: PetitionStatus | null;
  overdue?: boolean | null;
  repeated?: boolean | null;
  dossierCode?: string | null;
}

/** One page of the petitions of a subtree, newest first. */
export function petitionPage(db: EntityManager, scope: string, filter: PetitionListFilter, page: PageArgs): Promise<Connection<PetitionEntity>> {
  const { status, overdue, repeated, dossierCode } = filter;
  const query = db
    .getRepository(PetitionEntity)
    .createQueryBuilder('p')
    .where(...inSubtree('p.owner_path', scope));
  if (status) query.andWhere('p.status = :status', { status });
  if (overdue != null) query.andWhere(overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
  if (repeated != null) query.andWhere(repeated ? 'p.repeat_of_id IS NOT NULL' : 'p.repeat_of_id IS NULL');
  if (dossierCode) query.andWhere('p.dossier_code = :dossierCode', { dossierCode });
  const columns = [
    { sql: 'p.received_at', value: (p: PetitionEntity) => p.receivedAt },
    { sql: 'p.id', value: (p: PetitionEntity) => p.id },
  ];
  return paginate(query, { columns, direction: 'DESC' }, page);
}
