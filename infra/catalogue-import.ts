import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Caller } from '../shared/caller';
import { config } from '../shared/config';
import { inCallerScope } from '../shared/db';
import { connect, migrate } from '../shared/standalone';
import { catalogue } from '../subgraphs/catalogue/src';
import { draftsFrom, importCatalogue, ImportRejected, readRows, type ImportProblem } from '../subgraphs/catalogue/src/procedures/import';
import { localDatabases } from './postgres';

const USAGE = 'usage: npm run catalogue:import -- <file.csv | file.json> [--province <code>]';

function printProblems(file: string, problems: ImportProblem[]): void {
  for (const problem of [...problems].sort((a, b) => a.line - b.line)) {
    process.stderr.write(`${file}:${problem.line}  ${problem.column || '-'}  ${problem.message}\n`);
  }
  process.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.\n`);
}

/**
 * `npm run catalogue:import -- <file>`: a province's catalogue export into the catalogue
 * database, all or nothing, as that province's administrator (row-level security applies).
 * Uses CATALOGUE_DATABASE_URL when set, else the local installation's database.
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { province: { type: 'string' } } });
  const [file] = positionals;
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const format = path.extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
  const { rows, problems } = readRows(readFileSync(file, 'utf8'), format);
  const { drafts, problems: draftProblems } = draftsFrom(rows);
  if (problems.length + draftProblems.length) {
    printProblems(file, [...problems, ...draftProblems]);
    return 1;
  }

  const configured = config.databaseUrl('catalogue');
  const local = configured ? undefined : await localDatabases();
  const urls = local ? local.databases.catalogue : { app: configured!, migration: config.migrationUrl('catalogue')! };
  await migrate(catalogue, urls.migration);
  const db = await connect(catalogue, urls.app);
  try {
    const provinces: { code: string }[] = await db.query(
      `SELECT code FROM administrative_unit WHERE level = 'PROVINCE' AND kind = 'ADMINISTRATIVE' AND parent_code IS NULL AND valid_to IS NULL`,
    );
    const province = values.province ?? (provinces.length === 1 ? provinces[0].code : undefined);
    if (!province || !provinces.some((p) => p.code === province)) {
      process.stderr.write(
        `Name the province whose catalogue this is with --province (one of: ${provinces.map((p) => p.code).join(', ') || 'none yet'}).\n`,
      );
      return 2;
    }
    const importer: Caller = { sub: 'catalogue-import', role: 'ADMIN', unit: province };
    const report = await inCallerScope(db, importer, (manager) => importCatalogue(manager, province, drafts));
    process.stdout.write(
      `${file}: ${rows.length} rows, ${drafts.length} procedures into the catalogue of province ${province}: ` +
        `${report.published.length} published, ${report.amended.length} amended, ${report.unchanged.length} unchanged.\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    printProblems(file, error.problems);
    return 1;
  } finally {
    await db.destroy();
    await local?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`catalogue import failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
