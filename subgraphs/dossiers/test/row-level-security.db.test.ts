import { Client } from 'pg';
import type { Caller } from '../../../shared/caller';
import { inCallerScope } from '../../../shared/db';
import { buildDemo } from '../../../infra/seed/demo';
import { seededDatabase } from '../../../test/support/databases';
import { dossiers as dossiersModule } from '../src';
import { DossierEntity } from '../src/store/entities/dossier.entity';

/** These tests talk SQL as the application role, with no resolver in the way: the database itself must refuse. */
describe('row-level security on dossier', () => {
  const demo = buildDemo({ dossiers: 60 });
  const [communeA, communeB] = [...new Set(demo.dossiers.map((d) => d.ownerPath).filter((p) => p.split('.').length === 3))];
  const officialOf = (unit: string): Caller => ({ sub: `official-${unit}`, role: 'OFFICIAL', unit });
  const seeded = seededDatabase(dossiersModule, demo);

  it('connects as a role that is not superuser, cannot bypass RLS and owns no table', async () => {
    const [role] = await seeded.app.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    const owned = await seeded.app.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    const forced = await seeded.app.query(`SELECT relforcerowsecurity FROM pg_class WHERE relname = 'dossier'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    expect(owned).toEqual([]);
    expect(forced).toEqual([{ relforcerowsecurity: true }]);
  });

  it("updates no row of another commune's dossier, even with a raw UPDATE", async () => {
    const theirs = demo.dossiers.find((d) => d.ownerPath === communeB)!;
    const result = await inCallerScope(seeded.app, officialOf(communeA), (manager) =>
      manager.query(`UPDATE dossier SET applicant_public_name = 'Đã sửa trái phép' WHERE id = $1`, [theirs.id]),
    );
    expect(result[1]).toBe(0);
    expect((await seeded.app.getRepository(DossierEntity).findOneByOrFail({ id: theirs.id })).applicantPublicName).toBe(theirs.applicantPublicName);
  });

  it('updates its own dossier', async () => {
    const mine = demo.dossiers.find((d) => d.ownerPath === communeA)!;
    const result = await inCallerScope(seeded.app, officialOf(communeA), (manager) =>
      manager.query(`UPDATE dossier SET applicant_public_name = $2 WHERE id = $1`, [mine.id, 'Nguyễn Thị Ánh Tuyết']),
    );
    expect(result[1]).toBe(1);
    expect((await seeded.app.getRepository(DossierEntity).findOneByOrFail({ id: mine.id })).applicantPublicName).toBe('Nguyễn Thị Ánh Tuyết');
  });

  it('lets the unit holding the active step move the dossier on and name its handler, and nothing else', async () => {
    // A dossier whose active step is held by a commune with no say over the dossier itself, set up behind the application's back.
    const dossier = demo.dossiers.find((d) => demo.dossierSteps.some((s) => s.dossierId === d.id && s.position === 1))!;
    const unrelated = (path: string) => !path.startsWith(dossier.ownerPath) && !dossier.ownerPath.startsWith(path);
    const step = { ownerPath: [communeA, communeB].find(unrelated)! };
    const owner = new Client({ connectionString: seeded.databases.urls.dossiers.migration });
    await owner.connect();
    try {
      await owner.query(`UPDATE dossier SET current_step = 1 WHERE id = $1`, [dossier.id]);
      await owner.query(`UPDATE dossier_step SET owner_path = $2 WHERE dossier_id = $1 AND position = 1`, [dossier.id, step.ownerPath]);
    } finally {
      await owner.end();
    }
    const holder = officialOf(step.ownerPath);
    const moved = await inCallerScope(seeded.app, holder, (manager) =>
      manager.query(`UPDATE dossier SET handler_id = NULL, version = version + 1 WHERE id = $1`, [dossier.id]),
    );
    expect(moved[1]).toBe(1);
    await expect(
      inCallerScope(seeded.app, holder, (manager) =>
        manager.query(`UPDATE dossier SET applicant_public_name = 'Đã sửa trái phép' WHERE id = $1`, [dossier.id]),
      ),
    ).rejects.toThrow(/may only move it on/);
    await expect(
      inCallerScope(seeded.app, holder, (manager) => manager.query(`UPDATE dossier SET owner_path = $2 WHERE id = $1`, [dossier.id, step.ownerPath])),
    ).rejects.toThrow(/may only move it on|row-level security/);
    expect((await seeded.app.getRepository(DossierEntity).findOneByOrFail({ id: dossier.id })).applicantPublicName).toBe(dossier.applicantPublicName);
  });

  it('refuses to insert a dossier owned by another commune, and writes nothing', async () => {
    const row = { ...demo.dossiers[0], id: '11111111-1111-4111-8111-111111111111', code: 'TEST-0001', ownerPath: communeB };
    await expect(inCallerScope(seeded.app, officialOf(communeA), (manager) => manager.insert(DossierEntity, row))).rejects.toThrow(
      /row-level security/,
    );
    expect(await seeded.app.getRepository(DossierEntity).countBy({ id: row.id })).toBe(0);
  });

  it('refuses every write outside a caller scope', async () => {
    const any = demo.dossiers[0];
    const result = await seeded.app.query(`UPDATE dossier SET applicant_public_name = 'x' WHERE id = $1`, [any.id]);
    expect(result[1]).toBe(0);
  });

  it('does not mistake a sibling whose code starts the same for a child', async () => {
    // Scope "27.25" must not reach "27.259...": the path check is by whole codes.
    const underDistrict = demo.dossiers.find((d) => d.ownerPath.startsWith('27.259'))!;
    const result = await inCallerScope(seeded.app, officialOf('27.25'), (manager) =>
      manager.query(`UPDATE dossier SET version = version WHERE id = $1`, [underDistrict.id]),
    );
    expect(result[1]).toBe(0);
  });
});
