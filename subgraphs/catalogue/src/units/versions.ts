import type { AdministrativeUnitEntity } from '../store/entities/administrative-unit.entity';

/** A unit as it was on `asOf`: the version in force that day, with the day it stopped being so. */
export type UnitAsOf = AdministrativeUnitEntity & { asOf: string };

/** Loader keys are `code@YYYY-MM-DD`. */
export const atKey = (code: string, date: string) => `${code}@${date}`;

/** The code and the date of each key, as two lists. */
export const splitAtKeys = (keys: readonly string[]): [string[], string[]] => {
  const pairs = keys.map((key) => key.split('@') as [string, string]);
  return [pairs.map(([code]) => code), pairs.map(([, date]) => date)];
};
