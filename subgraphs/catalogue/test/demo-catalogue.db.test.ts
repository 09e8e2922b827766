import { demoCatalogue } from '../../../infra/seed/demo-catalogue';
import { buildDemo } from '../../../infra/seed/demo';
import { seededDatabase } from '../../../test/support/databases';
import { catalogue } from '../src';
import { checkAnnouncement, checkContent } from '../src/procedures/check';

/** The seed writes rows directly; this holds it to the rules every published procedure meets. */
describe('the demo catalogue', () => {
  const seeded = seededDatabase(catalogue, buildDemo({ dossiers: 0 }));

  it('passes the checks of publishing, version by version', async () => {
    const problems = [];
    for (const entry of demoCatalogue()) {
      for (const { announcement, content } of entry.versions) {
        const found = [...checkAnnouncement(announcement), ...(await checkContent(seeded.app.manager, content, '27'))];
        problems.push(...found.map((problem) => `${entry.identity.localCode}: ${problem.field}: ${problem.message}`));
      }
    }
    expect(problems).toEqual([]);
  });
});
