/** Mức độ hài lòng, from the best: the five levels a rating gives the result and the attitude. */
export const SATISFACTION_LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/**
 * A rating is satisfied when both the result and the attitude are rated at one of these levels,
 * dissatisfied when either is rated at one of `DISSATISFIED_LEVELS`.
 */
export const SATISFIED_LEVELS = ['VERY_SATISFIED', 'SATISFIED'] as const satisfies readonly SatisfactionLevel[];
export const DISSATISFIED_LEVELS = ['DISSATISFIED', 'VERY_DISSATISFIED'] as const satisfies readonly SatisfactionLevel[];

/** Five for very satisfied down to one for very dissatisfied. */
export const levelScore = (level: SatisfactionLevel) => 5 - SATISFACTION_LEVELS.indexOf(level);
