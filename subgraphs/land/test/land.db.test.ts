import type { Caller } from '../../../shared/caller';
import { inCallerScope, statementLog } from '../../../shared/db';
import { unitSubgraph } from '../../../test/support/unit-subgraph';
import { land } from '../src';

/**
 * The land registry as its branch runs it: its own database and key, asked as the gateway asks.
 * The branch writes; the province reads everything; the public reads parcels with masked names;
 * another district changes nothing, and its database refuses it too.
 */
describe('the land subgraph of Thành phố Bắc Ninh', () => {
  const registry = unitSubgraph(land, { readsPublicGraph: true });
  const branch: Caller = { sub: 'cb-dat-dai', role: 'OFFICIAL', unit: '27.256.256-CNDD' };
  const province: Caller = { sub: 'so-tnmt', role: 'ADMIN', unit: '27' };
  const otherDistrict: Caller = { sub: 'cb-que-vo', role: 'LEADER', unit: '27.259.259-CNDD' };
  const anyone: Caller = { sub: null, role: 'PUBLIC', unit: null };
  const PARCEL = 'id mapSheet parcelNumber areaM2 landUse ownerMasked ownerName ownerPath unit { code }';
  const register = (caller: Caller, input: Record<string, unknown>) =>
    registry.ask<{ registerLandParcel: { landParcel: Record<string, unknown> } }>(
      caller,
      `mutation ($input: RegisterLandParcelInput!) { registerLandParcel(input: $input) { landParcel { ${PARCEL} } } }`,
      { input },
    );
  const parcelInput = { unitCode: '09163', mapSheet: 12, parcelNumber: 345, areaM2: 120.5, landUse: 'odt', ownerName: 'Nguyễn Thị Ánh Tuyết' };
  let parcelId = '';

  it('registers a parcel for the branch, once per request id, with the name exactly as written', async () => {
    const first = await register(branch, { clientRequestId: 'dk-1', ...parcelInput });
    expect(first.errors).toBeUndefined();
    expect(first.data!.registerLandParcel.landParcel).toMatchObject({
      mapSheet: 12,
      parcelNumber: 345,
      areaM2: 120.5,
      landUse: 'ODT',
      ownerName: 'Nguyễn Thị Ánh Tuyết',
      ownerMasked: 'Nguyễn T. Á. T.',
      ownerPath: '27.256.256-CNDD',
      unit: { code: '09163' },
    });
    parcelId = first.data!.registerLandParcel.landParcel.id as string;
    const retried = await register(branch, { clientRequestId: 'dk-1', ...parcelInput });
    expect(retried.data!.registerLandParcel.landParcel.id).toBe(parcelId);
    const again = await register(branch, { clientRequestId: 'dk-2', ...parcelInput });
    expect(again.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'input.parcelNumber' } });
  });

  it('shows the full name to the branch and the province, the masked one to everyone else', async () => {
    const query = `query ($id: ID!) { landParcel(id: $id) { ownerMasked ownerName } }`;
    const seen = async (caller: Caller) => (await registry.ask<{ landParcel: unknown }>(caller, query, { id: parcelId })).data!.landParcel;
    expect(await seen(province)).toEqual({ ownerMasked: 'Nguyễn T. Á. T.', ownerName: 'Nguyễn Thị Ánh Tuyết' });
    expect(await seen(anyone)).toEqual({ ownerMasked: 'Nguyễn T. Á. T.', ownerName: null });
    expect(await seen(otherDistrict)).toEqual({ ownerMasked: 'Nguyễn T. Á. T.', ownerName: null });
  });

  it('refuses writes by the province above and by another district, and their database refuses them too', async () => {
    for (const caller of [province, otherDistrict]) {
      const refused = await register(caller, { clientRequestId: `dk-${caller.sub}`, ...parcelInput, parcelNumber: 999 });
      expect(refused.errors![0].extensions?.code).toBe('FORBIDDEN');
    }
    // Past the service, as the application role: row-level security stops a write for another unit.
    await expect(
      inCallerScope(registry.db, otherDistrict, (manager) =>
        manager.query(
          `INSERT INTO land_parcel (id, unit_path, unit_code, map_sheet, parcel_number, area_m2, land_use, owner_masked, owner_path, registered_at)
           VALUES (gen_random_uuid(), '27.256.09163', '09163', 1, 1, 10, 'ONT', 'X', '27.256.256-CNDD', now())`,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      inCallerScope(registry.db, otherDistrict, (manager) => manager.query(`UPDATE land_parcel SET area_m2 = 1 RETURNING id`)),
    ).resolves.toEqual([[], 0]);
    const [{ count }] = await registry.db.query(`SELECT count(*)::int AS count FROM land_parcel`);
    expect(count).toBe(1);
  });

  it('says which field is wrong, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ unitCode: '09238' }, 'input.unitCode'],
      [{ unitCode: '  ' }, 'input.unitCode'],
      [{ unitCode: '256-CNDD' }, 'input.unitCode'],
      [{ areaM2: 0.001 }, 'input.areaM2'],
      [{ ownerName: '😀 👍🏽' }, 'input.ownerName'],
      [{ mapSheet: 0 }, 'input.mapSheet'],
      [{ areaM2: -3 }, 'input.areaM2'],
      [{ landUse: 'đất ở' }, 'input.landUse'],
      [{ ownerName: '   ' }, 'input.ownerName'],
    ];
    for (const [change, field] of cases) {
      const refused = await register(branch, { clientRequestId: `bad-${field}`, ...parcelInput, parcelNumber: 500, ...change });
      expect(refused.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    }
    const unknown = await register(branch, { clientRequestId: 'bad-unknown-unit', ...parcelInput, unitCode: '99999' });
    expect(unknown.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'input.unitCode' } });
    const [{ count }] = await registry.db.query(`SELECT count(*)::int AS count FROM land_parcel`);
    expect(count).toBe(1);
  });

  it('masks a one-word name to its initial', async () => {
    const single = await register(branch, { clientRequestId: 'dk-one-word', ...parcelInput, parcelNumber: 900, ownerName: 'Madonna' });
    expect(single.data!.registerLandParcel.landParcel).toMatchObject({ ownerMasked: 'M.', ownerName: 'Madonna' });
  });

  it('pages the parcels of a unit and its communes in one statement for many units', async () => {
    for (const parcelNumber of [346, 347]) await register(branch, { clientRequestId: `dk-${parcelNumber}`, ...parcelInput, parcelNumber });
    await register(branch, { clientRequestId: 'dk-kinh-bac', ...parcelInput, unitCode: '09172', parcelNumber: 1 });
    const units = ['27.256', '27.256.09163', '27.256.09172', '27.259'].map((path) => ({
      __typename: 'AdministrativeUnit',
      code: path.split('.').pop(),
      asOf: null,
      path,
    }));
    const pageOf = async (after: string | null) =>
      (
        await registry.ask<{ _entities: { landParcels: { id: string; parcelNumber: number }[] }[] }>(
          anyone,
          `query ($units: [_Any!]!, $after: ID) { _entities(representations: $units) { ... on AdministrativeUnit { landParcels(first: 2, after: $after) { id parcelNumber } } } }`,
          { units, after },
        )
      ).data!._entities.map((unit) => unit.landParcels.map((parcel) => parcel.parcelNumber));
    statementLog(registry.db).reset();
    expect(await pageOf(null)).toEqual([[345, 346], [345, 346], [1], []]);
    expect(statementLog(registry.db).statements.filter((sql) => sql.includes('land_parcel'))).toHaveLength(1);
    // The cursor is a place in the registry's order (commune, sheet, number): Kinh Bắc's parcel comes after it.
    expect(await pageOf(parcelId)).toEqual([[346, 347], [346, 347], [1], []]);
  });

  it('attaches a parcel to a dossier for the branch only, and shows it on land dossiers a caller may see', async () => {
    const dossierId = '0b0e5b2a-6c55-4b8e-9a39-6f1b2f3c4d5e';
    const attach = (caller: Caller, id: string) =>
      registry.ask(caller, `mutation ($input: AttachLandParcelInput!) { attachLandParcel(input: $input) { landParcel { id } } }`, {
        input: { clientRequestId: `gan-${caller.sub}-${id}`, dossierId, parcelId: id },
      });
    expect((await attach(otherDistrict, parcelId)).errors![0].extensions?.code).toBe('FORBIDDEN');
    expect((await attach(branch, '00000000-0000-4000-8000-000000000000')).errors![0].extensions?.code).toBe('NOT_FOUND');
    expect((await attach(branch, parcelId)).errors).toBeUndefined();
    const dossierAs = async (ownerPath: string | null, fieldCode: string) =>
      (
        await registry.ask<{ _entities: { landParcel: { id: string } | null }[] }>(
          province,
          `query ($d: [_Any!]!) { _entities(representations: $d) { ... on Dossier { landParcel { id } } } }`,
          { d: [{ __typename: 'Dossier', id: dossierId, ownerPath, fieldCode }] },
        )
      ).data!._entities[0].landParcel;
    expect(await dossierAs('27.256.09163', 'DD')).toEqual({ id: parcelId });
    expect(await dossierAs('27.256.09163', 'HT')).toBeNull();
    expect(await dossierAs(null, 'DD')).toBeNull();
    // A dossier of another district (a mistyped id) never shows the branch's parcel.
    expect(await dossierAs('27.259.09238', 'DD')).toBeNull();
  });
});
