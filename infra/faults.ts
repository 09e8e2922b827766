import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { Clock } from '../shared/clock';
import { config, SUBGRAPH_NAMES, type SubgraphName } from '../shared/config';
import { freePort } from '../shared/http';
import { logger } from '../shared/logger';
import { connect } from '../shared/standalone';
import { startSubgraph, type RunningService, type StartOptions, type Subgraph as SubgraphDefinition } from '../shared/subgraph';
import { issueToken } from '../gateway/src/auth';
import { startGateway } from '../gateway/src';
import { subgraphs } from '../subgraphs';
import { graphqlClient, sleep, worktreeState, type GraphQLAnswer, type GraphQLClient } from './bench/client';
import { runBench, setupLine } from './bench/harness';
import { readSupergraph } from './composition';
import { prepareDatabases, startEmbeddedPostgres, type DatabaseUrls, type PostgresServer } from './postgres';
import { buildDemo, DEMO_UNTIL } from './seed/demo';
import { writeDemo } from './seed/seed';
import { migrateAll } from './stack';

/**
 * `npm run faults`: what the federation does when a part of it goes away, under a steady load
 * through the gateway, printed as a timeline.
 *
 * (a) The personnel subgraph is stopped while the gateway answers a query that spans dossiers,
 *     catalogue and personnel: answers must keep coming with partial data (handlers null) and a
 *     SERVICE_UNAVAILABLE error naming personnel; started again on the same port, full answers
 *     must return without restarting the gateway.
 * (b) PostgreSQL is stopped and started again on the same port and data folder: each subgraph's
 *     /health must say 503 while it is down, then 200, and queries (and a write) must answer again,
 *     with no service restarted.
 *
 * Exits 1 when an expectation fails, recovery takes longer than FAULT_RECOVERY_SECONDS, or any
 * service throws an uncaught error.
 */
const USERS = Number(process.env.FAULT_USERS ?? 6);
const PAUSE_MS = Number(process.env.FAULT_PAUSE_MS ?? 50);
const PHASE_SECONDS = Number(process.env.FAULT_PHASE_SECONDS ?? 5);
const DOWN_SECONDS = Number(process.env.FAULT_DOWN_SECONDS ?? 8);
const RECOVERY_SECONDS = Number(process.env.FAULT_RECOVERY_SECONDS ?? 30);
const STOPPED: SubgraphName = 'personnel';

// The services' own logs (one warning per failed subgraph call) would drown the timeline.
if (!process.env.LOG_LEVEL) logger.level = 'fatal';

const QUERY = `{ dossiers(first: 10) { nodes { code procedure { name } handler { fullName } } } }`;

const t0 = performance.now();
const at = () => `+${((performance.now() - t0) / 1000).toFixed(3)} s`;
const event = (message: string) => console.log(`[${at()}] ${message}`);

/** PostgreSQL that can be stopped and started again on the same port and data folder (benchDatabases' server removes its folder on stop). */
async function restartablePostgres() {
  const port = await freePort();
  const dataDir = path.join(__dirname, '..', '.data', `faults-postgres-${port}`);
  const start = () => startEmbeddedPostgres({ dataDir, port, persistent: true });
  let server: PostgresServer | null = await start();
  return {
    port,
    urls: (database: string): DatabaseUrls => server!.urls(database),
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      server = await start();
    },
    async remove() {
      await server?.stop();
      server = null;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface Subgraph {
  module: SubgraphDefinition;
  db: DataSource;
  options: StartOptions;
  service: RunningService | null;
  base: string;
}

/** The four subgraphs and the gateway in this process, as infra/stack.ts starts them, keeping what it takes to start one again. */
async function startServices(databases: Record<SubgraphName, DatabaseUrls>, clock: Clock) {
  const secret = config.gatewaySecret;
  const graphs = {} as Record<SubgraphName, Subgraph>;
  const started: Subgraph[] = [];
  // Filled in as each subgraph starts, one object shared by all, as infra/stack.ts does.
  const peers: Partial<Record<SubgraphName, string>> = {};
  for (const module of subgraphs) {
    const db = await connect(module, databases[module.name].app, clock);
    const options: StartOptions = { db, port: 0, host: config.host, secret, peers, clock };
    const service = await startSubgraph(module, options);
    peers[module.name] = service.url;
    // Started again, it must listen where the gateway and its peers already look.
    options.port = Number(new URL(service.url).port);
    graphs[module.name] = { module, db, options, service, base: service.url.replace(/\/graphql$/, '') };
    started.push(graphs[module.name]);
  }
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, graphs[name].service!.url])),
    port: 0,
    host: config.host,
    gatewaySecret: secret,
    jwtSecret: config.jwtSecret,
  });
  return {
    graphs,
    gateway,
    async stopSubgraph(name: SubgraphName) {
      await graphs[name].service?.stop();
      graphs[name].service = null;
    },
    async startSubgraph(name: SubgraphName) {
      graphs[name].service = await startSubgraph(graphs[name].module, graphs[name].options);
    },
    async stop() {
      await gateway.stop();
      for (const graph of [...started].reverse()) await graph.service?.stop();
      await Promise.all(started.map((graph) => graph.db.destroy().catch(() => undefined)));
    },
  };
}

type Outcome = 'full' | 'partial' | 'failed';

interface Phase {
  name: string;
  counts: Record<Outcome, number>;
  /** What the non-full answers said: error codes with the service named, or the failure. */
  reasons: Map<string, number>;
  /** performance.now() of the first full answer that started in this phase. */
  firstFull: number | null;
  /** Answers that started after the first full one and were not full. */
  notFullAfterFirstFull: number;
}

const newPhase = (name: string): Phase => ({
  name,
  counts: { full: 0, partial: 0, failed: 0 },
  reasons: new Map(),
  firstFull: null,
  notFullAfterFirstFull: 0,
});

function describePhase(phase: Phase): string {
  const reasons = [...phase.reasons].map(([reason, n]) => `${n}× ${reason}`).join('; ');
  return `${phase.name}: full=${phase.counts.full} partial=${phase.counts.partial} failed=${phase.counts.failed}${reasons ? ` — ${reasons}` : ''}`;
}

/**
 * USERS clients sending QUERY in a loop with PAUSE_MS between answers. Each answer counts in the
 * phase that was current when its request was sent.
 */
function steadyLoad(client: GraphQLClient, token: string, baseline: { codes: string; handlers: number }) {
  let phase = newPhase('setup');
  let running = true;
  const classify = (answer: GraphQLAnswer): { outcome: Outcome; reason?: string } => {
    if (answer.failure) return { outcome: 'failed', reason: answer.failure };
    const nodes = answer.body?.data?.dossiers?.nodes as
      { code: string; procedure: { name: string } | null; handler: { fullName: string } | null }[] | undefined;
    const errors = answer.body?.errors ?? [];
    const codes = errors
      .map((e) => `${String(e.extensions?.code ?? 'no code')}${e.extensions?.serviceName ? `(${String(e.extensions.serviceName)})` : ''}`)
      .join(',');
    if (!nodes)
      return {
        outcome: 'failed',
        reason: `HTTP ${answer.status}, no data: ${codes || 'no error'}${errors[0] ? ` "${errors[0].message.slice(0, 90)}"` : ''}`,
      };
    if (nodes.map((n) => n.code).join() !== baseline.codes || nodes.some((n) => typeof n.procedure?.name !== 'string')) {
      return { outcome: 'failed', reason: `HTTP ${answer.status}, wrong dossiers or procedures: ${codes}` };
    }
    const handlers = nodes.filter((n) => n.handler?.fullName).length;
    if (!errors.length && handlers === baseline.handlers) return { outcome: 'full' };
    if (errors.length) return { outcome: 'partial', reason: `${codes} with ${handlers}/${baseline.handlers} handlers` };
    return { outcome: 'failed', reason: `no error but ${handlers}/${baseline.handlers} handlers` };
  };
  const users = Array.from({ length: USERS }, async () => {
    while (running) {
      const current = phase;
      const answer = await client.post(QUERY, {}, token);
      const { outcome, reason } = classify(answer);
      current.counts[outcome] += 1;
      if (reason) current.reasons.set(reason, (current.reasons.get(reason) ?? 0) + 1);
      if (outcome === 'full' && current.firstFull === null) current.firstFull = performance.now();
      else if (outcome !== 'full' && current.firstFull !== null) current.notFullAfterFirstFull += 1;
      await sleep(PAUSE_MS);
    }
  });
  return {
    begin(name: string): Phase {
      phase = newPhase(name);
      return phase;
    },
    get phase() {
      return phase;
    },
    async stop() {
      running = false;
      await Promise.all(users);
    },
  };
}

async function main() {
  const uncaught: string[] = [];
  process.on('uncaughtException', (error) => {
    uncaught.push(`uncaughtException: ${error.stack ?? error}`);
    event(`UNCAUGHT EXCEPTION: ${error.message}`);
  });
  process.on('unhandledRejection', (error) => {
    uncaught.push(`unhandledRejection: ${(error as Error)?.stack ?? String(error)}`);
    event(`UNHANDLED REJECTION: ${(error as Error)?.message ?? error}`);
  });
  const failures: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) {
      failures.push(what);
      event(`FAILED: ${what}`);
    }
  };

  const postgres = await restartablePostgres();
  const names = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `motcua_faults_${name}`])) as Record<SubgraphName, string>;
  await prepareDatabases(postgres.urls('postgres').migration, Object.values(names));
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, postgres.urls(names[name])])) as Record<SubgraphName, DatabaseUrls>;
  await migrateAll(urls);
  const demo = buildDemo({ dossiers: 400 });
  await writeDemo(urls, demo);
  const services = await startServices(urls, Clock.startingAt(DEMO_UNTIL));
  const client = graphqlClient(services.gateway.url, { maxSockets: USERS + 4, timeoutMs: 20_000 });
  const gatewayHealth = async () => (await client.get('/health')).status;
  const healthClients = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, graphqlClient(services.graphs[name].base)])) as Record<
    SubgraphName,
    GraphQLClient
  >;
  const health = async (name: SubgraphName) => (await healthClients[name].get('/health', 2000)).status;
  const token = await issueToken({ sub: 'faults', role: 'ADMIN', unit: '27' }, config.jwtSecret);
  let load: ReturnType<typeof steadyLoad> | null = null;

  try {
    console.log(
      setupLine({
        users: USERS,
        pauseMs: PAUSE_MS,
        query: 'dossiers(first:10){code procedure{name} handler{fullName}} (dossiers+catalogue+personnel)',
        worktree: worktreeState(),
        load: os.loadavg()[0].toFixed(2),
      }),
    );
    const probe = await client.post(QUERY, {}, token);
    const nodes = probe.body?.data?.dossiers?.nodes as { code: string; handler: { fullName: string } | null }[] | undefined;
    if (probe.body?.errors || !nodes?.length)
      throw new Error(`the query does not answer before any fault: ${JSON.stringify(probe.body).slice(0, 300)}`);
    const baseline = { codes: nodes.map((n) => n.code).join(), handlers: nodes.filter((n) => n.handler).length };
    if (baseline.handlers === 0) throw new Error('the first page has no handler: stopping personnel would show nothing');
    event(
      `stack up: gateway ${services.gateway.url}, ${STOPPED} ${services.graphs[STOPPED].service!.url}, PostgreSQL on port ${postgres.port}; baseline page: ${nodes.length} dossiers, ${baseline.handlers} with a handler`,
    );
    load = steadyLoad(client, token, baseline);

    // (a) A subgraph stopped and started again under load.
    console.log(`\n(a) ${STOPPED} subgraph stopped and started again on the same port, gateway untouched`);
    const a1 = load.begin('a1 all up');
    await sleep(PHASE_SECONDS * 1000);
    event(describePhase(a1));
    expect(a1.counts.full > 0 && a1.counts.partial === 0 && a1.counts.failed === 0, 'a1: every answer full before the fault');

    const a2stopping = load.begin(`a2 ${STOPPED} stopping (in-flight requests drain)`);
    const stopAt = performance.now();
    await services.stopSubgraph(STOPPED);
    event(
      `${STOPPED} stopped in ${(performance.now() - stopAt).toFixed(0)} ms; its port refuses: /health → ${(await health(STOPPED)) || 'connection refused'}`,
    );
    event(describePhase(a2stopping));
    const a2 = load.begin(`a2 ${STOPPED} down`);
    await sleep(DOWN_SECONDS * 1000);
    event(describePhase(a2));
    const gatewayDuring = await gatewayHealth();
    event(`gateway /health while ${STOPPED} is down: ${gatewayDuring}`);
    const onlyUnavailable = [...a2.reasons.keys()].every((reason) => reason.startsWith(`SERVICE_UNAVAILABLE(${STOPPED}) with 0/`));
    expect(
      a2.counts.partial > 0 && a2.counts.failed === 0 && a2.counts.full === 0 && onlyUnavailable,
      `a2: answers keep coming, each partial (handlers null) with SERVICE_UNAVAILABLE(${STOPPED}) only`,
    );
    expect(gatewayDuring === 200, 'a2: gateway /health 200');

    const a3 = load.begin(`a3 ${STOPPED} started again`);
    const restartAt = performance.now();
    await services.startSubgraph(STOPPED);
    const listening = performance.now();
    event(
      `${STOPPED} listening again on ${services.graphs[STOPPED].service!.url} after ${(listening - restartAt).toFixed(0)} ms (same port: ${services.graphs[STOPPED].service!.url.endsWith(`:${services.graphs[STOPPED].options.port}/graphql`)}); /health → ${await health(STOPPED)}`,
    );
    while (a3.firstFull === null && performance.now() - listening < RECOVERY_SECONDS * 1000) await sleep(20);
    if (a3.firstFull === null) expect(false, `a3: no full answer within ${RECOVERY_SECONDS} s of ${STOPPED} listening again`);
    else
      event(
        `first full answer ${(a3.firstFull - listening).toFixed(0)} ms after ${STOPPED} listened again; ${((a3.firstFull - stopAt) / 1000).toFixed(2)} s after the stop began`,
      );
    await sleep(PHASE_SECONDS * 1000);
    event(`${describePhase(a3)}; not full after the first full one: ${a3.notFullAfterFirstFull}`);
    expect(a3.firstFull !== null && a3.notFullAfterFirstFull === 0, 'a3: full answers again, and only full ones, without restarting the gateway');

    // (b) PostgreSQL stopped and started again under load.
    console.log(`\n(b) PostgreSQL stopped and started again on port ${postgres.port} with the same data folder, no service restarted`);
    const b1 = load.begin('b1 all up');
    await sleep(PHASE_SECONDS * 1000);
    event(describePhase(b1));
    expect(b1.counts.full > 0 && b1.counts.partial === 0 && b1.counts.failed === 0, 'b1: every answer full before the fault');

    // Each subgraph's /health, probed every 100 ms through the whole fault: the first 503 and the first 200 after the restart.
    const seen = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, { down: null as number | null, up: null as number | null, statuses: new Map<number, number>() }]),
    );
    let pgStartedAt = Infinity;
    let probing = true;
    const probes = Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        while (probing) {
          const status = await health(name);
          const now = performance.now();
          const s = seen[name];
          s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
          if (status === 503 && s.down === null) s.down = now;
          if (status === 200 && s.down !== null && now >= pgStartedAt && s.up === null) s.up = now;
          await sleep(100);
        }
      }),
    );
    let gatewayDown = 0;
    let gatewayProbes = 0;
    const gatewayProbe = (async () => {
      while (probing) {
        gatewayProbes += 1;
        if ((await gatewayHealth()) !== 200) gatewayDown += 1;
        await sleep(250);
      }
    })();

    const b2 = load.begin('b2 PostgreSQL down');
    const pgStopAt = performance.now();
    await postgres.stop();
    event(`PostgreSQL stopped (fast shutdown, SIGINT) in ${(performance.now() - pgStopAt).toFixed(0)} ms`);
    await sleep(DOWN_SECONDS * 1000);
    event(describePhase(b2));
    for (const name of SUBGRAPH_NAMES) {
      const s = seen[name];
      event(
        `${name} /health while PostgreSQL is down: ${s.down === null ? 'never 503' : `503 from ${(s.down - pgStopAt).toFixed(0)} ms after the stop`} (statuses so far: ${[...s.statuses].map(([k, v]) => `${k}×${v}`).join(' ')})`,
      );
      expect(s.down !== null, `b2: ${name} /health reports 503 while PostgreSQL is down`);
    }

    const b3 = load.begin('b3 PostgreSQL started again');
    const pgStartAt = performance.now();
    await postgres.start();
    pgStartedAt = performance.now();
    event(`PostgreSQL accepting connections again after ${(pgStartedAt - pgStartAt).toFixed(0)} ms (same port ${postgres.port}, same data folder)`);
    const recovered = () => SUBGRAPH_NAMES.every((name) => seen[name].up !== null) && b3.firstFull !== null;
    while (!recovered() && performance.now() - pgStartedAt < RECOVERY_SECONDS * 1000) await sleep(20);
    for (const name of SUBGRAPH_NAMES) {
      const s = seen[name];
      event(
        `${name} /health: ${s.up === null ? `still not 200 after ${RECOVERY_SECONDS} s` : `200 again ${(s.up - pgStartedAt).toFixed(0)} ms after PostgreSQL was ready`}`,
      );
      expect(s.up !== null, `b3: ${name} /health 200 within ${RECOVERY_SECONDS} s`);
    }
    if (b3.firstFull === null) expect(false, `b3: no full answer within ${RECOVERY_SECONDS} s of PostgreSQL being ready`);
    else
      event(
        `first full answer ${(b3.firstFull - pgStartedAt).toFixed(0)} ms after PostgreSQL was ready; ${((b3.firstFull - pgStopAt) / 1000).toFixed(2)} s after it was stopped`,
      );
    await sleep(PHASE_SECONDS * 1000);
    probing = false;
    await Promise.all([probes, gatewayProbe]);
    event(`${describePhase(b3)}; not full after the first full one: ${b3.notFullAfterFirstFull}`);
    expect(b3.firstFull !== null && b3.notFullAfterFirstFull === 0, 'b3: full answers again, and only full ones');
    event(`gateway /health during (b): ${gatewayProbes - gatewayDown}/${gatewayProbes} probes 200`);
    expect(gatewayDown === 0, 'b: gateway /health 200 throughout');

    // A write after the restart: a reception at a commune desk, through the gateway, committed and read back.
    const welfare = demo.procedures.find((p) => p.code === '1.001776')!;
    const documents = demo.procedureVersions
      .find((v) => v.procedureId === welfare.id)!
      .documents.map(({ name, originals, copies }) => ({ name, originals, copies }));
    const official = await issueToken({ sub: 'faults-official', role: 'OFFICIAL', unit: '27.259.09238' }, config.jwtSecret);
    const received = await client.post(
      `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id code status } } }`,
      {
        input: {
          clientRequestId: `faults-${Date.now()}`,
          receivingUnitCode: '09238-MC',
          procedureId: welfare.id,
          channel: 'IN_PERSON',
          applicant: { kind: 'PERSON', name: 'Nguyễn Thị Hằng', idNumber: '027185001234', phone: '0912345678' },
          documents,
        },
      },
      official,
    );
    const code = received.body?.data?.receiveDossier?.dossier?.code as string | undefined;
    const lookup = code ? await client.post(`query ($code: String!) { publicDossier(code: $code) { code status } }`, { code }) : null;
    event(
      `reception after the restart: ${code ? `${code} ${received.body!.data.receiveDossier.dossier.status}, public lookup → ${JSON.stringify(lookup?.body?.data?.publicDossier)}` : JSON.stringify(received.body).slice(0, 300)}`,
    );
    expect(
      Boolean(code) && !received.body?.errors && lookup?.body?.data?.publicDossier?.code === code,
      'b: a reception (write) answers and reads back after the restart',
    );

    await load.stop();
    load = null;
    expect(uncaught.length === 0, 'no uncaught exception or unhandled rejection in the process (gateway and subgraphs)');
    for (const line of uncaught.slice(0, 5)) console.error(line);
    console.log(`\nfaults: ${failures.length === 0 ? 'all expectations met' : `${failures.length} failed: ${failures.join('; ')}`}`);
  } finally {
    await load?.stop();
    client.close();
    await services.stop().catch((error: unknown) => console.error(`stopping services: ${String(error)}`));
    await postgres.remove();
  }
  return failures.length;
}

runBench(main);
