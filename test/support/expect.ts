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

/** Polls `probe` until it returns something truthy, or fails after `timeoutMs` saying what was awaited. */
export async function eventually<T>(what: string, probe: () => Promise<T> | T, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
