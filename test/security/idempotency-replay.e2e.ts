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
    const first = await stack.gql(SUGGEST, {
      input: { clientRequestId: id, unitCode: '09238-MC', content: 'Góp ý riêng của chị Lan: số điện thoại 0912 000 111.' },
    });
    expect(first.errors).toBeUndefined();
    const before = await suggestions();
    const other = await stack.gql(SUGGEST, { input: { clientRequestId: id, unitCode: '09238-MC', content: 'Một góp ý khác.' } });
    expect(other.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.clientRequestId' });
    expect(JSON.stringify(other)).not.toContain('chị Lan');
    expect(await suggestions()).toBe(before);
    // The same device retrying the same request gets its own answer back, once.
    const retry = await stack.gql(SUGGEST, {
      input: { clientRequestId: id, unitCode: '09238-MC', content: 'Góp ý riêng của chị Lan: số điện thoại 0912 000 111.' },
    });
    expect(retry.data.submitSuggestion.suggestion.id).toBe(first.data.submitSuggestion.suggestion.id);
    expect(await suggestions()).toBe(before);
  });

  it('asks an anonymous device for an id nobody else would send: sixteen visible characters, not spaces or invisible ones', async () => {
    const before = await suggestions();
    for (const clientRequestId of ['retry-1', ' '.repeat(16), '\u200b'.repeat(16), '\u00a0'.repeat(16), '😀'.repeat(8), `a${'\u0301'.repeat(15)}`]) {
      const answer = await stack.gql(SUGGEST, { input: { clientRequestId, unitCode: '09238-MC', content: 'Ngắn.' } });
      expect({ clientRequestId, extensions: answer.errors?.[0]?.extensions }).toMatchObject({
        clientRequestId,
        extensions: { code: 'BAD_USER_INPUT', field: 'input.clientRequestId' },
      });
    }
    expect(await suggestions()).toBe(before);
  });

  it('says nothing of what an id was used for: another mutation with the same id gets the same CONFLICT as other input', async () => {
    const id = 'c3d2e1f0-6b2f-4d6f-8e8f-1a2b3c4d5e6f';
    expect(
      (await stack.gql(SUGGEST, { input: { clientRequestId: id, unitCode: '09238-MC', content: 'Góp ý về giờ làm việc.' } })).errors,
    ).toBeUndefined();
    const petition = await stack.gql(`mutation ($input: SubmitPetitionInput!) { submitPetition(input: $input) { petition { id } } }`, {
      input: {
        clientRequestId: id,
        unitCode: '09238-MC',
        subject: 'Chậm trả kết quả',
        content: 'Hồ sơ của tôi bị chậm.',
        petitioner: { name: 'Trần Văn Nam' },
      },
    });
    expect(petition.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.clientRequestId' });
    expect(petition.errors![0].message).not.toMatch(/submitSuggestion|suggestion/i);
  });

  it('keeps the same subject in two units apart', async () => {
    const shiftAt = (commune: string) => {
      const clerk = stack.demo.officials.find((o) => o.ownerPath === `27.259.${commune}.${commune}-VP` && !o.isLeader)!;
      return {
        clientRequestId: 'shift-1',
        unitCode: `${commune}-MC`,
        date: '2026-11-28',
        shift: 'AFTERNOON',
        officialId: clerk.id,
        role: 'RECEPTION',
      };
    };
    const first = await stack.gql(
      SHIFT,
      { input: shiftAt('09238') },
      await stack.token({ role: 'LEADER', unit: '27.259.09238', sub: 'shared-subject' }),
    );
    const second = await stack.gql(
      SHIFT,
      { input: shiftAt('09241') },
      await stack.token({ role: 'LEADER', unit: '27.259.09241', sub: 'shared-subject' }),
    );
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    const rows = await stack.ownerQuery('personnel', `SELECT unit_code FROM duty_shift WHERE date = '2026-11-28' AND shift = 'AFTERNOON' ORDER BY 1`);
    expect(rows.rows.map((r) => r.unit_code)).toEqual(['09238-MC', '09241-MC']);
  });
});
