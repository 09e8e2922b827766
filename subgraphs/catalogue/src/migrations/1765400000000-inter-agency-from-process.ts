import { sqlMigration } from '../../../../shared/rls';

/** Who holds a step without the matter's area (as `crossesUnits` reads it): its own unit, else its tier and role. */
const crosses = `EXISTS (SELECT 1 FROM procedure_variant v WHERE v.version_id = pv.id
   AND (SELECT count(DISTINCT coalesce(s->>'unitCode', (s->>'level') || ':' || coalesce(s->>'role', ''))) FROM jsonb_array_elements(v.process) s) > 1)`;

/**
 * Frozen. A procedure is inter-agency exactly when one of its cases' processes passes the dossier
 * between units; the flag announcements set by hand is recomputed from the processes.
 */
export const InterAgencyFromProcess = sqlMigration(
  'CatalogueInterAgencyFromProcess1765400000000',
  [
    // Row security is forced on the owner too: lifted for the owner's own correction, then forced again.
    `ALTER TABLE procedure_version NO FORCE ROW LEVEL SECURITY`,
    `ALTER TABLE procedure NO FORCE ROW LEVEL SECURITY`,
    `UPDATE procedure_version pv SET inter_agency = ${crosses}`,
    `UPDATE procedure p SET inter_agency = coalesce((SELECT pv.inter_agency FROM procedure_version pv WHERE pv.procedure_id = p.id ORDER BY pv.number DESC LIMIT 1), false)`,
    `ALTER TABLE procedure FORCE ROW LEVEL SECURITY`,
    `ALTER TABLE procedure_version FORCE ROW LEVEL SECURITY`,
  ],
  [],
);
