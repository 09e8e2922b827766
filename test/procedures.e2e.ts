import { AMENDMENT, FIRST_ANNOUNCEMENT } from '../infra/seed/demo-catalogue';
import { startTestStack, type TestStack } from './support/stack';

const PUBLISH = `mutation ($input: PublishProcedureInput!) { publishProcedure(input: $input) { procedure { id localCode name state feeVnd versions { number decision } } } }`;
const AMEND = `mutation ($input: AmendProcedureInput!) { amendProcedure(input: $input) { procedure { id state versions { number decision effectiveFrom effectiveTo } } } }`;
const REPEAL = `mutation ($input: RepealProcedureInput!) { repealProcedure(input: $input) { procedure { state repealedFrom } } }`;
const ADD_UNIT = `mutation ($input: AddUnitInput!) { addUnit(input: $input) { unit { code path level history { name validFrom } } } }`;

/** A complete, valid procedure: tests change one thing at a time. */
function content(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Cấp giấy xác nhận hoạt động câu lạc bộ thể thao cơ sở',
    fieldCode: 'GDDT',
    levels: ['DISTRICT'],
    executingAgencyRole: 'Ủy ban nhân dân cấp huyện',
    onlineLevel: 'PARTIAL',
    submissionMethods: ['IN_PERSON', 'ONLINE'],
    steps: ['Nộp hồ sơ', 'Thẩm định', 'Trả kết quả'],
    documents: [{ name: 'Đơn đề nghị', originals: 1, copies: 0, form: 'M01' }],
    applicants: ['Tổ chức, cá nhân'],
    result: 'Giấy xác nhận',
    fees: [{ name: 'Lệ phí', amountVnd: 50000 }],
    variants: [
      {
        name: 'Trường hợp chung',
        timeLimit: { amount: 10, unit: 'WORKING_DAYS' },
        process: [
          { title: 'Xác nhận địa điểm', level: 'COMMUNE', role: 'Ủy ban nhân dân cấp xã', time: { amount: 3, unit: 'WORKING_DAYS' } },
          { title: 'Thẩm định', level: 'DISTRICT', role: 'Phòng Văn hóa và Thông tin', time: { amount: 5, unit: 'WORKING_DAYS' } },
          { title: 'Cho ý kiến chuyên môn', level: 'PROVINCE', unitCode: '27-SVHTTDL', time: { amount: 16, unit: 'WORKING_HOURS' } },
        ],
      },
    ],
    ...overrides,
  };
}

describe('the procedures catalogue: versions, cases, ownership', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 300 });
    admin = await stack.token({ role: 'ADMIN', unit: '27' });
    // A neighbouring province, so a step can point outside Bắc Ninh.
    await stack.ownerQuery(
      'catalogue',
      `INSERT INTO administrative_unit (code, name, kind, level, path, valid_from, owner_path) VALUES
      ('01', 'Thành phố Hà Nội', 'ADMINISTRATIVE', 'PROVINCE', '01', '2008-08-01', '01')`,
    );
    await stack.ownerQuery(
      'catalogue',
      `INSERT INTO administrative_unit (code, name, kind, level, parent_code, path, valid_from, owner_path) VALUES
      ('01-STP', 'Sở Tư pháp Hà Nội', 'AGENCY', 'PROVINCE', '01', '01.01-STP', '2008-08-01', '01')`,
    );
  });
  afterAll(async () => {
    await stack.stop();
  });

  const counts = async () =>
    (
      await stack.ownerQuery(
        'catalogue',
        `SELECT (SELECT count(*) FROM procedure)::int AS procedures, (SELECT count(*) FROM procedure_version)::int AS versions,
                               (SELECT count(*) FROM procedure_variant)::int AS variants, (SELECT count(*) FROM administrative_unit)::int AS units`,
      )
    ).rows[0];

  it('shows the seeded liên thông processes passing commune → district → province, each step with its unit or role and time', async () => {
    const { data, errors } = await stack.gql(
      `{ procedures(filter: { interAgency: true }, first: 100) { totalCount nodes { code interAgency versionAt { variants { timeLimit { workingHours } process { position level role unit { code level } time { workingHours } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.procedures.totalCount).toBe(stack.demo.procedures.filter((p) => p.interAgency).length);
    // Inter-agency exactly when a case's process passes the dossier between units: none listed without one.
    for (const procedure of data.procedures.nodes)
      expect({ code: procedure.code, passes: procedure.versionAt.variants.some((v: any) => v.process.length > 1) }).toEqual({
        code: procedure.code,
        passes: true,
      });
    const announcedOnly = await stack.gql(
      `{ procedures(filter: { interAgency: false }, first: 100) { nodes { code versionAt { variants { process { level role unit { code } } } } } } }`,
    );
    for (const procedure of announcedOnly.data.procedures.nodes) {
      const holders = procedure.versionAt.variants.map((v: any) => new Set(v.process.map((s: any) => s.unit?.code ?? `${s.level}:${s.role}`)).size);
      expect({ code: procedure.code, crosses: holders.some((n: number) => n > 1) }).toEqual({ code: procedure.code, crosses: false });
    }
    const acrossTiers = data.procedures.nodes.filter((p: any) => {
      const levels = p.versionAt.variants[0].process.map((s: any) => s.level);
      return ['COMMUNE', 'DISTRICT', 'PROVINCE'].every((level, i) => levels.indexOf(level) >= i && levels.includes(level)) && levels[0] === 'COMMUNE';
    });
    expect(acrossTiers.length).toBeGreaterThanOrEqual(3);
    for (const procedure of acrossTiers) {
      expect(procedure.interAgency).toBe(true);
      const [variant] = procedure.versionAt.variants;
      for (const step of variant.process) {
        expect(step.role || step.unit).toBeTruthy();
        if (step.unit) expect(step.unit.level).toBe(step.level);
      }
      const allotted = variant.process.reduce((sum: number, s: any) => sum + s.time.workingHours, 0);
      expect(allotted).toBeLessThanOrEqual(variant.timeLimit.workingHours);
    }
  });

  it('keeps each dossier on the version in force when it was received, also after a new amendment', async () => {
    const amended = stack.demo.procedures.find((p) => stack.demo.procedureVersions.filter((v) => v.procedureId === p.id).length === 2)!;
    const byDay = (before: boolean) =>
      stack.demo.dossiers.find((d) => d.procedureId === amended.id && d.receivedAt.toISOString().slice(0, 10) < AMENDMENT.effectiveFrom === before);
    const DOSSIER = `query ($code: String!) { dossierByCode(code: $code) { procedureVersion { number decision effectiveFrom effectiveTo } caseVariant { name timeLimit { amount } } } }`;
    const province = await stack.token({ role: 'LEADER', unit: '27' });
    const seen = async (code: string) => (await stack.gql(DOSSIER, { code }, province)).data.dossierByCode;

    const old = byDay(true)!;
    const recent = byDay(false)!;
    expect(old).toBeDefined();
    expect(recent).toBeDefined();
    const oldBefore = await seen(old.code);
    expect(oldBefore.procedureVersion).toEqual({
      number: 1,
      decision: FIRST_ANNOUNCEMENT.decision,
      effectiveFrom: FIRST_ANNOUNCEMENT.effectiveFrom,
      effectiveTo: '2026-07-31',
    });
    expect((await seen(recent.code)).procedureVersion).toMatchObject({ number: 2, decision: AMENDMENT.decision, effectiveTo: null });

    const version2 = stack.demo.procedureVersions.find((v) => v.procedureId === amended.id && v.number === 2)!;
    const { procedureId: _p, id: _id, number: _n, decision: _d, effectiveFrom: _e, ownerPath: _o, ...components } = version2;
    const { errors, data } = await stack.gql(
      AMEND,
      {
        input: {
          clientRequestId: 'amend-1',
          procedureId: amended.id,
          decision: '99/QĐ-UBND',
          effectiveFrom: '2027-01-01',
          content: { ...components, variants: [{ name: 'Trường hợp chung', timeLimit: { amount: 2, unit: 'WORKING_DAYS' } }] },
        },
      },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data.amendProcedure.procedure.state).toBe('AMENDED');
    expect(data.amendProcedure.procedure.versions.map((v: any) => [v.number, v.effectiveTo])).toEqual([
      [1, '2026-07-31'],
      [2, '2026-12-31'],
      [3, null],
    ]);

    // The dossiers keep what they were received under.
    expect(await seen(old.code)).toEqual(oldBefore);
    expect((await seen(recent.code)).caseVariant.timeLimit.amount).not.toBe(2);
    const at = async (date: string) =>
      (await stack.gql(`query ($id: ID!, $date: Date) { procedure(id: $id) { versionAt(date: $date) { number } } }`, { id: amended.id, date })).data
        .procedure.versionAt;
    expect(await Promise.all(['2018-12-31', '2019-01-01', '2026-07-31', '2026-08-01', '2027-01-01'].map(at))).toEqual([
      null,
      { number: 1 },
      { number: 1 },
      { number: 2 },
      { number: 3 },
    ]);
  });

  it('publishes a procedure once per client request, and search finds it without diacritics', async () => {
    const before = await counts();
    const input = {
      clientRequestId: 'publish-1',
      code: '1.099001',
      localCode: '1.099001.000.00.00.H06',
      decision: '120/QĐ-UBND',
      effectiveFrom: '2026-11-01',
      content: content(),
    };
    const first = await stack.gql(PUBLISH, { input }, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data.publishProcedure.procedure).toMatchObject({
      localCode: input.localCode,
      state: 'PUBLISHED',
      feeVnd: 50000,
      versions: [{ number: 1, decision: '120/QĐ-UBND' }],
    });
    const retry = await stack.gql(PUBLISH, { input }, admin);
    expect(retry.data.publishProcedure.procedure.id).toBe(first.data.publishProcedure.procedure.id);
    expect(await counts()).toEqual({ ...before, procedures: before.procedures + 1, versions: before.versions + 1, variants: before.variants + 1 });

    const found = await stack.gql(
      `{ procedures(filter: { search: "cau lac bo the thao" }) { nodes { name versionAt { variants { process { level unit { name } time { workingHours } } } } } } }`,
    );
    expect(found.data.procedures.nodes).toEqual([
      {
        name: 'Cấp giấy xác nhận hoạt động câu lạc bộ thể thao cơ sở',
        versionAt: {
          variants: [
            {
              process: [
                { level: 'COMMUNE', unit: null, time: { workingHours: 24 } },
                { level: 'DISTRICT', unit: null, time: { workingHours: 40 } },
                { level: 'PROVINCE', unit: { name: 'Sở Văn hóa, Thể thao và Du lịch' }, time: { workingHours: 16 } },
              ],
            },
          ],
        },
      },
    ]);
  });

  it.each([
    [
      'a negative time limit',
      { variants: [{ name: 'Chung', timeLimit: { amount: -1, unit: 'WORKING_DAYS' } }] },
      'BAD_USER_INPUT',
      'input.content.variants[0].timeLimit.amount',
    ],
    [
      'a fee that is not a whole number of đồng',
      { fees: [{ name: 'Lệ phí', amountVnd: 1500.5 }] },
      'BAD_USER_INPUT',
      'input.content.fees[0].amountVnd',
    ],
    ['an unknown executing agency', { executingAgencyCode: '27-KHONGCO' }, 'NOT_FOUND', 'input.content.executingAgencyCode'],
    ['an unknown field', { fieldCode: 'XYZ' }, 'NOT_FOUND', 'input.content.fieldCode'],
    [
      'a step at a unit outside the province',
      {
        variants: [
          {
            name: 'Chung',
            timeLimit: { amount: 5, unit: 'WORKING_DAYS' },
            process: [{ title: 'Xác minh', level: 'PROVINCE', unitCode: '01-STP', time: { amount: 2, unit: 'WORKING_DAYS' } }],
          },
        ],
      },
      'BAD_USER_INPUT',
      'input.content.variants[0].process[0].unitCode',
    ],
    [
      'steps that take longer than the case allows',
      {
        variants: [
          {
            name: 'Chung',
            timeLimit: { amount: 1, unit: 'WORKING_DAYS' },
            process: [{ title: 'Xử lý', level: 'DISTRICT', role: 'Phòng', time: { amount: 9, unit: 'WORKING_HOURS' } }],
          },
        ],
      },
      'BAD_USER_INPUT',
      'input.content.variants[0].process',
    ],
    ['no required documents named', { documents: [{ name: ' ' }] }, 'BAD_USER_INPUT', 'input.content.documents[0].name'],
  ])('refuses %s, naming the field, and writes nothing', async (_, overrides, code, field) => {
    const before = await counts();
    const input = {
      clientRequestId: `bad-${field}`,
      code: '1.099002',
      localCode: '1.099002.000.00.00.H06',
      decision: '121/QĐ-UBND',
      effectiveFrom: '2026-11-01',
      content: content(overrides),
    };
    const { errors, data } = await stack.gql(PUBLISH, { input }, admin);
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code, field });
    expect(errors![0].message).not.toMatch(/SELECT|INSERT|at .*\.ts/);
    expect(await counts()).toEqual(before);
  });

  it("refuses an edit by anyone but the province's administrators, and changes nothing", async () => {
    const target = stack.demo.procedures[0];
    const before = await counts();
    const amend = (token: string, id: string) =>
      stack.gql(
        AMEND,
        { input: { clientRequestId: `amend-${id}`, procedureId: target.id, decision: '1/QĐ', effectiveFrom: '2030-01-01', content: content() } },
        token,
      );
    const tokens = [
      await stack.token({ role: 'ADMIN', unit: '27.259' }), // a district administrator
      await stack.token({ role: 'LEADER', unit: '27' }), // a provincial leader, not an administrator
      await stack.token({ role: 'ADMIN', unit: '01' }), // another province
    ];
    for (const [i, token] of tokens.entries()) {
      const { errors } = await amend(token, String(i));
      expect(errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const publish = await stack.gql(
      PUBLISH,
      {
        input: {
          clientRequestId: 'district-publish',
          code: '1.099003',
          localCode: '1.099003.000.00.00.H06',
          decision: '1/QĐ',
          effectiveFrom: '2026-11-01',
          content: content(),
        },
      },
      tokens[0],
    );
    expect(publish.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    const read = await stack.gql(
      `query ($id: ID!) { procedure(id: $id) { name } }`,
      { id: target.id },
      await stack.token({ role: 'OFFICIAL', unit: '27.259.09241' }),
    );
    expect(read.data.procedure.name).toBe(target.name);
  });

  it('repeals a procedure from a date: no version in force after it, and no further amendment', async () => {
    const target = stack.demo.procedures.find((p) => p.code === '1.003180')!;
    const { errors, data } = await stack.gql(
      REPEAL,
      { input: { clientRequestId: 'repeal-1', procedureId: target.id, decision: '15/QĐ-UBND', effectiveFrom: '2026-12-01' } },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data.repealProcedure.procedure).toEqual({ state: 'REPEALED', repealedFrom: '2026-12-01' });
    const at = async (date: string) =>
      (
        await stack.gql(`query ($id: ID!, $date: Date) { procedure(id: $id) { versionAt(date: $date) { number effectiveTo } } }`, {
          id: target.id,
          date,
        })
      ).data.procedure.versionAt;
    expect(await at('2026-11-30')).toEqual({ number: 1, effectiveTo: '2026-11-30' });
    expect(await at('2026-12-01')).toBeNull();
    const again = await stack.gql(
      AMEND,
      { input: { clientRequestId: 'after-repeal', procedureId: target.id, decision: '16/QĐ-UBND', effectiveFrom: '2027-01-01', content: content() } },
      admin,
    );
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('adds a unit under a district, with its history; a wrong tier or an unknown parent is refused', async () => {
    const input = {
      clientRequestId: 'add-1',
      code: '09250',
      name: 'Xã Phù Lương',
      kind: 'ADMINISTRATIVE',
      level: 'COMMUNE',
      parentCode: '259',
      effectiveFrom: '2026-12-01',
      decision: '99/NQ-UBTVQH',
    };
    const { errors, data } = await stack.gql(ADD_UNIT, { input }, admin);
    expect(errors).toBeUndefined();
    expect(data.addUnit.unit).toEqual({
      code: '09250',
      path: '27.259.09250',
      level: 'COMMUNE',
      history: [{ name: 'Xã Phù Lương', validFrom: '2026-12-01' }],
    });
    const before = await counts();
    const wrongTier = await stack.gql(ADD_UNIT, { input: { ...input, clientRequestId: 'add-2', code: '99001', level: 'DISTRICT' } }, admin);
    expect(wrongTier.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.level' });
    const noParent = await stack.gql(ADD_UNIT, { input: { ...input, clientRequestId: 'add-3', code: '99002', parentCode: '999' } }, admin);
    expect(noParent.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.parentCode' });
    const otherDistrict = await stack.gql(
      ADD_UNIT,
      { input: { ...input, clientRequestId: 'add-4', code: '99003', parentCode: '258' } },
      await stack.token({ role: 'ADMIN', unit: '27.259' }),
    );
    expect(otherDistrict.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});
