import type { EntityManager } from 'typeorm';
import { requireCitizen, requireUnit, type Role } from './caller';
import { inCallerScope, showToWriter } from './db';
import { conflict, forbidden } from './errors';
import { once } from './idempotency';
import { isWithin } from './units';
import type { SubgraphContext } from './subgraph';

/** Who may call a mutation: signed-in officials with one of these roles, signed-in citizens (CITIZENS), or anyone (rating, petitioning). */
export type Callers = readonly Role[] | 'ANYONE';

/**
 * A write: a caller allowed by `callers`, once per clientRequestId, all in one transaction
 * scoped to the caller's unit (so row-level security applies). `work` returns the key of what it
 * wrote and `payload` loads it, so a retry answers with the row as it is now.
 */
export function scopedMutation<I extends { clientRequestId: string }, C extends SubgraphContext<unknown>, K, P>(
  operation: string,
  callers: Callers,
  work: (manager: EntityManager, input: I, ctx: C) => Promise<K>,
  payload: (key: K, ctx: C) => Promise<P>,
) {
  return async (_: unknown, { input }: { input: I }, ctx: C): Promise<P> => {
    if (callers !== 'ANYONE') {
      if (callers.every((role) => role === 'CITIZEN')) requireCitizen(ctx.caller);
      else requireUnit(ctx.caller, ...callers);
    }
    // A unit's own subgraph is written by that unit's officials only; the province reads it. Its policies say the same (motcua_acts_for).
    if (ctx.owner && !(ctx.caller.unit && isWithin(ctx.caller.unit, ctx.owner))) {
      throw forbidden(`This service is kept by unit ${ctx.owner}; only its officials change what it holds, others read it.`);
    }
    const key = await inCallerScope(ctx.db, ctx.caller, async (manager) => {
      const written = await once(manager, ctx.caller, input, operation, () => work(manager, input, ctx));
      // The caller reads back what it wrote (a citizen's own petition), first time or on a retry.
      if (typeof written === 'string') await showToWriter(manager, written);
      return written;
    }).catch(translateRace);
    return payload(key, ctx);
  };
}

/**
 * Checks before a write name the rule and the field; these database refusals are what is left
 * when two writes race past the checks together, or a check was missed.
 */
function translateRace(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === '23P01' || code === '23505') throw conflict('This clashes with a record written at the same moment; reload and try again.');
  if (code === '42501') throw forbidden('Your unit may not write this record; it belongs to another unit.');
  throw error;
}
