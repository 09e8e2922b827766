import type { Peers } from '../../../../shared/peers';
import { badInput, notFound } from '../../../../shared/errors';

export interface CatalogueUnit {
  code: string;
  name: string;
  kind: 'ADMINISTRATIVE' | 'AGENCY' | 'SERVICE_CENTRE';
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  path: string;
  validTo: string | null;
}

/**
 * The catalogue's units a write names, asked of the catalogue in one call (the gateway plans
 * reads, not writes): keys are the input fields, so a missing unit is reported against its field.
 */
export async function lookUpUnits<F extends string>(peers: Peers, codes: Record<F, string>): Promise<Record<F, CatalogueUnit>> {
  const fields = Object.keys(codes) as F[];
  const query = `query (${fields.map((_, i) => `$c${i}: String!`).join(', ')}) { ${fields.map((_, i) => `u${i}: unit(code: $c${i}) { code name kind level path validTo }`).join(' ')} }`;
  const answer = await peers.query<Record<string, CatalogueUnit | null>>('catalogue', query, Object.fromEntries(fields.map((field, i) => [`c${i}`, codes[field]])));
  return Object.fromEntries(
    fields.map((field, i) => {
      const unit = answer[`u${i}`];
      if (!unit) throw notFound(`No unit has code ${codes[field]}.`, field);
      if (unit.validTo) throw badInput(field, `${unit.name} (${unit.code}) ended on ${unit.validTo}; name the unit that took it over.`);
      return [field, unit];
    }),
  ) as Record<F, CatalogueUnit>;
}

/** A reception unit: a centre or a one-stop desk of the catalogue. */
export function requireCentre(unit: CatalogueUnit, field: string): CatalogueUnit {
  if (unit.kind !== 'SERVICE_CENTRE') throw badInput(field, `${unit.name} (${unit.code}) is not a public administration centre or one-stop desk.`);
  return unit;
}

/** Field codes the catalogue does not know, checked before a counter is said to serve them. */
export async function unknownFields(peers: Peers, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const { fields } = await peers.query<{ fields: { code: string }[] }>('catalogue', '{ fields { code } }');
  const known = new Set(fields.map((f) => f.code));
  return codes.filter((code) => !known.has(code));
}
