import DataLoader from 'dataloader';
import { In, type EntityManager, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';

type BatchFn<K, V> = (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;
type LoaderMap<T> = { [N in keyof T]: T[N] extends BatchFn<infer K, infer V> ? DataLoader<K, V> : never };

/**
 * A request's loaders, each made on first use: a request that touches one entity type pays
 * for one loader, and nothing is cached across requests (rows can change between them).
 */
export function defineLoaders<T extends Record<string, BatchFn<never, unknown>>>(batchFns: T): LoaderMap<T> {
  const made = new Map<keyof T, DataLoader<unknown, unknown>>();
  return new Proxy({} as LoaderMap<T>, {
    get(_target, name: string) {
      let loader = made.get(name);
      if (!loader) {
        const batch = batchFns[name];
        if (!batch) throw new Error(`No loader named "${name}"; known: ${Object.keys(batchFns).join(', ')}.`);
        loader = new DataLoader(batch, { maxBatchSize: 1000 });
        made.set(name, loader);
      }
      return loader;
    },
  });
}

/**
 * Rows in the order of `keys`, null where a key has no row: DataLoader needs one answer per
 * key. Keys compare as strings because entity representations may carry ids of another type.
 */
export function orderByKeys<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => unknown): (R | null)[] {
  const byKey = new Map(rows.map((row) => [String(keyOf(row)), row]));
  return keys.map((key) => byKey.get(String(key)) ?? null);
}

/** Rows grouped under each key, an empty list where a key has none. */
export function groupByKeys<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => unknown): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = String(keyOf(row));
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(String(key)) ?? []);
}

/** Batch function: one `WHERE key IN (...)` for all the keys a request level asks for. */
export function byKey<E extends ObjectLiteral, K extends keyof E & string>(db: EntityManager, entity: EntityTarget<E>, key: K) {
  return async (keys: readonly E[K][]): Promise<(E | null)[]> =>
    orderByKeys(keys, await db.getRepository(entity).findBy({ [key]: In([...new Set(keys)]) } as FindOptionsWhere<E>), (row) => row[key]);
}

/** Batch function for one-to-many: every row whose `key` is among the keys, grouped per key. */
export function manyByKey<E extends ObjectLiteral, K extends keyof E & string>(
  db: EntityManager,
  entity: EntityTarget<E>,
  key: K,
  order: FindOptionsOrder<E>,
) {
  return async (keys: readonly E[K][]): Promise<E[][]> =>
    groupByKeys(
      keys,
      await db.getRepository(entity).find({ where: { [key]: In([...new Set(keys)]) } as FindOptionsWhere<E>, order }),
      (row) => row[key],
    );
}

/**
 * Batch function for figures keyed `group|…|subject` (a period and scope, then a unit, procedure
 * or official): one `fetch` per distinct group, however many subjects a response shows.
 */
export function batchByGroup<V>(fetch: (group: string[], subjects: string[]) => Promise<Map<string, V>>) {
  return async (keys: readonly string[]): Promise<(V | null)[]> => {
    const groups = new Map<string, Set<string>>();
    for (const key of keys) {
      const cut = key.lastIndexOf('|');
      const group = key.slice(0, cut);
      if (!groups.has(group)) groups.set(group, new Set());
      groups.get(group)!.add(key.slice(cut + 1));
    }
    const found = new Map<string, V>();
    for (const [group, subjects] of groups) {
      for (const [subject, value] of await fetch(group.split('|'), [...subjects])) found.set(`${group}|${subject}`, value);
    }
    return keys.map((key) => found.get(key) ?? null);
  };
}
