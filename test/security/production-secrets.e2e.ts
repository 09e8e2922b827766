import { spawn } from 'node:child_process';
import path from 'node:path';
import { subgraphKey } from '../../shared/caller';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Starts an entry point as production would, with only the given environment; resolves with its exit and what it printed. */
function startInProduction(entry: string, env: Record<string, string>, until?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, entry)], {
      env: { PATH: process.env.PATH!, NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (until && output.includes(until)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const STRONG = 'x'.repeat(20) + 'a-long-random-production-secret-0123456789';

describe('production refuses to start on unsafe secrets', () => {
  it.each([
    ['missing', {}, 'GATEWAY_SECRET is not set'],
    ['the published development value', { GATEWAY_SECRET: 'motcua-dev-secret-change-me' }, 'GATEWAY_SECRET contains the development value'],
    [
      'the development value padded to length',
      { GATEWAY_SECRET: '      motcua-dev-secret-change-me-padding ' },
      'GATEWAY_SECRET contains the development value',
    ],
    ['too short', { GATEWAY_SECRET: 'short-secret' }, 'GATEWAY_SECRET is 12 bytes long'],
    ['typed by hand', { GATEWAY_SECRET: 'a'.repeat(40) }, 'GATEWAY_SECRET uses only 1 different characters'],
  ])('a subgraph with the gateway secret %s exits non-zero saying what to set', async (_case, env, message) => {
    const { code, output } = await startInProduction('subgraphs/dossiers/src/main.ts', env);
    expect(code).toBe(1);
    expect(output).toContain(message);
    expect(output).toContain('openssl rand');
  });

  it.each([
    ['no key', {}, 'SUBGRAPH_KEY is not set'],
    [
      'the key derived from the development secret',
      { SUBGRAPH_KEY: subgraphKey('motcua-dev-secret-change-me', 'land') },
      'SUBGRAPH_KEY contains the development value',
    ],
    ["the gateway's secret beside its key", { SUBGRAPH_KEY: subgraphKey(STRONG, 'land'), GATEWAY_SECRET: STRONG }, 'GATEWAY_SECRET is set'],
  ])("a unit's subgraph (land) with %s exits non-zero saying what to set", async (_case, env, message) => {
    const { code, output } = await startInProduction('subgraphs/land/src/main.ts', env);
    expect(code).toBe(1);
    expect(output).toContain(message);
  });

  it('the gateway without an OpenID issuer exits non-zero, even with a strong secret', async () => {
    const { code, output } = await startInProduction('gateway/src/main.ts', { GATEWAY_SECRET: STRONG });
    expect(code).toBe(1);
    expect(output).toContain('OIDC_ISSUER is not set');
  });

  it('the gateway with a strong secret and an issuer starts', async () => {
    const env = { GATEWAY_SECRET: STRONG, OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_AUDIENCE: 'motcua', GATEWAY_PORT: '0', LOG_LEVEL: 'info' };
    const { output } = await startInProduction('gateway/src/main.ts', env, 'gateway listening');
    expect(output).toContain('gateway listening');
    expect(output).not.toContain('will not start in production');
  });
});
