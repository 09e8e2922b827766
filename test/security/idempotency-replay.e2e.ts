import { startTestStack, type TestStack } from '../support/stack';

const SUGGEST = `mutation ($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id content } } }`;
const SHIFT = `mutation ($input: AddDutyShiftInput!) { addDutyShift(input: $input) { __typename } }`;

/** A retried request answers with its first result only for the same caller sending the same input. */
describe('idempotency across callers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 5 });
  });
  afterAll(() => stack.stop());

  const suggestions = async () => (await stack.ownerQuery('feedback', 'SELECT count(*)::int AS n FROM suggestion')).rows[0].n as number;

  it("never hands one citizen another's result: a reused id with other input is CONFLICT and writes nothing", async () => {
    const id = 'b2c1f0de-5a1e-4c5e-9d7e-0f1e2d3c4b5a';
    const first = await stack.gql(SUGGEST, { input: { clientRequestId: id, unitCode: '09238-MC', content: 'Góp ý riêng của chị Lan: số điện thoại 0912 000 111.' } });
    expect(first.errors).toBeUndefined();
    const before = await suggestions();
    const other = await stack.gql(SUGGEST, { input: { clientRequestId: id, unitCode: '09238-MC', content: 'Một góp ý khác.' } });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.clientRequestId' });
    expect(JSON.stringify(other)).not.toContain('chị Lan');
    expect(await suggestions()).toBe(before);
    // The same device retrying the same request gets its own answer back, once.
    const retry = await stack.gql(SUGGEST, { input: { clientRequestId: id, unitCode: '09238-MC', content: 'Góp ý riêng của chị Lan: số điện thoại 0912 000 111.' } });
    expect(retry.data.submitSuggestion.suggestion.id).toBe(first.data.submitSuggestion.suggestion.id);
    expect(await suggestions()).toBe(before);
  });

  it('asks an anonymous device for an id nobody else would send', async () => {
    const answer = await stack.gql(SUGGEST, { input: { clientRequestId: 'retry-1', unitCode: '09238-MC', content: 'Ngắn.' } });
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clientRequestId' });
  });

  it('keeps the same subject in two units apart', async () => {
    const shiftAt = (commune: string) => {
      const clerk = stack.demo.officials.find((o) => o.ownerPath === `27.259.${commune}.${commune}-VP` && !o.isLeader)!;
      return { clientRequestId: 'shift-1', unitCode: `${commune}-MC`, date: '2026-11-28', shift: 'AFTERNOON', officialId: clerk.id, role: 'RECEPTION' };
    };
    const first = await stack.gql(SHIFT, { input: shiftAt('09238') }, await stack.token({ role: 'LEADER', unit: '27.259.09238', sub: 'shared-subject' }));
    const second = await stack.gql(SHIFT, { input: shiftAt('09241') }, await stack.token({ role: 'LEADER', unit: '27.259.09241', sub: 'shared-subject' }));
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    const rows = await stack.ownerQuery('personnel', `SELECT unit_code FROM duty_shift WHERE date = '2026-11-28' AND shift = 'AFTERNOON' ORDER BY 1`);
    expect(rows.rows.map((r) => r.unit_code)).toEqual(['09238-MC', '09241-MC']);
  });
});
