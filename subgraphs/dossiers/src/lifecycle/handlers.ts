import { badInput } from '../../../../shared/errors';
import type { Peers } from '../../../../shared/peers';
import { isWithin } from '../../../../shared/units';
import { officialOf } from '../peers';
import type { Action, Situation } from './actions';

/** The unit whose official a move's handlerId must name: the first step's on transfer, else the step being worked on, else the desk's. */
export function handlerUnit(action: Action, { dossier, steps, active }: Situation): string {
  return (action === 'transfer' ? steps[0]?.ownerPath : active?.ownerPath) ?? dossier.ownerPath;
}

/** The official must be active and work for the unit (its home agency is that unit or below it), as personnel records it. */
export async function requireOfficialOf(peers: Peers, officialId: string, unitPath: string): Promise<void> {
  const official = await officialOf(peers, officialId);
  if (!official || official.employmentStatus !== 'ACTIVE' || !isWithin(official.ownerPath, unitPath)) {
    throw badInput(
      'input.handlerId',
      `Official ${officialId} is not an active official of unit ${unitPath}, which is working on the dossier; choose one of its officials.`,
    );
  }
}
