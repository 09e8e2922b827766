import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { subgraphs } from '../subgraphs';
import { breakingChanges, composeSupergraph, readRegistry, readSupergraph } from './composition';

/** The supergraph with the dossiers schema edited by `edit`, as a unit's change to its own schema would make it. */
function withDossiersEdited(edit: (sdl: string) => string): string {
  const dossiersSdl = readFileSync(path.join(__dirname, '..', 'subgraphs', 'dossiers', 'schema.graphql'), 'utf8');
  const edited = edit(dossiersSdl);
  expect(edited).not.toBe(dossiersSdl);
  const result = composeServices(
    subgraphs.map((module) => ({
      name: module.name,
      typeDefs: module.name === 'dossiers' ? parse(edited) : module.typeDefs,
      url: `http://localhost/${module.name}`,
    })),
  );
  expect(result.errors).toBeUndefined();
  return result.supergraphSdl!;
}

describe('supergraph.graphql', () => {
  it('composes from the registry without errors and matches the checked-in file (run npm run compose if not)', async () => {
    expect(readSupergraph()).toBe(await composeSupergraph());
  });

  it('finds the changes that break operations working today: a removed field, a changed type, a new required argument', async () => {
    const current = readSupergraph();
    expect(
      await breakingChanges(
        current,
        withDossiersEdited((sdl) => sdl.replace('  applicantEmail: String\n', '')),
      ),
    ).toEqual(["Field 'applicantEmail' was removed from object type 'Dossier'"]);
    expect(
      await breakingChanges(
        current,
        withDossiersEdited((sdl) => sdl.replace('  applicantAddress: String\n', '  applicantAddress: Int\n')),
      ),
    ).toEqual(["Field 'Dossier.applicantAddress' changed type from 'String' to 'Int'"]);
    const [required] = await breakingChanges(
      current,
      withDossiersEdited((sdl) => sdl.replace('dossier(id: ID!): Dossier', 'dossier(id: ID!, reason: String!): Dossier')),
    );
    expect(required).toMatch(/Argument 'reason: String!' added to field 'Query.dossier'/);
  });

  it('lets additive changes through: a new field, a new optional argument', async () => {
    const current = readSupergraph();
    const added = withDossiersEdited((sdl) =>
      sdl
        .replace('  supplementCount: Int!\n', '  supplementCount: Int!\n  """A new field."""\n  landParcelNumber: String\n')
        .replace('dossier(id: ID!): Dossier', 'dossier(id: ID!, at: DateTime): Dossier'),
    );
    expect(await breakingChanges(current, added)).toEqual([]);
  });
});

describe("a unit's subgraph in the registry", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-unit-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const registering = (sdl: string) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.graphql`);
    writeFileSync(file, sdl);
    return composeSupergraph([
      ...readRegistry(),
      {
        name: 'land',
        owner: '27.256.256-CNDD',
        schema: file,
        url: 'http://localhost:4005/graphql',
        grants: ['Dossier.ownerPath', 'Dossier.fieldCode', 'AdministrativeUnit.path'],
      },
    ]);
  };
  const link = (imports: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports}])`;

  it('adds its own fields to the province types', async () => {
    await expect(registering(readFileSync(path.join(__dirname, '..', 'subgraphs', 'land', 'schema.graphql'), 'utf8'))).resolves.toMatch(/landParcel/);
  });

  it('may not take over a province field, however it names the directive, nor hide one, nor receive one not granted', async () => {
    const refused = async (sdl: string, says: RegExp) => expect(registering(sdl)).rejects.toThrow(says);
    await refused(
      `${link('"@key", "@override"')} type Dossier @key(fields: "id") { id: ID! applicantName: String! @override(from: "dossiers") }`,
      /land: overrides Dossier\.applicantName/,
    );
    await refused(
      `${link('"@key", { name: "@override", as: "@mine" }')} type Dossier @key(fields: "id") { id: ID! applicantName: String! @mine(from: "dossiers") }`,
      /land: overrides Dossier\.applicantName/,
    );
    // The federation spec renamed as a whole: the composed supergraph says what it does, whatever it is called.
    await refused(
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", as: "fed", import: ["@key"])
       type Dossier @key(fields: "id") { id: ID! applicantPhone: String @fed__external rings: String @fed__requires(fields: "applicantPhone") }`,
      /land: receives Dossier\.applicantPhone \(@external\), which its registry entry does not grant/,
    );
    await refused(
      `extend schema
         @lnk(url: "https://specs.apollo.dev/link/v1.0", as: "lnk")
         @lnk(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", { name: "@external", as: "@ext" }, { name: "@requires", as: "@req" }])
       directive @lnk(url: String, as: String, for: lnk__Purpose, import: [lnk__Import]) repeatable on SCHEMA
       scalar lnk__Import
       enum lnk__Purpose { SECURITY EXECUTION }
       type Dossier @key(fields: "id") { id: ID! applicantEmail: String @ext mail: String @req(fields: "applicantEmail") }`,
      /land: receives Dossier\.applicantEmail/,
    );
    await refused(
      `${link('"@key", "@shareable"')} type PageInfo @key(fields: "endCursor") @shareable { endCursor: String hasNextPage: Boolean! }`,
      /land: answers PageInfo\.hasNextPage, which the province's subgraphs answer/,
    );
    await refused(
      `${link('"@key", "@shareable"')} enum DeliveryState { PENDING SENT FAILED INJECTED } type Query { landState: DeliveryState }`,
      /land: adds INJECTED to the province's enum DeliveryState/,
    );
    await refused(
      `${link('"@key", "@inaccessible", "@external"')} type Dossier @key(fields: "id") { id: ID! applicantPhone: String @external @inaccessible }`,
      /applicantPhone/,
    );
  });
});
