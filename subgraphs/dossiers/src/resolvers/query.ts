import { OPEN as OPEN_STATUSES, RESOLVED, statusesSql } from '../status';
import { withinSql } from '../../../../shared/sql';
import { requireUnit } from '../../../../shared/caller';
import { paginate, type PageArgs } from '../../../../shared/connection';
import { badInput } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { vietnamMidnightSql } from '../../../../shared/scalars';
import { isWithin, normaliseCode, parseUnitPath } from '../../../../shared/units';
import type { Context } from '../context';
import { DossierEntity } from '../entities/dossier.entity';
import type { DossierStatus } from '../status';
import { visible } from './dossier';
import { publicDossier } from './public-dossier';
import { dossierStatistics } from './statistics';
import { GRADE } from '../lifecycle/statistics';
import { NOW_SQL } from '../../../../shared/clock';

interface DossierFilter {
  status?: DossierStatus | null;
  unitPath?: string | null;
  procedureId?: string | null;
  handlerId?: string | null;
  receivingUnitCode?: string | null;
  fieldCode?: string | null;
  channel?: string | null;
  receivedFrom?: string | null;
  receivedTo?: string | null;
  finishedFrom?: string | null;
  finishedTo?: string | null;
  timeliness?: 'EARLY' | 'ON_TIME' | 'LATE' | 'IN_TIME' | 'OVERDUE' | null;
}

/** Vietnam dates, both included, on a timestamp column. */
const ON_OR_AFTER = (column: string, param: string) => `${column} >= ${vietnamMidnightSql(`:${param}::date`)}`;
const ON_OR_BEFORE = (column: string, param: string) => `${column} < ${vietnamMidnightSql(`:${param}::date + 1`)}`;
const OPEN = `d.status IN ${statusesSql(OPEN_STATUSES)}`;
/** As the statistics count them, so every figure drills down to its dossiers. */
const TIMELINESS: Record<NonNullable<DossierFilter['timeliness']>, string> = {
  EARLY: `d.status IN ${statusesSql(RESOLVED)} AND ${GRADE} = 'EARLY'`,
  ON_TIME: `d.status IN ${statusesSql(RESOLVED)} AND ${GRADE} = 'ON_TIME'`,
  LATE: `d.status IN ${statusesSql(RESOLVED)} AND ${GRADE} = 'LATE'`,
  IN_TIME: `${OPEN} AND (d.due_at IS NULL OR d.due_at >= ${NOW_SQL})`,
  OVERDUE: `${OPEN} AND d.due_at < ${NOW_SQL}`,
};

export const Query = {
  publicDossier,
  dossierStatistics,

  dossier: async (_: unknown, args: { id: string }, ctx: Context) => visible(await ctx.loaders.dossierById.load(parseId(args.id, 'id')), ctx),

  dossierByCode: async (_: unknown, args: { code: string }, ctx: Context) => visible(await ctx.loaders.dossierByCode.load(normaliseCode(args.code)), ctx),

  dossiers: (_: unknown, args: PageArgs & { filter?: DossierFilter | null }, ctx: Context) => {
    const own = requireUnit(ctx.caller);
    const filter = args.filter ?? {};
    const { status, unitPath, procedureId, handlerId } = filter;
    if (unitPath && !isWithin(parseUnitPath(unitPath, 'filter.unitPath'), own)) {
      throw badInput('filter.unitPath', `Unit ${unitPath} is outside your unit ${own}; you can list ${own} and the units below it.`);
    }
    const scope = unitPath ?? own;
    const query = ctx.db
      .getRepository(DossierEntity)
      .createQueryBuilder('d')
      // Its own dossiers, and those of other units in which it holds a liên thông step.
      .where(
        `(${withinSql('d.owner_path', ':scope', ':below')}
          OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = d.id AND ${withinSql('s.owner_path', ':scope', ':below')}))`,
        { scope, below: `${scope}.%` },
      );
    if (status) query.andWhere('d.status = :status', { status });
    if (procedureId) query.andWhere('d.procedure_id = :procedureId', { procedureId: parseId(procedureId, 'filter.procedureId') });
    if (handlerId) query.andWhere('d.handler_id = :handlerId', { handlerId: parseId(handlerId, 'filter.handlerId') });
    if (filter.receivingUnitCode) query.andWhere('d.receiving_unit_code = :receivingUnitCode', filter);
    if (filter.fieldCode) query.andWhere('d.field_code = :fieldCode', filter);
    if (filter.channel) query.andWhere('d.channel = :channel', filter);
    if (filter.receivedFrom) query.andWhere(`d.status NOT IN ('NEW', 'NOT_RECEIVED') AND ${ON_OR_AFTER('d.received_at', 'receivedFrom')}`, filter);
    if (filter.receivedTo) query.andWhere(`d.status NOT IN ('NEW', 'NOT_RECEIVED') AND ${ON_OR_BEFORE('d.received_at', 'receivedTo')}`, filter);
    if (filter.finishedFrom) query.andWhere(ON_OR_AFTER('d.finished_at', 'finishedFrom'), filter);
    if (filter.finishedTo) query.andWhere(ON_OR_BEFORE('d.finished_at', 'finishedTo'), filter);
    if (filter.timeliness) query.andWhere(TIMELINESS[filter.timeliness]);
    return paginate(
      query,
      { columns: [{ sql: 'd.received_at', value: (d) => d.receivedAt }, { sql: 'd.id', value: (d) => d.id }], direction: 'DESC' },
      args,
    );
  },
};
