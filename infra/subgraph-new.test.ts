import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

/**
 * `npm run subgraph:new` on a copy of this repository's files (as a fresh clone has them): the
 * subgraph it makes composes, has the shape of every subgraph and passes its own first test, run
 * by a jest of its own on a PostgreSQL of its own.
 */
describe('npm run subgraph:new', () => {
  let copy: string;
  const run = (command: string, args: string[]) => {
    const env = { ...process.env };
    // The copy's tests start their own server: never this run's (its globalSetup would drop our templates).
    for (const name of ['MOTCUA_TEST_ADMIN_URL', 'MOTCUA_TEST_APP_URL', 'MOTCUA_TEST_RUN', 'TEST_DATABASE_URL', 'NODE_OPTIONS', 'JEST_WORKER_ID'])
      delete env[name];
    return spawnSync(command, args, { cwd: copy, env, encoding: 'utf8', timeout: 240_000 });
  };

  beforeAll(() => {
    copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-new-')), 'motcua');
    // PostgreSQL runs as its own user when the tests run as root: it must reach the copy's data folder.
    chmodSync(path.dirname(copy), 0o755);
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    execFileSync('mkdir', ['-p', copy]);
    execFileSync('tar', ['-cf', path.join(copy, '..', 'files.tar'), '--null', '-T', '-'], {
      cwd: ROOT,
      input: files.filter((f) => existsSync(path.join(ROOT, f))).join('\0'),
    });
    execFileSync('tar', ['-xf', path.join(copy, '..', 'files.tar')], { cwd: copy });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  });
  afterAll(() => rmSync(path.dirname(copy), { recursive: true, force: true }));

  it('refuses a missing owner, a bad name and a name taken, writing nothing', () => {
    const refused = (args: string[], says: RegExp) => {
      const result = run('npm', ['run', '--silent', 'subgraph:new', '--', ...args]);
      expect([result.status, result.stderr]).toEqual([1, expect.stringMatching(says)]);
    };
    refused(['demo'], /Usage: npm run subgraph:new -- <name> --owner <unit path>/);
    refused(['Đất', '--owner', '27.256'], /is not a subgraph name/);
    refused(['dossiers', '--owner', '27.256'], /exists already/);
    refused(['demo', '--owner', '27..256'], /is not a unit path/);
    expect(existsSync(path.join(copy, 'subgraphs', 'demo'))).toBe(false);
  });

  it('makes a subgraph that composes and passes its first test', () => {
    const made = run('npm', ['run', '--silent', 'subgraph:new', '--', 'demo', '--owner', '27.256']);
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/created subgraphs\/demo, kept by unit 27\.256, on port 4006; it composes with the 4 registered subgraphs/);
    const tested = run('npm', ['run', 'jest', '--', '--ci', '--verbose', 'subgraphs/demo', 'test/shape.test.ts']);
    expect(tested.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
    expect(tested.stderr).toMatch(/PASS subgraphs\/demo\/test\/demo\.db\.test\.ts/);
    expect(tested.stderr).toMatch(/the demo subgraph has the shape of every subgraph/);
    expect(tested.status).toBe(0);
  }, 300_000);
});
