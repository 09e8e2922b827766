import { badInput, notFound } from './errors';
import type { Peers } from './peers';
import type { UnitLevel, UnitPath } from './units';

export interface CatalogueUnit {
  code: string;
  name: string;
  kind: 'ADMINISTRATIVE' | 'AGENCY' | 'SERVICE_CENTRE';
  level: UnitLevel;
  path: UnitPath;
  validTo: string | null;
}

/**
 * The catalogue's current units a write names, asked of the catalogue in one call (the gateway
 * plans reads, not writes): keys are the input fields, so a missing or ended unit is reported
 * against its field.
 */
export async function lookUpUnits<F extends string>(peers: Peers, codes: Record<F, string>): Promise<Record<F, CatalogueUnit>> {
  const fields = Object.keys(codes) as F[];
  const query = `query (${fields.map((_, i) => `$c${i}: String!`).join(', ')}) { ${fields.map((_, i) => `u${i}: unit(code: $c${i}) { code name kind level path validTo }`).join(' ')} }`;
  const answer = await peers.query<Record<string, CatalogueUnit | null>>(
    'catalogue',
    query,
    Object.fromEntries(fields.map((field, i) => [`c${i}`, codes[field]])),
  );
  return Object.fromEntries(
    fields.map((field, i) => {
      const unit = answer[`u${i}`];
      if (!unit) throw notFound(`No unit has code ${codes[field]}.`, field);
      if (unit.validTo) throw badInput(field, `${unit.name} (${unit.code}) ended on ${unit.validTo}; name the unit that took it over.`);
      return [field, unit];
    }),
  ) as Record<F, CatalogueUnit>;
}
