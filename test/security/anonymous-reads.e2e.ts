import { getNamedType, isObjectType, isNonNullType, type GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import { api, plausibleArguments } from '../support/schema-cases';
import { sharedStack, type SharedStack } from '../support/shared-stack';

/**
 * Personal data — applicants' names and ID numbers, petitioners' and authors' contacts, rating
 * comments, officials' contacts — through every path an anonymous caller can take from a root
 * field, built from the composed schema up to three levels deep.
 */

/** The fields that carry a person's data, by type. */
const PERSONAL: Record<string, string[]> = {
  Dossier: ['applicantName', 'applicantPhone', 'applicantEmail', 'applicantAddress', 'proxyName'],
  Petition: ['petitionerName', 'petitionerPhone', 'petitionerEmail', 'content'],
  Suggestion: ['authorName', 'authorContact'],
  Rating: ['comment'],
  Official: ['email', 'phone'],
};
const MAX_DEPTH = 3;

/** A selection reaching every personal field under `type` within the depth left, through fields that need no arguments. */
function selection(type: GraphQLOutputType, depth: number): string | null {
  const named = getNamedType(type);
  if (!isObjectType(named)) return null;
  const own = (PERSONAL[named.name] ?? []).filter((f) => named.getFields()[f]);
  const nested =
    depth < MAX_DEPTH
      ? Object.values((named as GraphQLObjectType).getFields())
          .filter((f) => !f.args.some((a) => isNonNullType(a.type)))
          .flatMap((f) => {
            const inner = selection(f.type, depth + 1);
            return inner ? [`${f.name} ${inner}`] : [];
          })
      : [];
  return own.length || nested.length ? `{ __typename ${[...own, ...nested].join(' ')} }` : null;
}

describe('anonymous reads of personal data', () => {
  let stack: SharedStack;
  let secrets: string[];
  beforeAll(async () => {
    stack = await sharedStack();
    const { demo } = stack;
    secrets = [
      ...demo.dossierApplicants.flatMap((a) => [a.idNumber, a.name, a.phone, a.address]),
      ...demo.petitions.flatMap((p) => [p.petitionerPhone, p.petitionerEmail, p.petitionerName, p.content]),
      ...demo.suggestions.flatMap((s) => [s.authorContact, s.authorName]),
      ...demo.ratingComments.map((c) => c.comment),
      ...demo.officials.flatMap((o) => [o.email, o.phone]),
    ].filter((value): value is string => typeof value === 'string' && value.length >= 6);
  });
  afterAll(() => stack.stop());

  /** Real keys, so each path reaches rows that exist. */
  function realArguments(args: Parameters<typeof plausibleArguments>[0]) {
    const { demo } = stack;
    const served = demo.dossiers.find((d) => d.status === 'RESULT_RETURNED')!;
    const real: Record<string, unknown> = { id: served.id, code: served.code, centreCode: '27-TTHCC', unitCode: '27-TTHCC' };
    const values = plausibleArguments(args);
    for (const argument of args) if (argument.name in real) values[argument.name] = real[argument.name];
    return values;
  }

  it('reach no applicant, petitioner, author, rater comment or official contact through any query', async () => {
    const leaks: string[] = [];
    let asked = 0;
    for (const field of Object.values(api.getQueryType()!.getFields())) {
      const inner = selection(field.type, 1);
      if (!inner) continue;
      const declarations = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const query = `query${declarations ? ` (${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''} ${inner} }`;
      const answer = await stack.gql(query, realArguments(field.args));
      asked += 1;
      const text = JSON.stringify(answer.data ?? null);
      const found = secrets.find((secret) => text.includes(secret));
      if (found) leaks.push(`${field.name}: ${found}`);
    }
    expect(asked).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
  });

  it("do not come back in an anonymous write's payload: a rating's dossier shows no other rating or petition", async () => {
    const { demo } = stack;
    const petitioned = new Set(demo.petitions.map((p) => p.dossierId));
    const rated = new Set(demo.ratings.map((r) => r.dossierId));
    const dossier =
      demo.dossiers.find((d) => d.status === 'RESULT_RETURNED' && petitioned.has(d.id) && !rated.has(d.id)) ??
      demo.dossiers.find((d) => d.status === 'RESULT_RETURNED' && !rated.has(d.id))!;
    const answer = await stack.gql(
      `mutation ($input: RateDossierInput!) { rateDossier(input: $input) { rating { id dossier { id ratings { id comment } petitions { content petitionerPhone } evaluation { score } } } } }`,
      {
        input: {
          clientRequestId: 'payload-probe-7f3a9c21-device',
          dossierCode: dossier.code,
          ratingSecret: dossier.ratingSecret,
          channel: 'PORTAL',
          resultScore: 4,
          attitudeScore: 4,
        },
      },
    );
    expect(answer.errors).toBeUndefined();
    const seen = answer.data.rateDossier.rating.dossier;
    expect(seen === null || (seen.ratings.length === 0 && seen.petitions.length === 0 && seen.evaluation === null)).toBe(true);
  });
});
