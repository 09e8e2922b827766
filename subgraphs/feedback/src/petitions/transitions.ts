import { type PetitionEntity } from '../store/entities/petition.entity';
import { PETITION_STATUSES, type PetitionStatus } from './status';
import { defineProcess } from '../../../../shared/transitions';

/**
 * Every move a petition can make, by the responsible unit. Amend this table to change the
 * process: an action a status does not list is refused with CONFLICT. `until` names the deadline
 * after which the action is no longer allowed.
 */
export const PETITION_PROCESS = defineProcess(PETITION_STATUSES, {
  moves: {
    reject: { to: 'REJECTED', until: 'rejectBy' },
    requestInformation: { to: 'INFORMATION_REQUESTED', until: 'informationBy' },
    accept: { to: 'PROCESSING', until: null },
    answer: { to: 'ANSWERED', until: null },
    publish: { to: 'PUBLISHED', until: null },
  } satisfies Record<string, { to: PetitionStatus; until: keyof PetitionEntity | null }>,
  allowedFrom: {
    RECEIVED: ['reject', 'requestInformation', 'accept', 'answer'],
    INFORMATION_REQUESTED: ['accept', 'answer'],
    PROCESSING: ['requestInformation', 'answer'],
    ANSWERED: ['publish'],
    REJECTED: [],
    PUBLISHED: [],
  },
});

export type PetitionAction = (typeof PETITION_PROCESS.actions)[number];

/** Still to be answered. */
export const OPEN = ['RECEIVED', 'INFORMATION_REQUESTED', 'PROCESSING'] as const satisfies readonly PetitionStatus[];

/**
 * Overdue, as data: a petition in one of these statuses is overdue once the deadline named beside
 * them has passed — not answered by the resolution deadline, or an answer not published by its
 * deadline. `isOverdue` and the lists' SQL (store/petitions.ts) are both made from it.
 */
export const OVERDUE_RULE = [
  { statuses: OPEN, deadline: 'resolveBy' },
  { statuses: ['ANSWERED'], deadline: 'publishBy' },
] as const satisfies readonly { statuses: readonly PetitionStatus[]; deadline: 'resolveBy' | 'publishBy' }[];

export function isOverdue(petition: Pick<PetitionEntity, 'status' | 'resolveBy' | 'publishBy'>, now: Date): boolean {
  return OVERDUE_RULE.some(({ statuses, deadline }) => {
    const due = petition[deadline];
    return (statuses as readonly PetitionStatus[]).includes(petition.status) && !!due && now > due;
  });
}
