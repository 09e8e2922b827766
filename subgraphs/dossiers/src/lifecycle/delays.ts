import type { EntityManager } from 'typeorm';
import { loadCalendar } from '../../../../shared/calendar-store';
import { batchByGroup, groupByKeys } from '../../../../shared/loaders';
import type { DossierEntity } from '../store/entities/dossier.entity';
import { dossiersByIds, eventsOfDossiers, resolvedLateBySubtree, stepsOfDossiers } from '../store/dossiers';
import { pausesOf, stepTimings, type StepTiming } from './timing';

/** Late dossiers put on the unit that caused the delay: how many, and the working hours over their steps' allotments. */
export interface Delay {
  /** Code of the unit: the step's that ran over most, or the owner's where no step ran over (the desk itself was late). */
  unitCode: string;
  unitPath: string;
  dossiers: number;
  overHours: number;
}

/**
 * Who caused a late dossier's delay: the unit of the step furthest over its allotment, else the
 * owner (a dossier without liên thông steps, or late by more than one supplement request).
 * `accountableUnitPath` of the public view applies the same rule to one dossier.
 */
export function accountable(
  dossier: Pick<DossierEntity, 'ownerPath'>,
  timings: StepTiming[],
): { path: string; code: string | null; overHours: number } {
  const over = timings.filter((t) => t.overHours > 0).sort((a, b) => b.overHours - a.overHours)[0];
  return over
    ? { path: over.step.ownerPath, code: over.step.unitCode, overHours: over.overHours }
    : { path: dossier.ownerPath, code: null, overHours: 0 };
}

/**
 * The dossiers of each subtree resolved late in the period (the national grade), grouped by the
 * unit that caused the delay. One statement for the dossiers of all the subtrees asked, one for
 * their steps, one for their history: the clocks are worked out here, as `Dossier.steps` does.
 */
async function delaysOf(db: EntityManager, from: string, to: string, paths: string[], now: Date): Promise<Map<string, Delay[]>> {
  const found = await resolvedLateBySubtree(db, paths, { from, to });
  const ids = [...new Set(found.map((row) => row.id))];
  const [dossiers, steps, events, calendar] = await Promise.all([
    ids.length ? dossiersByIds(db, ids) : [],
    ids.length ? stepsOfDossiers(db, ids) : [],
    ids.length ? eventsOfDossiers(db, ids) : [],
    loadCalendar(db),
  ]);
  const byId = new Map(dossiers.map((d) => [d.id, d]));
  const late = found.map((row) => ({ ...byId.get(row.id)!, subtree: row.subtree }));
  const [stepGroups, eventGroups] = [groupByKeys(ids, steps, (s) => s.dossierId), groupByKeys(ids, events, (e) => e.dossierId)];
  const stepsOf = new Map(ids.map((id, i) => [id, stepGroups[i]]));
  const eventsOf = new Map(ids.map((id, i) => [id, eventGroups[i]]));
  const result = new Map<string, Delay[]>();
  for (const path of paths) {
    const byUnit = new Map<string, Delay>();
    for (const dossier of late.filter((d) => d.subtree === path)) {
      const cause = accountable(dossier, stepTimings(dossier, stepsOf.get(dossier.id)!, pausesOf(eventsOf.get(dossier.id)!), calendar, now));
      const code = cause.code ?? cause.path.slice(cause.path.lastIndexOf('.') + 1);
      const delay = byUnit.get(cause.path) ?? { unitCode: code, unitPath: cause.path, dossiers: 0, overHours: 0 };
      delay.dossiers += 1;
      delay.overHours = Math.round((delay.overHours + cause.overHours) * 100) / 100;
      byUnit.set(cause.path, delay);
    }
    result.set(
      path,
      [...byUnit.values()].sort((a, b) => b.dossiers - a.dossiers || b.overHours - a.overHours || a.unitPath.localeCompare(b.unitPath)),
    );
  }
  return result;
}

/** Batch function: keys are `from|to|subtree`, one round of statements per period. */
export const delaysBatch = (db: EntityManager, now: () => Date) => batchByGroup(([from, to], paths) => delaysOf(db, from, to, paths, now()));
