import { CALLER_HEADER, SIGNATURE_HEADER, signCaller, type Caller } from '../../shared/caller';
import { config } from '../../shared/config';
import { sharedStack, type SharedStack } from '../support/shared-stack';
import { postGraphQL } from '../support/stack';

/** A subgraph called directly, around the gateway: only a header the gateway signed for this body, this subgraph and now is accepted. */
describe('a subgraph called directly, around the gateway', () => {
  let stack: SharedStack;
  beforeAll(async () => {
    stack = await sharedStack();
  });
  afterAll(() => stack.stop());
  const communes = () => [...new Set(stack.demo.dossiers.map((d) => d.ownerPath).filter((p) => p.split('.').length === 3))];
  const query = { query: '{ dossiers(first: 1) { totalCount } }' };

  it('refuses a request without the signed caller header', async () => {
    const response = await postGraphQL(stack.subgraphUrls.dossiers, query);
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data).toBeUndefined();
  });

  const signedFor = (caller: Caller, secret = config.gatewaySecret, sent = query, audience = 'dossiers') =>
    signCaller(caller, secret, { audience, body: JSON.stringify(sent) });

  it('refuses a caller header signed with another secret, or altered after signing', async () => {
    const wrongKey = signedFor({ sub: 'x', role: 'ADMIN', unit: '27' }, 'not-the-secret');
    expect((await postGraphQL(stack.subgraphUrls.dossiers, query, wrongKey)).status).toBe(401);

    const genuine = signedFor({ sub: 'x', role: 'OFFICIAL', unit: communes()[0] });
    expect((await postGraphQL(stack.subgraphUrls.dossiers, query, genuine)).status).toBe(200);
    const widened = Buffer.from(JSON.stringify({ sub: 'x', role: 'ADMIN', unit: '27', exp: Date.now() / 1000 + 60 })).toString('base64url');
    const altered = await postGraphQL(stack.subgraphUrls.dossiers, query, {
      [CALLER_HEADER]: widened,
      [SIGNATURE_HEADER]: genuine[SIGNATURE_HEADER],
    });
    expect(altered.status).toBe(401);
  });

  it('refuses a captured header carrying another body, or sent to another subgraph', async () => {
    const caller: Caller = { sub: 'x', role: 'ADMIN', unit: '27' };
    const captured = signedFor(caller, config.gatewaySecret, { query: '{ __typename }' });
    const other = await postGraphQL(stack.subgraphUrls.dossiers, query, captured);
    expect([other.status, other.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const forFeedback = signedFor(caller, config.gatewaySecret, query, 'feedback');
    expect((await postGraphQL(stack.subgraphUrls.dossiers, query, forFeedback)).status).toBe(401);
    const expired = signCaller(caller, config.gatewaySecret, { audience: 'dossiers', body: JSON.stringify(query) }, Date.now() - 120_000);
    expect((await postGraphQL(stack.subgraphUrls.dossiers, query, expired)).status).toBe(401);
  });

  it('refuses a GET, whose query the signature of an empty body would not cover', async () => {
    const caller: Caller = { sub: 'x', role: 'ADMIN', unit: '27' };
    const url = `${stack.subgraphUrls.dossiers}?query=${encodeURIComponent(query.query)}`;
    const response = await fetch(url, {
      headers: { ...signCaller(caller, config.gatewaySecret, { audience: 'dossiers', body: '' }), 'apollo-require-preflight': '1' },
    });
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect([response.status, body.errors[0].extensions.code, body.data]).toEqual([401, 'UNAUTHENTICATED', undefined]);
  });

  it('answers its unsigned health check', async () => {
    const response = await fetch(stack.subgraphUrls.dossiers.replace('/graphql', '/health'));
    expect(await response.json()).toEqual({ status: 'ok', service: 'dossiers' });
  });
});
