import { startTestStack, type TestStack } from '../support/stack';

/** Mistakes a portal developer or an analyst makes, answered with a code and a message that says what to fix. */
describe('coded answers to bad requests through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 20 });
  });
  afterAll(() => stack.stop());

  const firstError = (answer: { errors?: { message: string; extensions?: { code?: string; field?: string } }[] }) => {
    const [error] = answer.errors ?? [];
    return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message };
  };

  it('names the argument and the expected form for an impossible date, literal or variable', async () => {
    expect(firstError(await stack.gql(`{ unit(code: "27", at: "2026-13-45") { name } }`))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'at',
      message: 'at: expected a date YYYY-MM-DD, got 2026-13-45',
    });
    expect(firstError(await stack.gql(`query ($at: Date) { unit(code: "27", at: $at) { name } }`, { at: '01/12/2026' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'at',
      message: 'at: expected a date YYYY-MM-DD, got 01/12/2026',
    });
    expect(
      firstError(await stack.gql(`query ($at: Date) { unit(code: "27", at: $at) { name } }`, { at: '2026-12-01T08:00:00+07:00' })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
  });

  it('refuses year 0, a number given as a date, and values nested deeper than their type, naming the argument', async () => {
    expect(firstError(await stack.gql(`{ unit(code: "27", at: "0000-01-01") { name } }`))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'at',
      message: 'at: expected a date between 1900-01-01 and 2999-12-31, got 0000-01-01',
    });
    expect(firstError(await stack.gql(`{ unit(code: "27", at: 20260101) { name } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    // Written by hand: JSON.stringify itself runs out of stack on 5,000 levels.
    const nested = `${'['.repeat(5000)}"2026-01-01"${']'.repeat(5000)}`;
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"query ($at: Date) { unit(code: \\"27\\", at: $at) { name } }","variables":{"at":${nested}}}`,
    });
    const deep = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(response.status).toBeLessThan(500);
    expect(deep.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses subscriptions, and more than one mutation in a request, writing nothing', async () => {
    expect(firstError(await stack.gql(`subscription { __typename }`))).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const before = (await stack.ownerQuery('feedback', 'SELECT count(*)::int AS n FROM suggestion')).rows[0].n;
    const two = await stack.gql(`mutation {
      a: submitSuggestion(input: { clientRequestId: "two-a-7f3a9c21-device", unitCode: "09238-MC", content: "Một" }) { suggestion { id } }
      b: submitSuggestion(input: { clientRequestId: "two-b-7f3a9c21-device", unitCode: "99-NOPE", content: "Hai" }) { suggestion { id } }
    }`);
    expect(firstError(two)).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Send one mutation per request (this one has 2), so each is answered with what it wrote.',
    });
    const throughFragments = await stack.gql(`mutation {
      ... { a: submitSuggestion(input: { clientRequestId: "frag-a-7f3a9c21-device", unitCode: "09238-MC", content: "Một" }) { suggestion { id } } }
      ...Second
    }
    fragment Second on Mutation { b: submitSuggestion(input: { clientRequestId: "frag-b-7f3a9c21-device", unitCode: "99-NOPE", content: "Hai" }) { suggestion { id } } }`);
    expect(firstError(throughFragments)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('(this one has 2)') });
    expect((await stack.ownerQuery('feedback', 'SELECT count(*)::int AS n FROM suggestion')).rows[0].n).toBe(before);
  });

  it('reads codes typed in lower case or with spaces in every filter the same as the stored code', async () => {
    const official = await stack.token({ role: 'ADMIN', unit: '27' });
    const ask = (centre: string) =>
      stack.gql(
        `query ($c: String!) { centreStaffing(centreCode: $c) { seconded openCounters } counters(centreCode: $c) { number } }`,
        { c: centre },
        official,
      );
    const exact = await ask('27-TTHCC');
    expect(exact.data.counters.length).toBeGreaterThan(0);
    expect((await ask(' 27-tthcc ')).data).toEqual(exact.data);
    const suggested = await stack.gql(
      `mutation ($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { unit { code name } } } }`,
      {
        input: { clientRequestId: 'lower-case-unit-7f3a9c21', unitCode: ' 09238-mc ', content: 'Mã viết thường.' },
      },
    );
    expect(suggested.data.submitSuggestion.suggestion.unit.code).toBe('09238-MC');
    const listed = await stack.gql(`{ suggestions { unit { code name } } }`, {}, official);
    expect(listed.errors).toBeUndefined();
  });

  it('names the input field of a bad DateTime deep inside an input object', async () => {
    const official = await stack.token({ role: 'OFFICIAL', unit: '27.259.09238' });
    const answer = await stack.gql(
      `mutation ($input: RescheduleDossierInput!) { rescheduleDossier(input: $input) { dossier { id } } }`,
      { input: { clientRequestId: 'r-1', dossierId: stack.demo.dossiers[0].id, reason: 'Chờ xác minh', newDueAt: 'ngày mai' } },
      official,
    );
    expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newDueAt' });
  });

  it('refuses text with U+0000, an unpaired surrogate or over its length, naming the field, and writes nothing', async () => {
    const before = (await stack.ownerQuery('feedback', 'SELECT count(*)::int AS n FROM suggestion')).rows[0].n;
    const suggest = (content: string) =>
      stack.gql(`mutation ($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id } } }`, {
        input: { clientRequestId: `s-${content.length}-${content.charCodeAt(1)}`, unitCode: '09238-MC', content },
      });
    expect(firstError(await suggest('Xin\u0000chào'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    expect(firstError(await suggest('Xin \uD800 chào'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    expect(firstError(await suggest('ý'.repeat(10_001)))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.content',
      message: 'input.content: is 10001 characters long; at most 10000 are allowed',
    });
    expect(firstError(await stack.gql(`{ publicDossier(code: "\\u0000") { status } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await stack.ownerQuery('feedback', 'SELECT count(*)::int AS n FROM suggestion')).rows[0].n).toBe(before);
  });

  it('finds a dossier and a unit by a code typed with spaces and in lower case', async () => {
    const received = stack.demo.dossiers.find((d) => d.status === 'RESULT_RETURNED')!;
    const typed = await stack.gql(`query ($code: String!) { publicDossier(code: $code) { code } unit(code: " 09238-mc ") { code } }`, {
      code: `  ${received.code.toLowerCase()}\t`,
    });
    expect(typed.data).toEqual({ publicDossier: { code: received.code }, unit: { code: '09238-MC' } });
  });

  it('asks which operation to run when a document holds two and names none', async () => {
    const answer = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { fields { code } } query B { fields { name } }' }),
    });
    const body = (await answer.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect([answer.status, body.errors[0].extensions.code]).toEqual([200, 'OPERATION_RESOLUTION_FAILURE']);
    expect(body.errors[0].message).toBe('The document holds 2 operations (A, B); say which to run in operationName.');
  });

  it('answers an official-only field without a token with a top-level UNAUTHENTICATED that says what to do, and keeps the public field', async () => {
    const answer = await stack.gql(`{ fields { code } petition(id: "${stack.demo.petitions[0].id}") { subject } }`);
    expect(answer.status).toBe(200);
    expect(answer.data.fields.length).toBeGreaterThan(0);
    expect(answer.data.petition).toBeNull();
    expect(answer.errors).toEqual([
      {
        message: 'Sign in as an official of a unit to do this.',
        path: ['petition'],
        extensions: { code: 'UNAUTHENTICATED', serviceName: 'feedback' },
      },
    ]);
    expect(JSON.stringify(answer)).not.toMatch(/http:\/\/|127\.0\.0\.1|localhost/);
  });

  it('refuses names with digits or invisible characters, a malformed email and text-direction overrides, writing nothing', async () => {
    const PETITION = `mutation ($input: SubmitPetitionInput!) { submitPetition(input: $input) { petition { id } } }`;
    const count = async () => (await stack.ownerQuery('feedback', 'SELECT count(*)::int AS n FROM petition')).rows[0].n as number;
    const before = await count();
    const petition = (overrides: Record<string, unknown>, petitioner: Record<string, unknown> = {}) =>
      stack.gql(PETITION, {
        input: {
          clientRequestId: `names-${Math.random().toString(36).slice(2)}-device`,
          unitCode: '09238-MC',
          subject: 'Chậm trả kết quả',
          content: 'Hồ sơ bị chậm.',
          petitioner: { name: 'Trần Văn Nam', ...petitioner },
          ...overrides,
        },
      });
    expect(firstError(await petition({}, { name: 'Nguyễn\u200bVăn An' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.petitioner.name' });
    expect(firstError(await petition({}, { name: 'Đỗ Thị (CCCD 001099012345)' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.petitioner.name',
    });
    expect(firstError(await petition({}, { email: 'not-an-email' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.petitioner.email' });
    expect(firstError(await petition({}, { email: '<script>@example.com' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.petitioner.email',
    });
    // Letters of other scripts and invisible fillers are letters to Unicode, not to a Vietnamese name.
    expect(firstError(await petition({}, { name: '\u3164' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.petitioner.name' });
    expect(firstError(await petition({}, { name: 'Trần Văn Nаm' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.petitioner.name' });
    expect(firstError(await petition({ content: 'Hồ sơ \u200ebị chậm.' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(firstError(await petition({ content: 'Hồ sơ \u202Eđã xong\u202C bị chậm.' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await count()).toBe(before);
    // Names of ethnic minorities keep their apostrophes; the name is stored in one canonical form.
    expect((await petition({}, { name: "  Ksor   H'Bia " })).errors).toBeUndefined();
    expect(
      (await stack.ownerQuery('feedback', `SELECT petitioner_name FROM petition ORDER BY received_at DESC, id DESC LIMIT 1`)).rows[0].petitioner_name,
    ).toBe("Ksor H'Bia");
  });
});
