import type { Context } from '../context';
import { showsParcels } from '../parcels/parcels';

/** A dossier reference with what this subgraph @requires of the dossiers subgraph. */
type DossierRef = { id: string; ownerPath?: string | null; fieldCode?: string | null };

/**
 * The dossiers subgraph answers `ownerPath` only to a caller who may see the dossier (signed on its
 * way here); without it, for a dossier of another field or outside the branch's district, there is no parcel to show.
 */
export const Dossier = {
  __resolveReference: (ref: DossierRef) => ref,
  landParcel: async (dossier: DossierRef, _: unknown, ctx: Context) => {
    if (!showsParcels(dossier, ctx.owner!)) return null;
    const link = await ctx.loaders.linkByDossier.load(dossier.id);
    return link ? ctx.loaders.parcelById.load(link.parcelId) : null;
  },
};
