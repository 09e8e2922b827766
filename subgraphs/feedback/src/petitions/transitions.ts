import type { PetitionEntity, PetitionStatus } from '../entities/petition.entity';
import { NOW_SQL } from '../../../../shared/clock';

/**
 * Every move a petition can make, by the responsible unit. Amend this table to change the
 * process: an action not in it cannot be performed, and one from another status is refused with
 * CONFLICT. `until` names the deadline after which the action is no longer allowed.
 */
export const PETITION_TRANSITIONS = {
  reject: { from: ['RECEIVED'], to: 'REJECTED', until: 'rejectBy' },
  requestInformation: { from: ['RECEIVED', 'PROCESSING'], to: 'INFORMATION_REQUESTED', until: 'informationBy' },
  accept: { from: ['RECEIVED', 'INFORMATION_REQUESTED'], to: 'PROCESSING', until: null },
  answer: { from: ['RECEIVED', 'INFORMATION_REQUESTED', 'PROCESSING'], to: 'ANSWERED', until: null },
  publish: { from: ['ANSWERED'], to: 'PUBLISHED', until: null },
} as const satisfies Record<string, { from: readonly PetitionStatus[]; to: PetitionStatus; until: keyof PetitionEntity | null }>;

export type PetitionAction = keyof typeof PETITION_TRANSITIONS;

const OPEN: readonly PetitionStatus[] = ['RECEIVED', 'INFORMATION_REQUESTED', 'PROCESSING'];

/** Overdue: not answered by the resolution deadline, or an answer not published by its deadline. */
export function isOverdue(petition: Pick<PetitionEntity, 'status' | 'resolveBy' | 'publishBy'>, now: Date): boolean {
  if (OPEN.includes(petition.status)) return now > petition.resolveBy;
  return petition.status === 'ANSWERED' && !!petition.publishBy && now > petition.publishBy;
}

/** SQL twin of `isOverdue` over alias `p`, for lists. */
export const OVERDUE_SQL = `((p.status IN (${OPEN.map((s) => `'${s}'`).join(', ')}) AND ${NOW_SQL} > p.resolve_by) OR (p.status = 'ANSWERED' AND ${NOW_SQL} > p.publish_by))`;
