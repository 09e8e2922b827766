import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, conflict } from '../../../../shared/errors';
import type { Peers } from '../../../../shared/peers';
import { RatingEntity, SATISFACTION_LEVELS, type RatingChannel } from '../entities/rating.entity';
import { homeAgencyOf, ratableDossier } from '../lookups';

export interface NewRating {
  dossierCode: string;
  ratingSecret: string;
  channel: RatingChannel;
  /** 1 (very dissatisfied) to 5 (very satisfied): what a button panel or kiosk sends. */
  resultScore: number;
  attitudeScore: number;
  comment?: string | null;
  counterNumber?: number | null;
}

const SERVED = new Set(['PROCESSED', 'RESULT_RETURNED']);

function level(score: number, field: string) {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw badInput(field, `A score runs from 1 (very dissatisfied) to 5 (very satisfied); got ${score}.`);
  return SATISFACTION_LEVELS[5 - score]!;
}

/**
 * A citizen's rating of a served dossier, by its code and the rating secret on its receipt
 * (counter button, kiosk, QR code, portal): one per dossier, whatever the channel. The official and desk come from the dossier, not from the
 * rater.
 */
export async function rateDossier(manager: EntityManager, peers: Peers, input: NewRating, now: Date): Promise<string> {
  const resultSatisfaction = level(input.resultScore, 'input.resultScore');
  const attitudeSatisfaction = level(input.attitudeScore, 'input.attitudeScore');
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > 2000) throw badInput('input.comment', 'A comment is at most 2,000 characters.');
  if (input.counterNumber != null && (!Number.isInteger(input.counterNumber) || input.counterNumber < 1)) throw badInput('input.counterNumber', 'A counter number is a whole number from 1.');
  const dossier = await ratableDossier(peers, input.dossierCode, input.ratingSecret);
  if (!SERVED.has(dossier.status)) throw conflict(`Dossier ${dossier.code} is ${dossier.status}; it can be rated once it has been processed.`, 'input.dossierCode');
  // One rating per dossier, whatever the channel: two concurrent raters of one dossier take turns on this lock.
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rating:${dossier.id}`]);
  if (await manager.existsBy(RatingEntity, { dossierId: dossier.id })) {
    throw conflict(`Dossier ${dossier.code} has already been rated; each dossier takes one rating.`, 'input.dossierCode');
  }
  const id = randomUUID();
  await manager.insert(RatingEntity, {
    id, dossierId: dossier.id, officialId: dossier.handler?.id ?? null, counterNumber: input.counterNumber ?? null, channel: input.channel,
    resultSatisfaction, attitudeSatisfaction, comment, ratedAt: now, ownerPath: dossier.ownerPath,
    receivingUnitCode: dossier.receivingUnit?.code ?? null, agencyCode: dossier.handler ? await homeAgencyOf(peers, dossier.handler.id) : null,
  });
  return id;
}
