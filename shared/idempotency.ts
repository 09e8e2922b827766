import type { EntityManager } from 'typeorm';
import type { Caller } from './caller';
import { badInput, conflict } from './errors';

/**
 * Runs a mutation once per (caller, clientRequestId). A retry gets the stored first result.
 * Call inside the mutation's transaction: when the work fails, the claim rolls back with it
 * and a retry runs afresh. A concurrent retry waits on the claim's row lock, then reads the result.
 */
export async function once<T>(
  manager: EntityManager,
  caller: Caller,
  clientRequestId: string,
  operation: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!clientRequestId || clientRequestId.length > 100) {
    throw badInput('input.clientRequestId', 'clientRequestId must be 1 to 100 characters, unique per intended action (a UUID is ideal).');
  }
  const subject = caller.sub ?? '';
  const claimed: unknown[] = await manager.query(
    `INSERT INTO client_request (subject, client_request_id, operation) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [subject, clientRequestId, operation],
  );
  if (claimed.length === 0) {
    const [first] = (await manager.query(
      `SELECT operation, result FROM client_request WHERE subject = $1 AND client_request_id = $2`,
      [subject, clientRequestId],
    )) as { operation: string; result: T }[];
    if (first.operation !== operation) {
      throw conflict(`clientRequestId "${clientRequestId}" was already used for ${first.operation}; use a new id for ${operation}.`, 'input.clientRequestId');
    }
    return first.result;
  }
  const result = await work();
  await manager.query(`UPDATE client_request SET result = $3 WHERE subject = $1 AND client_request_id = $2`, [
    subject,
    clientRequestId,
    JSON.stringify(result ?? null),
  ]);
  return result;
}
