import type { Context } from '../context';
import { evaluateDossier, type DossierFacts } from '../indicators/evaluation';

/** A dossier reference as the gateway sends it, with what this subgraph @requires of the dossiers subgraph. */
type DossierRef = { id: string; ownerPath?: string | null };

/**
 * The dossiers subgraph answers `ownerPath` only to a caller who may see the dossier (the gateway
 * signs what it forwards, so the value cannot be forged); without it this subgraph shows nothing.
 * This holds when the gateway reaches a Dossier from here alone (a rating's or a petition's).
 */
const shown = (dossier: DossierRef) => typeof dossier.ownerPath === 'string';

export const Dossier = {
  __resolveReference: (ref: DossierRef & Partial<DossierFacts>) => ref,
  ratings: (dossier: DossierRef, _: unknown, ctx: Context) => (shown(dossier) ? ctx.loaders.ratingsByDossier.load(dossier.id) : []),
  petitions: (dossier: DossierRef, _: unknown, ctx: Context) => (shown(dossier) ? ctx.loaders.petitionsByDossier.load(dossier.id) : []),
  evaluation: async (dossier: DossierRef & DossierFacts, _: unknown, ctx: Context) => {
    if (!shown(dossier)) return null;
    const [ratings, petitions] = await Promise.all([ctx.loaders.ratingsByDossier.load(dossier.id), ctx.loaders.petitionsByDossier.load(dossier.id)]);
    return evaluateDossier(
      dossier,
      ratings.map((r) => r.attitudeSatisfaction),
      petitions.filter((p) => p.status !== 'REJECTED'),
      ctx.clock.now(),
    );
  },
};
