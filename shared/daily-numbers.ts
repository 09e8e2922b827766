import type { EntityManager } from 'typeorm';

/** A table of numbers that start again each day: its key column (a desk's, a centre's) beside `day`, `last_number` and `owner_path`. */
export interface DailySequence {
  table: string;
  keyColumn: string;
}

/**
 * The day's next number for `key` (dossier codes at a desk, queue tickets at a centre): the row
 * lock serialises everyone taking one at once; a rolled-back transaction gives its number back.
 */
export async function nextOfDay(
  db: EntityManager,
  { table, keyColumn }: DailySequence,
  key: string,
  day: string,
  ownerPath: string,
): Promise<number> {
  const [row]: { last_number: number }[] = await db.query(
    `INSERT INTO ${table} (${keyColumn}, day, last_number, owner_path) VALUES ($1, $2, 1, $3)
     ON CONFLICT (${keyColumn}, day) DO UPDATE SET last_number = ${table}.last_number + 1
     RETURNING last_number`,
    [key, day, ownerPath],
  );
  return row.last_number;
}
