import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './harness';

/**
 * A cheap GraphQL client for load and fault scripts: node:http on keep-alive sockets (no fetch,
 * no JSON schema work), timing each answer from the request to the last byte parsed.
 */
export interface GraphQLAnswer {
  status: number;
  body: {
    data?: any;
    errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; serviceName?: string; field?: string } }[];
  } | null;
  ms: number;
  /** A network failure or a body that is not JSON; `status` is 0 for a network failure. */
  failure?: string;
}

export interface GraphQLClient {
  post(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLAnswer>;
  /** GET on the same origin (health probes); never throws. */
  get(path: string, timeoutMs?: number): Promise<{ status: number; body: string; ms: number }>;
  close(): void;
}

export function graphqlClient(url: string, options: { maxSockets?: number; timeoutMs?: number } = {}): GraphQLClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256, keepAliveMsecs: 1000 });
  const { hostname, port, pathname } = new URL(url);
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    post(query, variables = {}, token = null) {
      const payload = Buffer.from(JSON.stringify({ query, variables }));
      const started = performance.now();
      return new Promise((resolve) => {
        let settled = false;
        const done = (answer: Omit<GraphQLAnswer, 'ms'>) => {
          if (settled) return;
          settled = true;
          resolve({ ...answer, ms: performance.now() - started });
        };
        const request = http.request(
          {
            agent,
            hostname,
            port,
            path: pathname,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': payload.length,
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            timeout: timeoutMs,
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', (error) => done({ status: response.statusCode ?? 0, body: null, failure: `response: ${error.message}` }));
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              try {
                done({ status: response.statusCode ?? 0, body: JSON.parse(text) });
              } catch {
                done({ status: response.statusCode ?? 0, body: null, failure: `HTTP ${response.statusCode}, not JSON: ${text.slice(0, 120)}` });
              }
            });
          },
        );
        request.on('timeout', () => request.destroy(new Error(`no answer in ${timeoutMs} ms`)));
        request.on('error', (error) =>
          done({ status: 0, body: null, failure: `network: ${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`.trim() }),
        );
        request.end(payload);
      });
    },
    get(path, getTimeoutMs = 2000) {
      const started = performance.now();
      return new Promise((resolve) => {
        const request = http.get({ hostname, port, path, timeout: getTimeoutMs, agent: false }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
          );
          response.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started }));
        });
        request.on('timeout', () => request.destroy(new Error('timeout')));
        request.on('error', (error) =>
          resolve({ status: 0, body: (error as NodeJS.ErrnoException).code ?? error.message, ms: performance.now() - started }),
        );
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** p50/p95/p99 of a list of milliseconds (sorted in place). */
export function latencySummary(latencies: number[]): string {
  if (latencies.length === 0) return 'n=0';
  latencies.sort((a, b) => a - b);
  const p = (q: number) => percentile(latencies, q).toFixed(1);
  return `n=${latencies.length} p50=${p(50)} ms p95=${p(95)} ms p99=${p(99)} ms`;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether the figures come from the commit named in the setup line or from edits on top of it. */
export function worktreeState(): string {
  try {
    const changed = execSync('git status --porcelain --untracked-files=no', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return changed ? `${changed.split('\n').length}-tracked-files-modified` : 'clean';
  } catch {
    return 'unknown';
  }
}

/**
 * CPU time on Linux, in clock ticks (1/100 s): the whole machine's busy and total time, and the time
 * of the PostgreSQL processes this process started (the embedded server and its backends). Zeros
 * where /proc is not there.
 */
export function cpuSample(): { machineBusy: number; machineTotal: number; postgres: number } {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const ticks = fields.map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((pid) => {
        try {
          const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
          const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
          return [{ pid: Number(pid), comm, ppid: Number(rest[1]), cpu: Number(rest[11]) + Number(rest[12]) }];
        } catch {
          return [];
        }
      });
    const children = new Map<number, number[]>();
    for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
    const byPid = new Map(stats.map((s) => [s.pid, s]));
    let postgres = 0;
    const walk = (pid: number) => {
      for (const child of children.get(pid) ?? []) {
        const s = byPid.get(child)!;
        if (s.comm.startsWith('postgres')) postgres += s.cpu;
        walk(child);
      }
    };
    walk(process.pid);
    return { machineBusy: total - idle, machineTotal: total, postgres };
  } catch {
    return { machineBusy: 0, machineTotal: 0, postgres: 0 };
  }
}

/** Between two samples over `seconds`: the machine's busy share (all cores) and PostgreSQL's use in cores. */
export function cpuBetween(
  before: ReturnType<typeof cpuSample>,
  after: ReturnType<typeof cpuSample>,
  seconds: number,
): { machineBusyPercent: number; postgresCores: number } {
  const total = after.machineTotal - before.machineTotal;
  return {
    machineBusyPercent: total > 0 ? ((after.machineBusy - before.machineBusy) / total) * 100 : 0,
    postgresCores: seconds > 0 ? (after.postgres - before.postgres) / 100 / seconds : 0,
  };
}
