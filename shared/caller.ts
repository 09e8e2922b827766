import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { credentialsRefused, forbidden, unauthenticated } from './errors';
import type { UnitPath } from './units';

/** Who is calling, as verified by the gateway. */
export const Roles = ['PUBLIC', 'CITIZEN', 'OFFICIAL', 'LEADER', 'ADMIN'] as const;
export type Role = (typeof Roles)[number];
/** Every signed-in official: who receives, moves and answers. */
export const OFFICIALS = ['OFFICIAL', 'LEADER', 'ADMIN'] as const satisfies readonly Role[];
/** Whether the caller is a signed-in official (of any role): what is for officials only, citizens and the public do not see. */
export const isOfficial = (caller: Caller) => (OFFICIALS as readonly Role[]).includes(caller.role);

/** Citizens signed in with their own identity: filing and following their dossiers online. */
export const CITIZENS = ['CITIZEN'] as const satisfies readonly Role[];
/** Who decides: resolving, stopping, rescheduling a dossier; managing secondments. */
export const LEADERS = ['LEADER', 'ADMIN'] as const satisfies readonly Role[];

export interface Caller {
  /** Token subject; null for anonymous callers (kiosks, public lookup). */
  sub: string | null;
  role: Role;
  /** Unit path the caller acts for; null for anonymous callers. */
  unit: UnitPath | null;
  /** The personnel record of the official signed in, where the identity provider names it. */
  officialId?: string | null;
  /** Số định danh cá nhân: the 12-digit citizen ID of a citizen signed in (a CITIZEN's subject). */
  citizenId?: string | null;
  /** Mã số thuế: the organisation a signed-in citizen acts for, when the identity provider says so. */
  taxCode?: string | null;
}

export const ANONYMOUS: Caller = { sub: null, role: 'PUBLIC', unit: null };

export const CALLER_HEADER = 'x-motcua-caller';
export const SIGNATURE_HEADER = 'x-motcua-signature';

/** A signed header is good for this long: enough for one plan's fetches, too short to keep. */
const SIGNATURE_TTL_SECONDS = 60;

/** The request a signature is bound to: the service it is for and the exact body sent. */
export interface SignedRequest {
  audience: string;
  body: string;
}

/**
 * The key one subgraph verifies the caller header with, derived from the gateway's secret. Each
 * subgraph holds its own key only (a unit's subgraph is given it by the province: `npm run
 * subgraph:key -- <name>`), so it can check what the gateway sends it but cannot sign a request to
 * another subgraph: it cannot impersonate the gateway. Only the gateway, and the province's own
 * subgraphs that call each other, hold the secret itself.
 */
export function subgraphKey(gatewaySecret: string, subgraph: string): string {
  return createHmac('sha256', gatewaySecret).update(`motcua-subgraph-key.${subgraph}`).digest('base64url');
}

/**
 * HMAC, with the receiving subgraph's key, over the caller's claims, the service the request is
 * for and a hash of its body: a header captured on the way cannot carry another query, nor be
 * replayed to another subgraph.
 */
export function signature(claims: string, request: SignedRequest, key: string): string {
  const bodyHash = createHash('sha256').update(request.body).digest('base64url');
  return createHmac('sha256', key).update(`${claims}.${request.audience}.${bodyHash}`).digest('base64url');
}

/** The caller header's value: the caller and the instant the signature stops being good. */
export function callerClaims(caller: Caller, now = Date.now()): string {
  return Buffer.from(JSON.stringify({ ...caller, exp: Math.floor(now / 1000) + SIGNATURE_TTL_SECONDS })).toString('base64url');
}

/**
 * The key of a unit's subgraph's pseudonyms: derived from the gateway's secret apart from its
 * key, so the unit, which holds only its key, cannot recompute a pseudonym from a guessed citizen
 * ID (twelve digits of a known structure are few enough to try them all).
 */
export const pseudonymKey = (gatewaySecret: string, subgraph: string) =>
  createHmac('sha256', gatewaySecret).update(`motcua-pseudonym.${subgraph}`).digest('base64url');

/**
 * What a unit's subgraph is told of a citizen: a pseudonym of their subject, the same on every call
 * to that subgraph (so their retries are still recognised), and neither their citizen ID nor the
 * tax code they act for: personal data the province does not hand to a unit's service.
 */
export function minimisedCaller(caller: Caller, pseudonyms: string): Caller {
  if (caller.role !== 'CITIZEN' && !caller.citizenId) return caller;
  const pseudonym = (value: string | null | undefined) => (value ? createHmac('sha256', pseudonyms).update(value).digest('base64url') : null);
  return { ...caller, sub: pseudonym(caller.sub), citizenId: null, taxCode: pseudonym(caller.taxCode) };
}

/** Headers for a request to a subgraph (peers' calls, compose's), signed with its key derived from the gateway's secret. */
export function signCaller(caller: Caller, gatewaySecret: string, request: SignedRequest, now = Date.now()): Record<string, string> {
  const claims = callerClaims(caller, now);
  return { [CALLER_HEADER]: claims, [SIGNATURE_HEADER]: signature(claims, request, subgraphKey(gatewaySecret, request.audience)) };
}

/** Subgraph side, with its own key: the caller, or UNAUTHENTICATED when the request did not come through the gateway unchanged. */
export function verifyCaller(
  headers: { get(name: string): string | undefined | null },
  key: string,
  request: SignedRequest,
  now = Date.now(),
): Caller {
  const value = headers.get(CALLER_HEADER);
  const given = headers.get(SIGNATURE_HEADER);
  if (!value || !given) throw credentialsRefused('Call this service through the gateway: the request carries no signed caller.');
  const expected = Buffer.from(signature(value, request, key));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw credentialsRefused('The signed caller header does not match this request.');
  }
  const claims = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Caller & { exp?: unknown };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < now) throw credentialsRefused('The signed caller header has expired.');
  return {
    sub: claims.sub,
    role: claims.role,
    unit: claims.unit,
    officialId: claims.officialId ?? null,
    citizenId: claims.citizenId ?? null,
    taxCode: claims.taxCode ?? null,
  };
}

/**
 * The citizen signed in (as the national identity provider names them), for their own dossiers
 * and online filing: their citizen ID, and the organisation they act for if any.
 */
export function requireCitizen(caller: Caller): { citizenId: string; taxCode: string | null } {
  if (caller.role !== 'CITIZEN' || !caller.citizenId) {
    if (caller.role === 'PUBLIC') throw unauthenticated('Sign in with your citizen identity (VNeID) to file and follow your dossiers online.');
    throw forbidden(`This is for citizens filing their own dossiers; you are signed in as ${caller.role}.`);
  }
  return { citizenId: caller.citizenId, taxCode: caller.taxCode ?? null };
}

/**
 * Who a citizen files online as: themselves (their citizen ID), and, when they sign in for an
 * organisation, the organisation through them (`<citizen ID>/<tax code>`); nobody otherwise.
 * The database's `motcua_filers()` answers the same.
 */
export function filerIds(caller: Caller): string[] {
  if (caller.role !== 'CITIZEN' || !caller.citizenId) return [];
  return caller.taxCode ? [caller.citizenId, `${caller.citizenId}/${caller.taxCode}`] : [caller.citizenId];
}

/** The caller's unit, for actions that need a signed-in official of some unit. */
export function requireUnit(caller: Caller, ...roles: Role[]): UnitPath {
  if (!caller.unit || caller.role === 'PUBLIC') throw unauthenticated('Sign in as an official of a unit to do this.');
  if (roles.length && !roles.includes(caller.role)) {
    throw forbidden(`This needs one of the roles ${roles.join(', ')}; you are signed in as ${caller.role}.`);
  }
  return caller.unit;
}
