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
