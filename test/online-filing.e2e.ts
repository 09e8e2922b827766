import { buildDemo } from '../infra/seed/demo';
import { expectError, ok } from './support/expect';
import { fingerprint } from './support/fingerprint';
import { pdf, uploaded } from './support/documents';
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
  const papers = demo.procedureVersions.find((v) => v.procedureId === birth.id)!.documents.map(({ name }) => ({ name, originals: 1, copies: 0 }));
  /** Online every required document is a file: the uploader's own, one per document. */
  const withFiles = async (token: string) =>
    Promise.all(
      papers.map(async (paper) => ({
        ...paper,
        files: [await uploaded(stack.gatewayUrl, { name: `${paper.name}.pdf`, bytes: pdf(paper.name) }, token)],
      })),
    );
  let required: Awaited<ReturnType<typeof withFiles>>;
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
      // One person, who also signs in for the company they direct.
      '027190009999': { role: 'CITIZEN', variants: { company: { role: 'CITIZEN', tax_code: '2301234567' } } },
      'cb-tam-son': { role: 'OFFICIAL', unit: COMMUNE, official_id: clerk.id },
    });
    stack = await startTestStack({ dossiers: 60 }, undefined, { openId: { issuer: provider.issuer, audience: AUDIENCE } });
    [citizen, neighbour, desk] = await Promise.all([provider.signIn(CITIZEN), provider.signIn(NEIGHBOUR), provider.signIn('cb-tam-son')]);
    required = await withFiles(citizen);
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
    // A supplement lists what form 02 asked for, not thousands of items.
    const flood = Array.from({ length: 101 }, (_, i) => `Giấy tờ ${i}`);
    expectError(await go('supplementMyDossier', citizen, { handedIn: flood }, 'ReceiveSupplementInput'), 'BAD_USER_INPUT', 'input.handedIn');
    // Only the citizen who filed it supplements it.
    expectError(await go('supplementMyDossier', neighbour, { handedIn: ['Giấy chứng sinh'] }, 'ReceiveSupplementInput'), 'NOT_FOUND');
    // A file already with the dossier is not a supplement.
    const again = { handedIn: ['Giấy chứng sinh'], files: [{ documentType: 'Giấy chứng sinh', files: required[0].files }] };
    expectError(await go('supplementMyDossier', citizen, again, 'ReceiveSupplementInput'), 'CONFLICT', 'input.files[0].files[0]');
    const scan = await uploaded(
      stack.gatewayUrl,
      { name: 'Giấy chứng sinh.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1, 2, 3, 4]), type: 'image/jpeg' },
      citizen,
    );
    const certificate = { handedIn: ['Giấy chứng sinh'], files: [{ documentType: 'Giấy chứng sinh', files: [scan] }] };
    const supplemented = ok(await go('supplementMyDossier', citizen, certificate, 'ReceiveSupplementInput')).supplementMyDossier.dossier;
    expect(supplemented.status).toBe('PROCESSING');
    expect(supplemented.history.at(-1)).toMatchObject({ action: 'SUPPLEMENT_MY_DOSSIER', actorRole: 'CITIZEN', fromStatus: 'SUPPLEMENT_REQUESTED' });
    // A supplement once the dossier moved on is refused and changes nothing.
    expectError(await go('supplementMyDossier', citizen, certificate, 'ReceiveSupplementInput'), 'CONFLICT');
  });

  it('is refused by the desk with the reason (form 03), cancelled by the citizen before reception, or withdrawn after', async () => {
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

    // Before the desk receives it, the citizen cancels the filing: it ends not received, so no figure counts it.
    const cancelled = ok(await stack.gql(FILE, { input: filing('online-file-0004') }, citizen)).fileDossier.dossier;
    const asked = { clientRequestId: 'online-cancel-0004', dossierId: cancelled.id, reason: 'Đã nộp trực tiếp' };
    expectError(await stack.gql(act('cancelMyFiling'), { input: asked }, neighbour), 'NOT_FOUND');
    expectError(await stack.gql(act('withdrawMyDossier'), { input: { ...asked, clientRequestId: 'online-withdraw-0004' } }, citizen), 'CONFLICT');
    expect(ok(await stack.gql(act('cancelMyFiling'), { input: asked }, citizen)).cancelMyFiling.dossier.status).toBe('NOT_RECEIVED');

    // Once received, it is withdrawn.
    const received = ok(await stack.gql(FILE, { input: filing('online-file-0005') }, citizen)).fileDossier.dossier;
    ok(await stack.gql(act('acceptDossier'), { input: { clientRequestId: 'online-accept-0005', dossierId: received.id } }, desk));
    const withdrawn = { clientRequestId: 'online-withdraw-0005', dossierId: received.id, reason: 'Không còn nhu cầu' };
    expect(ok(await stack.gql(act('withdrawMyDossier'), { input: withdrawn }, citizen)).withdrawMyDossier.dossier.status).toBe('WITHDRAWN');
  });

  it('keeps a cancelled draft out of the desk’s sight, the public lookup, the counts and the printed receipt', async () => {
    const draft = ok(await stack.gql(FILE, { input: filing('online-draft-0006', { submit: false }) }, citizen)).fileDossier.dossier;
    const count = async () =>
      ok(await stack.gql(`query ($id: ID!) { procedure(id: $id) { dossierCount } }`, { id: birth.id })).procedure.dossierCount as number;
    const before = await count();
    ok(
      await stack.gql(
        act('cancelMyFiling'),
        { input: { clientRequestId: 'online-cancel-0006', dossierId: draft.id, reason: 'Nhầm thủ tục' } },
        citizen,
      ),
    );
    expect(ok(await stack.gql(`query ($id: ID!) { dossier(id: $id) { id } }`, { id: draft.id }, desk)).dossier).toBeNull();
    expect(ok(await stack.gql(DESK_LIST, { status: 'NOT_RECEIVED' }, desk)).dossiers.nodes.map((d: { id: string }) => d.id)).not.toContain(draft.id);
    expect(ok(await stack.gql(`query ($code: String!) { publicDossier(code: $code) { status } }`, { code: draft.code })).publicDossier).toBeNull();
    expect(await count()).toBe(before);
    // A cancelled draft is no longer a draft to submit.
    expectError(
      await stack.gql(SUBMIT, { input: { clientRequestId: 'online-submit-0006', dossierId: draft.id, documents: required } }, citizen),
      'CONFLICT',
    );
    // Form 01 is printed for what the desk received, not for a filing still waiting.
    const waiting = ok(await stack.gql(FILE, { input: filing('online-file-0007') }, citizen)).fileDossier.dossier;
    const form = await fetch(stack.gatewayUrl.replace('/graphql', `/forms/01/${waiting.id}`), { headers: { authorization: `Bearer ${citizen}` } });
    expect(form.status).toBe(404);
  });

  it('files only as the citizen or the organisation they sign in for, with sane lists and areas', async () => {
    const before = await fingerprint(stack);
    const company = { kind: 'ORGANISATION', name: 'Công ty TNHH Gốm Phù Lãng', idNumber: '2301234567' };
    expectError(
      await stack.gql(FILE, { input: filing('online-org-0001', { applicant: company }) }, citizen),
      'BAD_USER_INPUT',
      'input.applicant.idNumber',
    );
    const someone = { ...applicant, idNumber: NEIGHBOUR };
    const proxied = await stack.gql(
      FILE,
      { input: { ...filing('online-proxy-0001', { applicant: someone }), proxy: { name: 'Nguyễn Văn A', idNumber: CITIZEN } } },
      citizen,
    );
    // Online there is no authorised person to name: the input has no such field.
    expect(proxied.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(proxied.errors?.[0]?.message).toContain('proxy');
    const negative = filing('online-negative-0001', { documents: required.map((d) => ({ ...d, copies: -7 })) });
    expectError(await stack.gql(FILE, { input: negative }, citizen), 'BAD_USER_INPUT', 'input.documents');
    expectError(
      await stack.gql(FILE, { input: filing('online-agency-0001', { areaUnitCode: '27-SCT' }) }, citizen),
      'BAD_USER_INPUT',
      'input.areaUnitCode',
    );
    expect(await fingerprint(stack)).toEqual(before);
    // A blank area is the desk's own.
    ok(await stack.gql(FILE, { input: filing('online-blank-area-0001', { areaUnitCode: ' ', submit: false }) }, citizen));
    // A forged page cursor is refused as one, not answered with an internal error.
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url');
    expectError(
      await stack.gql(`query ($after: String) { myDossiers(first: 5, after: $after) { totalCount } }`, { after: forged }, citizen),
      'BAD_USER_INPUT',
      'after',
    );
    const nul = Buffer.from(JSON.stringify(['\u0000', 'x'])).toString('base64url');
    expectError(
      await stack.gql(`query ($after: String) { officials(first: 5, after: $after) { totalCount } }`, { after: nul }),
      'BAD_USER_INPUT',
      'after',
    );
  });

  it('gives a filing made for an organisation only to the citizen acting for it', async () => {
    const director = await provider.signIn('027190009999~company');
    const company = { kind: 'ORGANISATION', name: 'Công ty TNHH Gốm Phù Lãng', idNumber: '2301234567' };
    const companyFiles = await withFiles(director);
    const draft = ok(
      await stack.gql(FILE, { input: filing('online-company-0001', { applicant: company, submit: false, documents: companyFiles }) }, director),
    ).fileDossier.dossier;
    // The same person signed in for themselves has no right over the company's filing, nor its answer on a replay.
    const asSelf = await provider.signIn('027190009999');
    expectError(
      await stack.gql(SUBMIT, { input: { clientRequestId: 'company-submit-0001', dossierId: draft.id, documents: required } }, asSelf),
      'NOT_FOUND',
    );
    const replay = await stack.gql(
      FILE,
      { input: filing('online-company-0001', { applicant: company, submit: false, documents: companyFiles }) },
      asSelf,
    );
    expectError(replay, 'BAD_USER_INPUT', 'input.applicant.idNumber');
    expect(
      ok(await stack.gql(SUBMIT, { input: { clientRequestId: 'company-submit-0002', dossierId: draft.id, documents: companyFiles } }, director))
        .submitDossierDraft.dossier.status,
    ).toBe('NEW');
  });
});
