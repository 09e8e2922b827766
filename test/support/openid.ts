import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** As in openid-provider.mjs. */
const CLIENT = { id: 'portal', secret: 'portal-secret-for-tests', redirect: 'http://127.0.0.1/callback' };

export interface TestAccount {
  role: string;
  /** An official's unit; a citizen has none (their account id is their citizen ID). */
  unit?: string;
  official_id?: string;
  citizen_id?: string;
  tax_code?: string;
  /** Other claims the same person signs in with, chosen by `signIn('<id>~<variant>')`. */
  variants?: Record<string, Omit<TestAccount, 'variants'>>;
}

export interface OpenIdProvider {
  issuer: string;
  audience: string;
  /** Signs `accountId` in through the authorization code flow with PKCE and returns the access token. */
  signIn(accountId: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the test OpenID provider (a child process running oidc-provider) with these accounts. */
export async function startOpenIdProvider(audience: string, accounts: Record<string, TestAccount>): Promise<OpenIdProvider> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'openid-provider.mjs'), JSON.stringify({ audience, accounts })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}`)));
  });
  const { issuer } = JSON.parse(firstLine) as { issuer: string };

  async function signIn(accountId: string): Promise<string> {
    const cookies = new Map<string, string>();
    const verifier = randomBytes(32).toString('base64url');
    const params = new URLSearchParams({
      client_id: CLIENT.id,
      response_type: 'code',
      redirect_uri: CLIENT.redirect,
      scope: 'openid',
      resource: audience,
      login_hint: accountId,
      state: randomBytes(8).toString('hex'),
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    let url = `${issuer}/auth?${params}`;
    let code: string | null = null;
    // Follow the provider's redirects (auth → interaction → auth … → callback) carrying its cookies, as a browser would.
    for (let hop = 0; hop < 12 && !code; hop += 1) {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`sign-in stopped at ${url}: HTTP ${response.status} ${await response.text()}`);
      const next = new URL(location, url);
      if (`${next.origin}${next.pathname}` === CLIENT.redirect) code = next.searchParams.get('code');
      url = next.href;
    }
    if (!code) throw new Error(`sign-in of ${accountId} never reached the callback`);
    const response = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CLIENT.redirect,
        code_verifier: verifier,
        resource: audience,
      }),
    });
    const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
    if (!body.access_token) throw new Error(`token exchange failed: ${body.error} ${body.error_description}`);
    return body.access_token;
  }

  return {
    issuer,
    audience,
    signIn,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
