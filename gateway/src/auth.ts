import { isCitizenId, isTaxCode } from '../../shared/people';
import { isUuid } from '../../shared/ids';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ANONYMOUS, Roles, type Caller, type Role } from '../../shared/caller';
import { credentialsRefused } from '../../shared/errors';
import { isUnitPath } from '../../shared/units';
import type { ClaimChecks } from './claims';

/** Issuer name of the development tokens (`npm run token`, `npm start`, tests). */
const DEVELOPMENT_ISSUER = 'motcua-development';
/** A token older than this is refused even if it has not expired: a stolen token is good for a working day at most. */
const DEFAULT_MAX_AGE = '12h';

/** Which claims of the province's tokens carry what; provinces' identity providers name them differently. */
export interface ClaimNames {
  role: string;
  unit: string;
  official: string;
  citizen: string;
  /** The organisation's tax code, when a citizen signs in to act for it. */
  taxCode: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = { role: 'role', unit: 'unit', official: 'official_id', citizen: 'citizen_id', taxCode: 'tax_code' };

/**
 * A citizen, as the national identity provider signs them in: the subject is their 12-digit
 * citizen ID, they act for no unit, and an organisation they represent comes as its tax code.
 */
function citizenFromClaims(claims: JWTPayload & { sub: string }, names: ClaimNames): Caller {
  if (!isCitizenId(claims.sub)) throw credentialsRefused("A citizen's token names the 12-digit citizen ID (căn cước) as its subject.");
  if (claims[names.unit] != null || claims[names.official] != null)
    throw credentialsRefused("A citizen's token names no unit and no official: those are for officials' accounts.");
  const taxCode = claimString(claims, names.taxCode);
  if (claims[names.taxCode] != null && !(taxCode && isTaxCode(taxCode)))
    throw credentialsRefused("The token's tax code must be the organisation's 10 digits (and a branch's 3 after a dash).");
  return { sub: claims.sub, role: 'CITIZEN', unit: null, officialId: null, citizenId: claims.sub, taxCode };
}

/** The province's OpenID provider: tokens are checked against its published keys (JWKS). */
export interface OpenIdOptions {
  issuer: string;
  audience: string;
  /** Defaults to the provider's discovery document's `jwks_uri`. */
  jwksUrl?: string;
  claims?: Partial<ClaimNames>;
  /** Oldest `iat` accepted, as jose reads it (`12h`). */
  maxAge?: string;
}

export interface Authenticator {
  /** The caller named by an `Authorization: Bearer <jwt>` header; anonymous without one. */
  callerOf(header: string | undefined): Promise<Caller>;
}

function claimString(claims: JWTPayload, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Turns verified claims into a caller, refusing what a well-formed token must not carry. */
async function callerFromClaims(claims: JWTPayload, names: ClaimNames, checks: ClaimChecks): Promise<Caller> {
  if (typeof claims.sub !== 'string' || claims.sub.trim() === '')
    throw credentialsRefused('The token names no subject (sub); ask the identity provider for a token issued to a person.');
  // Claims travel to every subgraph and into the database: they pass the same checks as input.
  if (!SUBJECT.test(claims.sub))
    throw credentialsRefused("The token's subject (sub) must be 1 to 200 printable ASCII characters, without spaces at either end.");
  const role = claims[names.role] as Role;
  if (!Roles.includes(role) || role === 'PUBLIC')
    throw credentialsRefused(
      `The token's role "${String(claims[names.role]).slice(0, 40)}" is not one of ${Roles.filter((r) => r !== 'PUBLIC').join(', ')}.`,
    );
  if (role === 'CITIZEN') return citizenFromClaims(claims as JWTPayload & { sub: string }, names);
  const unit = claimString(claims, names.unit);
  if (!unit || !isUnitPath(unit))
    throw credentialsRefused(`The token's unit "${String(claims[names.unit]).slice(0, 40)}" is not a unit path such as 27.259.09238.`);
  if (!(await checks.unitExists(unit)))
    throw credentialsRefused(`The token's unit ${unit} is not a unit of the catalogue; ask the administrator to correct your account.`);
  const officialId = claimString(claims, names.official);
  if (claims[names.official] != null && !officialId) throw credentialsRefused("The token's official claim must be the official's id (a UUID).");
  if (officialId && !(isUuid(officialId) && (await checks.officialServes(officialId, unit)))) {
    throw credentialsRefused(
      `The token's official ${officialId.slice(0, 40)} is not an active official of unit ${unit}, nor seconded to it today; ask the administrator to correct your account.`,
    );
  }
  const citizenId = claimString(claims, names.citizen);
  if (citizenId && !isCitizenId(citizenId)) throw credentialsRefused("The token's citizen ID must be the 12 digits of a căn cước.");
  return { sub: claims.sub, role, unit, officialId, citizenId };
}

/** Printable ASCII, no space at either end: subjects are identifiers, and one must not pass for another (" admin" and "admin"). */
const SUBJECT = /^[\x21-\x7E](?:[\x20-\x7E]{0,198}[\x21-\x7E])?$/;

function bearer(header: string): string {
  const match = /^Bearer ([A-Za-z0-9_\-.]{1,8192})$/i.exec(header.trim());
  if (!match) throw credentialsRefused('The Authorization header must be "Bearer <token>" with one compact JWT.');
  return match[1];
}

function refusal(error: unknown): never {
  const code = (error as { code?: string }).code;
  if ((error as { extensions?: unknown }).extensions) throw error;
  const reason =
    code === 'ERR_JWT_EXPIRED'
      ? 'has expired'
      : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
        ? `is refused (${(error as { claim?: string }).claim ?? 'a claim'} is missing or wrong)`
        : 'is not valid';
  throw credentialsRefused(`The bearer token ${reason}; sign in again to get a new one.`);
}

/** An authenticator from a verifier: anonymous without a header, otherwise the verified claims turned into a caller. */
function authenticator(verify: (token: string) => Promise<JWTPayload>, names: ClaimNames, checks: ClaimChecks): Authenticator {
  return {
    async callerOf(header) {
      if (!header) return ANONYMOUS;
      const token = bearer(header);
      let claims: JWTPayload;
      try {
        claims = await verify(token);
      } catch (error) {
        refusal(error);
      }
      return callerFromClaims(claims, names, checks);
    },
  };
}

/**
 * Verifies tokens from the province's OpenID provider (RS256/ES256 by its JWKS): issuer,
 * audience, `exp` required, age bounded, a subject, and a unit that exists.
 */
export function openIdAuthenticator(options: OpenIdOptions, checks: ClaimChecks): Authenticator {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const jwks = () =>
    (keys ??= (async () => {
      if (options.jwksUrl) return createRemoteJWKSet(new URL(options.jwksUrl));
      const discovery = (await (
        await fetch(new URL('.well-known/openid-configuration', options.issuer.endsWith('/') ? options.issuer : `${options.issuer}/`))
      ).json()) as { jwks_uri: string };
      return createRemoteJWKSet(new URL(discovery.jwks_uri));
    })().catch((error: unknown) => {
      keys = undefined; // try discovery again on the next request
      throw error;
    }));
  const verify = async (token: string) =>
    (
      await jwtVerify(token, await jwks(), {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256', 'ES256'],
        maxTokenAge: options.maxAge ?? DEFAULT_MAX_AGE,
        requiredClaims: ['exp', 'iat', 'sub'],
      })
    ).payload;
  return authenticator(verify, { ...DEFAULT_CLAIM_NAMES, ...options.claims }, checks);
}

/** Development only: HS256 tokens signed with JWT_SECRET, as `npm run token` issues them. */
export function developmentAuthenticator(secret: string, checks: ClaimChecks): Authenticator {
  const key = new TextEncoder().encode(secret);
  // maxTokenAge also refuses a token issued in the future.
  const verify = async (token: string) =>
    (await jwtVerify(token, key, { algorithms: ['HS256'], issuer: DEVELOPMENT_ISSUER, requiredClaims: ['exp', 'iat', 'sub'], maxTokenAge: '7d' }))
      .payload;
  return authenticator(verify, DEFAULT_CLAIM_NAMES, checks);
}

/** A development token the gateway accepts when it runs the development issuer; used by `npm run token` and by tests. */
export function issueToken(
  caller: { sub: string; role: Role; unit?: string | null; officialId?: string | null; citizenId?: string | null; taxCode?: string | null },
  secret: string,
  expiresIn = '8h',
): Promise<string> {
  return new SignJWT({
    [DEFAULT_CLAIM_NAMES.role]: caller.role,
    ...(caller.unit ? { [DEFAULT_CLAIM_NAMES.unit]: caller.unit } : {}),
    ...(caller.taxCode ? { [DEFAULT_CLAIM_NAMES.taxCode]: caller.taxCode } : {}),
    ...(caller.officialId ? { [DEFAULT_CLAIM_NAMES.official]: caller.officialId } : {}),
    ...(caller.citizenId ? { [DEFAULT_CLAIM_NAMES.citizen]: caller.citizenId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.sub)
    .setIssuer(DEVELOPMENT_ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
