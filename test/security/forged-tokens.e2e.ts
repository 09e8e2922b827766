import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { config } from '../../shared/config';
import { issueToken } from '../../gateway/src/auth';
import { buildDemo } from '../../infra/seed/demo';
import { startOpenIdProvider, type OpenIdProvider } from '../support/openid';
import { startTestStack, type TestStack } from '../support/stack';

const AUDIENCE = 'https://motcua.bacninh.gov.vn/graphql';
const ASK = '{ dossiers(first: 1) { totalCount } }';
const unsigned = (claims: Record<string, unknown>) =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
const now = () => Math.floor(Date.now() / 1000);

function expectRefused(answer: { status: number; data?: unknown; errors?: { extensions?: { code?: string } }[] }) {
  expect([answer.status, answer.errors?.[0]?.extensions?.code, answer.data ?? null]).toEqual([401, 'UNAUTHENTICATED', null]);
}

describe('tokens from the province OpenID provider', () => {
  let provider: OpenIdProvider;
  let stack: TestStack;
  // The demo is the same on every run: its officials are the accounts the provider knows.
  const demo = buildDemo({ dossiers: 20 });
  const lan = demo.officials.find((o) => o.ownerPath.startsWith('27.259.259-') && o.employmentStatus === 'ACTIVE')!;
  const elsewhere = demo.officials.find((o) => !o.ownerPath.startsWith('27.259') && o.employmentStatus === 'ACTIVE')!;
  beforeAll(async () => {
    provider = await startOpenIdProvider(AUDIENCE, {
      'cb-nguyen-thi-lan': { role: 'OFFICIAL', unit: '27.259', official_id: lan.id },
      'cb-borrowed-name': { role: 'OFFICIAL', unit: '27.259', official_id: elsewhere.id },
      'cb-nobody': { role: 'OFFICIAL', unit: '27.259', official_id: '5b1d7c2e-0000-4000-8000-000000000001' },
      // A commune clerk of the district, named by a district-wide token: an official acts for their own unit only.
      'cb-clerk-as-district': {
        role: 'OFFICIAL',
        unit: '27.259',
        official_id: demo.officials.find((o) => o.ownerPath.startsWith('27.259.09238.'))!.id,
      },
      'cb-nowhere': { role: 'OFFICIAL', unit: '27.999.99999' },
    });
    stack = await startTestStack({ dossiers: 20 }, undefined, { openId: { issuer: provider.issuer, audience: AUDIENCE } });
  });
  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
  });

  it('accepts an access token the provider issued through the authorization code flow', async () => {
    const token = await provider.signIn('cb-nguyen-thi-lan');
    const answer = await stack.gql(ASK, {}, token);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.dossiers.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('refuses the same claims signed with the development key, unsigned (alg none), or by another key', async () => {
    const claims = { sub: 'cb-nguyen-thi-lan', role: 'OFFICIAL', unit: '27.259', iss: provider.issuer, aud: AUDIENCE, iat: now(), exp: now() + 600 };
    expectRefused(await stack.gql(ASK, {}, await issueToken({ sub: claims.sub, role: 'OFFICIAL', unit: claims.unit }, config.jwtSecret)));
    expectRefused(await stack.gql(ASK, {}, unsigned(claims)));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expectRefused(await stack.gql(ASK, {}, await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey)));
  });

  it('refuses a provider token for a unit the catalogue does not know', async () => {
    expectRefused(await stack.gql(ASK, {}, await provider.signIn('cb-nowhere')));
  });

  it('refuses a provider token naming an official who does not exist, or who works for another unit and is not seconded to it', async () => {
    expectRefused(await stack.gql(ASK, {}, await provider.signIn('cb-nobody')));
    expectRefused(await stack.gql(ASK, {}, await provider.signIn('cb-borrowed-name')));
    expectRefused(await stack.gql(ASK, {}, await provider.signIn('cb-clerk-as-district')));
  });
});

describe('forged development tokens', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 5 });
  });
  afterAll(() => stack.stop());

  const key = () => new TextEncoder().encode(config.jwtSecret);
  const base = { role: 'ADMIN', unit: '27', iss: 'motcua-development' };

  it.each([
    ['unsigned (alg none)', () => unsigned({ ...base, sub: 'x', iat: now(), exp: now() + 600 })],
    [
      'signed with another secret',
      () =>
        new SignJWT({ ...base })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('not-the-secret-but-long-enough-0123456789')),
    ],
    [
      'expired',
      () =>
        new SignJWT({ ...base })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuedAt(now() - 7200)
          .setExpirationTime(now() - 3600)
          .sign(key()),
    ],
    ['without exp', () => new SignJWT({ ...base }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuedAt().sign(key())],
    [
      'with an empty subject',
      () => new SignJWT({ ...base }).setProtectedHeader({ alg: 'HS256' }).setSubject('').setIssuedAt().setExpirationTime('1h').sign(key()),
    ],
    [
      'with a NUL in its subject',
      () => new SignJWT({ ...base }).setProtectedHeader({ alg: 'HS256' }).setSubject('cb\u0000x').setIssuedAt().setExpirationTime('1h').sign(key()),
    ],
    [
      'with a subject padded with a space',
      () => new SignJWT({ ...base }).setProtectedHeader({ alg: 'HS256' }).setSubject(' admin').setIssuedAt().setExpirationTime('1h').sign(key()),
    ],
    [
      'naming its official by a number',
      () =>
        new SignJWT({ ...base, official_id: 42 })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(key()),
    ],
    [
      'issued in the future',
      () =>
        new SignJWT({ ...base })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuedAt(now() + 3600)
          .setExpirationTime(now() + 7200)
          .sign(key()),
    ],
    [
      'with a malformed citizen ID',
      () =>
        new SignJWT({ ...base, citizen_id: '0271\u0000' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(key()),
    ],
    [
      'for an unknown unit',
      () =>
        new SignJWT({ ...base, unit: '27.404' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(key()),
    ],
    [
      'with a malformed unit',
      () =>
        new SignJWT({ ...base, unit: "27' OR 1=1" })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(key()),
    ],
    [
      'with the PUBLIC role',
      () =>
        new SignJWT({ ...base, role: 'PUBLIC' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(key()),
    ],
  ])('refuses a token %s with 401 and reads nothing', async (_case, make) => {
    expectRefused(await stack.gql(ASK, {}, await make()));
  });
});
