import { Client } from 'pg';
import { buildDemo } from '../infra/seed/demo';
import { config } from '../shared/config';
import { cutUpload, download, pdf, sha256, storedObjects, upload, uploaded } from './support/documents';
import { expectError, ok } from './support/expect';
import { fingerprint } from './support/fingerprint';
import { startOpenIdProvider, type OpenIdProvider } from './support/openid';
import { startTestStack, type TestStack } from './support/stack';

const AUDIENCE = 'https://dichvucong.bacninh.gov.vn/graphql';
const DESK = '09238-MC';
const COMMUNE = '27.259.09238';
const CITIZEN = '027190001234';
const NEIGHBOUR = '027190005678';
/** Small, so the limit is tested with small files. */
const MAX_BYTES = 64 * 1024;
const FILE = `mutation ($input: FileDossierInput!) { fileDossier(input: $input) { dossier { id status } } }`;
const act = (name: string, input = 'DossierActionInput') => `mutation ($input: ${input}!) { ${name}(input: $input) { dossier { id status } } }`;
const FILES = `query ($id: ID!) { dossier(id: $id) { id status digitised
  files { purpose documentType reused verificationCode document { id fileName sha256 byteSize mediaType } }
  result { verificationCode verificationQr document { id fileName sha256 downloadPath } } } }`;
const VERIFY = `query ($code: String!, $sha256: String!) { verifyResult(code: $code, sha256: $sha256) { genuine unchanged issuedAt issuingUnit { code } } }`;

/** The files in the documents' database always; in object storage too when DOCUMENTS_S3_BUCKET (and its endpoint and keys) is set. */
const STORES = config.documentsS3 ? (['postgres', 's3'] as const) : (['postgres'] as const);
if (!config.documentsS3) {
  describe('documents in object storage', () => {
    it.skip('runs only with DOCUMENTS_S3_BUCKET, DOCUMENTS_S3_ENDPOINT and its keys set (see the README, Documents)', () => undefined);
  });
}

describe.each(STORES)('documents (files kept in %s): uploaded, attached, reused, issued as results and verified', (store) => {
  const demo = buildDemo({ dossiers: 60 });
  const birth = demo.procedures.find((p) => p.name === 'Đăng ký khai sinh')!;
  const [form, identity] = demo.procedureVersions.find((v) => v.procedureId === birth.id)!.documents.map((d) => d.name);
  const clerk = demo.officials.find((o) => o.ownerPath.startsWith(`${COMMUNE}.`) && !o.isLeader)!;
  const otherCommune = demo.units.find((u) => u.level === 'COMMUNE' && u.path !== COMMUNE)!;
  const applicant = { kind: 'PERSON', name: 'Nguyễn Thị Thu Hà', idNumber: CITIZEN, phone: '0912345678' };
  const filing = (clientRequestId: string, documents: { name: string; files: string[] }[]) => ({
    clientRequestId,
    receivingUnitCode: DESK,
    procedureId: birth.id,
    applicant,
    documents: documents.map((d) => ({ ...d, originals: 1, copies: 0 })),
    submit: true,
  });
  let provider: OpenIdProvider;
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    provider = await startOpenIdProvider(AUDIENCE, {
      [CITIZEN]: { role: 'CITIZEN' },
      [NEIGHBOUR]: { role: 'CITIZEN' },
      desk: { role: 'OFFICIAL', unit: COMMUNE, official_id: clerk.id },
      stranger: { role: 'OFFICIAL', unit: otherCommune.path },
      // A provincial leader may act on every step of a dossier of the province, wherever its units are.
      leader: { role: 'LEADER', unit: '27' },
    });
    stack = await startTestStack({ dossiers: 60 }, undefined, {
      openId: { issuer: provider.issuer, audience: AUDIENCE },
      maxDocumentBytes: MAX_BYTES,
    });
    for (const id of [CITIZEN, NEIGHBOUR, 'desk', 'stranger', 'leader']) tokens[id] = await provider.signIn(id);
  });
  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
  });

  let journey: { dossierId: string; files: string[]; result: Buffer; code: string; resultId: string };

  it('a citizen files online with two uploads and one reused file; the desk accepts; the supplement and the result are files; anyone verifies the result', async () => {
    const citizen = tokens[CITIZEN];
    // An earlier dossier, with the citizen's ID card: it will be reused.
    const card = await uploaded(stack.gatewayUrl, { name: 'Căn cước công dân.pdf', bytes: pdf('CCCD Nguyễn Thị Thu Hà') }, citizen);
    const earlierForm = await uploaded(stack.gatewayUrl, { name: 'Tờ khai lần 1.pdf', bytes: pdf('tờ khai 1') }, citizen);
    ok(
      await stack.gql(
        FILE,
        {
          input: filing('doc-earlier', [
            { name: form, files: [earlierForm] },
            { name: identity, files: [card] },
          ]),
        },
        citizen,
      ),
    );

    const page1 = pdf('Tờ khai đăng ký khai sinh, trang 1');
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('ảnh chụp trang 2')]);
    const first = await upload(stack.gatewayUrl, { name: 'Tờ khai – trang 1.pdf', bytes: page1 }, citizen);
    expect(first.status).toBe(201);
    // A file is saved as what it is: a PDF named like a web page gets its extension.
    expect((await upload(stack.gatewayUrl, { name: 'trang.html', bytes: pdf('x') }, citizen)).body.fileName).toBe('trang.html.pdf');
    expect(first.body).toMatchObject({
      fileName: 'Tờ khai – trang 1.pdf',
      mediaType: 'application/pdf',
      byteSize: page1.length,
      sha256: sha256(page1),
    });
    const second = await uploaded(stack.gatewayUrl, { name: 'Tờ khai – trang 2.jpg', bytes: photo, type: 'image/jpeg' }, citizen);
    const filed = ok(
      await stack.gql(
        FILE,
        {
          input: filing('doc-file', [
            { name: form, files: [first.body.id, second] },
            { name: identity, files: [card] },
          ]),
        },
        citizen,
      ),
    ).fileDossier.dossier;
    const go = (name: string, token: string, extra: Record<string, unknown> = {}, input?: string) =>
      stack.gql(act(name, input), { input: { clientRequestId: `doc-${name}-${Math.random()}`, dossierId: filed.id, ...extra } }, token);

    // The desk sees the files before accepting.
    const atDesk = ok(await stack.gql(FILES, { id: filed.id }, tokens.desk)).dossier;
    expect(atDesk.files.map((f: any) => [f.purpose, f.documentType, f.reused, f.document.fileName])).toEqual([
      ['SUBMITTED', form, false, 'Tờ khai – trang 1.pdf'],
      ['SUBMITTED', form, false, 'Tờ khai – trang 2.jpg'],
      ['SUBMITTED', identity, true, 'Căn cước công dân.pdf'],
    ]);
    expect(atDesk.digitised).toBe(true);
    expect((await download(stack.gatewayUrl, first.body.id, tokens.desk)).bytes.equals(page1)).toBe(true);
    ok(await go('acceptDossier', tokens.desk));
    ok(await go('transferDossier', tokens.desk));
    ok(await go('requestSupplement', tokens.desk, { missingItems: ['Giấy chứng sinh'] }, 'RequestSupplementInput'));
    // Online, the supplement is a file.
    expectError(
      await go('supplementMyDossier', citizen, { handedIn: ['Giấy chứng sinh'] }, 'ReceiveSupplementInput'),
      'BAD_USER_INPUT',
      'input.files',
    );
    const certificate = await uploaded(stack.gatewayUrl, { name: 'Giấy chứng sinh.pdf', bytes: pdf('Giấy chứng sinh') }, citizen);
    const supplement = { handedIn: ['Giấy chứng sinh'], files: [{ documentType: 'Giấy chứng sinh', files: [certificate] }] };
    expect(ok(await go('supplementMyDossier', citizen, supplement, 'ReceiveSupplementInput')).supplementMyDossier.dossier.status).toBe('PROCESSING');

    // The steps are worked through; the decision is issued as a file.
    const steps = ok(await stack.gql(`query ($id: ID!) { dossier(id: $id) { steps { position } } }`, { id: filed.id }, tokens.leader)).dossier.steps;
    for (let i = 1; i < steps.length; i += 1) ok(await go('completeDossierStep', tokens.leader));
    const result = pdf('Giấy khai sinh — Nguyễn Thị Thu Hà', 2000);
    const resultId = await uploaded(stack.gatewayUrl, { name: 'Giấy khai sinh – Nguyễn Thị Thu Hà.pdf', bytes: result }, tokens.leader);
    // Officials attach what their unit uploaded: not the citizen's upload, not a scan, as the result.
    expectError(
      await go('resolveDossier', tokens.leader, { outcome: 'APPROVED', resultDocument: certificate }, 'ResolveDossierInput'),
      'BAD_USER_INPUT',
      'input.resultDocument',
    );
    // A result that is not one the leader may see (another citizen's upload) is not found, and nothing moves.
    const someoneElses = await uploaded(stack.gatewayUrl, { name: 'Của người khác.pdf', bytes: pdf('khác') }, tokens[NEIGHBOUR]);
    expectError(
      await go('resolveDossier', tokens.leader, { outcome: 'APPROVED', resultDocument: someoneElses }, 'ResolveDossierInput'),
      'NOT_FOUND',
      'input.resultDocument',
    );
    ok(await go('resolveDossier', tokens.leader, { outcome: 'APPROVED', resultDocument: resultId }, 'ResolveDossierInput'));

    const mine = ok(await stack.gql(FILES, { id: filed.id }, citizen)).dossier;
    expect(mine.status).toBe('PROCESSED');
    expect(mine.files.map((f: any) => f.purpose)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUPPLEMENT', 'RESULT']);
    expect(mine.result.document).toMatchObject({ id: resultId, fileName: 'Giấy khai sinh – Nguyễn Thị Thu Hà.pdf', sha256: sha256(result) });
    expect(mine.result.verificationCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(mine.result.verificationQr).toMatch(/^<svg/);
    // The citizen downloads the result, named as issued.
    const got = await download(stack.gatewayUrl, resultId, citizen);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(result)).toBe(true);
    expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Giấy khai sinh – Nguyễn Thị Thu Hà.pdf')}`);
    // It is in their documents, to reuse.
    const documents = ok(await stack.gql(`{ myDocuments(first: 50) { id } }`, {}, citizen)).myDocuments.map((d: { id: string }) => d.id);
    expect(documents).toEqual(expect.arrayContaining([resultId, card, certificate]));

    // Anyone holding the code checks the file: genuine and unchanged; an altered copy is not.
    const checked = ok(await stack.gql(VERIFY, { code: mine.result.verificationCode.toLowerCase(), sha256: sha256(result) })).verifyResult;
    expect(checked).toMatchObject({ genuine: true, unchanged: true, issuingUnit: { code: DESK } });
    const altered = Buffer.from(result);
    altered[40] ^= 1;
    expect(ok(await stack.gql(VERIFY, { code: mine.result.verificationCode, sha256: sha256(altered) })).verifyResult).toEqual({
      genuine: true,
      unchanged: false,
      issuedAt: checked.issuedAt,
      issuingUnit: { code: DESK },
    });
    expect(ok(await stack.gql(VERIFY, { code: 'ABCDEFGHJK', sha256: sha256(result) })).verifyResult).toMatchObject({
      genuine: false,
      unchanged: false,
      issuedAt: null,
    });
    expectError(await stack.gql(VERIFY, { code: mine.result.verificationCode, sha256: 'abc' }), 'BAD_USER_INPUT', 'sha256');
    journey = {
      dossierId: filed.id,
      files: [first.body.id, second, card, certificate, resultId],
      result,
      code: mine.result.verificationCode,
      resultId,
    };
  });

  it('shows the dossier and its files to nobody else: another citizen, another commune’s official, an anonymous caller; the database neither', async () => {
    for (const token of [tokens[NEIGHBOUR], tokens.stranger, undefined]) {
      expect(ok(await stack.gql(FILES, { id: journey.dossierId }, token)).dossier).toBeNull();
      for (const id of journey.files) {
        const got = await download(stack.gatewayUrl, id, token);
        expect([got.status, JSON.parse(got.bytes.toString()).errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
        expect(ok(await stack.gql(`query ($id: ID!) { document(id: $id) { id } }`, { id }, token)).document).toBeNull();
      }
    }
    // Another citizen cannot attach them to a dossier of theirs either, and nothing is written.
    const before = await fingerprint(stack);
    const theirs = filing('doc-steal', [
      { name: form, files: [journey.files[0]] },
      { name: identity, files: [journey.files[2]] },
    ]);
    expectError(
      await stack.gql(FILE, { input: { ...theirs, applicant: { ...applicant, idNumber: NEIGHBOUR } } }, tokens[NEIGHBOUR]),
      'NOT_FOUND',
      'input.documents[0].files[0]',
    );
    expect(await fingerprint(stack)).toEqual(before);

    // As the application role, in each of their scopes, the files' rows are not there.
    const app = new Client({ connectionString: stack.ownerUrls.dossiers.replace(/\/\/[^@]+@/, '//motcua_app:motcua_app@') });
    await app.connect();
    try {
      const scopes = [
        ['', 'CITIZEN', NEIGHBOUR],
        [otherCommune.path, 'OFFICIAL', 'stranger'],
        ['', 'PUBLIC', ''],
      ];
      for (const [unit, role, subject] of scopes) {
        await app.query(
          `SELECT set_config('motcua.unit_path', $1, false), set_config('motcua.role', $2, false), set_config('motcua.subject', $3, false)`,
          [unit, role, subject],
        );
        const seen = await app.query(
          `SELECT (SELECT count(*) FROM document WHERE id = ANY ($1::uuid[]))::int AS documents,
                                             (SELECT count(*) FROM dossier_document WHERE dossier_id = $2)::int AS attached`,
          [journey.files, journey.dossierId],
        );
        expect(seen.rows[0]).toEqual({ documents: 0, attached: 0 });
      }
    } finally {
      await app.end();
    }
  });

  it('refuses a file over the limit, of a refused type or disguised as another, and an upload that stops halfway: nothing is kept', async () => {
    const citizen = tokens[CITIZEN];
    /** Files stored (in the database's parts, or the bucket's objects) and files described: the same, before and after. */
    const countRows = async () => {
      const described = (await stack.ownerQuery('dossiers', `SELECT count(*)::int AS n FROM document`)).rows[0].n as number;
      if (store === 's3') return { parts: await storedObjects(config.documentsS3!), described };
      const files = new Client({ connectionString: stack.documentsUrl });
      await files.connect();
      try {
        return { parts: (await files.query(`SELECT count(DISTINCT document_id)::int AS n FROM document_part`)).rows[0].n as number, described };
      } finally {
        await files.end();
      }
    };
    const before = await countRows();
    // In a bucket shared with other runs, only the change counts.
    if (store === 'postgres') expect(before.parts).toBe(before.described);
    const refused = async (file: Parameters<typeof upload>[1], token: string | undefined, status: number, code: string, field?: string) => {
      const answer = await upload(stack.gatewayUrl, file, token);
      expect([answer.status, answer.body.errors[0].extensions.code, answer.body.errors[0].extensions.field]).toEqual([status, code, field]);
    };
    await refused({ name: 'lớn.pdf', bytes: pdf('lớn', MAX_BYTES) }, citizen, 413, 'PAYLOAD_TOO_LARGE', 'body');
    await refused(
      { name: 'ghi chú.txt', bytes: Buffer.from('xin chào'), type: 'text/plain' },
      citizen,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'content-type',
    );
    await refused({ name: 'giả.png', bytes: pdf('không phải ảnh'), type: 'image/png' }, citizen, 415, 'UNSUPPORTED_MEDIA_TYPE', 'content-type');
    await refused({ name: '', bytes: pdf('x') }, citizen, 400, 'BAD_USER_INPUT', 'name');
    // A right-to-left override would show "invoice\u202Egpj.exe" as "invoiceexe.jpg".
    await refused({ name: 'invoice\u202Egpj.exe', bytes: pdf('x') }, citizen, 400, 'BAD_USER_INPUT', 'name');
    await refused({ name: 'rỗng.pdf', bytes: Buffer.alloc(0) }, citizen, 400, 'BAD_USER_INPUT', 'body');
    await refused({ name: 'bản quét.pdf', bytes: pdf('x'), digitised: true }, citizen, 400, 'BAD_USER_INPUT', 'digitised');
    await refused({ name: 'ẩn danh.pdf', bytes: pdf('x') }, undefined, 401, 'UNAUTHENTICATED', undefined);
    // Sent without a length, the size is counted as it arrives.
    const chunked = await fetch(stack.gatewayUrl.replace('/graphql', '/documents?name=dai.pdf'), {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${citizen}` },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(pdf('dài', MAX_BYTES / 2));
          controller.enqueue(Buffer.alloc(MAX_BYTES, 0x20));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // Half a file, then the connection drops.
    await cutUpload(stack.gatewayUrl, citizen, 40_000, pdf('nửa chừng', 20_000));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await countRows()).toEqual(before);
  });

  it('counts the digitised, online and electronic-result shares of a hand-built month, as Decision 766 does', async () => {
    // March 2026, before the demo's window, at the commune: ten dossiers received and five resolved, built by hand.
    const [template] = (await stack.ownerQuery('dossiers', `SELECT id FROM dossier ORDER BY code LIMIT 1`)).rows;
    const papers = [
      { name: 'Tờ khai', originals: 1, copies: 0 },
      { name: 'Căn cước', originals: 0, copies: 1 },
    ];
    const month: { level: string; online: boolean; scanned: string[]; resolved?: 'PAPER' | 'ELECTRONIC' }[] = [
      { level: 'FULL', online: true, scanned: ['Tờ khai', 'Căn cước'], resolved: 'ELECTRONIC' },
      { level: 'FULL', online: true, scanned: ['Tờ khai', 'Căn cước'], resolved: 'ELECTRONIC' },
      { level: 'FULL', online: true, scanned: ['Tờ khai', 'Căn cước'], resolved: 'PAPER' },
      { level: 'FULL', online: false, scanned: ['Tờ khai', 'Căn cước'], resolved: 'PAPER' },
      { level: 'PARTIAL', online: true, scanned: ['Tờ khai', 'Căn cước'], resolved: 'PAPER' },
      { level: 'PARTIAL', online: false, scanned: ['Tờ khai', 'Căn cước'] },
      // One of two papers scanned: not digitised.
      { level: 'PARTIAL', online: false, scanned: ['Tờ khai'] },
      { level: 'PARTIAL', online: false, scanned: [] },
      { level: 'NONE', online: false, scanned: [] },
      { level: 'NONE', online: false, scanned: [] },
    ];
    for (const [i, dossier] of month.entries()) {
      const day = `2026-03-${String(2 + i).padStart(2, '0')}`;
      const changes = {
        id: `00000000-0000-4000-8000-0000000003${String(i).padStart(2, '0')}`,
        code: `THANG3-${i}`,
        owner_path: COMMUNE,
        receiving_unit_code: DESK,
        channel: dossier.online ? 'ONLINE' : 'IN_PERSON',
        online_level: dossier.level,
        status: dossier.resolved ? 'PROCESSED' : 'PROCESSING',
        outcome: dossier.resolved ? 'APPROVED' : null,
        received_at: `${day}T09:00:00+07:00`,
        due_at: `2026-03-31T17:00:00+07:00`,
        finished_at: dossier.resolved ? `2026-03-20T10:00:00+07:00` : null,
        supplement_count: 0,
        documents: papers,
        filed_by: null,
        submitted_at: null,
      };
      await stack.ownerQuery('dossiers', `INSERT INTO dossier SELECT (jsonb_populate_record(d, $2::jsonb)).* FROM dossier d WHERE d.id = $1`, [
        template.id,
        JSON.stringify(changes),
      ]);
      await stack.ownerQuery(
        'dossiers',
        `INSERT INTO dossier_applicant SELECT (jsonb_populate_record(a, jsonb_build_object('dossier_id', $2::uuid, 'owner_path', $3::text))).* FROM dossier_applicant a WHERE a.dossier_id = $1`,
        [template.id, changes.id, COMMUNE],
      );
      const files = [
        ...dossier.scanned.map((name) => ({ name, purpose: 'DIGITISED' })),
        ...(dossier.resolved === 'ELECTRONIC' ? [{ name: 'Kết quả', purpose: 'RESULT' }] : []),
      ];
      for (const [j, file] of files.entries()) {
        const id = `00000000-0000-4000-8000-0000000004${i}${j}`;
        await stack.ownerQuery(
          'dossiers',
          `INSERT INTO document VALUES ($1, 'ban-quet.pdf', 'application/pdf', 100, $2, true, 'cb', 'OFFICIAL', NULL, $3, $4)`,
          [id, sha256(Buffer.from(id)), COMMUNE, changes.received_at],
        );
        await stack.ownerQuery(
          'dossiers',
          `INSERT INTO dossier_document (dossier_id, document_id, purpose, document_type, reused, attached_by, attached_at, verification_code)
           VALUES ($1, $2, $3, $4, false, 'cb', $5, $6)`,
          [changes.id, id, file.purpose, file.name, changes.received_at, file.purpose === 'RESULT' ? `THANG3KQ${i}` : null],
        );
      }
    }
    const figures = ok(
      await stack.gql(
        `{ unit(code: "09238") {
             digitisation(from: "2026-03-01", to: "2026-03-31") { received receivedDigitised digitisedShare resolved resolvedElectronic electronicResultShare }
             serviceIndex(from: "2026-03-01", to: "2026-03-31") {
               received receivedOnline onlineDossierRate onlineDossierRateFull onlineDossierRatePartial digitisedDossierRate electronicResultRate } } }`,
        {},
        tokens.leader,
      ),
    ).unit;
    // By hand: 6 of 10 digitised; 2 of 5 resolved with an electronic result; online 4 of 10, 3 of 4 fully online procedures, 1 of 4 partly.
    expect(figures.digitisation).toEqual({
      received: 10,
      receivedDigitised: 6,
      digitisedShare: 60,
      resolved: 5,
      resolvedElectronic: 2,
      electronicResultShare: 40,
    });
    expect(figures.serviceIndex).toEqual({
      received: 10,
      receivedOnline: 4,
      onlineDossierRate: 40,
      onlineDossierRateFull: 75,
      onlineDossierRatePartial: 25,
      digitisedDossierRate: 60,
      electronicResultRate: 40,
    });
    // A month with nothing received is N/A, not 0.
    const empty = ok(
      await stack.gql(
        `{ unit(code: "09238") { serviceIndex(from: "2025-03-01", to: "2025-03-31") { digitisedDossierRate electronicResultRate onlineDossierRateFull } } }`,
        {},
        tokens.leader,
      ),
    ).unit.serviceIndex;
    expect(empty).toEqual({ digitisedDossierRate: null, electronicResultRate: null, onlineDossierRateFull: null });
  });

  it('digitises papers received at the counter: scans attached by the desk, the dossier then digitised; a citizen may not', async () => {
    const received = ok(
      await stack.gql(
        `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id digitised } } }`,
        {
          input: {
            clientRequestId: 'doc-counter',
            receivingUnitCode: DESK,
            procedureId: birth.id,
            channel: 'IN_PERSON',
            applicant,
            documents: [
              { name: form, originals: 1, copies: 0 },
              { name: identity, originals: 0, copies: 1 },
            ],
          },
        },
        tokens.desk,
      ),
    ).receiveDossier.dossier;
    expect(received.digitised).toBe(false);
    const scans = await Promise.all(
      [form, identity].map((name) =>
        uploaded(stack.gatewayUrl, { name: `${name}.pdf`, bytes: pdf(`bản quét ${name}`), digitised: true }, tokens.desk),
      ),
    );
    const files = [
      { documentType: form, files: [scans[0]] },
      { documentType: identity, files: [scans[1]] },
    ];
    const digitise = (token: string, clientRequestId: string) =>
      stack.gql(act('digitiseDossier', 'DigitiseDossierInput'), { input: { clientRequestId, dossierId: received.id, files } }, token);
    expectError(await digitise(tokens[CITIZEN], 'doc-digitise-citizen'), 'UNAUTHENTICATED');
    ok(await digitise(tokens.desk, 'doc-digitise'));
    const after = ok(await stack.gql(FILES, { id: received.id }, tokens.desk)).dossier;
    expect(after.digitised).toBe(true);
    expect(after.files.map((f: any) => [f.purpose, f.documentType])).toEqual([
      ['DIGITISED', form],
      ['DIGITISED', identity],
    ]);
  });
});
