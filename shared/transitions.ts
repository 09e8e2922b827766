import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from './errors';

/**
 * A process as data, one engine for every record that moves through statuses (dossiers,
 * petitions): `moves` says where each action leads (null: the status stays), `allowedFrom` which
 * actions each status admits. Both are keyed so the compiler checks they are complete — a status
 * added to the type and not to `allowedFrom` does not compile, and a final status lists none.
 */
export interface Process<S extends string, A extends string, M extends { to: S | null }> {
  moves: Record<A, M>;
  allowedFrom: Record<S, readonly NoInfer<A>[]>;
}

export function defineProcess<S extends string, A extends string, M extends { to: S | null }>(
  statuses: readonly S[],
  process: Process<NoInfer<S>, A, M>,
) {
  const sources = Object.fromEntries(
    (Object.keys(process.moves) as A[]).map((action) => [action, statuses.filter((status) => process.allowedFrom[status].includes(action))]),
  ) as unknown as Record<A, readonly S[]>;
  const stranded = (Object.keys(process.moves) as A[]).filter((action) => !sources[action].length);
  // An action no status admits could never be taken: a mistake in the table, found when it loads.
  if (stranded.length) throw new Error(`No status allows ${stranded.join(', ')}; list each action under the statuses it starts from.`);
  return {
    ...process,
    actions: Object.keys(process.moves) as A[],
    /** The statuses from which `action` may be taken. */
    sources: (action: A): readonly S[] => sources[action],
    allows: (status: S, action: A): boolean => process.allowedFrom[status].includes(action),
    /**
     * The status after `action`, or CONFLICT naming the status and the ones the action needs;
     * `what` names the record for the person reading the error ("Dossier 000.00.27.H03-…").
     */
    next(status: S, action: A, what: string, field: string): S {
      if (!process.allowedFrom[status].includes(action)) {
        throw conflict(`${what} is ${status}; ${action} applies only to one that is ${sources[action].join(', ')}.`, field);
      }
      return process.moves[action].to ?? status;
    },
  };
}

/**
 * The version-checked update every process uses: the row changes only if nobody changed it since
 * it was read, so of two concurrent moves exactly one wins and the other gets CONFLICT.
 */
export async function updateIfUnchanged<E extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  read: Pick<E, 'id' | 'version'>,
  patch: Partial<E>,
  what: string,
  field: string,
): Promise<void> {
  const { affected } = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...patch, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: read.id, version: read.version })
    .execute();
  if (!affected) throw conflict(`${what} was changed by someone else just now; reload it and decide again.`, field);
}
