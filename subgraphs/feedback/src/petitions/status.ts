/** Trạng thái of a petition (PAKN), from received to its answer published. */
export const PETITION_STATUSES = ['RECEIVED', 'REJECTED', 'INFORMATION_REQUESTED', 'PROCESSING', 'ANSWERED', 'PUBLISHED'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
