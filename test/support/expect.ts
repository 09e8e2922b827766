import type { GraphQLResponse } from './stack';

/** The answer's data, after checking it carries no error (the error is shown if it does). */
export function ok<T = any>(answer: GraphQLResponse<T>): T {
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

/** The first error's stable code, and the field it names when one is given. */
export function expectError(answer: Pick<GraphQLResponse, 'errors'>, code: string, field?: string): void {
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
}
