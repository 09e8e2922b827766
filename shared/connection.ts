import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

/** Hard cap on a page, whatever the client asks for. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** A function so the COUNT runs only when the client selects `totalCount`. */
  totalCount: () => Promise<number>;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface KeysetOrder<T> {
  /** Sort columns, most significant first; the last must be unique (usually the id). */
  columns: { sql: string; value: (row: T) => unknown }[];
  direction: 'ASC' | 'DESC';
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url');
}

const refusedCursor = () => badInput('after', 'The cursor in "after" is not one this list handed out; start again without "after".');

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Cursors hold the sort keys: numbers, and strings without control characters (dates are written as ISO strings).
    const key = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && !/\p{Cc}/u.test(v));
    if (Array.isArray(values) && values.length === length && values.every(key)) return values;
  } catch {
    // fall through to the error below
  }
  throw refusedCursor();
}

/** PostgreSQL's refusals of a value of the wrong form: a forged cursor's key that is not a date, a number or an id. */
const MALFORMED_VALUE = new Set(['22P02', '22007', '22008', '22003', '22021']);

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput('first', `"first" must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${first}.`);
  }
  return size;
}

/**
 * One page by keyset (`WHERE (a, id) > (:a, :id)`), which stays index-backed at any depth,
 * unlike OFFSET. Fetches one extra row to know whether another page follows.
 */
export async function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, order: KeysetOrder<T>, args: PageArgs): Promise<Connection<T>> {
  const size = pageSize(args.first);
  const counter = query.clone();
  if (args.after) {
    const values = decodeCursor(args.after, order.columns.length);
    const params = Object.fromEntries(values.map((v, i) => [`cursor${i}`, v]));
    const tuple = order.columns.map((c) => c.sql).join(', ');
    const placeholders = values.map((_, i) => `:cursor${i}`).join(', ');
    query.andWhere(`(${tuple}) ${order.direction === 'ASC' ? '>' : '<'} (${placeholders})`, params);
  }
  order.columns.forEach((c, i) => (i === 0 ? query.orderBy(c.sql, order.direction) : query.addOrderBy(c.sql, order.direction)));
  const rows = await query
    .limit(size + 1)
    .getMany()
    .catch((error: Error & { code?: string }) => {
      throw args.after && MALFORMED_VALUE.has(error.code ?? '') ? refusedCursor() : error;
    });
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(order.columns.map((c) => c.value(node))), node }));
  return {
    nodes,
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => counter.getCount(),
  };
}
