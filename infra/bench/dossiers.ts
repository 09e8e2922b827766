import { UNLIMITED_ANONYMOUS } from '../../gateway/src/plugins/anonymous-limits';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { config, SUBGRAPH_NAMES } from '../../shared/config';
import { statementLog } from '../../shared/db';
import { issueToken } from '../../gateway/src/auth';
import { buildDemo, DEMO_UNTIL } from '../seed/demo';
import { writeDemo } from '../seed/seed';
import { startStack } from '../stack';
import { rollupStatisticsSql } from '../../subgraphs/dossiers/src/store/daily-rollup';
import { benchDatabases, percentile, runBench, setupLine } from './harness';

/**
 * `npm run bench:dossiers`: 1,000,000 dossiers (BENCH_DOSSIERS), then through the gateway:
 * a province's statistics for a month, the public lookup by code, and the SQL statements a page
 * of 100 dossiers with nested steps and handlers costs. Exits 1 on any wrong answer.
 */
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const TEMPLATES = 4000;
/** The clones spread over two years before the demo's own six months. */
const WEEKS = 104;

/**
 * Clones the seeded dossiers (and their steps) week by week into the past, over two years,
 * until there are DOSSIERS of them: same mix of procedures, desks, statuses and timeliness, weekdays kept. Old
 * clones are only of closed dossiers, so the backlog stays what a live province has. Codes are
 * renumbered per desk and day, as reception numbers them.
 */
async function generate(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await client.query(`SET max_parallel_workers_per_gather = 2`);
  await client.query(`CREATE TEMP TABLE clone AS
    SELECT gen_random_uuid() AS id, t.id AS template_id, make_interval(weeks => w) AS shift
      FROM dossier t CROSS JOIN generate_series(1, ${WEEKS}) AS w CROSS JOIN generate_series(1, 100) AS copy
     WHERE (w <= 8 OR t.status IN ('PROCESSED', 'RESULT_RETURNED', 'NOT_RECEIVED', 'WITHDRAWN', 'STOPPED'))
     ORDER BY copy, w, t.id LIMIT ${DOSSIERS - TEMPLATES}`);
  await client.query(`INSERT INTO dossier (id, code, procedure_id, procedure_version_id, case_variant_id, field_code, receiving_unit_code, handler_id,
      applicant_kind, applicant_public_name, documents,
      area_unit_code, channel, status, received_at, due_at, finished_at, time_limit_hours, current_step, paused_at, supplement_count, rescheduled,
      outcome, returned_at, return_method, owner_path, version)
    SELECT c.id,
           left(t.code, length(t.code) - 12) || '-' || to_char((t.received_at - c.shift) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-'
             || lpad((row_number() OVER (PARTITION BY left(t.code, length(t.code) - 12), ((t.received_at - c.shift) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                                         ORDER BY t.received_at, c.id) + 1000)::text, 4, '0'),
           t.procedure_id, t.procedure_version_id, t.case_variant_id, t.field_code, t.receiving_unit_code, t.handler_id,
           t.applicant_kind, t.applicant_public_name, t.documents,
           t.area_unit_code, t.channel, t.status, t.received_at - c.shift, t.due_at - c.shift, t.finished_at - c.shift, t.time_limit_hours, t.current_step,
           t.paused_at - c.shift, t.supplement_count, t.rescheduled, t.outcome, t.returned_at - c.shift, t.return_method, t.owner_path, 1
      FROM clone c JOIN dossier t ON t.id = c.template_id`);
  await client.query(`INSERT INTO dossier_applicant (dossier_id, name, id_number, phone, email, address, proxy_name, proxy_id_number, owner_path)
    SELECT c.id, a.name, a.id_number, a.phone, a.email, a.address, a.proxy_name, a.proxy_id_number, a.owner_path
      FROM clone c JOIN dossier_applicant a ON a.dossier_id = c.template_id`);
  await client.query(`INSERT INTO dossier_step (id, dossier_id, position, title, level, unit_code, role, allotted_hours, finished_at, handler_id, owner_path)
    SELECT gen_random_uuid(), c.id, s.position, s.title, s.level, s.unit_code, s.role, s.allotted_hours, s.finished_at - c.shift, s.handler_id, s.owner_path
      FROM clone c JOIN dossier_step s ON s.dossier_id = c.template_id`);
  // What autovacuum does for a live database: statistics for the planner, the visibility map for index-only scans.
  await client.query('VACUUM ANALYZE');
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

async function main() {
  const databases = await benchDatabases();
  const demo = buildDemo({ dossiers: TEMPLATES });
  const seedStarted = performance.now();
  await writeDemo(databases.urls, demo);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const cloneSeconds = await generate(databases.urls.dossiers.migration);
  const stack = await startStack({
    databases: databases.urls,
    ports: { gateway: 0, catalogue: 0, dossiers: 0, personnel: 0, feedback: 0 },
    anonymousLimits: UNLIMITED_ANONYMOUS,
  });
  const [{ count, steps }] = await stack.dbs.dossiers.query(
    `SELECT (SELECT count(*) FROM dossier)::int AS count, (SELECT count(*) FROM dossier_step)::int AS steps`,
  );
  const province = await issueToken({ sub: 'bench', role: 'LEADER', unit: '27' }, config.jwtSecret);
  let wrong = 0;

  async function timed(query: string, variables: Record<string, unknown>, token: string | null, check: (data: any) => boolean): Promise<number> {
    const started = performance.now();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    const elapsed = performance.now() - started;
    if (body.errors || !check(body.data)) {
      wrong += 1;
      if (wrong <= 3) console.error(`wrong answer: ${JSON.stringify(body).slice(0, 300)}`);
    }
    return elapsed;
  }
  const summary = (latencies: number[]) => {
    latencies.sort((a, b) => a - b);
    return `p50=${percentile(latencies, 50).toFixed(1)} ms p95=${percentile(latencies, 95).toFixed(1)} ms p99=${percentile(latencies, 99).toFixed(1)} ms`;
  };

  // A province's month: each of the last 12 months in turn.
  const months = Array.from({ length: 12 }, (_, i) => {
    const first = new Date(Date.UTC(DEMO_UNTIL.getUTCFullYear(), DEMO_UNTIL.getUTCMonth() - i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  });
  const STATS = `query ($f: DossierStatsFilter!) { dossierStatistics(filter: $f) { stats { received carriedOver resolved resolvedEarly resolvedOnTime resolvedLate onTimeRate inProgress inProgressOverdue withdrawn returned } } }`;
  const statsLatencies: number[] = [];
  for (let i = 0; i < 5; i++) await timed(STATS, { f: months[i % 12] }, province, () => true);
  for (let i = 0; i < REQUESTS; i++)
    statsLatencies.push(await timed(STATS, { f: months[i % 12] }, province, (d) => d.dossierStatistics[0].stats.received > 0));

  const codes: string[] = (await stack.dbs.dossiers.query(`SELECT code FROM dossier TABLESAMPLE SYSTEM (1) LIMIT ${REQUESTS * 3}`)).map(
    (r: { code: string }) => r.code,
  );
  const LOOKUP = `query ($code: String!) { publicDossier(code: $code) { code status statusCode applicantName appointmentAt timeliness currentUnit { name } } }`;
  const lookupLatencies: number[] = [];
  for (let i = 0; i < 20; i++) await timed(LOOKUP, { code: codes[i] }, null, () => true);
  for (let i = 0; i < REQUESTS * 3; i++)
    lookupLatencies.push(await timed(LOOKUP, { code: codes[i % codes.length] }, null, (d) => d.publicDossier?.code === codes[i % codes.length]));

  const PAGE = `{ dossiers(first: 100) { nodes { code status handler { fullName } steps { position title unit { name } handler { fullName } dueAt late } } } }`;
  await timed(PAGE, {}, province, () => true);
  for (const name of SUBGRAPH_NAMES) statementLog(stack.dbs[name]).reset();
  const pageMs = await timed(PAGE, {}, province, (d) => d.dossiers.nodes.length === 100);
  const statements = SUBGRAPH_NAMES.map((name) => `${name}=${statementLog(stack.dbs[name]).count}`).join(' ');

  console.log(setupLine({ dossiers: count, steps, requests: REQUESTS, concurrency: 1 }));
  console.log(
    `generation: demo seed of ${TEMPLATES} dossiers ${seedSeconds.toFixed(1)} s, cloned to ${count} dossiers and ${steps} steps in ${cloneSeconds.toFixed(1)} s`,
  );
  console.log(`province statistics for a month through gateway: ${summary(statsLatencies)}`);
  console.log(`public lookup by code through gateway: ${summary(lookupLatencies)}`);
  console.log(`page of 100 dossiers with steps, units and handlers: ${pageMs.toFixed(0)} ms, SQL statements ${statements}`);
  // What the database itself spends on each month, and the plan it takes.
  type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Actual Rows': number; Plans?: PlanNode[] };
  const describe = (node: PlanNode): string[] => [
    `${node['Node Type']}${node['Index Name'] ? ` on ${node['Index Name']}` : ''}`,
    ...(node.Plans ?? []).flatMap(describe),
  ];
  const perMonth: string[] = [];
  let shape = '';
  for (const month of months) {
    const { sql, params } = rollupStatisticsSql({ ...month, scope: '27' }, null);
    const [
      {
        'QUERY PLAN': [plan],
      },
    ] = await stack.dbs.dossiers.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    perMonth.push(`${month.from.slice(0, 7)}: ${plan['Execution Time'].toFixed(0)} ms / ${plan.Plan.Plans?.[0]?.['Actual Rows'] ?? '?'} rows`);
    shape = describe(plan.Plan).join(' → ');
  }
  console.log(`province statistics in the database, per month (${shape}): ${perMonth.join(', ')}`);
  console.log(`wrong_answers=${wrong}`);
  await stack.stop();
  await databases.stop();
  return wrong;
}

runBench(main);
