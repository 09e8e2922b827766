import type { CatalogueLoaders } from '../loaders';
import type { ProcessStep } from '../procedures/content';

/** A unit as far as the rule below needs it. */
interface Candidate {
  kind: string;
  roles: string[];
}

/**
 * Đơn vị có thẩm quyền: the unit that plays a process role at a tier of the matter's area — the
 * tier's own unit (the People's Committee, "Ủy ban nhân dân cấp xã") or an agency directly inside
 * it ("Công an cấp huyện"), as the units' roles say; a step with no role goes to the tier's unit.
 */
export function playing<U extends Candidate>(role: string | null, tier: U, inside: U[]): U | null {
  if (!role) return tier;
  return [tier, ...inside.filter((unit) => unit.kind === 'AGENCY')].find((unit) => unit.roles.includes(role)) ?? null;
}

/** The unit holding a step for a matter of `area`: the step's own unit, else the one playing its role at its tier of the area. */
export async function competentUnit(
  step: Pick<ProcessStep, 'level' | 'role' | 'unitCode'>,
  area: string,
  loaders: Pick<CatalogueLoaders, 'unitByCode' | 'unitChildren'>,
) {
  if (step.unitCode) return loaders.unitByCode.load(step.unitCode);
  const place = await loaders.unitByCode.load(area);
  if (!place) return null;
  const chain = await Promise.all(place.path.split('.').map((code) => loaders.unitByCode.load(code)));
  const tier = chain.find((unit) => unit?.kind === 'ADMINISTRATIVE' && unit.level === step.level);
  if (!tier) return null;
  return playing(
    step.role ?? null,
    tier,
    (await loaders.unitChildren.load(tier.code)).filter((unit) => !unit.validTo),
  );
}
