import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { CALLER_HEADER, callerClaims, SIGNATURE_HEADER, signature, subgraphKey } from '../shared/caller';
import { config } from '../shared/config';
import { isWithin } from '../shared/units';
import { freePort } from '../shared/http';
import { composeChecked, readRegistry, readSupergraph, type RegistryEntry } from '../infra/composition';
import { land } from '../subgraphs/land/src';
import { eventually, ok } from './support/expect';
import { startTestStack, type TestStack } from './support/stack';
import { ownDatabase, startSubgraphProcess, type SubgraphProcess } from './support/unit-subgraph';

/**
 * A district's land registry joins the running platform by registration: its own process, database
 * and key; composed from what it answers; taken by the gateway without a restart; refused when it
 * would break clients; and, when it stops, missed on its own fields only.
 */
/** What the province lets the land registry receive of its data: where a dossier and a unit stand, no one's personal data. */
const LAND_GRANTS = ['Dossier.ownerPath', 'Dossier.fieldCode', 'AdministrativeUnit.path'];

describe("a unit's own subgraph: the land registry of Thành phố Bắc Ninh", () => {
  let stack: TestStack;
  let dir: string;
  let file: string;
  let landDb: Awaited<ReturnType<typeof ownDatabase>>;
  let landPort: number;
  let landProcess: SubgraphProcess | undefined;
  let entry: RegistryEntry;
  const landKey = subgraphKey(config.gatewaySecret, 'land');
  const startLand = async () =>
    (landProcess = await startSubgraphProcess('land', landPort, {
      LAND_DATABASE_URL: landDb.urls.app,
      LAND_MIGRATION_URL: landDb.urls.migration,
      // Only its own key: what the province hands the branch, never the gateway's secret.
      SUBGRAPH_KEY: landKey,
      GATEWAY_SECRET: '',
      // It reads the catalogue's units through the gateway's public API.
      GATEWAY_URL: stack.gatewayUrl,
    }));
  const health = async () =>
    (await (await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/health'))).json()) as { supergraph: string; refused: string | null };
  const ACROSS = `query ($id: ID!) { dossier(id: $id) {
    code procedure { code name } landParcel { mapSheet parcelNumber areaM2 ownerName ownerMasked unit { name } } } }`;
  let dossier: { id: string; code: string };
  let admin: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-supergraph-'));
    file = path.join(dir, 'supergraph.graphql');
    writeFileSync(file, readSupergraph());
    stack = await startTestStack({ dossiers: 80 }, undefined, { supergraphFile: file });
    landDb = await ownDatabase(land);
    landPort = await freePort();
    await startLand();
    entry = { name: 'land', owner: land.owner!, url: landProcess!.url, grants: LAND_GRANTS };
    admin = await stack.token({ role: 'ADMIN', unit: '27' });
    // A land dossier of the branch's district, Thành phố Bắc Ninh.
    dossier = stack.demo.dossiers.find((d) => d.fieldCode === 'DD' && isWithin(d.ownerPath, '27.256'))!;
  });
  afterAll(async () => {
    await stack?.stop();
    await landProcess?.stop();
    await landDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is registered while the gateway runs, then one query spans dossiers, catalogue and land', async () => {
    expect((await stack.gql(ACROSS, { id: dossier.id }, admin)).errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const before = await health();
    // Registered by name, owner and URL: compose asks the running land service for its schema, signed with its key.
    const { supergraph } = await composeChecked([...readRegistry(), entry], readSupergraph());
    writeFileSync(file, supergraph);
    await eventually('the new supergraph served', async () => (await health()).supergraph !== before.supergraph, 10_000);

    const branch = await stack.token({ role: 'OFFICIAL', unit: '27.256.256-CNDD' });
    const registered = ok(
      await stack.gql(
        `mutation ($input: RegisterLandParcelInput!) { registerLandParcel(input: $input) { landParcel { id } } }`,
        {
          input: {
            clientRequestId: 'thua-345',
            unitCode: '09163',
            mapSheet: 12,
            parcelNumber: 345,
            areaM2: 120.5,
            landUse: 'ODT',
            ownerName: 'Trần Thị Ngọc Ánh',
          },
        },
        branch,
      ),
    );
    const parcelId = registered.registerLandParcel.landParcel.id as string;
    ok(
      await stack.gql(
        `mutation ($input: AttachLandParcelInput!) { attachLandParcel(input: $input) { landParcel { id } } }`,
        { input: { clientRequestId: 'gan-345', dossierId: dossier.id, parcelId } },
        branch,
      ),
    );
    const across = ok(await stack.gql(ACROSS, { id: dossier.id }, admin));
    expect(across.dossier).toMatchObject({
      code: dossier.code,
      procedure: { name: expect.stringMatching(/đất/) },
      landParcel: {
        mapSheet: 12,
        parcelNumber: 345,
        areaM2: 120.5,
        ownerName: 'Trần Thị Ngọc Ánh',
        ownerMasked: 'Trần T. N. Á.',
        unit: { name: 'Phường Vũ Ninh' },
      },
    });
    // Another district's official reads the parcel with its user masked, and cannot change it.
    const queVo = await stack.token({ role: 'LEADER', unit: '27.259' });
    const parcelAsQueVo = ok(await stack.gql(`query ($id: ID!) { landParcel(id: $id) { ownerName ownerMasked } }`, { id: parcelId }, queVo));
    expect(parcelAsQueVo.landParcel).toEqual({ ownerName: null, ownerMasked: 'Trần T. N. Á.' });
    const refused = await stack.gql(
      `mutation ($input: RegisterLandParcelInput!) { registerLandParcel(input: $input) { landParcel { id } } }`,
      { input: { clientRequestId: 'que-vo-1', unitCode: '09163', mapSheet: 1, parcelNumber: 1, areaM2: 10, landUse: 'ODT', ownerName: 'Lê Văn A' } },
      queVo,
    );
    // What a unit's service says is shown as its words, never as the platform's.
    expect(refused.errors![0]).toMatchObject({
      message: expect.stringMatching(/^The land service says: This service is kept by unit 27\.256\.256-CNDD/),
      extensions: { code: 'FORBIDDEN', serviceName: 'land' },
    });
  });

  it('refuses a breaking change to the land schema, and the gateway keeps serving what it served', async () => {
    const serving = (await health()).supergraph;
    const changed = path.join(dir, 'land.graphql');
    // The branch renames areaM2: every client asking for it would break.
    writeFileSync(
      changed,
      readFileSync(path.join(__dirname, '..', 'subgraphs', 'land', 'schema.graphql'), 'utf8').replace('areaM2: Float!', 'dienTich: Float!'),
    );
    await expect(composeChecked([...readRegistry(), { ...entry, schema: changed }], readFileSync(file, 'utf8'))).rejects.toThrow(
      /Field 'areaM2' .*removed/,
    );
    // Nothing was written; and a file the gateway cannot load (cut off halfway) is refused while the served one answers.
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.slice(0, good.length / 2));
    await eventually('the broken supergraph refused', async () => (await health()).refused !== null, 10_000);
    expect((await health()).supergraph).toBe(serving);
    writeFileSync(file, good);
    expect(ok(await stack.gql(ACROSS, { id: dossier.id }, admin)).dossier.landParcel.areaM2).toBe(120.5);
  });

  it('stopped, leaves every other answer whole and SERVICE_UNAVAILABLE on its fields; started again, answers without restarting anything', async () => {
    const served = (await health()).supergraph;
    await landProcess!.stop();
    const without = await stack.gql(ACROSS, { id: dossier.id }, admin);
    expect(without.data.dossier).toMatchObject({ code: dossier.code, procedure: { name: expect.stringMatching(/đất/) }, landParcel: null });
    // The gateway names the service that did not answer; the fields it provides are the nulls.
    expect(without.errors!.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'land' })]);
    expect(without.errors![0].message).toMatch(/land service did not answer/);
    // Asked of it twice in one query (a dossier's parcel, a unit's parcels): the rest whole, and told once.
    const both = await stack.gql(
      `query ($id: ID!) { dossier(id: $id) { code landParcel { id } } unit(code: "256") { name landParcels(first: 5) { parcelNumber } } }`,
      { id: dossier.id },
      admin,
    );
    expect(both.data).toEqual({ dossier: { code: dossier.code, landParcel: null }, unit: { name: 'Thành phố Bắc Ninh', landParcels: null } });
    expect(both.errors!.map((error) => error.extensions!.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(ok(await stack.gql(`{ publicProcedures: procedures(first: 1) { totalCount } }`, {}, admin)).publicProcedures.totalCount).toBeGreaterThan(
      0,
    );

    await startLand();
    const back = await eventually('land answering again', async () => {
      const answer = await stack.gql(ACROSS, { id: dossier.id }, admin);
      return answer.errors ? null : answer.data;
    });
    expect(back.dossier.landParcel).toMatchObject({ parcelNumber: 345 });
    expect((await health()).supergraph).toBe(served);
  });

  it('is told of a citizen only a pseudonym: no citizen ID, the same on every call', async () => {
    // A second unit's subgraph that shows what the gateway tells it of the caller.
    const probe = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { probeCaller: String }`),
        resolvers: { Query: { probeCaller: (_: unknown, __: unknown, ctx: unknown) => (ctx as { claims: string }).claims } },
      }),
    });
    const { url } = await startStandaloneServer(probe, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => ({ claims: Buffer.from(String(req.headers[CALLER_HEADER]), 'base64url').toString('utf8') }),
    });
    try {
      const before = (await health()).supergraph;
      const { supergraph } = await composeChecked([...readRegistry(), entry, { name: 'probe', owner: '27.256', url }], readFileSync(file, 'utf8'));
      writeFileSync(file, supergraph);
      await eventually('the probe served', async () => (await health()).supergraph !== before, 10_000);
      const citizen = await stack.token({ role: 'CITIZEN', sub: '027190001234' });
      const told = async () => JSON.parse(ok(await stack.gql('{ probeCaller }', {}, citizen)).probeCaller as string) as Record<string, unknown>;
      const [first, second] = [await told(), await told()];
      expect(first).toMatchObject({ role: 'CITIZEN', citizenId: null, taxCode: null });
      expect(JSON.stringify(first)).not.toContain('027190001234');
      expect(first.sub).toEqual(second.sub);
      // Not from anything the unit holds: its key cannot turn a guessed citizen ID into this pseudonym.
      const probeKey = subgraphKey(config.gatewaySecret, 'probe');
      for (const guess of ['027190001234', 'pseudonym.027190001234']) {
        expect(first.sub).not.toEqual(createHmac('sha256', probeKey).update(guess).digest('base64url'));
      }
    } finally {
      await probe.stop();
    }
  });

  it('cannot act as the gateway towards the other subgraphs with the key it holds', async () => {
    const body = JSON.stringify({ query: `{ dossiers(first: 1) { totalCount } }` });
    const claims = callerClaims({ sub: 'land-service', role: 'ADMIN', unit: '27' });
    for (const audience of ['dossiers', 'land']) {
      const response = await fetch(stack.subgraphUrls.dossiers, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: claims, [SIGNATURE_HEADER]: signature(claims, { audience, body }, landKey) },
        body,
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
