import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a message exchanged with an outside system (the national portal, the payment
 * platform): hex HMAC-SHA256 of its exact body under the secret both sides hold.
 */
export const bodySignature = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');

/** Whether `given` is the body's signature, compared in constant time. */
export function signedBy(secret: string, body: string, given: string): boolean {
  const expected = Buffer.from(bodySignature(secret, body));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
