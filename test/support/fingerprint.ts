import { SUBGRAPH_NAMES } from '../../shared/config';
import type { TestStack } from './stack';

/** Every row of every table in the four databases, as one fingerprint per table: equal before and after means nothing was written. */
export async function fingerprint(stack: TestStack): Promise<Record<string, string>> {
  const prints: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    const tables = (
      await stack.ownerQuery(name, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migration' ORDER BY 1`)
    ).rows;
    for (const { tablename } of tables) {
      const [row] = (
        await stack.ownerQuery(name, `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${tablename}" t`)
      ).rows;
      prints[`${name}.${tablename}`] = `${row.n}:${row.h}`;
    }
  }
  return prints;
}
