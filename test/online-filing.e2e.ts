import { buildDemo } from '../infra/seed/demo';
import { expectError, ok } from './support/expect';
import { fingerprint } from './support/fingerprint';
import { startOpenIdProvider, type OpenIdProvider } from './support/openid';
import { startTestStack, type TestStack } from './support/stack';

const AUDIENCE = 'https://dichvucong.bacninh.gov.vn/graphql';
const DESK = '09238-MC';
const COMMUNE = '27.259.09238';
const CITIZEN = '027190001234';
const NEIGHBOUR = '027190005678';
const DOSSIER_FIELDS = `id code status version dueAt submittedAt: receivedAt steps { position unit { code } }
  history { action actorRole fromStatus toStatus detail { ... on ReasonDetail { reason } } }`;
const FILE = `mutation ($input: FileDossierInput!) { fileDossier(input: $input) { dossier { ${DOSSIER_FIELDS} } } }`;
const SUBMIT = `mutation ($input: SubmitDossierDraftInput!) { submitDossierDraft(input: $input) { dossier { ${DOSSIER_FIELDS} } } }`;
const act = (name: string, input = 'DossierActionInput') =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { dossier { ${DOSSIER_FIELDS} } } }`;
const MINE = `{ myDossiers(first: 20) { nodes { id code status } } }`;
const DESK_LIST = `query ($status: DossierStatus) { dossiers(first: 100, filter: { status: $status }) { nodes { id } } }`;

describe('online public services: a citizen files, the desk accepts, the citizen supplements', () => {
  const demo = buildDemo({ dossiers: 60 });
  // Birth, residence and health insurance for a child under six: offered online, received at commune desks, three liên thông steps.
  const birth = demo.procedures.find((p) => p.name.startsWith('Liên thông đăng ký khai sinh'))!;
  const offline = demo.procedures.find((p) => p.onlineLevel === 'NONE' && p.levels.includes('COMMUNE'))!;
  const required = demo.procedureVersions.find((v) => v.procedureId === birth.id)!.documents.map(({ name }) => ({ name, originals: 1, copies: 0 }));
  const clerk = demo.officials.find((o) => o.ownerPath.startsWith(`${COMMUNE}.`) && !o.isLeader)!;
  const applicant = { kind: 'PERSON', name: 'Nguyễn Thị Thu Hà', idNumber: CITIZEN, phone: '0912345678', address: 'Thôn Đông, xã Tam Sơn' };
  const filing = (clientRequestId: string, overrides: Record<string, unknown> = {}) => ({
    clientRequestId,
    receivingUnitCode: DESK,
    procedureId: birth.id,
    applicant,
    documents: required,
    submit: true,
    ...overrides,
  });
  let provider: OpenIdProvider;
  let stack: TestStack;
  let citizen: string;
  let neighbour: string;
  let desk: string;
  beforeAll(async () => {
    provider = await startOpenIdProvider(AUDIENCE, {
      [CITIZEN]: { role: 'CITIZEN' },
      [NEIGHBOUR]: { role: 'CITIZEN' },
      'cb-tam-son': { role: 'OFFICIAL', unit: COMMUNE, official_id: clerk.id },
    });
    stack = await startTestStack({ dossiers: 60 }, undefined, { openId: { issuer: provider.issuer, audience: AUDIENCE } });
    [citizen, neighbour, desk] = await Promise.all([provider.signIn(CITIZEN), provider.signIn(NEIGHBOUR), provider.signIn('cb-tam-son')]);
  });
  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
  });

  it('keeps a draft the citizen’s alone, then submits it complete to the desk', async () => {
    const draft = ok(await stack.gql(FILE, { input: filing('online-draft-0001', { documents: [], submit: false }) }, citizen)).fileDossier.dossier;
    expect(draft).toMatchObject({ status: 'NEW', history: [] });
    expect(draft.code).toMatch(/^TRUCTUYEN-/);
    expect(ok(await stack.gql(MINE, {}, citizen)).myDossiers.nodes.map((d: { id: string }) => d.id)).toContain(draft.id);
    // The desk does not see a draft, in its list or by id.
    expect(ok(await stack.gql(DESK_LIST, { status: 'NEW' }, desk)).dossiers.nodes.map((d: { id: string }) => d.id)).not.toContain(draft.id);
    expect(ok(await stack.gql(`query ($id: ID!) { dossier(id: $id) { id } }`, { id: draft.id }, desk)).dossier).toBeNull();

    // Submitting checks the documents the procedure requires.
    const incomplete = await stack.gql(
      SUBMIT,
      { input: { clientRequestId: 'online-submit-0000', dossierId: draft.id, documents: required.slice(1) } },
      citizen,
    );
    expectError(incomplete, 'BAD_USER_INPUT', 'input.documents');
    const submitted = ok(
      await stack.gql(SUBMIT, { input: { clientRequestId: 'online-submit-0001', dossierId: draft.id, documents: required } }, citizen),
    );
    expect(submitted.submitDossierDraft.dossier.history.map((e: { action: string; actorRole: string }) => [e.action, e.actorRole])).toEqual([
      ['FILE_DOSSIER', 'CITIZEN'],
    ]);
    expect(ok(await stack.gql(DESK_LIST, { status: 'NEW' }, desk)).dossiers.nodes.map((d: { id: string }) => d.id)).toContain(draft.id);
    // Another citizen cannot submit it, nor see it.
    expectError(
      await stack.gql(SUBMIT, { input: { clientRequestId: 'online-submit-0002', dossierId: draft.id, documents: required } }, neighbour),
      'NOT_FOUND',
    );
  });

  it('refuses, writing nothing, a procedure not offered online and a filing in someone else’s name', async () => {
    const before = await fingerprint(stack);
    expectError(
      await stack.gql(FILE, { input: filing('online-offline-0001', { procedureId: offline.id }) }, citizen),
      'BAD_USER_INPUT',
      'input.procedureId',
    );
    const someoneElse = { ...applicant, idNumber: NEIGHBOUR };
    expectError(
      await stack.gql(FILE, { input: filing('online-other-0001', { applicant: someoneElse }) }, citizen),
      'BAD_USER_INPUT',
      'input.applicant.idNumber',
    );
    expectError(await stack.gql(FILE, { input: filing('online-official-0001') }, desk), 'FORBIDDEN');
    expectError(await stack.gql(FILE, { input: filing('online-anonymous-0001') }), 'UNAUTHENTICATED');
    expect(await fingerprint(stack)).toEqual(before);
  });

  it('is accepted by the desk with the desk’s code, the appointment and the steps from then; the citizen supplements online', async () => {
    const filed = ok(await stack.gql(FILE, { input: filing('online-file-0002') }, citizen)).fileDossier.dossier;
    const go = (name: string, token: string, extra: Record<string, unknown>, input?: string) =>
      stack.gql(
        act(name, input),
        { input: { clientRequestId: `${name}-${filed.id.slice(0, 8)}-${Math.random()}`, dossierId: filed.id, ...extra } },
        token,
      );
    const accepted = ok(await go('acceptDossier', desk, {})).acceptDossier.dossier;
    expect(accepted.status).toBe('RECEIVED');
    expect(accepted.code).toMatch(/^000\.\d{2}\.\d{2}\.H06-\d{6}-\d{4}$/);
    expect(accepted.dueAt).not.toBeNull();
    expect(accepted.steps).toHaveLength(3);
    expect(accepted.history.map((e: { action: string; actorRole: string }) => [e.action, e.actorRole])).toEqual([
      ['FILE_DOSSIER', 'CITIZEN'],
      ['ACCEPT_DOSSIER', 'OFFICIAL'],
    ]);
    // Accepting twice is a conflict, not a second code.
    expectError(await go('acceptDossier', desk, {}), 'CONFLICT');

    ok(await go('transferDossier', desk, {}));
    ok(await go('requestSupplement', desk, { missingItems: ['Giấy chứng sinh'] }, 'RequestSupplementInput'));
    // Only the citizen who filed it supplements it.
    expectError(await go('supplementMyDossier', neighbour, { handedIn: ['Giấy chứng sinh'] }, 'ReceiveSupplementInput'), 'NOT_FOUND');
    const supplemented = ok(await go('supplementMyDossier', citizen, { handedIn: ['Giấy chứng sinh'] }, 'ReceiveSupplementInput')).supplementMyDossier
      .dossier;
    expect(supplemented.status).toBe('PROCESSING');
    expect(supplemented.history.at(-1)).toMatchObject({ action: 'SUPPLEMENT_MY_DOSSIER', actorRole: 'CITIZEN', fromStatus: 'SUPPLEMENT_REQUESTED' });
    // A supplement once the dossier moved on is refused and changes nothing.
    expectError(await go('supplementMyDossier', citizen, { handedIn: ['Giấy chứng sinh'] }, 'ReceiveSupplementInput'), 'CONFLICT');
  });

  it('is refused by the desk with the reason (form 03), or withdrawn by the citizen', async () => {
    const refused = ok(await stack.gql(FILE, { input: filing('online-file-0003') }, citizen)).fileDossier.dossier;
    const done = ok(
      await stack.gql(
        act('refuseDossier'),
        { input: { clientRequestId: 'online-refuse-0003', dossierId: refused.id, reason: 'Ảnh giấy tờ bị mờ' } },
        desk,
      ),
    ).refuseDossier.dossier;
    expect(done.status).toBe('NOT_RECEIVED');
    expect(done.history.at(-1).detail.reason).toBe('Ảnh giấy tờ bị mờ');

    const withdrawn = ok(await stack.gql(FILE, { input: filing('online-file-0004') }, citizen)).fileDossier.dossier;
    const asked = { clientRequestId: 'online-withdraw-0004', dossierId: withdrawn.id, reason: 'Đã nộp trực tiếp' };
    expectError(await stack.gql(act('withdrawMyDossier'), { input: asked }, neighbour), 'NOT_FOUND');
    const gone = ok(await stack.gql(act('withdrawMyDossier'), { input: asked }, citizen)).withdrawMyDossier.dossier;
    expect(gone.status).toBe('WITHDRAWN');
  });
});
