import type { Context } from '../context';

/** A dossier reference with what this subgraph @requires of the dossiers subgraph. */
type DossierRef = { id: string; ownerPath?: string | null; fieldCode?: string | null };

/** Lĩnh vực Đất đai: the field of the procedures whose dossiers concern a parcel. */
const LAND_FIELD = 'DD';

/**
 * The dossiers subgraph answers `ownerPath` only to a caller who may see the dossier (signed on its
 * way here); without it, or for a dossier of another field, there is no parcel to show.
 */
export const Dossier = {
  __resolveReference: (ref: DossierRef) => ref,
  landParcel: async (dossier: DossierRef, _: unknown, ctx: Context) => {
    if (typeof dossier.ownerPath !== 'string' || dossier.fieldCode !== LAND_FIELD) return null;
    const link = await ctx.loaders.linkByDossier.load(dossier.id);
    return link ? ctx.loaders.parcelById.load(link.parcelId) : null;
  },
};
