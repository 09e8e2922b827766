import { parentPath } from '../shared/units';
import { startTestStack, type TestStack } from './support/stack';

const ASSIGN = `
  mutation ($input: AssignDossierHandlerInput!) {
    assignDossierHandler(input: $input) { dossier { code handler { id fullName } } }
  }`;

describe('tier ownership of dossiers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.stop();
  });

  const allCommunes = () => [...new Set(stack.demo.dossiers.map((d) => d.ownerPath).filter((p) => p.split('.').length === 3))];
  /** Communes with a dossier they are working on now. */
  const communes = () => allCommunes().filter((c) => dossierOf(c));
  /** A dossier of the unit that the unit itself is working on now: received, or processing with no step held elsewhere. */
  const dossierOf = (path: string) =>
    stack.demo.dossiers.find(
      (d) =>
        d.ownerPath === path &&
        d.handlerId &&
        ['RECEIVED', 'PROCESSING'].includes(d.status) &&
        !stack.demo.dossierSteps.some((s) => s.dossierId === d.id && s.position === d.currentStep && s.ownerPath !== path),
    )!;
  /** An official of one of the unit's own agencies. */
  const officialOf = (path: string) => stack.demo.officials.find((o) => parentPath(o.ownerPath) === path)!;
  const rowOf = async (id: string) => (await stack.ownerQuery('dossiers', 'SELECT handler_id, version FROM dossier WHERE id = $1', [id])).rows[0];

  it("refuses a commune's change to another commune's dossier and leaves the row as it was", async () => {
    const [mine, theirs] = communes();
    const target = dossierOf(theirs);
    const before = await rowOf(target.id);
    const token = await stack.token({ role: 'OFFICIAL', unit: mine });

    const { data, errors } = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'cross-commune-1', dossierId: target.id, handlerId: officialOf(mine).id } },
      token,
    );

    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    // What the commune may not see is missing to it: the answer names neither the dossier's code nor its owner.
    expect(errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(errors![0].message).not.toContain(target.code);
    expect(errors![0].message).not.toContain(theirs);
    expect(await rowOf(target.id)).toEqual(before);
  });

  it('lets a commune reassign its own dossier, and a retry with the same request id changes nothing more', async () => {
    const [mine] = communes();
    const target = dossierOf(mine);
    const newHandler = stack.demo.officials.filter((o) => parentPath(o.ownerPath) === mine && o.id !== target.handlerId)[0];
    const token = await stack.token({ role: 'OFFICIAL', unit: mine });
    const input = { clientRequestId: 'own-commune-1', dossierId: target.id, handlerId: newHandler.id };

    const first = await stack.gql(ASSIGN, { input }, token);
    const afterFirst = await rowOf(target.id);
    const retry = await stack.gql(ASSIGN, { input }, token);

    expect(first.errors).toBeUndefined();
    expect(first.data.assignDossierHandler.dossier.handler).toEqual({ id: newHandler.id, fullName: newHandler.fullName });
    expect(afterFirst).toEqual({ handler_id: newHandler.id, version: stack.demo.dossiers.find((d) => d.id === target.id)!.version + 1 });
    expect(retry.data).toEqual(first.data);
    expect(await rowOf(target.id)).toEqual(afterFirst);
  });

  it('lets the district above a commune assign one of the commune’s officials, not one of its own, and records who did it', async () => {
    const commune = communes()[1];
    const district = commune.split('.').slice(0, 2).join('.');
    const target = dossierOf(commune);
    const token = await stack.token({ role: 'LEADER', unit: district });
    const before = await rowOf(target.id);
    const outsider = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'district-1', dossierId: target.id, handlerId: officialOf(district).id } },
      token,
    );
    expect(outsider.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handlerId' });
    expect(await rowOf(target.id)).toEqual(before);
    const ofTheCommune = stack.demo.officials.find((o) => parentPath(o.ownerPath) === commune && o.id !== target.handlerId)!;
    const { errors } = await stack.gql(ASSIGN, { input: { clientRequestId: 'district-2', dossierId: target.id, handlerId: ofTheCommune.id } }, token);
    expect(errors).toBeUndefined();
    expect((await rowOf(target.id)).handler_id).toBe(ofTheCommune.id);
    const history = await stack.ownerQuery(
      'dossiers',
      `SELECT action, actor_unit, details->>'handlerId' AS handler FROM dossier_event WHERE dossier_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
      [target.id],
    );
    expect(history.rows[0]).toEqual({ action: 'assignHandler', actor_unit: district, handler: ofTheCommune.id });
  });

  it('refuses a handler who is no official at all', async () => {
    const [mine] = communes();
    const target = dossierOf(mine);
    const token = await stack.token({ role: 'OFFICIAL', unit: mine });
    const answer = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'ghost-1', dossierId: target.id, handlerId: '00000000-0000-4000-8000-00000000dead' } },
      token,
    );
    expect(answer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handlerId' });
  });

  it('answers a malformed id with BAD_USER_INPUT naming the field, and an unknown one with NOT_FOUND', async () => {
    const [mine] = communes();
    const token = await stack.token({ role: 'OFFICIAL', unit: mine });
    const bad = await stack.gql(ASSIGN, { input: { clientRequestId: 'bad-1', dossierId: 'not-a-uuid', handlerId: officialOf(mine).id } }, token);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dossierId' });
    const unknown = await stack.gql(
      ASSIGN,
      { input: { clientRequestId: 'bad-2', dossierId: '00000000-0000-4000-8000-000000000000', handlerId: officialOf(mine).id } },
      token,
    );
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.dossierId' });
  });
});
