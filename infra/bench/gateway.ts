import { UNLIMITED_ANONYMOUS } from '../../gateway/src/plugins/anonymous-limits';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { config } from '../../shared/config';
import { issueToken } from '../../gateway/src/auth';
import { buildDemo } from '../seed/demo';
import { writeDemo } from '../seed/seed';
import { startStack } from '../stack';
import { benchDatabases, runBench, setupLine } from './harness';

/**
 * `npm run bench:gateway`: the gateway's throughput for a query one subgraph answers and one that
 * spans all four, closed loop at BENCH_CONNECTIONS for BENCH_SECONDS each. The load comes from
 * autocannon in another process, so it does not share the gateway's event loop.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

const QUERIES = {
  'one subgraph (catalogue: units with their parents)': `{ units(first: 20) { nodes { code name level parent { name } } } }`,
  'four subgraphs (dossiers with procedure, unit, handler, ratings)': `{ dossiers(first: 20) { nodes { code status procedure { name field { name } } receivingUnit { name } handler { fullName } ratings { resultSatisfaction } } } }`,
};

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
}

async function load(url: string, token: string, query: string, seconds: number): Promise<AutocannonResult> {
  const bin = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'autocannon');
  const args = [
    '--json',
    '-c',
    String(CONNECTIONS),
    '-d',
    String(seconds),
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-H',
    `authorization=Bearer ${token}`,
    '-b',
    JSON.stringify({ query }),
    url,
  ];
  const { stdout } = await promisify(execFile)(bin, args, { maxBuffer: 10_000_000 });
  return JSON.parse(stdout) as AutocannonResult;
}

async function main() {
  const databases = await benchDatabases();
  await writeDemo(databases.urls, buildDemo({ dossiers: 400 }));
  const stack = await startStack({
    databases: databases.urls,
    ports: { gateway: 0, catalogue: 0, dossiers: 0, personnel: 0, feedback: 0 },
    anonymousLimits: UNLIMITED_ANONYMOUS,
  });
  const token = await issueToken({ sub: 'bench', role: 'ADMIN', unit: '27' }, config.jwtSecret);
  let wrong = 0;
  try {
    console.log(setupLine({ connections: CONNECTIONS, seconds: SECONDS }));
    for (const [name, query] of Object.entries(QUERIES)) {
      // The answer is checked once before the load: a fast wrong answer is a failure.
      const probe = (await (
        await fetch(stack.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data?: Record<string, { nodes: unknown[] }>; errors?: unknown };
      if (probe.errors || !Object.values(probe.data ?? {})[0]?.nodes.length) {
        console.error(`${name}: wrong answer ${JSON.stringify(probe).slice(0, 300)}`);
        wrong += 1;
        continue;
      }
      await load(stack.gatewayUrl, token, query, 5);
      const result = await load(stack.gatewayUrl, token, query, SECONDS);
      wrong += result.non2xx + result.errors;
      console.log(
        `${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
    }
  } finally {
    await stack.stop();
    await databases.stop();
  }
  return wrong;
}

runBench(main);
