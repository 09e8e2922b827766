import { badInput } from '../../../../shared/errors';
import type { Peers } from '../../../../shared/peers';
import type { CatalogueUnit } from '../../../../shared/unit-lookups';
import { catalogueFieldCodes } from '../peers';

/** A reception unit: a centre or a one-stop desk of the catalogue. */
export function requireCentre(unit: CatalogueUnit, field: string): CatalogueUnit {
  if (unit.kind !== 'SERVICE_CENTRE') throw badInput(field, `${unit.name} (${unit.code}) is not a public administration centre or one-stop desk.`);
  return unit;
}

/** Field codes the catalogue does not know, checked before a counter is said to serve them. */
export async function unknownFields(peers: Peers, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = new Set(await catalogueFieldCodes(peers));
  return codes.filter((code) => !known.has(code));
}
