import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Caller } from './caller';
import { badInput, conflict } from './errors';

/** A retry is recognised by the caller who sent it; anonymous devices prove themselves by an id nobody else could guess. */
const ANONYMOUS_MIN_ID_LENGTH = 16;

/** The input as a stable hash: the same fields and values in any key order, the request id itself left out. */
function inputHash(input: { clientRequestId: string }): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object' && !(value instanceof Date)
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  const { clientRequestId: _id, ...rest } = input;
  return createHash('sha256')
    .update(JSON.stringify(canonical(rest)))
    .digest('base64url');
}

/**
 * Runs a mutation once per caller (subject and the unit or organisation they act for) and clientRequestId. A retry with the same
 * operation and input gets the stored first result; the same id with another operation or other
 * input is a CONFLICT, so nobody ever receives the answer to somebody else's request. Call inside
 * the mutation's transaction: when the work fails, the claim rolls back with it and a retry runs
 * afresh. A concurrent retry waits on the claim's row lock, then reads the result.
 */
export async function once<T>(
  manager: EntityManager,
  caller: Caller,
  input: { clientRequestId: string },
  operation: string,
  work: () => Promise<T>,
): Promise<T> {
  const { clientRequestId } = input;
  const anonymous = !caller.sub;
  const shortest = anonymous ? ANONYMOUS_MIN_ID_LENGTH : 1;
  // Visible ASCII only: sixteen spaces or zero-width characters are not an id nobody else would send.
  if (!clientRequestId || clientRequestId.length < shortest || clientRequestId.length > 100 || !/^[\x21-\x7E]+$/.test(clientRequestId)) {
    throw badInput(
      'input.clientRequestId',
      `clientRequestId must be ${shortest} to 100 visible ASCII characters (letters, digits, dashes), unique per intended action; generate a UUID on the device${anonymous ? " (without sign-in it is what tells your retry from anyone else's request)" : ''}.`,
    );
  }
  // Who asked: the subject and the unit they act for — for a citizen, the organisation (if any), so a request made
  // for a company is not answered to the same person acting for themselves.
  const key = [caller.sub ?? '', caller.unit ?? (caller.taxCode ? `tax:${caller.taxCode}` : ''), clientRequestId];
  const hash = inputHash(input);
  const claimed: unknown[] = await manager.query(
    `INSERT INTO client_request (subject, unit_path, client_request_id, operation, input_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [...key, operation, hash],
  );
  if (claimed.length === 0) {
    const [first] = await manager.query<{ operation: string; inputHash: string | null; result: T }[]>(
      `SELECT operation, input_hash AS "inputHash", result FROM client_request WHERE subject = $1 AND unit_path = $2 AND client_request_id = $3`,
      key,
    );
    // One message for both: it says nothing of what the earlier request was.
    if (first.operation !== operation || first.inputHash !== hash) {
      throw conflict(
        `clientRequestId "${clientRequestId}" was already used for another request; use a new id for a new request.`,
        'input.clientRequestId',
      );
    }
    return first.result;
  }
  const result = await work();
  await manager.query(`UPDATE client_request SET result = $4 WHERE subject = $1 AND unit_path = $2 AND client_request_id = $3`, [
    ...key,
    JSON.stringify(result ?? null),
  ]);
  return result;
}
