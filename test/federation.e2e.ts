import { startTestStack, type GraphQLResponse, type TestStack } from './support/stack';

describe('a query across the four subgraphs through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  const DOSSIER_WITH_EVERYTHING = `
    query ($code: String!) {
      dossierByCode(code: $code) {
        code applicantName status statusCode
        procedure { code name field { name } }
        receivingUnit { code name parent { name } }
        handler { fullName homeAgency { name } }
        ratings { resultSatisfaction attitudeSatisfaction channel }
      }
    }`;

  it('returns a rated dossier with its procedure, receiving unit, handler and ratings, names intact', async () => {
    const rating = stack.demo.ratings[0];
    const dossier = stack.demo.dossiers.find((d) => d.id === rating.dossierId)!;
    const procedure = stack.demo.procedures.find((p) => p.id === dossier.procedureId)!;
    const desk = stack.demo.units.find((u) => u.code === dossier.receivingUnitCode)!;
    const handler = stack.demo.officials.find((o) => o.id === dossier.handlerId)!;
    const token = await stack.token({ role: 'OFFICIAL', unit: dossier.ownerPath });

    let answer: GraphQLResponse | undefined;
    const fetched = await stack.servicesCalled(async () => (answer = await stack.gql(DOSSIER_WITH_EVERYTHING, { code: dossier.code }, token)));
    const { data, errors } = answer!;

    expect(errors).toBeUndefined();
    expect(fetched).toEqual(['catalogue', 'dossiers', 'feedback', 'personnel']);
    expect(data.dossierByCode).toEqual({
      code: dossier.code,
      applicantName: stack.demo.dossierApplicants.find((a) => a.dossierId === dossier.id)!.name,
      status: 'RESULT_RETURNED',
      statusCode: 10,
      procedure: { code: procedure.code, name: procedure.name, field: { name: expect.any(String) } },
      receivingUnit: { code: desk.code, name: desk.name, parent: { name: expect.any(String) } },
      handler: { fullName: handler.fullName, homeAgency: { name: expect.any(String) } },
      ratings: stack.demo.ratings
        .filter((r) => r.dossierId === dossier.id)
        .map((r) => ({ resultSatisfaction: r.resultSatisfaction, attitudeSatisfaction: r.attitudeSatisfaction, channel: r.channel })),
    });
    expect(data.dossierByCode.applicantName).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹýàáèéìíòóùú]/i);
  });

  it('counts dossiers per procedure from the dossiers subgraph on the catalogue entity', async () => {
    const { data } = await stack.gql(`{ procedures(first: 100) { totalCount nodes { id dossierCount } } }`);
    expect(data.procedures.totalCount).toBe(stack.demo.procedures.length);
    for (const node of data.procedures.nodes) {
      expect(node.dossierCount).toBe(stack.demo.dossiers.filter((d) => d.procedureId === node.id).length);
    }
  });

  it('asks only the subgraphs that own the fields an operation selects', async () => {
    expect(await stack.servicesCalled(() => stack.gql(`{ fields { code name } }`))).toEqual(['catalogue']);
    expect(await stack.servicesCalled(() => stack.gql(`{ procedures(first: 3) { nodes { name dossierCount } } }`))).toEqual([
      'catalogue',
      'dossiers',
    ]);
    // An operation the gateway refuses (an unknown field) asks no subgraph.
    expect(await stack.servicesCalled(() => stack.gql(`{ fields { nosuchfield } }`))).toEqual([]);
  });

  it('pages through the catalogue with cursors, each procedure once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { data }: { data?: any } = await stack.gql(
        `query ($after: String) { procedures(first: 20, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...data.procedures.nodes.map((n: { id: string }) => n.id));
      after = data.procedures.pageInfo.hasNextPage ? data.procedures.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(stack.demo.procedures.map((p) => p.id).sort());
  });

  it("resolves a rating's dossier and official from their own subgraphs", async () => {
    const rating = stack.demo.ratings[0];
    const token = await stack.token({ role: 'OFFICIAL', unit: rating.ownerPath });
    const { data, errors } = await stack.gql(`{ ratings(first: 100) { nodes { id dossier { code } official { fullName } } } }`, {}, token);
    expect(errors).toBeUndefined();
    const node = data.ratings.nodes.find((n: { id: string }) => n.id === rating.id);
    expect(node).toEqual({
      id: rating.id,
      dossier: { code: stack.demo.dossiers.find((d) => d.id === rating.dossierId)!.code },
      official: { fullName: stack.demo.officials.find((o) => o.id === rating.officialId)!.fullName },
    });
  });

  it('refuses a page larger than the maximum with BAD_USER_INPUT naming "first"', async () => {
    const { errors } = await stack.gql(`{ procedures(first: 101) { nodes { id } } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errors?.[0]?.message).toContain('from 1 to 100');
  });

  it('shows a commune official only the dossiers of that commune', async () => {
    const commune = stack.demo.dossiers.find((d) => d.ownerPath.split('.').length === 3)!.ownerPath;
    const token = await stack.token({ role: 'OFFICIAL', unit: commune });
    const { data } = await stack.gql(`{ dossiers(first: 100) { totalCount nodes { ownerPath } } }`, {}, token);
    expect(data.dossiers.totalCount).toBe(stack.demo.dossiers.filter((d) => d.ownerPath === commune).length);
    expect(new Set(data.dossiers.nodes.map((n: { ownerPath: string }) => n.ownerPath))).toEqual(new Set([commune]));
  });

  it('answers anonymous callers with no dossier and an actionable error for lists', async () => {
    const dossier = stack.demo.dossiers[0];
    const { data, errors } = await stack.gql(`query ($code: String!) { dossierByCode(code: $code) { code } }`, { code: dossier.code });
    expect(errors).toBeUndefined();
    expect(data.dossierByCode).toBeNull();
    const list = await stack.gql(`{ dossiers { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a forged token with UNAUTHENTICATED and no internals', async () => {
    const token = (await stack.token({ role: 'ADMIN', unit: '27' })).slice(0, -3) + 'abc';
    const response = await stack.gql(`{ fields { name } }`, {}, token);
    expect(response.status).toBe(401);
    expect(response.errors).toEqual([{ message: expect.stringContaining('bearer token is not valid'), extensions: { code: 'UNAUTHENTICATED' } }]);
  });
});

describe('a subgraph that is down', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 20 });
    await stack.services.personnel.stop();
  });
  afterAll(() => stack.stop());

  it('leaves its fields null with an error while the other subgraphs still answer', async () => {
    const token = await stack.token({ role: 'ADMIN', unit: '27' });
    const { data, errors } = await stack.gql(`{ dossiers(first: 3) { nodes { code procedure { name } handler { fullName } } } }`, {}, token);
    expect(data.dossiers.nodes).toHaveLength(3);
    for (const node of data.dossiers.nodes) {
      expect(node.procedure.name).toEqual(expect.any(String));
      expect(node.handler).toBeNull();
    }
    expect(errors).toEqual([
      {
        message: 'The personnel service did not answer; the fields it provides are null in this response. Try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'personnel' },
      },
    ]);
  });
});
