import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Clock } from '../../shared/clock';
import { config } from '../../shared/config';
import { logger } from '../../shared/logger';
import type { Role } from '../../shared/caller';
import { issueToken } from '../../gateway/src/auth';
import { buildDemo, DEMO_UNTIL } from '../seed/demo';
import { DISTRICTS } from '../seed/demo-province';
import { random } from '../seed/random';
import { writeDemo } from '../seed/seed';
import { startStack } from '../stack';
import { cpuBetween, cpuSample, graphqlClient, latencySummary, sleep, worktreeState, type GraphQLAnswer } from './client';
import { UNLIMITED_ANONYMOUS } from '../../gateway/src/plugins/anonymous-limits';
import { benchDatabases, runBench, setupLine } from './harness';

/**
 * `npm run bench:load`: a day at the province's counters through the gateway. BENCH_USERS virtual
 * users for BENCH_SECONDS, each sending its next request a second after its last answer (open,
 * with think time), then BENCH_CONNECTIONS users with no think time for BENCH_CLOSED_SECONDS
 * (closed loop: throughput at saturation). The mix is about 70% reads (provincial dashboard, a
 * page of 20 dossiers across four subgraphs, public lookups by code as anonymous) and 30% writes
 * (receptions at commune desks and the lifecycle of the dossiers the bench received). Every
 * answer is checked; every acknowledged write is looked up in the dossiers database at the end.
 * Exits 1 on any error or acknowledged write missing.
 */
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 400);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const CLOSED_SECONDS = Number(process.env.BENCH_CLOSED_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);

// Product logs go to stdout; keep warnings (slow queries, refused requests) out of the figures unless asked for.
if (!process.env.LOG_LEVEL) logger.level = 'error';

const KINDS = ['dashboard', 'page', 'lookup', 'receive', 'action'] as const;
type Kind = (typeof KINDS)[number];
/** Cumulative shares of the mix: 70% reads, 30% writes. */
const MIX: [Kind | 'write', number][] = [
  ['dashboard', 0.15],
  ['page', 0.4],
  ['lookup', 0.7],
  ['write', 1],
];
/** Of the writes, the share that moves one of the user's own open dossiers on (when it has one); the rest are receptions. */
const ACTION_SHARE = 0.7;

const DASHBOARD = `query ($f: DossierStatsFilter!, $from: Date!, $to: Date!) {
  dossierStatistics(filter: $f) { stats { received carriedOver resolved resolvedOnTime resolvedLate onTimeRate inProgress inProgressOverdue } }
  units(filter: { level: DISTRICT, kind: ADMINISTRATIVE }) { nodes { code name
    dossierStats(from: $from, to: $to) { received resolved onTimeRate }
    satisfaction(from: $from, to: $to) { ratings satisfactionRate } } } }`;
const PAGE = `query ($filter: DossierFilter) { dossiers(first: 20, filter: $filter) { nodes { id code status
  procedure { name } receivingUnit { name } handler { fullName } ratings { resultSatisfaction } } } }`;
const LOOKUP = `query ($code: String!) { publicDossier(code: $code) { code status statusCode applicantName appointmentAt timeliness currentUnit { name } } }`;
const RECEIVE = `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id code status version currentStep { position } } } }`;
const actionMutation = (name: string, input: string) =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { dossier { id status version currentStep { position } } } }`;

type Actor = 'official' | 'districtOfficial' | 'districtLeader';
/** Trợ cấp xã hội hằng tháng (commune → district appraisal → district decision), as test/dossier-lifecycle.e2e.ts runs it. */
const LIFECYCLE: {
  mutation: string;
  event: string;
  as: Actor;
  extra: Record<string, unknown>;
  status: string;
  step: number | null;
  query: string;
}[] = [
  {
    mutation: 'transferDossier',
    event: 'transfer',
    as: 'official',
    extra: {},
    status: 'PROCESSING',
    step: 1,
    query: actionMutation('transferDossier', 'DossierActionInput'),
  },
  {
    mutation: 'completeDossierStep',
    event: 'completeStep',
    as: 'official',
    extra: {},
    status: 'PROCESSING',
    step: 2,
    query: actionMutation('completeDossierStep', 'DossierActionInput'),
  },
  {
    mutation: 'completeDossierStep',
    event: 'completeStep',
    as: 'districtOfficial',
    extra: {},
    status: 'PROCESSING',
    step: 3,
    query: actionMutation('completeDossierStep', 'DossierActionInput'),
  },
  {
    mutation: 'resolveDossier',
    event: 'resolve',
    as: 'districtLeader',
    extra: { outcome: 'APPROVED' },
    status: 'PROCESSED',
    step: null,
    query: actionMutation('resolveDossier', 'ResolveDossierInput'),
  },
  {
    mutation: 'returnDossierResult',
    event: 'returnResult',
    as: 'official',
    extra: { method: 'IN_PERSON' },
    status: 'RESULT_RETURNED',
    step: null,
    query: actionMutation('returnDossierResult', 'ReturnResultInput'),
  },
];

interface OpenDossier {
  id: string;
  code: string;
  version: number;
  /** Index in LIFECYCLE of the next action. */
  next: number;
}

interface Desk {
  commune: string;
  district: string;
  tokens: Record<Actor, string>;
}

interface User {
  id: number;
  desk: Desk;
  open: OpenDossier[];
}

interface Acknowledged {
  dossierId: string;
  code: string;
  event: string;
  /** The dossier's version and status in the acknowledgement. */
  version: number;
  status: string;
}

interface PhaseResult {
  name: string;
  latencies: Record<Kind, number[]>;
  errors: Record<Kind, number>;
  started: number;
  lastAnswer: number;
  loopDelay: { p99: number; max: number };
  cpuPercent: number;
  /** The machine's 1-minute load average at the end: other work on the machine shows here. */
  loadAverage: number;
  machineBusyPercent: number;
  postgresCores: number;
}

async function main() {
  const rnd = random(Number(process.env.BENCH_SEED ?? 2026));
  const databases = await benchDatabases();
  const demo = buildDemo({ dossiers: DOSSIERS });
  const seedStarted = performance.now();
  await writeDemo(databases.urls, demo);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // The services run on the demo's clock, as the tests do: "today" is 20 November 2026 whatever the machine's date.
  const clock = Clock.startingAt(DEMO_UNTIL);
  const stack = await startStack({
    databases: databases.urls,
    ports: { gateway: 0, catalogue: 0, dossiers: 0, personnel: 0, feedback: 0 },
    anonymousLimits: UNLIMITED_ANONYMOUS,
    clock,
  });
  const client = graphqlClient(stack.gatewayUrl, { maxSockets: Math.max(USERS, CONNECTIONS) + 8 });
  const token = (role: Role, unit: string) => issueToken({ sub: `bench-${role}-${unit}`, role, unit }, config.jwtSecret);
  const province = await token('LEADER', '27');

  const welfare = demo.procedures.find((p) => p.code === '1.001776');
  if (!welfare) throw new Error('The demo has no procedure 1.001776 (trợ cấp xã hội hằng tháng) to receive.');
  const documents = demo.procedureVersions
    .find((v) => v.procedureId === welfare.id)!
    .documents.map(({ name, originals, copies }) => ({ name, originals, copies }));
  const desks: Desk[] = [];
  for (const district of DISTRICTS) {
    for (const [commune] of district.communes) {
      desks.push({
        commune,
        district: district.code,
        tokens: {
          official: await token('OFFICIAL', `27.${district.code}.${commune}`),
          districtOfficial: await token('OFFICIAL', `27.${district.code}`),
          districtLeader: await token('LEADER', `27.${district.code}`),
        },
      });
    }
  }
  const seededCodes = demo.dossiers.map((d) => d.code);
  const benchCodes: string[] = [];
  const months = Array.from({ length: 6 }, (_, i) => {
    const first = new Date(Date.UTC(DEMO_UNTIL.getUTCFullYear(), DEMO_UNTIL.getUTCMonth() - i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  });

  const acknowledged: Acknowledged[] = [];
  const errorSamples: string[] = [];
  let errorCount = 0;
  const users: User[] = Array.from({ length: Math.max(USERS, CONNECTIONS) }, (_, id) => ({ id, desk: desks[id % desks.length], open: [] }));

  /** Whether an answer is a success: HTTP 200, no errors, and the shape `check` expects. */
  function judge(kind: Kind, answer: GraphQLAnswer, check: (data: any) => boolean, phase: PhaseResult): boolean {
    let problem: string | null = null;
    if (answer.failure) problem = answer.failure;
    else if (answer.status !== 200) problem = `HTTP ${answer.status}`;
    else if (answer.body?.errors?.length)
      problem = `errors: ${answer.body.errors.map((e) => `${e.extensions?.code ?? '?'} ${e.message}`).join('; ')}`;
    else {
      try {
        if (!check(answer.body?.data)) problem = 'unexpected shape';
      } catch (error) {
        problem = `unexpected shape (${(error as Error).message})`;
      }
    }
    if (problem === null) {
      phase.latencies[kind].push(answer.ms);
      return true;
    }
    phase.errors[kind] += 1;
    errorCount += 1;
    if (errorSamples.length < 8)
      errorSamples.push(`[${phase.name}] ${kind}: ${problem.slice(0, 300)} — ${JSON.stringify(answer.body)?.slice(0, 300)}`);
    return false;
  }

  async function dashboard(phase: PhaseResult) {
    const month = rnd.pick(months);
    const answer = await client.post(DASHBOARD, { f: month, from: month.from, to: month.to }, province);
    judge(
      'dashboard',
      answer,
      (d) =>
        d.dossierStatistics.length === 1 &&
        typeof d.dossierStatistics[0].stats.received === 'number' &&
        d.units.nodes.length === DISTRICTS.length &&
        d.units.nodes.every(
          (u: any) => typeof u.name === 'string' && typeof u.dossierStats?.received === 'number' && typeof u.satisfaction?.ratings === 'number',
        ),
      phase,
    );
  }

  async function page(phase: PhaseResult) {
    const district = rnd.next() < 0.5 ? rnd.pick(DISTRICTS).code : null;
    const answer = await client.post(PAGE, { filter: district ? { unitPath: `27.${district}` } : null }, province);
    judge(
      'page',
      answer,
      (d) => {
        const nodes = d.dossiers.nodes as any[];
        return (
          (district ? nodes.length > 0 : nodes.length === 20) &&
          nodes.every(
            (n) =>
              typeof n.code === 'string' &&
              typeof n.procedure?.name === 'string' &&
              typeof n.receivingUnit?.name === 'string' &&
              (n.handler === null || typeof n.handler.fullName === 'string') &&
              Array.isArray(n.ratings),
          )
        );
      },
      phase,
    );
  }

  async function lookup(phase: PhaseResult) {
    const code = benchCodes.length && rnd.next() < 0.5 ? rnd.pick(benchCodes) : rnd.pick(seededCodes);
    const answer = await client.post(LOOKUP, { code }, null);
    judge('lookup', answer, (d) => d.publicDossier?.code === code && typeof d.publicDossier.status === 'string', phase);
  }

  async function receive(user: User, phase: PhaseResult) {
    const idNumber = `0271${String(rnd.int(1e8)).padStart(8, '0')}`;
    const input = {
      clientRequestId: `bench-load-${randomUUID()}`,
      receivingUnitCode: `${user.desk.commune}-MC`,
      procedureId: welfare!.id,
      channel: 'IN_PERSON',
      applicant: { kind: 'PERSON', name: 'Nguyễn Thị Hằng', idNumber, phone: '0912345678' },
      documents,
    };
    const answer = await client.post(RECEIVE, { input }, user.desk.tokens.official);
    const ok = judge(
      'receive',
      answer,
      (d) =>
        /^000\.\d{2}\.\d{2}\.H06-\d{6}-\d{4}$/.test(d.receiveDossier.dossier.code) &&
        d.receiveDossier.dossier.status === 'RECEIVED' &&
        d.receiveDossier.dossier.currentStep === null,
      phase,
    );
    if (!ok) return;
    const { id, code, version, status } = answer.body!.data.receiveDossier.dossier;
    acknowledged.push({ dossierId: id, code, event: 'receive', version, status });
    user.open.push({ id, code, version, next: 0 });
    benchCodes.push(code);
  }

  async function act(user: User, phase: PhaseResult) {
    const dossier = user.open[0];
    const step = LIFECYCLE[dossier.next];
    const input = { clientRequestId: `bench-load-${randomUUID()}`, dossierId: dossier.id, expectedVersion: dossier.version, ...step.extra };
    const answer = await client.post(step.query, { input }, user.desk.tokens[step.as]);
    const ok = judge(
      'action',
      answer,
      (d) => {
        const got = d[step.mutation].dossier;
        return (
          got.id === dossier.id &&
          got.status === step.status &&
          (got.currentStep?.position ?? null) === step.step &&
          got.version === dossier.version + 1
        );
      },
      phase,
    );
    if (!ok) {
      // The dossier's state is unknown now; leave it out of further actions.
      user.open.shift();
      return;
    }
    const got = answer.body!.data[step.mutation].dossier;
    acknowledged.push({ dossierId: dossier.id, code: dossier.code, event: step.event, version: got.version, status: got.status });
    dossier.version = got.version;
    dossier.next += 1;
    if (dossier.next === LIFECYCLE.length) user.open.shift();
  }

  async function oneRequest(user: User, phase: PhaseResult) {
    const roll = rnd.next();
    const kind = MIX.find(([, share]) => roll < share)![0];
    if (kind === 'dashboard') await dashboard(phase);
    else if (kind === 'page') await page(phase);
    else if (kind === 'lookup') await lookup(phase);
    else if (user.open.length && rnd.next() < ACTION_SHARE) await act(user, phase);
    else await receive(user, phase);
    phase.lastAnswer = Math.max(phase.lastAnswer, performance.now());
  }

  async function runPhase(name: string, active: User[], seconds: number, thinkMs: number): Promise<PhaseResult> {
    const phase: PhaseResult = {
      name,
      latencies: Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Record<Kind, number[]>,
      errors: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>,
      started: performance.now(),
      lastAnswer: performance.now(),
      loopDelay: { p99: 0, max: 0 },
      cpuPercent: 0,
      loadAverage: 0,
      machineBusyPercent: 0,
      postgresCores: 0,
    };
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpu = process.cpuUsage();
    const machine = cpuSample();
    const deadline = phase.started + seconds * 1000;
    await Promise.all(
      active.map(async (user) => {
        // Users arrive spread over one think time, not all in the same millisecond.
        if (thinkMs) await sleep(rnd.next() * thinkMs);
        while (performance.now() < deadline) {
          await oneRequest(user, phase);
          if (thinkMs && performance.now() < deadline) await sleep(thinkMs);
        }
      }),
    );
    loop.disable();
    const used = process.cpuUsage(cpu);
    phase.loopDelay = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
    phase.cpuPercent = ((used.user + used.system) / 1000 / (phase.lastAnswer - phase.started)) * 100;
    phase.loadAverage = os.loadavg()[0]!;
    Object.assign(phase, cpuBetween(machine, cpuSample(), (phase.lastAnswer - phase.started) / 1000));
    return phase;
  }

  function report(phase: PhaseResult, description: string) {
    const answered = KINDS.reduce((sum, k) => sum + phase.latencies[k].length + phase.errors[k], 0);
    const seconds = (phase.lastAnswer - phase.started) / 1000;
    const reads = phase.latencies.dashboard.length + phase.latencies.page.length + phase.latencies.lookup.length;
    const writes = phase.latencies.receive.length + phase.latencies.action.length;
    console.log(
      `${phase.name} (${description}): ${answered} requests in ${seconds.toFixed(1)} s = ${(answered / seconds).toFixed(1)} req/s ` +
        `(${(reads / seconds).toFixed(1)} reads/s, ${(writes / seconds).toFixed(1)} writes/s), errors ${KINDS.reduce((s, k) => s + phase.errors[k], 0)}`,
    );
    const all = KINDS.flatMap((k) => phase.latencies[k]);
    for (const kind of KINDS) console.log(`  ${kind.padEnd(9)} ${latencySummary(phase.latencies[kind])} errors=${phase.errors[kind]}`);
    console.log(`  ${'all'.padEnd(9)} ${latencySummary(all)}`);
    console.log(
      `  event loop shared by the stack and the load: delay p99=${phase.loopDelay.p99.toFixed(1)} ms max=${phase.loopDelay.max.toFixed(1)} ms`,
    );
    console.log(
      `  CPU: this process ${(phase.cpuPercent / 100).toFixed(2)} cores, PostgreSQL ${phase.postgresCores.toFixed(2)} cores, machine ${phase.machineBusyPercent.toFixed(0)}% busy of ${os.cpus().length} cores (load average ${phase.loadAverage.toFixed(2)})`,
    );
  }

  let missing = 0;
  let mismatched = 0;
  try {
    console.log(
      setupLine({
        dossiers: DOSSIERS,
        users: USERS,
        seconds: SECONDS,
        thinkMs: THINK_MS,
        connections: CONNECTIONS,
        closedSeconds: CLOSED_SECONDS,
        clock: 'demo (2026-11-20)',
        worktree: worktreeState(),
        load: os.loadavg()[0].toFixed(2),
      }),
    );
    console.log(
      `seed: demo province with ${demo.dossiers.length} dossiers in ${seedSeconds.toFixed(1)} s; the load runs in this process, on the stack's event loop`,
    );
    const warm = await runPhase('warm-up', users.slice(0, 5), WARMUP_SECONDS, 0);
    console.log(
      `warm-up: ${KINDS.reduce((s, k) => s + warm.latencies[k].length, 0)} answers, errors ${KINDS.reduce((s, k) => s + warm.errors[k], 0)} (not in the figures below)`,
    );
    const open = await runPhase('open', users.slice(0, USERS), SECONDS, THINK_MS);
    report(open, `${USERS} users, next request ${THINK_MS} ms after the last answer, ${SECONDS} s`);
    const closed = await runPhase('closed', users.slice(0, CONNECTIONS), CLOSED_SECONDS, 0);
    report(closed, `${CONNECTIONS} connections, no think time, ${CLOSED_SECONDS} s`);

    // Every acknowledged write, looked up as the schema owner behind the application's back.
    const owner = new Client({ connectionString: databases.urls.dossiers.migration });
    await owner.connect();
    try {
      const ids = [...new Set(acknowledged.map((w) => w.dossierId))];
      const { rows: stored } = await owner.query<{ id: string; code: string; status: string; version: number }>(
        `SELECT id, code, status, version FROM dossier WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      const { rows: events } = await owner.query<{ dossier_id: string; action: string; n: number }>(
        `SELECT dossier_id, action, count(*)::int AS n FROM dossier_event WHERE dossier_id = ANY($1::uuid[]) GROUP BY 1, 2`,
        [ids],
      );
      const byId = new Map(stored.map((row) => [row.id, row]));
      const eventCount = new Map(events.map((row) => [`${row.dossier_id}/${row.action}`, row.n]));
      const ackCount = new Map<string, number>();
      for (const write of acknowledged) {
        const key = `${write.dossierId}/${write.event}`;
        ackCount.set(key, (ackCount.get(key) ?? 0) + 1);
        const row = byId.get(write.dossierId);
        if (!row || row.code !== write.code || (eventCount.get(key) ?? 0) < ackCount.get(key)!) {
          missing += 1;
          if (missing <= 5) console.error(`acknowledged write missing: ${write.event} on ${write.code} (${write.dossierId})`);
        }
      }
      // The last acknowledged state of each dossier is the one stored (no later write was acknowledged, none lost).
      const last = new Map<string, Acknowledged>();
      for (const write of acknowledged) if ((last.get(write.dossierId)?.version ?? -1) < write.version) last.set(write.dossierId, write);
      for (const [id, write] of last) {
        const row = byId.get(id);
        if (row && (row.version !== write.version || row.status !== write.status)) {
          mismatched += 1;
          if (mismatched <= 5)
            console.error(
              `stored state differs from the last acknowledgement: ${write.code} stored ${row.status} v${row.version}, acknowledged ${write.status} v${write.version}`,
            );
        }
      }
      const byEvent = acknowledged.reduce<Record<string, number>>((acc, w) => ({ ...acc, [w.event]: (acc[w.event] ?? 0) + 1 }), {});
      console.log(
        `acknowledged writes: ${acknowledged.length} on ${ids.length} dossiers (${Object.entries(byEvent)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}); ` + `${stored.length} dossiers found; acknowledged writes missing=${missing}; last state differing=${mismatched}`,
      );
    } finally {
      await owner.end();
    }
    for (const sample of errorSamples) console.error(`error: ${sample}`);
    console.log(`errors=${errorCount} acknowledged_writes_missing=${missing}`);
  } finally {
    client.close();
    await stack.stop();
    await databases.stop();
  }
  return errorCount + missing + mismatched;
}

runBench(main);
