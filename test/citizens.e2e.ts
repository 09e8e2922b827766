import { Client } from 'pg';
import { buildDemo } from '../infra/seed/demo';
import { expectError, ok } from './support/expect';
import { startOpenIdProvider, type OpenIdProvider } from './support/openid';
import { startTestStack, type TestStack } from './support/stack';

const AUDIENCE = 'https://dichvucong.bacninh.gov.vn/graphql';
const MINE = `query ($status: DossierStatus) { myDossiers(status: $status, first: 50) { totalCount nodes { id code status applicantName } } }`;
const ONE = `query ($id: ID!) { dossier(id: $id) { code applicantName applicantPhone receipt { ratingSecret } history { action detail { ... on StepDetail { note } } } } }`;

describe('citizens signed in with the national identity provider', () => {
  // The demo is the same on every run, so its applicants can be the provider's accounts.
  const demo = buildDemo({ dossiers: 120 });
  const person = (i: number) => demo.dossierApplicants.filter((a) => demo.dossiers.find((d) => d.id === a.dossierId)!.applicantKind === 'PERSON')[i];
  // A citizen who applied for one dossier and, as the authorised person, filed another for a relative.
  const citizen = person(0);
  const relative = person(1);
  const stranger = person(2);
  const organisation = demo.dossierApplicants.find((a) => demo.dossiers.find((d) => d.id === a.dossierId)!.applicantKind === 'ORGANISATION')!;
  let provider: OpenIdProvider;
  let stack: TestStack;
  beforeAll(async () => {
    provider = await startOpenIdProvider(AUDIENCE, {
      [citizen.idNumber]: { role: 'CITIZEN' },
      [stranger.idNumber]: { role: 'CITIZEN' },
      // The organisation's director signs in as a citizen acting for it.
      '001080000777': { role: 'CITIZEN', tax_code: organisation.idNumber },
      '00108000077x': { role: 'CITIZEN' },
      '001080000999': { role: 'CITIZEN', unit: '27' },
      'cb-desk': { role: 'OFFICIAL', unit: demo.dossiers.find((d) => d.id === citizen.dossierId)!.ownerPath },
    });
    stack = await startTestStack({ dossiers: 120 }, undefined, { openId: { issuer: provider.issuer, audience: AUDIENCE } });
    await stack.ownerQuery('dossiers', `UPDATE dossier_applicant SET proxy_name = 'Người ủy quyền', proxy_id_number = $1 WHERE dossier_id = $2`, [
      citizen.idNumber,
      relative.dossierId,
    ]);
  });
  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
  });

  it('lists exactly their own dossiers: as applicant and as the authorised person, nobody else’s', async () => {
    const token = await provider.signIn(citizen.idNumber);
    const mine = ok(await stack.gql(MINE, {}, token)).myDossiers;
    expect(mine.nodes.map((d: { id: string }) => d.id).sort()).toEqual([citizen.dossierId, relative.dossierId].sort());
    expect(mine.totalCount).toBe(2);
    const own = mine.nodes.find((d: { id: string }) => d.id === citizen.dossierId);
    expect(own.applicantName).toBe(citizen.name);
    const status = demo.dossiers.find((d) => d.id === citizen.dossierId)!.status;
    expect(ok(await stack.gql(MINE, { status }, token)).myDossiers.nodes.map((d: { id: string }) => d.id)).toContain(citizen.dossierId);
  });

  it('reads their dossier as an official does (contacts, receipt, history) and another citizen’s not at all', async () => {
    const token = await provider.signIn(citizen.idNumber);
    const dossier = ok(await stack.gql(ONE, { id: citizen.dossierId }, token)).dossier;
    expect(dossier).toMatchObject({ applicantName: citizen.name, applicantPhone: citizen.phone });
    expect(dossier.receipt.ratingSecret).toBe(demo.dossiers.find((d) => d.id === citizen.dossierId)!.ratingSecret);
    expect(dossier.history.length).toBeGreaterThan(0);
    // Another citizen's dossier is missing, not refused: the answer names nothing.
    const other = await stack.gql(ONE, { id: stranger.dossierId }, token);
    expect(other.errors).toBeUndefined();
    expect(other.data.dossier).toBeNull();
    const byCode = await stack.gql(
      `query ($code: String!) { dossierByCode(code: $code) { id } }`,
      { code: demo.dossiers.find((d) => d.id === stranger.dossierId)!.code },
      token,
    );
    expect(byCode.data.dossierByCode).toBeNull();
    // Officials' lists stay officials'.
    expectError(await stack.gql(`{ dossiers(first: 1) { totalCount } }`, {}, token), 'UNAUTHENTICATED');
  });

  it('shows a citizen acting for an organisation the organisation’s dossiers', async () => {
    const director = await provider.signIn('001080000777');
    const mine = ok(await stack.gql(MINE, {}, director)).myDossiers.nodes.map((d: { id: string }) => d.id);
    const expected = demo.dossierApplicants.filter((a) => a.idNumber === organisation.idNumber).map((a) => a.dossierId);
    expect(mine.sort()).toEqual(expected.sort());
  });

  it('refuses citizens’ tokens that do not name a citizen ID, or name a unit, and keeps myDossiers for citizens', async () => {
    for (const account of ['00108000077x', '001080000999']) {
      const answer = await stack.gql(MINE, {}, await provider.signIn(account));
      expect([answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    expectError(await stack.gql(MINE, {}), 'UNAUTHENTICATED');
    expectError(await stack.gql(MINE, {}, await provider.signIn('cb-desk')), 'FORBIDDEN');
  });

  it('leaves the units’ handover notes out of the citizen’s history', async () => {
    const dossierId = citizen.dossierId;
    await stack.ownerQuery(
      'dossiers',
      `INSERT INTO dossier_event (dossier_id, action, from_status, to_status, at, actor_subject, actor_role, actor_unit, step_position, details, owner_path)
       SELECT id, 'completeStep', status, status, received_at, 'cb-desk', 'OFFICIAL', owner_path, 1, '{"step":"Thẩm định","handedTo":"259","note":"Chú ý: hồ sơ thiếu chữ ký"}', owner_path
         FROM dossier WHERE id = $1`,
      [dossierId],
    );
    const notes = (answer: { data?: any }) =>
      answer.data.dossier.history
        .filter((e: { action: string }) => e.action === 'COMPLETE_DOSSIER_STEP')
        .map((e: { detail: { note: string | null } }) => e.detail.note);
    expect(notes(await stack.gql(ONE, { id: dossierId }, await provider.signIn(citizen.idNumber)))).toContain(null);
    expect(notes(await stack.gql(ONE, { id: dossierId }, await provider.signIn('cb-desk')))).toContain('Chú ý: hồ sơ thiếu chữ ký');
  });

  it('is enforced by the database: as the application role, a citizen reads only their own applicants’ rows', async () => {
    const app = new Client({ connectionString: stack.ownerUrls.dossiers.replace(/\/\/[^@]+@/, '//motcua_app:motcua_app@') });
    await app.connect();
    try {
      const asCitizen = async (id: string, taxCode = '') => {
        await app.query(
          `SELECT set_config('motcua.role', 'CITIZEN', false), set_config('motcua.subject', $1, false), set_config('motcua.tax_code', $2, false)`,
          [id, taxCode],
        );
        return (await app.query(`SELECT dossier_id FROM dossier_applicant ORDER BY 1`)).rows.map((r: { dossier_id: string }) => r.dossier_id);
      };
      expect(await asCitizen(citizen.idNumber)).toEqual([citizen.dossierId, relative.dossierId].sort());
      expect(await asCitizen(stranger.idNumber)).toEqual([stranger.dossierId]);
      expect(await asCitizen('000000000000')).toEqual([]);
      // The same subject as an official's role reads nothing: the citizen rule is for citizens.
      await app.query(`SELECT set_config('motcua.role', 'OFFICIAL', false)`);
      expect((await app.query(`SELECT count(*)::int AS n FROM dossier_applicant`)).rows[0].n).toBe(0);
    } finally {
      await app.end();
    }
  });
  it('keeps officials’ work contacts for officials, and a dossier received at the desk the citizen’s to read, not to move', async () => {
    const token = await provider.signIn(citizen.idNumber);
    const officials = ok(await stack.gql(`{ officials(first: 5) { nodes { email phone } } }`, {}, token)).officials.nodes;
    expect(officials.length).toBeGreaterThan(0);
    expect(officials.every((o: { email: string | null; phone: string | null }) => o.email === null && o.phone === null)).toBe(true);
    const withdraw = `mutation ($input: DossierActionInput!) { withdrawMyDossier(input: $input) { dossier { status } } }`;
    const answer = await stack.gql(
      withdraw,
      { input: { clientRequestId: 'citizen-withdraw-0001', dossierId: citizen.dossierId, reason: 'Thử' } },
      token,
    );
    expectError(answer, 'FORBIDDEN');
  });
});
