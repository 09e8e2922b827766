import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { composeSupergraph, readRegistry, readSupergraph } from '../infra/composition';
import { eventually } from './support/expect';
import { startTestStack, type TestStack } from './support/stack';

/** A unit's own subgraph, as small as one can be: it adds a field to dossiers and one of its own. */
const UNIT_SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Dossier @key(fields: "id") {
    id: ID!
    """Thửa đất — the land registry branch's note on the dossier."""
    landNote: String
  }
  type Query {
    landRegistryOpen: Boolean!
  }
`);

describe('the gateway takes a new supergraph without a restart, and keeps the one it serves when the new one does not load', () => {
  let stack: TestStack;
  let unit: ApolloServer;
  let unitUrl: string;
  let dir: string;
  let file: string;
  const health = async () =>
    (await (await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/health'))).json()) as { supergraph: string; refused: string | null };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-supergraph-'));
    file = path.join(dir, 'supergraph.graphql');
    writeFileSync(file, readSupergraph());
    stack = await startTestStack({ dossiers: 20 }, undefined, { supergraphFile: file });
    unit = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: UNIT_SDL,
        resolvers: {
          Query: { landRegistryOpen: () => true },
          Dossier: { landNote: (dossier: { id: string }) => `Chi nhánh VPĐK đất đai: hồ sơ ${dossier.id.slice(0, 8)} chưa có thửa đất.` },
        },
      }),
    });
    unitUrl = (await startStandaloneServer(unit, { listen: { port: 0, host: '127.0.0.1' } })).url;
  });
  afterAll(async () => {
    // The gateway first: its connections to the unit's subgraph close with it.
    await stack?.stop();
    await unit?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a query across dossiers and a unit's subgraph once the supergraph names it, then refuses a broken one and keeps serving", async () => {
    const official = await stack.token({ role: 'ADMIN', unit: '27' });
    const dossier = stack.demo.dossiers[0];
    const QUERY = `query ($id: ID!) { dossier(id: $id) { code landNote } landRegistryOpen }`;
    const before = await health();
    expect((await stack.gql(QUERY, { id: dossier.id }, official)).errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Registered by its URL only: compose asks the running subgraph for its schema, in a signed call.
    const supergraph = await composeSupergraph([...readRegistry(), { name: 'land', owner: '27.259', url: unitUrl }]);
    writeFileSync(file, supergraph);
    await eventually('the new supergraph served', async () => (await health()).supergraph !== before.supergraph, 10_000);
    const spanning = await stack.gql(QUERY, { id: dossier.id }, official);
    expect(spanning.errors).toBeUndefined();
    expect(spanning.data).toEqual({
      dossier: { code: dossier.code, landNote: `Chi nhánh VPĐK đất đai: hồ sơ ${dossier.id.slice(0, 8)} chưa có thửa đất.` },
      landRegistryOpen: true,
    });

    // A supergraph the gateway cannot load (cut off halfway): refused, the previous one still answers.
    const serving = (await health()).supergraph;
    writeFileSync(file, supergraph.slice(0, supergraph.length / 2));
    await eventually('the broken supergraph refused', async () => (await health()).refused !== null, 10_000);
    expect((await health()).supergraph).toBe(serving);
    expect((await stack.gql(QUERY, { id: dossier.id }, official)).data.landRegistryOpen).toBe(true);
  });
});
