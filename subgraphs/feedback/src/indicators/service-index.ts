import { percent } from '../../../../shared/figures';

/** The inputs of Decision 766's sub-indicators that the platform holds, for one unit and period. */
export interface ServiceIndexInputs {
  /** From the dossiers subgraph. */
  received: number;
  receivedOnline: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** Received with every document a file; by the procedure's online level, received and of those online; resolved with an electronic result. */
  receivedDigitised: number;
  receivedFull: number;
  receivedFullOnline: number;
  receivedPartial: number;
  receivedPartialOnline: number;
  resolvedElectronic: number;
  /** Received with something to pay, and of those paid online. */
  receivedWithFees: number;
  receivedPaidOnline: number;
  /** From feedback. */
  ratings: number;
  satisfied: number;
  /** Petitions whose resolution deadline fell in the period (answered, or still open past it). */
  petitionsDue: number;
  petitionsInTime: number;
  /** Dossiers with a dissatisfied rating or a petition in the period. */
  dossiersDislikedOrComplained: number;
}

/** The inputs feedback holds. */
export type FeedbackIndexInputs = Pick<
  ServiceIndexInputs,
  'ratings' | 'satisfied' | 'petitionsDue' | 'petitionsInTime' | 'dossiersDislikedOrComplained'
>;
/** The inputs the dossiers subgraph holds. */
export type DossierIndexInputs = Omit<ServiceIndexInputs, keyof FeedbackIndexInputs>;
/** Of those, its figures and its digitisation inputs. */
export type DigitisationInputs = Pick<
  DossierIndexInputs,
  | 'receivedDigitised'
  | 'receivedFull'
  | 'receivedFullOnline'
  | 'receivedPartial'
  | 'receivedPartialOnline'
  | 'resolvedElectronic'
  | 'receivedWithFees'
  | 'receivedPaidOnline'
>;
export type DossierStatsInputs = Omit<DossierIndexInputs, keyof DigitisationInputs>;

/**
 * Decision 766's sub-indicators, in percent with 2 decimals; a zero denominator gives null
 * (N/A), never 0 or 100:
 * - progress: resolved early or on time over resolved;
 * - online share: dossiers received online over received (full points at ≥ 50%), and per online level of the procedure;
 * - digitised share: received with every document a file over received (full points at ≥ 80%);
 * - electronic results: resolved with the result as a file over resolved;
 * - online payment: received with something to pay and paid through the payment platform over received with something to pay;
 * - satisfaction: satisfied ratings over ratings;
 * - petitions handled in time: answered by the deadline over those due;
 * - procedure satisfaction: 100% − (late rate + share of resolved dossiers with a complaint or a dislike), at least 0 (full points at ≥ 90%).
 */
export function serviceIndex(inputs: ServiceIndexInputs) {
  // The two shares are added before rounding: rounding each first can move the result by a hundredth.
  const unsatisfied = percent(inputs.resolvedLate + inputs.dossiersDislikedOrComplained, inputs.resolved);
  return {
    ...inputs,
    progressRate: percent(inputs.resolvedEarly + inputs.resolvedOnTime, inputs.resolved),
    onlineDossierRate: percent(inputs.receivedOnline, inputs.received),
    onlineDossierRateFull: percent(inputs.receivedFullOnline, inputs.receivedFull),
    onlineDossierRatePartial: percent(inputs.receivedPartialOnline, inputs.receivedPartial),
    digitisedDossierRate: percent(inputs.receivedDigitised, inputs.received),
    electronicResultRate: percent(inputs.resolvedElectronic, inputs.resolved),
    onlinePaymentRate: percent(inputs.receivedPaidOnline, inputs.receivedWithFees),
    satisfactionRate: percent(inputs.satisfied, inputs.ratings),
    petitionsInTimeRate: percent(inputs.petitionsInTime, inputs.petitionsDue),
    procedureSatisfaction: unsatisfied === null ? null : Math.max(0, Math.round(10000 - unsatisfied * 100) / 100),
  };
}
