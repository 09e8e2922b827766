import type { EntityManager } from 'typeorm';
import { unitRef } from '../../../../shared/units';
import type { SecondmentKind } from '../store/entities/secondment.entity';
import { counterCoverage, secondedByHomeAgency } from '../store/summary';

/** A centre's staffing on a day: who is seconded from where, which counters and fields are covered. */
export async function centreStaffing(db: EntityManager, centreCode: string, date: string) {
  const [byAgency, counters] = await Promise.all([secondedByHomeAgency(db, centreCode, date), counterCoverage(db, centreCode, date)]);
  const count = (kind: SecondmentKind) => byAgency.filter((row) => row.kind === kind).reduce((n, row) => n + row.officials, 0);
  return {
    centre: unitRef(centreCode),
    date,
    seconded: count('DEPARTMENT'),
    central: count('CENTRAL_AGENCY'),
    byHomeAgency: byAgency.map((row) => ({ ...row, homeAgency: unitRef(row.homeAgencyCode) })),
    openCounters: counters.openCounters,
    countersCovered: counters.countersCovered,
    fieldsWithoutOfficial: counters.fieldsWithoutOfficial.map((code) => ({ __typename: 'Field', code })),
  };
}
