import { badInput } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import type { Context } from '../context';

type UnitRef = { code: string; asOf: string | null; path: string };

const MAX_PAGE = 200;

export const AdministrativeUnit = {
  __resolveReference: (ref: UnitRef) => ref,
  landParcels: async (unit: UnitRef, args: { first: number; after?: string | null }, ctx: Context) => {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) {
      throw badInput('first', `Ask for 1 to ${MAX_PAGE} parcels at a time; page on with \`after\`, the last id you received.`);
    }
    const after = args.after ? parseId(args.after, 'after') : '';
    if (after && !(await ctx.loaders.parcelById.load(after))) {
      throw badInput('after', 'No parcel has this id; pass the id of the last parcel of the page before.');
    }
    return ctx.loaders.parcelsByUnitPath.load(`${args.first}|${after}|${unit.path}`);
  },
};
