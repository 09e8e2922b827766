import { badInput } from './errors';

/**
 * A unit path is the dotted list of unit codes from the province down, e.g. `27.259.09193`.
 * Codes never contain dots. The same rule is enforced in SQL by `motcua_in_scope` (each subgraph's initial migration).
 */
export type UnitPath = string;

/** Cấp — the tiers; the district tier was abolished on 1 July 2025 and stays for history. */
export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export function isWithin(path: UnitPath, scope: UnitPath): boolean {
  return path === scope || path.startsWith(`${scope}.`);
}

export function parentPath(path: UnitPath): UnitPath | null {
  const cut = path.lastIndexOf('.');
  return cut < 0 ? null : path.slice(0, cut);
}

const PATH = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;

export const isUnitPath = (value: string): boolean => value.length <= 200 && PATH.test(value);

/** Checks a unit path given by a client (it ends up in a LIKE prefix). */
export function parseUnitPath(value: string, field: string): UnitPath {
  if (!PATH.test(value))
    throw badInput(field, `"${value}" is not a unit path; write unit codes from the province down, joined by dots (e.g. 27.259.09193).`);
  return value;
}

/** A reference to the catalogue's unit, as it is now (`asOf` null) or as it was on a date. */
export const unitRef = (code: string, asOf: string | null = null) => ({ __typename: 'AdministrativeUnit' as const, code, asOf });

/**
 * A code as people type or scan it (a unit's `09238-mc `, a dossier's `000.17.22.h56-240312-0001`)
 * in the form it is stored: codes are written upper case, so lookups fold case and trim.
 */
export const normaliseCode = (code: string): string => code.trim().toUpperCase();
