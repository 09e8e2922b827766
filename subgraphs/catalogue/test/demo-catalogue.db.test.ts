import type { DataSource } from 'typeorm';
import { connect } from '../../../shared/standalone';
import { demoCatalogue } from '../../../infra/seed/demo-catalogue';
import { buildDemo } from '../../../infra/seed/demo';
import { writeDemo } from '../../../infra/seed/seed';
import { freshDatabases, type TestDatabases } from '../../../test/support/databases';
import { catalogue } from '../src';
import { checkAnnouncement, checkContent } from '../src/procedures/check';

/** The seed writes rows directly; this holds it to the rules every published procedure meets. */
describe('the demo catalogue', () => {
  let databases: TestDatabases;
  let db: DataSource;
  beforeAll(async () => {
    databases = await freshDatabases();
    await writeDemo(databases.urls, buildDemo({ dossiers: 0 }));
    db = await connect(catalogue, databases.urls.catalogue.app);
  });
  afterAll(async () => {
    await db.destroy();
    await databases.drop();
  });

  it('passes the checks of publishing, version by version', async () => {
    const problems = [];
    for (const entry of demoCatalogue()) {
      for (const { announcement, content } of entry.versions) {
        const found = [...checkAnnouncement(announcement), ...(await checkContent(db.manager, content, '27'))];
        problems.push(...found.map((problem) => `${entry.identity.localCode}: ${problem.field}: ${problem.message}`));
      }
    }
    expect(problems).toEqual([]);
  });
});
