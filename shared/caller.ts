import { createHmac, timingSafeEqual } from 'node:crypto';
import { credentialsRefused, forbidden, unauthenticated } from './errors';
import type { UnitPath } from './units';

/** Who is calling, as verified by the gateway. */
export const Roles = ['PUBLIC', 'OFFICIAL', 'LEADER', 'ADMIN'] as const;
export type Role = (typeof Roles)[number];

export interface Caller {
  /** Token subject; null for anonymous callers (kiosks, public lookup). */
  sub: string | null;
  role: Role;
  /** Unit path the caller acts for; null for anonymous callers. */
  unit: UnitPath | null;
}

export const ANONYMOUS: Caller = { sub: null, role: 'PUBLIC', unit: null };

export const CALLER_HEADER = 'x-motcua-caller';
export const SIGNATURE_HEADER = 'x-motcua-signature';

/** A signed header is good for this long: enough for one plan's fetches, too short to replay usefully. */
const SIGNATURE_TTL_SECONDS = 60;

function sign(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

/** Headers the gateway adds to every subgraph request. */
export function signCaller(caller: Caller, secret: string, now = Date.now()): Record<string, string> {
  const value = Buffer.from(JSON.stringify({ ...caller, exp: Math.floor(now / 1000) + SIGNATURE_TTL_SECONDS })).toString('base64url');
  return { [CALLER_HEADER]: value, [SIGNATURE_HEADER]: sign(value, secret) };
}

/** Subgraph side: the caller, or UNAUTHENTICATED when the request did not come through the gateway. */
export function verifyCaller(
  headers: { get(name: string): string | undefined | null },
  secret: string,
  now = Date.now(),
): Caller {
  const value = headers.get(CALLER_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (!value || !signature) throw credentialsRefused('Call this service through the gateway: the request carries no signed caller.');
  const expected = Buffer.from(sign(value, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw credentialsRefused('The signed caller header does not match its signature.');
  }
  const claims = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Caller & { exp: number };
  if (claims.exp * 1000 < now) throw credentialsRefused('The signed caller header has expired.');
  return { sub: claims.sub, role: claims.role, unit: claims.unit };
}

/** The caller's unit, for actions that need a signed-in official of some unit. */
export function requireUnit(caller: Caller, ...roles: Role[]): UnitPath {
  if (!caller.unit || caller.role === 'PUBLIC') throw unauthenticated('Sign in as an official of a unit to do this.');
  if (roles.length && !roles.includes(caller.role)) {
    throw forbidden(`This needs one of the roles ${roles.join(', ')}; you are signed in as ${caller.role}.`);
  }
  return caller.unit;
}
