import type { ProcessStep } from './content';

/** Who holds a step, as far as the catalogue can tell without the matter's area: its own unit, else its tier and role. */
const holder = (step: Pick<ProcessStep, 'level' | 'role' | 'unitCode'>) => step.unitCode ?? `${step.level}:${step.role ?? ''}`;

/**
 * Liên thông: a procedure is inter-agency exactly when one of its cases' processes passes the
 * dossier between units — not because an announcement says so (one listed as inter-agency with no
 * process is not).
 */
export const crossesUnits = (variants: { process: Pick<ProcessStep, 'level' | 'role' | 'unitCode'>[] }[]) =>
  variants.some((variant) => new Set(variant.process.map(holder)).size > 1);
