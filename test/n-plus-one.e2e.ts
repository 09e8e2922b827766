import { statementLog } from '../shared/db';
import { SUBGRAPH_NAMES } from '../shared/config';
import { startTestStack, type TestStack } from './support/stack';

const PAGE_WITH_NESTED = `
  query ($first: Int!) {
    dossiers(first: $first) {
      nodes {
        code
        procedure { name field { name } executingAgency { name } }
        receivingUnit { name parent { name } }
        handler { fullName homeAgency { name } }
        ratings { resultSatisfaction }
        steps { position unit { name } handler { fullName } dueAt late }
      }
    }
  }`;

/**
 * Each subgraph request also sets the caller on its connection and clears it after (two statements,
 * whatever the request reads): counted apart, and checked to be exactly that.
 */
const isData = (sql: string) => !sql.includes("set_config('motcua.unit_path'");

describe('SQL statements per request', () => {
  let stack: TestStack;
  function dataStatements() {
    return Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => {
        const { statements } = statementLog(stack.dbs[name]);
        const scope = statements.length - statements.filter(isData).length;
        // Set once and cleared once per request that touched the database: never per row or per loader.
        expect(scope % 2).toBe(0);
        expect(scope / 2).toBeLessThanOrEqual(Math.max(1, statements.filter(isData).length));
        return [name, statements.filter(isData).length];
      }),
    );
  }
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 300 });
  });
  afterAll(() => stack.stop());

  async function statementsFor(first: number) {
    const token = await stack.token({ role: 'ADMIN', unit: '27' });
    // The gateway checks a token's unit against the catalogue once and remembers it: not this request's cost.
    await stack.gql('{ __typename }', {}, token);
    for (const name of SUBGRAPH_NAMES) statementLog(stack.dbs[name]).reset();
    const { data, errors } = await stack.gql(PAGE_WITH_NESTED, { first }, token);
    expect(errors).toBeUndefined();
    expect(data.dossiers.nodes).toHaveLength(first);
    expect(data.dossiers.nodes.every((n: any) => n.procedure?.name && n.receivingUnit?.name)).toBe(true);
    return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, statementLog(stack.dbs[name]).statements.slice()]));
  }

  it('is the same for a small page and a page of 100 dossiers with nested procedure, unit, handler, ratings and steps', async () => {
    // The small page reaches the newest dossier with liên thông steps, so both pages have every nested type.
    const newest = [...stack.demo.dossiers].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : -1));
    const withSteps = new Set(stack.demo.dossierSteps.map((step) => step.dossierId));
    const ten = await statementsFor(Math.max(10, newest.findIndex((d) => withSteps.has(d.id)) + 1));
    const hundred = await statementsFor(100);
    const all = (s: Record<string, string[]>) => Object.fromEntries(Object.entries(s).map(([name, list]) => [name, list.length]));
    const counts = (s: Record<string, string[]>) => Object.fromEntries(Object.entries(s).map(([name, list]) => [name, list.filter(isData).length]));
    expect({ ten: all(ten), hundred: all(hundred) }).toEqual({ ten: all(hundred), hundred: all(ten) });
    // One statement per entity type and nesting level. Catalogue: procedures, receiving desks, the steps' units (the
    // gateway fetches them separately), fields, executing agencies, the desks' parent units, and (in its second
    // fetch) officials' home agencies. Dossiers: the page, steps, history (a step's clock skips pauses), calendar.
    const expected = { catalogue: 7, dossiers: 4, personnel: 1, feedback: 1 };
    if (JSON.stringify(counts(hundred)) !== JSON.stringify(expected)) console.error(JSON.stringify(hundred, null, 1));
    expect(counts(hundred)).toEqual(expected);
  });

  it("reads a centre's counters with their officials, secondments and ratings in one statement per entity type", async () => {
    const token = await stack.token({ role: 'ADMIN', unit: '27' });
    // The gateway checks a token's unit against the catalogue once and remembers it: not this request's cost.
    await stack.gql('{ __typename }', {}, token);
    for (const name of SUBGRAPH_NAMES) statementLog(stack.dbs[name]).reset();
    const { data, errors } = await stack.gql(
      `{ counters(centreCode: "27-TTHCC") { number assignments(date: "2026-11-20") {
      secondment { decisionNumber } official { fullName homeAgency { name } secondments { startDate } satisfaction(from: "2026-01-01", to: "2026-11-20") { ratings } } } } }`,
      {},
      token,
    );
    expect(errors).toBeUndefined();
    expect(data.counters.flatMap((c: any) => c.assignments).length).toBeGreaterThan(25);
    // Personnel: counters, their assignments, the assignments' secondments, officials, officials' secondments.
    // Catalogue: the home agencies. Feedback: one satisfaction statement for every official.
    expect(dataStatements()).toEqual({ catalogue: 1, dossiers: 0, personnel: 5, feedback: 1 });
  });

  it('answers a dashboard of every district with dossier figures, satisfaction and the service index in a fixed number of statements', async () => {
    const token = await stack.token({ role: 'LEADER', unit: '27' });
    const counts = async (level: string) => {
      for (const name of SUBGRAPH_NAMES) statementLog(stack.dbs[name]).reset();
      const { data, errors } = await stack.gql(
        `{ units(filter: { level: ${level}, kind: ADMINISTRATIVE }) { nodes { code
        dossierStats(from: "2026-09-01", to: "2026-10-31") { received } satisfaction(from: "2026-09-01", to: "2026-10-31") { ratings }
        serviceIndex(from: "2026-09-01", to: "2026-10-31") { progressRate } } } }`,
        {},
        token,
      );
      expect(errors).toBeUndefined();
      expect(data.units.nodes.length).toBeGreaterThan(4);
      return dataStatements();
    };
    // Catalogue: the units (and their paths). Dossiers: dossierStats for the gateway, and again with the digitisation
    // inputs for feedback's index. Feedback: satisfaction, and the index's own inputs. The same for 5 districts as for 15 communes.
    const expected = { catalogue: 1, dossiers: 3, personnel: 0, feedback: 2 };
    expect(await counts('DISTRICT')).toEqual(expected);
    expect(await counts('COMMUNE')).toEqual(expected);
  });
});
