import { Client } from 'pg';
import { buildDemo } from '../../infra/seed/demo';
import { dossiers as dossiersModule } from '../../subgraphs/dossiers/src';
import { seededDatabase } from '../support/databases';

/**
 * Personal data is kept by PostgreSQL, not only by resolvers: raw SQL as the application role,
 * with another unit's scope set as the services set it, reads none of it.
 */
describe('personal data behind row-level security', () => {
  const demo = buildDemo({ dossiers: 120 });
  const seeded = seededDatabase(dossiersModule, demo);
  const inSubtree = (path: string, unit: string) => path === unit || path.startsWith(`${unit}.`);
  const communes = [...new Set(demo.dossiers.map((d) => d.ownerPath).filter((p) => p.split('.').length === 3))];

  /** Runs statements as the application role with the caller's scope set for the transaction, as `inCallerScope` does. */
  async function asApp<T>(subgraph: 'dossiers' | 'feedback', unit: string, work: (client: Client) => Promise<T>, written = ''): Promise<T> {
    const client = new Client({ connectionString: seeded.databases.urls[subgraph].app });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('motcua.unit_path', $1, true), set_config('motcua.written', $2, true)`, [unit, written]);
      return await work(client);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  }
  const rows = async (client: Client, sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;

  it("reads no applicant's name, ID number or contacts of another commune's dossier", async () => {
    const [mine, theirs] = communes as [string, string];
    const theirIds = demo.dossierApplicants.filter((a) => a.ownerPath === theirs).map((a) => a.idNumber);
    expect(theirIds.length).toBeGreaterThan(0);
    const seen = await asApp('dossiers', mine, (c) => rows(c, `SELECT id_number, owner_path FROM dossier_applicant`));
    // Its own applicants, and none of the other commune's: not by a filter in the query, by the policy.
    expect(seen.length).toBe(demo.dossierApplicants.filter((a) => a.ownerPath === mine).length);
    expect(seen.filter((row) => theirIds.includes(row.id_number))).toEqual([]);
    expect(await asApp('dossiers', mine, (c) => rows(c, `SELECT * FROM dossier_applicant WHERE owner_path = $1`, [theirs]))).toEqual([]);
    // Nobody signed in (no scope): nothing at all, while the dossiers themselves stay public with the masked name only.
    expect(await asApp('dossiers', '', (c) => rows(c, `SELECT count(*)::int AS n FROM dossier_applicant`))).toEqual([{ n: 0 }]);
    const [publicRow] = await asApp('dossiers', '', (c) =>
      rows(c, `SELECT * FROM dossier WHERE owner_path = $1 AND applicant_kind = 'PERSON' LIMIT 1`, [theirs]),
    );
    expect(Object.keys(publicRow).filter((column) => /id_number|phone|email|address|proxy/.test(column))).toEqual([]);
    expect(publicRow.applicant_public_name).toMatch(/^\S+( \p{Lu}\.)+$/u);
  });

  it('shows the applicant to a unit holding one of the dossier’s steps, and to the province above everything', async () => {
    const step = demo.dossierSteps.find((s) => !inSubtree(demo.dossiers.find((d) => d.id === s.dossierId)!.ownerPath, s.ownerPath))!;
    expect(step).toBeDefined();
    const held = await asApp('dossiers', step.ownerPath, (c) =>
      rows(c, `SELECT dossier_id FROM dossier_applicant WHERE dossier_id = $1`, [step.dossierId]),
    );
    expect(held).toEqual([{ dossier_id: step.dossierId }]);
    expect(await asApp('dossiers', '27', (c) => rows(c, `SELECT count(*)::int AS n FROM dossier_applicant`))).toEqual([
      { n: demo.dossierApplicants.length },
    ]);
  });

  it('reads no petition, suggestion or rating comment addressed to another unit', async () => {
    const petitionOwner = demo.petitions[0].ownerPath;
    const stranger = communes.find((c) => !inSubtree(petitionOwner, c) && !demo.petitions.some((p) => inSubtree(p.ownerPath, c)))!;
    expect(stranger).toBeDefined();
    for (const table of ['petition', 'suggestion', 'rating_comment']) {
      const others = await asApp('feedback', stranger, (c) =>
        rows(c, `SELECT count(*)::int AS n FROM ${table} WHERE NOT (owner_path = $1 OR owner_path LIKE $1 || '.%')`, [stranger]),
      );
      expect({ table, others }).toEqual({ table, others: [{ n: 0 }] });
      expect({ table, anonymous: await asApp('feedback', '', (c) => rows(c, `SELECT count(*)::int AS n FROM ${table}`)) }).toEqual({
        table,
        anonymous: [{ n: 0 }],
      });
    }
    // The province, above every unit, reads them all: the policy hides, it does not lose.
    const all = await asApp('feedback', '27', (c) =>
      rows(c, `SELECT (SELECT count(*) FROM petition)::int AS p, (SELECT count(*) FROM rating_comment)::int AS c`),
    );
    expect(all).toEqual([{ p: demo.petitions.length, c: demo.ratingComments.length }]);
    expect(demo.ratingComments.length).toBeGreaterThan(0);
    // Ratings' scores stay public: the board counts them without anyone's comment.
    expect(await asApp('feedback', '', (c) => rows(c, `SELECT count(*)::int AS n FROM rating`))).toEqual([{ n: demo.ratings.length }]);
  });

  it('shows a citizen the petition they just wrote, and only that one; a repeat is found without showing the earlier one', async () => {
    const [first, second] = demo.petitions as [(typeof demo.petitions)[0], (typeof demo.petitions)[0]];
    const seen = await asApp('feedback', '', (c) => rows(c, `SELECT id FROM petition`), first.id);
    expect(seen).toEqual([{ id: first.id }]);
    expect(seen).not.toContainEqual({ id: second.id });
    const repeat = await asApp('feedback', '', (c) => rows(c, `SELECT petition_repeated($1, NULL, '', now()) AS id`, [first.dossierId]));
    expect(repeat).toEqual([
      { id: demo.petitions.filter((p) => p.dossierId === first.dossierId).sort((a, b) => +a.receivedAt - +b.receivedAt)[0].id },
    ]);
  });
});
