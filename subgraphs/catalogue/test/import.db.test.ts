import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../../shared/caller';
import { inCallerScope } from '../../../shared/db';
import { connect } from '../../../shared/standalone';
import { buildDemo } from '../../../infra/seed/demo';
import { writeDemo } from '../../../infra/seed/seed';
import { freshDatabases, type TestDatabases } from '../../../test/support/databases';
import { catalogue } from '../src';
import { draftsFrom, importCatalogue, ImportRejected, readRows } from '../src/procedures/import';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLE = path.join(__dirname, '..', 'import', 'example.csv');
const ADMIN: Caller = { sub: 'import-test', role: 'ADMIN', unit: '27' };

describe('catalogue import (npm run catalogue:import)', () => {
  let databases: TestDatabases;
  let db: DataSource;
  const folder = mkdtempSync(path.join(tmpdir(), 'motcua-import-'));

  beforeAll(async () => {
    databases = await freshDatabases();
    await writeDemo(databases.urls, buildDemo({ dossiers: 10 }));
    db = await connect(catalogue, databases.urls.catalogue.app);
  });
  afterAll(async () => {
    await db.destroy();
    await databases.drop();
  });

  /** Runs the command as a person would, against this test's database. */
  async function runImport(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, CATALOGUE_DATABASE_URL: databases.urls.catalogue.app, CATALOGUE_MIGRATION_URL: databases.urls.catalogue.migration };
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), 'infra/catalogue-import.ts', file], {
        cwd: ROOT,
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  }

  /** Everything the catalogue holds about procedures, to prove a run changed nothing. */
  const snapshot = async () =>
    (
      await db.query(`SELECT (SELECT json_agg(p ORDER BY local_code) FROM procedure p) AS procedures,
                            (SELECT json_agg(v ORDER BY id) FROM procedure_version v) AS versions,
                            (SELECT json_agg(c ORDER BY id) FROM procedure_variant c) AS variants`)
    )[0];

  function withFile(name: string, text: string): string {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  }

  it('imports a CSV export with every component, then re-importing it changes nothing', async () => {
    const first = await runImport(EXAMPLE);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('6 rows, 2 procedures into the catalogue of province 27: 2 published, 0 amended, 0 unchanged');

    const [mining] = await db.query(`SELECT p.name, v.decision, v.documents, v.fees, r.process, r.time_limit FROM procedure p
      JOIN procedure_version v ON v.procedure_id = p.id JOIN procedure_variant r ON r.version_id = v.id WHERE p.local_code = '1.010940.000.00.00.H06'`);
    expect(mining.name).toBe('Cấp giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường');
    expect(mining.fees).toEqual([{ name: 'Lệ phí cấp giấy phép', amountVnd: 1000000 }]);
    expect(mining.documents).toHaveLength(3);
    expect(mining.process.map((s: { level: string }) => s.level)).toEqual(['COMMUNE', 'DISTRICT', 'PROVINCE', 'PROVINCE']);
    const guardianship =
      await db.query(`SELECT r.name, r.time_limit, r.online_time_limit FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id
      JOIN procedure_variant r ON r.version_id = v.id WHERE p.local_code = '2.002160.000.00.00.H06' ORDER BY r.position`);
    expect(guardianship).toEqual([
      { name: 'Trường hợp chung', time_limit: '3.00', online_time_limit: '2.00' },
      { name: 'Trường hợp phải xác minh', time_limit: '8.00', online_time_limit: null },
    ]);

    const before = await snapshot();
    const again = await runImport(EXAMPLE);
    expect(again.stdout).toContain('0 published, 0 amended, 2 unchanged');
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a file with any wrong row, printing each problem with its line and column, and writes nothing', async () => {
    const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
    const header = lines[0];
    const good = (code: string, name: string) =>
      `${code}.000.00.00.H06,${code},${name},HT,COMMUNE,,Ủy ban nhân dân cấp xã,9/QĐ-UBND,2026-12-20,NONE,,,,IN_PERSON,Nộp hồ sơ,Tờ khai | 1 | 0 | TK,Công dân Việt Nam,Trích lục,,,`;
    const text = [
      header,
      `${good('1.090001', 'Thủ tục hợp lệ')},Trường hợp chung,5,,,,,,,,`, // line 2: fine on its own
      `${good('1.090002', 'Thời hạn âm')},Trường hợp chung,-3,,,,,,,,`, // line 3
      `${good('1.090003', 'Lệ phí lẻ').replace(/,,,$/, ',,,"Lệ phí | 1500.5"')},Trường hợp chung,5,,,,,,,,`, // line 4
      `${good('1.090004', 'Bước ở đơn vị lạ')},Trường hợp chung,5,,,Xác minh,PROVINCE,27-KHONGCO,,2,`, // line 5
      `${good('1.090005', 'Lĩnh vực lạ').replace(',HT,', ',XYZ,')},Trường hợp chung,5,,,,,,,,`, // line 6
    ].join('\n');
    const file = withFile('bad.csv', text);
    const before = await snapshot();
    const { code, stdout, stderr } = await runImport(file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const reported = stderr.trim().split('\n');
    expect(
      reported.slice(0, -1).map((line) =>
        line
          .split('  ')
          .slice(0, 2)
          .map((part) => part.replace(`${file}:`, '')),
      ),
    ).toEqual([
      ['3', 'time_limit'],
      ['4', 'fees'],
      ['5', 'step_unit_code'],
      ['6', 'field_code'],
    ]);
    expect(stderr).toContain('1500.5');
    expect(stderr).toContain('27-KHONGCO');
    expect(reported.at(-1)).toBe('4 problems; nothing was imported.');
    expect(await snapshot()).toEqual(before);
  });

  it('reads a JSON export the same way, with lines from the file, and a new decision amends the procedure', async () => {
    const rows = [
      {
        local_code: '2.002160.000.00.00.H06',
        code: '2.002160',
        name: 'Đăng ký giám hộ',
        field_code: 'HT',
        levels: 'COMMUNE',
        executing_agency_role: 'Ủy ban nhân dân cấp xã',
        decision: '3001/QĐ-UBND',
        effective_from: '2027-03-01',
        online_level: 'FULL',
        submission_methods: ['IN_PERSON', 'ONLINE'],
        steps: ['Nộp hồ sơ', 'Trả kết quả'],
        documents: ['Tờ khai đăng ký giám hộ | 1 | 0 | TK-GH'],
        applicants: ['Công dân Việt Nam'],
        variant: 'Trường hợp chung',
        time_limit: 2,
      },
      {
        local_code: '2.002160.000.00.00.H06',
        variant: 'Trường hợp chung',
        step_title: 'Kiểm tra, trình ký',
        step_level: 'COMMUNE',
        step_role: 'Công chức Tư pháp – Hộ tịch',
        step_time: 3,
      },
    ];
    const text = `[\n${rows.map((row) => `  ${JSON.stringify(row)}`).join(',\n')}\n]\n`;
    const read = readRows(text, 'json');
    expect(read.problems).toEqual([]);
    expect(read.rows.map((row) => row.line)).toEqual([2, 3]);
    const { drafts } = draftsFrom(read.rows);
    // The step (3 days) does not fit the 2-day limit of the case that starts on line 2; nothing is written.
    const refused = await inCallerScope(db, ADMIN, (manager) => importCatalogue(manager, '27', drafts)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRejected);
    expect((refused as ImportRejected).problems).toEqual([expect.objectContaining({ line: 2, column: 'step_time' })]);

    rows[1].step_time = 2;
    const fixed = draftsFrom(readRows(JSON.stringify(rows), 'json').rows).drafts;
    const report = await inCallerScope(db, ADMIN, (manager) => importCatalogue(manager, '27', fixed));
    expect(report).toEqual({ published: [], amended: ['2.002160.000.00.00.H06'], unchanged: [] });
    const versions = await db.query(
      `SELECT v.number, v.decision FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id WHERE p.local_code = $1 ORDER BY v.number`,
      ['2.002160.000.00.00.H06'],
    );
    expect(versions).toEqual([
      { number: 1, decision: '2210/QĐ-UBND' },
      { number: 2, decision: '3001/QĐ-UBND' },
    ]);
  });

  it("refuses an import into the province's catalogue by a district's administrator, and writes nothing", async () => {
    const text = readFileSync(EXAMPLE, 'utf8').replaceAll('2210/QĐ-UBND', '4000/QĐ-UBND').replaceAll('2026-12-15', '2027-06-01');
    const { drafts } = draftsFrom(readRows(text, 'csv').rows);
    const before = await snapshot();
    const district: Caller = { sub: 'district', role: 'ADMIN', unit: '27.259' };
    const refused = await inCallerScope(db, district, (manager) => importCatalogue(manager, '27', drafts)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await snapshot()).toEqual(before);
  });
});
