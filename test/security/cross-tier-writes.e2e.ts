import { getNamedType, isCompositeType } from 'graphql';
import { isWithin } from '../../shared/units';
import { fingerprint } from '../support/fingerprint';
import { api, leaves, plausibleArguments, setAt } from '../support/schema-cases';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Every mutation of the composed supergraph, sent with real tokens of a commune's administrator,
 * aimed at records other units own: another commune's dossier, the province's procedures, other
 * agencies' officials, petitions answered elsewhere. Targets are chosen by argument name from the
 * demo, so a new mutation is tried without editing this file.
 */

/** Mutations anyone may call about any unit: a citizen rates, suggests or petitions wherever they were served. */
const OPEN_TO_ANYONE = new Set(['rateDossier', 'submitSuggestion', 'submitPetition']);
const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'UNAUTHENTICATED']);
const ATTACKER = '27.259.09238';

describe('writes across tiers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 60 });
  });
  afterAll(() => stack.stop());

  /** Someone else's record for each kind of argument, by name. */
  function targets(): Record<string, unknown> {
    const { demo } = stack;
    const foreign = (path: string) => !isWithin(path, ATTACKER);
    const dossier = demo.dossiers.find((d) => foreign(d.ownerPath) && !demo.dossierSteps.some((s) => s.dossierId === d.id && !foreign(s.ownerPath)))!;
    const petition = demo.petitions.find((p) => foreign(p.ownerPath))!;
    const suggestion = demo.suggestions.find((s) => foreign(s.ownerPath))!;
    const official = demo.officials.find((o) => foreign(o.ownerPath))!;
    const procedure = demo.procedures[0];
    return {
      dossierId: dossier.id,
      dossierCode: dossier.code,
      petitionId: petition.id,
      suggestionId: suggestion.id,
      officialId: official.id,
      handlerId: official.id,
      replacementId: official.id,
      secondmentId: demo.secondments[0].id,
      counterId: demo.counters[0].id,
      assignmentId: demo.counterAssignments[0].id,
      dutyShiftId: demo.dutyShifts[0].id,
      procedureId: procedure.id,
      procedureIds: [procedure.id],
      caseVariantId: demo.procedureVariants[0].id,
      idNumber: '001099012345',
      unitCode: '27-TTHCC',
      parentCode: '27',
      centreCode: '27-TTHCC',
      receivingUnitCode: '27-TTHCC',
      areaUnitCode: '27',
      homeAgencyCode: '27-STP',
      executingAgencyCode: '27-STP',
      intoCode: '256',
      code: '256',
      withinCode: '27',
      unitPath: '27',
      agencyCode: '27-STP',
    };
  }

  /** The plausible input with every argument or input field that names a record pointed at someone else's. */
  function aimedAt(args: Parameters<typeof plausibleArguments>[0], aims: Record<string, unknown>): Record<string, unknown> {
    let variables = plausibleArguments(args);
    for (const argument of args) {
      for (const { at, type } of leaves(argument.type, [argument.name])) {
        const name = at[at.length - 1];
        // Only where the plausible input already has the object: an optional one filled in halfway would be refused for that instead.
        const parent = at.slice(0, -1).reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], variables);
        if (name in aims && parent && typeof parent === 'object' && !Array.isArray(parent))
          variables = setAt(variables, at, type, Array.isArray(aims[name]) ? (aims[name] as unknown[])[0] : aims[name]);
      }
    }
    return variables;
  }

  it('refuses every mutation aimed at another unit with a code, and changes no row', async () => {
    const aims = targets();
    const token = await stack.token({ role: 'ADMIN', unit: ATTACKER });
    const before = await fingerprint(stack);
    const mutations = Object.values(api.getMutationType()!.getFields()).filter((f) => !OPEN_TO_ANYONE.has(f.name));
    const answers: string[] = [];
    for (const field of mutations) {
      const declarations = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
      const query = `mutation${declarations ? ` (${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
      const answer = await stack.gql(query, aimedAt(field.args, aims), token);
      const code = answer.errors?.[0]?.extensions?.code;
      if (!code || !REFUSALS.has(code)) answers.push(`${field.name}: ${JSON.stringify(answer).slice(0, 300)}`);
    }
    expect(mutations.length).toBeGreaterThan(20);
    expect(answers).toEqual([]);
    expect(await fingerprint(stack)).toEqual(before);
  });
});
