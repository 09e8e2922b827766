import { startTestStack, type TestStack } from './support/stack';

const RENAME = `mutation ($input: RenameUnitInput!) { renameUnit(input: $input) { unit { code name validFrom } } }`;
const MOVE = `mutation ($input: MoveUnitInput!) { moveUnit(input: $input) { unit { code path } } }`;
const MERGE = `mutation ($input: MergeUnitsInput!) { mergeUnits(input: $input) { unit { code children { code } } } }`;
const UNIT_AT = `query ($code: String!, $at: Date) { unit(code: $code, at: $at) { code name path validFrom validTo asOf parent { code name } ancestors { code } } }`;

describe('the unit tree as data, with history', () => {
  let stack: TestStack;
  let province: string;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 200 });
    province = await stack.token({ role: 'ADMIN', unit: '27' });
  });
  afterAll(async () => {
    await stack.stop();
  });

  const unit = (code: string) => stack.demo.units.find((u) => u.code === code)!;
  const snapshot = async () =>
    (
      await stack.ownerQuery(
        'catalogue',
        `SELECT (SELECT json_agg(u ORDER BY code) FROM administrative_unit u) AS units, (SELECT count(*) FROM unit_version) AS versions`,
      )
    ).rows[0];

  it('renames a commune from a date and still shows the old name before it', async () => {
    const { errors, data } = await stack.gql(
      RENAME,
      { input: { clientRequestId: 'r1', code: '09370', name: 'Phường Đình Bảng mới', effectiveFrom: '2025-07-01', decision: '1656/NQ-UBTVQH15' } },
      province,
    );
    expect(errors).toBeUndefined();
    expect(data.renameUnit.unit).toEqual({ code: '09370', name: 'Phường Đình Bảng mới', validFrom: '2025-07-01' });

    const before = await stack.gql(UNIT_AT, { code: '09370', at: '2018-05-02' });
    expect(before.data.unit).toMatchObject({ name: 'Phường Đình Bảng', validFrom: '2008-08-01', validTo: '2025-06-30', asOf: '2018-05-02' });
    const history = await stack.gql(`{ unit(code: "09370") { history { name validFrom validTo } } }`);
    expect(history.data.unit.history).toEqual([
      { name: 'Phường Đình Bảng', validFrom: '2008-08-01', validTo: '2025-06-30' },
      { name: 'Phường Đình Bảng mới', validFrom: '2025-07-01', validTo: null },
    ]);
  });

  it('merges communes: the merged ones end, their desks move, and an old dossier still shows its commune as it was', async () => {
    const [a, b, c] = ['09241', '09244', '09247'];
    // Demo dossiers were received up to 2026-11-20, before this merge.
    const oldDossier = stack.demo.dossiers.find((d) => d.receivingUnitCode === `${a}-MC`)!;
    const { errors, data } = await stack.gql(
      MERGE,
      { input: { clientRequestId: 'm1', codes: [a, b], intoCode: c, effectiveFrom: '2026-12-01' } },
      province,
    );
    expect(errors).toBeUndefined();
    expect(data.mergeUnits.unit.children.map((u: { code: string }) => u.code).sort()).toEqual([
      `${a}-MC`,
      `${a}-VP`,
      `${b}-MC`,
      `${b}-VP`,
      `${c}-MC`,
      `${c}-VP`,
    ]);

    expect((await stack.gql(UNIT_AT, { code: a })).data.unit).toMatchObject({ name: unit(a).name, validTo: '2026-11-30' });
    expect((await stack.gql(UNIT_AT, { code: a, at: '2026-12-01' })).data.unit).toBeNull();
    expect((await stack.gql(UNIT_AT, { code: `${a}-MC` })).data.unit).toMatchObject({ path: `27.259.${c}.${a}-MC`, parent: { code: c } });
    expect((await stack.gql(UNIT_AT, { code: `${a}-MC`, at: '2026-11-30' })).data.unit).toMatchObject({
      path: `27.259.${a}.${a}-MC`,
      parent: { code: a, name: unit(a).name },
      ancestors: [{ code: '27' }, { code: '259' }, { code: a }],
    });

    const token = await stack.token({ role: 'OFFICIAL', unit: oldDossier.ownerPath });
    const seen = await stack.gql(
      `query ($code: String!) { dossierByCode(code: $code) { receivingUnit { code asOf parent { code name } } } }`,
      { code: oldDossier.code },
      token,
    );
    expect(seen.data.dossierByCode.receivingUnit).toMatchObject({ code: `${a}-MC`, parent: { code: a, name: unit(a).name } });

    const district = await stack.gql(`{ units(filter: { parentCode: "259" }, first: 100) { nodes { code } } }`);
    expect(district.data.units.nodes.map((u: { code: string }) => u.code)).not.toContain(a);
  });

  it('refuses a move that would put a unit inside itself, naming the field, and writes nothing', async () => {
    const before = await snapshot();
    const { errors } = await stack.gql(
      MOVE,
      { input: { clientRequestId: 'mv1', code: '258', parentCode: '09196', effectiveFrom: '2025-07-01' } },
      province,
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentCode' });
    expect(errors![0].message).toContain('inside itself');
    expect(await snapshot()).toEqual(before);
  });

  it('moves a commune to another district with everything inside it', async () => {
    const { errors, data } = await stack.gql(
      MOVE,
      { input: { clientRequestId: 'mv2', code: '09328', parentCode: '261', effectiveFrom: '2025-07-01' } },
      province,
    );
    expect(errors).toBeUndefined();
    expect(data.moveUnit.unit.path).toBe('27.261.09328');
    expect((await stack.gql(UNIT_AT, { code: '09328-MC' })).data.unit.path).toBe('27.261.09328.09328-MC');
    expect((await stack.gql(UNIT_AT, { code: '09328-MC', at: '2020-01-01' })).data.unit.path).toBe('27.260.09328.09328-MC');
  });

  it("refuses a district administrator's edit of the province's tree and leaves it unchanged", async () => {
    const before = await snapshot();
    const district = await stack.token({ role: 'ADMIN', unit: '27.258' });
    const { errors } = await stack.gql(
      RENAME,
      { input: { clientRequestId: 'r2', code: '09196', name: 'Xã Dũng Liệt Mới', effectiveFrom: '2025-07-01' } },
      district,
    );
    expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('only its administrators') });
    expect(await snapshot()).toEqual(before);
  });

  it('answers bad input with a coded error naming the field', async () => {
    const unknown = await stack.gql(RENAME, { input: { clientRequestId: 'r3', code: '00000', name: 'X', effectiveFrom: '2025-07-01' } }, province);
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.code' });
    const early = await stack.gql(
      RENAME,
      { input: { clientRequestId: 'r4', code: '09193', name: 'Thị trấn Chờ', effectiveFrom: '1990-01-01' } },
      province,
    );
    expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.effectiveFrom' });
    const official = await stack.token({ role: 'OFFICIAL', unit: '27' });
    const notAdmin = await stack.gql(RENAME, { input: { clientRequestId: 'r5', code: '09193', name: 'X', effectiveFrom: '2025-07-01' } }, official);
    expect(notAdmin.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps history out of reach of the application role', async () => {
    await expect(stack.dbs.catalogue.query(`UPDATE unit_version SET name = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(stack.dbs.catalogue.query(`DELETE FROM unit_version`)).rejects.toThrow(/permission denied/);
  });
});
