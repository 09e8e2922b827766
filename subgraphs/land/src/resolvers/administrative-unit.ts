import { badInput } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import type { Context } from '../context';

type UnitRef = { code: string; asOf: string | null; path: string };

const MAX_PAGE = 200;

export const AdministrativeUnit = {
  __resolveReference: (ref: UnitRef) => ref,
  landParcels: (unit: UnitRef, args: { first: number; after?: string | null }, ctx: Context) => {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) {
      throw badInput('first', `Ask for 1 to ${MAX_PAGE} parcels at a time; page on with \`after\`, the last id you received.`);
    }
    const after = args.after ? parseId(args.after, 'after') : '';
    return ctx.loaders.parcelsByUnitPath.load(`${args.first}|${after}|${unit.path}`);
  },
};
