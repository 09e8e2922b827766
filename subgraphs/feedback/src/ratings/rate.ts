import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, conflict } from '../../../../shared/errors';
import type { Peers } from '../../../../shared/peers';
import { servingOfficial } from '../../../../shared/officials';
import { vietnamDate } from '../../../../shared/scalars';
import { ratableDossier } from '../peers';
import { type RatingChannel } from '../store/entities/rating.entity';
import { SATISFACTION_LEVELS } from './levels';
import { dossierIsRated, insertRating, insertRatingComment, lockDossierRating } from '../store/ratings';

export interface NewRating {
  dossierCode: string;
  ratingSecret: string;
  channel: RatingChannel;
  /** 1 (very dissatisfied) to 5 (very satisfied): what a button panel or kiosk sends. */
  resultScore: number;
  attitudeScore: number;
  comment?: string | null;
}

const SERVED = new Set(['PROCESSED', 'RESULT_RETURNED']);

function level(score: number, field: string) {
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw badInput(field, `A score runs from 1 (very dissatisfied) to 5 (very satisfied); got ${score}.`);
  }
  return SATISFACTION_LEVELS[5 - score];
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
  const dossier = await ratableDossier(peers, input.dossierCode, input.ratingSecret);
  if (!SERVED.has(dossier.status)) {
    throw conflict(`Dossier ${dossier.code} is ${dossier.status}; it can be rated once it has been processed.`, 'input.dossierCode');
  }
  // One rating per dossier, whatever the channel: two concurrent raters of one dossier take turns on this lock.
  await lockDossierRating(manager, dossier.id);
  if (await dossierIsRated(manager, dossier.id)) {
    throw conflict(`Dossier ${dossier.code} has already been rated; each dossier takes one rating.`, 'input.dossierCode');
  }
  const id = randomUUID();
  const centreCode = dossier.receivingUnit?.code ?? null;
  const official = dossier.handler
    ? await servingOfficial(peers, dossier.handler.id, centreCode, vietnamDate(now))
    : { homeAgencyCode: null, counterNumber: null };
  await insertRating(manager, {
    id,
    dossierId: dossier.id,
    officialId: dossier.handler?.id ?? null,
    counterNumber: official.counterNumber,
    channel: input.channel,
    resultSatisfaction,
    attitudeSatisfaction,
    ratedAt: now,
    ownerPath: dossier.ownerPath,
    receivingUnitCode: centreCode,
    agencyCode: official.homeAgencyCode,
    procedureId: dossier.procedure?.id ?? null,
    fieldCode: dossier.fieldCode,
  });
  if (comment) await insertRatingComment(manager, { ratingId: id, comment, ownerPath: dossier.ownerPath });
  return id;
}
