import { jwtVerify, SignJWT } from 'jose';
import { ANONYMOUS, Roles, type Caller, type Role } from '../../shared/caller';
import { credentialsRefused } from '../../shared/errors';
import { parseUnitPath } from '../../shared/units';

const ISSUER = 'motcua';

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** The caller named by an `Authorization: Bearer <jwt>` header; anonymous without one. */
export async function callerFromAuthorization(header: string | undefined, secret: string): Promise<Caller> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw credentialsRefused('The Authorization header must be "Bearer <token>".');
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(match[1]!, key(secret), { algorithms: ['HS256'], issuer: ISSUER }));
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'has expired' : 'is not valid';
    throw credentialsRefused(`The bearer token ${reason}; get a new one (in development: npm run token).`);
  }
  const role = claims.role as Role;
  if (!Roles.includes(role)) throw credentialsRefused(`The token's role "${String(claims.role)}" is not one of ${Roles.join(', ')}.`);
  if (typeof claims.sub !== 'string' || typeof claims.unit !== 'string') {
    throw credentialsRefused('The token must name its subject (sub) and unit path (unit).');
  }
  let unit: string;
  try {
    unit = parseUnitPath(claims.unit, 'token.unit');
  } catch {
    throw credentialsRefused(`The token's unit "${String(claims.unit).slice(0, 40)}" is not a unit path such as 27.259.09238.`);
  }
  return { sub: claims.sub, role, unit };
}

/** Issues a token the gateway accepts; used by `npm run token` and by tests. */
export function issueToken(caller: { sub: string; role: Role; unit: string }, secret: string, expiresIn = '8h'): Promise<string> {
  return new SignJWT({ role: caller.role, unit: caller.unit })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.sub)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}
