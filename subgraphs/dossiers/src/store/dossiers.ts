import { In, type EntityManager } from 'typeorm';
import { NOW_SQL } from '../../../../shared/clock';
import { nextOfDay } from '../../../../shared/daily-numbers';
import { paginate, type Connection, type PageArgs } from '../../../../shared/connection';
import type { Period } from '../../../../shared/figures';
import { vietnamMidnightSql } from '../../../../shared/scalars';
import { belowPattern, withinSql } from '../../../../shared/sql';
import { updateIfUnchanged } from '../../../../shared/transitions';
import type { Timeliness } from '../lifecycle/timing';
import type { Grade } from '../statistics/grade';
import { OPEN, RESOLVED, UNRECEIVED, type DossierStatus } from '../status';
import { DossierApplicantEntity } from './entities/dossier-applicant.entity';
import { DossierEventEntity } from './entities/dossier-event.entity';
import { DossierStepEntity } from './entities/dossier-step.entity';
import { DossierEntity, type Channel } from './entities/dossier.entity';
import { addToOutbox } from './outbox';
import { GRADE, statusesSql } from './rules';

export async function dossierById(db: EntityManager, id: string): Promise<DossierEntity | null> {
  return db.findOneBy(DossierEntity, { id });
}

/** A dossier's liên thông steps, in their order. */
export async function stepsOfDossier(db: EntityManager, dossierId: string): Promise<DossierStepEntity[]> {
  return db.find(DossierStepEntity, { where: { dossierId }, order: { position: 'ASC' } });
}

/**
 * Writes `patch` only if the dossier is still at the version read (the kernel's version-checked
 * update): of two concurrent actions exactly one wins, the other gets CONFLICT naming `what`.
 */
export async function updateDossierIfUnchanged(
  db: EntityManager,
  read: Pick<DossierEntity, 'id' | 'version'>,
  patch: Partial<DossierEntity>,
  what: string,
  field: string,
): Promise<void> {
  await updateIfUnchanged(db, DossierEntity, read, patch, what, field);
}

export async function updateStep(db: EntityManager, stepId: string, patch: Partial<DossierStepEntity>): Promise<void> {
  await db.update(DossierStepEntity, { id: stepId }, patch);
}

/**
 * Appends one history row, and its outbox row in the same transaction: what the applicant and the
 * national portal hear of is exactly what was written. The application role can neither change nor delete either.
 */
export async function insertEvent(db: EntityManager, event: Omit<DossierEventEntity, 'id'>): Promise<void> {
  const { identifiers } = await db.insert(DossierEventEntity, event);
  await addToOutbox(db, String(identifiers[0].id), event.dossierId);
}

/** Allocates the day's next number at a receiving agency (the kernel's daily sequence). */
export function nextDossierNumber(db: EntityManager, electronicId: string, day: string, ownerPath: string): Promise<number> {
  return nextOfDay(db, { table: 'dossier_code_sequence', keyColumn: 'agency_electronic_id' }, electronicId, day, ownerPath);
}

export async function insertDossier(db: EntityManager, dossier: DossierEntity): Promise<void> {
  await db.insert(DossierEntity, dossier);
}

/** Whether the database shows the caller who applied for the dossier (its read policy decides: the dossier's units, or the citizen it names). */
export async function applicantShown(db: EntityManager, dossierId: string): Promise<boolean> {
  return db.existsBy(DossierApplicantEntity, { dossierId });
}

export async function insertApplicant(db: EntityManager, applicant: DossierApplicantEntity): Promise<void> {
  await db.insert(DossierApplicantEntity, applicant);
}

export async function insertSteps(db: EntityManager, steps: DossierStepEntity[]): Promise<void> {
  await db.insert(DossierStepEntity, steps);
}

/** The SQL twin of `neverSubmitted`: a citizen's draft is not the desk's, nor anyone else's, until submitted. */
const NEVER_SUBMITTED_EXCLUDED = `NOT (d.filed_by IS NOT NULL AND d.submitted_at IS NULL)`;

/** How many dossiers each procedure has (procedures without any are missing). */
export async function dossierCountsByProcedure(
  db: EntityManager,
  procedureIds: readonly string[],
): Promise<{ procedureId: string; count: number }[]> {
  return db
    .getRepository(DossierEntity)
    .createQueryBuilder('d')
    .select('d.procedure_id', 'procedureId')
    .addSelect('count(*)::int', 'count')
    .where('d.procedure_id = ANY(:ids)', { ids: [...new Set(procedureIds)] })
    .andWhere(NEVER_SUBMITTED_EXCLUDED)
    .groupBy('d.procedure_id')
    .getRawMany();
}

/** What a list of dossiers may be narrowed to; ids already checked, dates `YYYY-MM-DD` in Vietnam, both ends included. */
export interface DossierListFilter {
  status?: DossierStatus | null;
  procedureId?: string | null;
  handlerId?: string | null;
  receivingUnitCode?: string | null;
  fieldCode?: string | null;
  channel?: Channel | null;
  receivedFrom?: string | null;
  receivedTo?: string | null;
  finishedFrom?: string | null;
  finishedTo?: string | null;
  timeliness?: Timeliness | null;
}

/** Vietnam dates, both included, on a timestamp column. */
const ON_OR_AFTER = (column: string, param: string) => `${column} >= ${vietnamMidnightSql(`:${param}::date`)}`;
const ON_OR_BEFORE = (column: string, param: string) => `${column} < ${vietnamMidnightSql(`:${param}::date + 1`)}`;
const RECEIVED = `d.status NOT IN ${statusesSql(UNRECEIVED)}`;
const OPEN_NOW = `d.status IN ${statusesSql(OPEN)}`;
const graded = (grade: Grade) => `d.status IN ${statusesSql(RESOLVED)} AND ${GRADE} = '${grade}'`;
/** As the statistics count them, so every figure drills down to its dossiers. */
const TIMELINESS: Record<Timeliness, string> = {
  EARLY: graded('EARLY'),
  ON_TIME: graded('ON_TIME'),
  LATE: graded('LATE'),
  IN_TIME: `${OPEN_NOW} AND (d.due_at IS NULL OR d.due_at >= ${NOW_SQL})`,
  OVERDUE: `${OPEN_NOW} AND d.due_at < ${NOW_SQL}`,
};

/** One page of the dossiers of `scope`'s subtree that match the filter, newest received first. */
export function dossierPage(db: EntityManager, scope: string, filter: DossierListFilter, page: PageArgs): Promise<Connection<DossierEntity>> {
  const query = db
    .getRepository(DossierEntity)
    .createQueryBuilder('d')
    // Its own dossiers, and those of other units in which it holds a liên thông step.
    .where(
      `(${withinSql('d.owner_path', ':scope', ':below')}
        OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = d.id AND ${withinSql('s.owner_path', ':scope', ':below')}))`,
      { scope, below: belowPattern(scope) },
    )
    .andWhere(NEVER_SUBMITTED_EXCLUDED);
  const { status, procedureId, handlerId, receivingUnitCode, fieldCode, channel, receivedFrom, receivedTo, finishedFrom, finishedTo } = filter;
  if (status) query.andWhere('d.status = :status', { status });
  if (procedureId) query.andWhere('d.procedure_id = :procedureId', { procedureId });
  if (handlerId) query.andWhere('d.handler_id = :handlerId', { handlerId });
  if (receivingUnitCode) query.andWhere('d.receiving_unit_code = :receivingUnitCode', { receivingUnitCode });
  if (fieldCode) query.andWhere('d.field_code = :fieldCode', { fieldCode });
  if (channel) query.andWhere('d.channel = :channel', { channel });
  if (receivedFrom) query.andWhere(`${RECEIVED} AND ${ON_OR_AFTER('d.received_at', 'receivedFrom')}`, { receivedFrom });
  if (receivedTo) query.andWhere(`${RECEIVED} AND ${ON_OR_BEFORE('d.received_at', 'receivedTo')}`, { receivedTo });
  if (finishedFrom) query.andWhere(ON_OR_AFTER('d.finished_at', 'finishedFrom'), { finishedFrom });
  if (finishedTo) query.andWhere(ON_OR_BEFORE('d.finished_at', 'finishedTo'), { finishedTo });
  if (filter.timeliness) query.andWhere(TIMELINESS[filter.timeliness]);
  return paginate(
    query,
    {
      columns: [
        { sql: 'd.received_at', value: (d) => d.receivedAt },
        { sql: 'd.id', value: (d) => d.id },
      ],
      direction: 'DESC',
    },
    page,
  );
}

/**
 * One page of the dossiers whose applicant row the database shows the caller, newest first: for
 * a citizen, their own (the read policy of dossier_applicant decides, not this query).
 */
export function applicantsDossierPage(db: EntityManager, status: DossierStatus | null, page: PageArgs): Promise<Connection<DossierEntity>> {
  const query = db.getRepository(DossierEntity).createQueryBuilder('d').where('EXISTS (SELECT 1 FROM dossier_applicant a WHERE a.dossier_id = d.id)');
  if (status) query.andWhere('d.status = :status', { status });
  return paginate(
    query,
    {
      columns: [
        { sql: 'd.received_at', value: (d) => d.receivedAt },
        { sql: 'd.id', value: (d) => d.id },
      ],
      direction: 'DESC',
    },
    page,
  );
}

/** The dossiers of each subtree resolved late (the national grade) in the period: one row per dossier and subtree asked. */
export async function resolvedLateBySubtree(db: EntityManager, paths: string[], period: Period): Promise<{ id: string; subtree: string }[]> {
  return db.query(
    `SELECT d.id, k.path AS subtree FROM dossier d JOIN unnest($1::text[]) AS k(path) ON ${withinSql('d.owner_path', 'k.path')}
      WHERE ${graded('LATE')}
        AND d.finished_at >= ${vietnamMidnightSql('$2::date')} AND d.finished_at < ${vietnamMidnightSql('$3::date + 1')}`,
    [paths, period.from, period.to],
  );
}

export async function dossiersByIds(db: EntityManager, ids: string[]): Promise<DossierEntity[]> {
  return db.findBy(DossierEntity, { id: In(ids) });
}

/** The steps of many dossiers, each dossier's in their order. */
export async function stepsOfDossiers(db: EntityManager, dossierIds: string[]): Promise<DossierStepEntity[]> {
  return db.find(DossierStepEntity, { where: { dossierId: In(dossierIds) }, order: { position: 'ASC' } });
}

/** The history of many dossiers, in the order it was written. */
export async function eventsOfDossiers(db: EntityManager, dossierIds: string[]): Promise<DossierEventEntity[]> {
  return db.find(DossierEventEntity, { where: { dossierId: In(dossierIds) }, order: { id: 'ASC' } });
}
