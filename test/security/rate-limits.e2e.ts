import { DEFAULT_ANONYMOUS_LIMITS } from '../../gateway/src/plugins/anonymous-limits';
import { startTestStack, type TestStack } from '../support/stack';

/** A small read allowance, so the test reaches it quickly; production's is DEFAULT_ANONYMOUS_LIMITS.reads a minute. */
const READS = 40;
const SUGGEST = `mutation ($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id } } }`;

describe('anonymous writes are bounded per client address', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 5 }, undefined, { anonymousLimits: { ...DEFAULT_ANONYMOUS_LIMITS, reads: READS } });
  });
  afterAll(() => stack.stop());

  it('answers the write past the limit with 429, RATE_LIMITED and Retry-After, writes nothing more, and leaves reads and signed-in officials alone', async () => {
    const count = async () => (await stack.ownerQuery('feedback', 'SELECT count(*)::int AS n FROM suggestion')).rows[0].n as number;
    const before = await count();
    const send = (i: number) =>
      fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: SUGGEST,
          variables: { input: { clientRequestId: `flood-${i}-7f3a9c21-device`, unitCode: '09238-MC', content: `Góp ý số ${i}` } },
        }),
      });
    for (let i = 0; i < DEFAULT_ANONYMOUS_LIMITS.writes; i += 1) expect((await send(i)).status).toBe(200);
    const refused = await send(999);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect([refused.status, body.errors[0].extensions.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await count()).toBe(before + DEFAULT_ANONYMOUS_LIMITS.writes);
    // Reads are not writes, and an official's work is not throttled with the public's.
    expect((await stack.gql('{ fields { code } }')).status).toBe(200);
    const official = await stack.token({ role: 'OFFICIAL', unit: '27.259.09238' });
    expect((await stack.gql('{ suggestions { id } }', {}, official)).errors).toBeUndefined();
  });

  it('bounds the numbers one address takes at the kiosk, in a count of their own', async () => {
    const take = (i: number) =>
      fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation ($input: TakeQueueTicketInput!) { takeQueueTicket(input: $input) { ticket { number } } }`,
          variables: { input: { clientRequestId: `kiosk-${i}-7f3a9c21-device`, centreCode: '27-TTHCC', fieldCode: 'HT' } },
        }),
      });
    for (let i = 0; i < DEFAULT_ANONYMOUS_LIMITS.tickets; i += 1) expect((await take(i)).status).toBe(200);
    const refused = await take(999);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/^Too many queue numbers taken/);
    const { rows } = await stack.ownerQuery('personnel', 'SELECT count(*)::int AS n FROM queue_ticket');
    expect(rows[0].n).toBe(DEFAULT_ANONYMOUS_LIMITS.tickets);
  });

  it('bounds reads without a token too, in a count of their own, so one address cannot starve the public lookup for everyone', async () => {
    const read = () =>
      fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ fields { code } }' }),
      });
    // The earlier test spent one read; the rest of the allowance answers, the next read is refused with its wait.
    const statuses: number[] = [];
    for (let i = 0; i < READS; i += 1) statuses.push((await read()).status);
    expect(statuses.filter((s) => s === 200).length).toBe(READS - 1);
    const refused = await read();
    expect([refused.status, ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code]).toEqual([
      429,
      'RATE_LIMITED',
    ]);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Officials and the load balancer's health probe are not counted.
    const official = await stack.token({ role: 'OFFICIAL', unit: '27.259.09238' });
    expect((await stack.gql('{ fields { code } }', {}, official)).status).toBe(200);
    expect((await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/health'))).status).toBe(200);
  });
});
