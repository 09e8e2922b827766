import { subgraphKey } from './caller';

/** Settings read from the environment, with development defaults that work on a fresh clone. */
export const SUBGRAPH_NAMES = ['catalogue', 'dossiers', 'personnel', 'feedback'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  catalogue: 4001,
  dossiers: 4002,
  personnel: 4003,
  feedback: 4004,
};

/** A service's prefix in environment variables: `land-use` reads LAND_USE_PORT. */
export const envName = (service: string) => service.toUpperCase().replace(/-/g, '_');

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Published in this repository, so good for development and tests only; production refuses them. */
const DEVELOPMENT_SECRETS = { GATEWAY_SECRET: 'motcua-dev-secret-change-me', JWT_SECRET: 'motcua-dev-secret-change-me-jwt' } as const;
type SecretName = keyof typeof DEVELOPMENT_SECRETS;
const MIN_SECRET_BYTES = 32;
/** A random base64 value of 32 bytes uses about 30 different characters; fewer than this was typed by hand. */
const MIN_DISTINCT_SYMBOLS = 12;

export const isProduction = () => process.env.NODE_ENV === 'production';

/** A secret from the environment, or in development its published default. */
function secret(name: SecretName): string {
  return env(name) ?? DEVELOPMENT_SECRETS[name];
}

/** What is wrong with one secret's value, or null: missing, short, published or typed by hand. */
function secretValueProblem(name: string, value: string | undefined, advice: string, published: string[]): string | null {
  if (!value) return `${name} is not set: ${advice}.`;
  const trimmed = value.trim();
  if (published.some((known) => trimmed.includes(known))) return `${name} contains the development value published in the repository: ${advice}.`;
  if (Buffer.byteLength(trimmed) < MIN_SECRET_BYTES)
    return `${name} is ${Buffer.byteLength(trimmed)} bytes long without its surrounding spaces: ${advice}.`;
  // A value typed by hand ("aaaa…", a word repeated) is guessable whatever its length; a random one uses many symbols.
  if (new Set(trimmed).size < MIN_DISTINCT_SYMBOLS)
    return `${name} uses only ${new Set(trimmed).size} different characters, too few for a random value: ${advice}.`;
  return null;
}

/**
 * What is wrong with the secrets this service needs, one line each, so production cannot start on
 * a missing, short or published secret. Empty outside production.
 */
export function secretProblems(names: SecretName[]): string[] {
  if (!isProduction()) return [];
  return names.flatMap((name) => {
    const advice = `set ${name} to a random value of at least ${MIN_SECRET_BYTES} bytes (e.g. openssl rand -base64 48), the same in the gateway and the province's subgraphs`;
    return secretValueProblem(name, env(name), advice, Object.values(DEVELOPMENT_SECRETS)) ?? [];
  });
}

/**
 * What is wrong with the key a unit's subgraph was given (SUBGRAPH_KEY), one line, in production:
 * the key derived from the published development secret is as public as that secret.
 */
export function subgraphKeyProblems(subgraph: string): string[] {
  if (!isProduction()) return [];
  const developmentKey = subgraphKey(DEVELOPMENT_SECRETS.GATEWAY_SECRET, subgraph);
  const advice = `set SUBGRAPH_KEY to the key the province gives this subgraph (npm run subgraph:key -- ${subgraph}, run where GATEWAY_SECRET is set)`;
  const problem = secretValueProblem('SUBGRAPH_KEY', env('SUBGRAPH_KEY'), advice, [developmentKey]);
  return problem ? [problem] : [];
}

/** What the gateway needs in production besides its secret: a real identity provider. */
export function identityProblems(): string[] {
  if (!isProduction()) return [];
  if (!env('OIDC_ISSUER'))
    return [
      "OIDC_ISSUER is not set: production verifies tokens from the province's OpenID provider (set OIDC_ISSUER and OIDC_AUDIENCE); the development issuer is refused.",
    ];
  if (!env('OIDC_AUDIENCE')) return ['OIDC_AUDIENCE is not set: set it to the audience the OpenID provider puts in tokens for this API.'];
  return [];
}

/** Whether this process runs on a development secret (npm start and the tests say so). */
export const usesDevelopmentSecret = (name: SecretName) => env(name) === undefined || env(name) === DEVELOPMENT_SECRETS[name];

export const config = {
  /** HMAC secret of the gateway, from which each subgraph's key for the signed caller header is derived; the province's own subgraphs hold it too. */
  get gatewaySecret(): string {
    return secret('GATEWAY_SECRET');
  },
  /** The key a unit's subgraph holds instead of the gateway's secret (SUBGRAPH_KEY): it verifies the gateway's calls to it, and signs nothing. */
  get subgraphKey(): string | undefined {
    return env('SUBGRAPH_KEY');
  },
  /** HS256 secret of the development token issuer (`npm run token`); production verifies an OpenID provider's tokens instead. */
  get jwtSecret(): string {
    return secret('JWT_SECRET');
  },
  /**
   * The province's OpenID provider (OIDC_ISSUER, OIDC_AUDIENCE; OIDC_JWKS_URL when discovery is
   * not published; OIDC_CLAIM_ROLE / _UNIT / _OFFICIAL / _CITIZEN name its claims). Unset: the
   * development issuer, which production refuses.
   */
  get openId() {
    const issuer = env('OIDC_ISSUER');
    if (!issuer) return undefined;
    const claims = Object.fromEntries(
      (['role', 'unit', 'official', 'citizen'] as const).flatMap((claim) => {
        const name = env(`OIDC_CLAIM_${claim.toUpperCase()}`);
        return name ? [[claim, name]] : [];
      }),
    );
    return { issuer, audience: env('OIDC_AUDIENCE') ?? '', jwksUrl: env('OIDC_JWKS_URL'), claims, maxAge: env('OIDC_MAX_TOKEN_AGE') };
  },
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy): unset, none — the socket's
   * address is the client's; `true`, any; else the balancers' addresses or CIDRs, comma-separated.
   */
  get trustProxy(): boolean | string[] {
    const value = env('TRUST_PROXY');
    if (!value || value === 'false') return false;
    if (value === 'true') return true;
    return value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
  },
  /** The largest document file accepted (DOCUMENT_MAX_BYTES): a scanned dossier is a few MB; 20 MB fits a long decision with annexes. */
  get maxDocumentBytes(): number {
    return Number(env('DOCUMENT_MAX_BYTES') ?? 20 * 1024 * 1024);
  },
  /**
   * Object storage for documents (DOCUMENTS_S3_BUCKET; DOCUMENTS_S3_ENDPOINT for a server other
   * than AWS, DOCUMENTS_S3_REGION, DOCUMENTS_S3_PREFIX, DOCUMENTS_S3_ACCESS_KEY_ID and
   * DOCUMENTS_S3_SECRET_ACCESS_KEY, else the SDK's usual credentials). Unset: PostgreSQL.
   */
  get documentsS3() {
    const bucket = env('DOCUMENTS_S3_BUCKET');
    if (!bucket) return undefined;
    const accessKeyId = env('DOCUMENTS_S3_ACCESS_KEY_ID');
    const secretAccessKey = env('DOCUMENTS_S3_SECRET_ACCESS_KEY');
    return {
      bucket,
      endpoint: env('DOCUMENTS_S3_ENDPOINT'),
      region: env('DOCUMENTS_S3_REGION') ?? 'us-east-1',
      prefix: env('DOCUMENTS_S3_PREFIX') ?? 'documents/',
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    };
  },
  /** The documents' own PostgreSQL database (DOCUMENTS_DATABASE_URL, DOCUMENTS_MIGRATION_URL to create its table), when not in S3. */
  get documentsDatabase() {
    const app = env('DOCUMENTS_DATABASE_URL');
    return app ? { app, migration: env('DOCUMENTS_MIGRATION_URL') } : undefined;
  },
  /**
   * Where the delivery worker sends what the outbox holds. Email: SMTP_URL (smtp:// or smtps://)
   * from MAIL_FROM. SMS and Zalo: SMS_PROVIDER and ZALO_PROVIDER name a provider the province has
   * a contract with; `log` writes messages to the log (the default outside production), `none`
   * sends nothing (the default in production). The national portal: NATIONAL_PORTAL_URL, signed
   * with NATIONAL_PORTAL_SECRET. The worker connects with DELIVERY_DATABASE_URL, a role that
   * bypasses row-level security (it delivers for every unit), by default DOSSIERS_MIGRATION_URL.
   */
  get delivery() {
    const fallback = isProduction() ? 'none' : 'log';
    return {
      databaseUrl: env('DELIVERY_DATABASE_URL') ?? config.migrationUrl('dossiers'),
      smtpUrl: env('SMTP_URL'),
      mailFrom: env('MAIL_FROM') ?? 'Bộ phận Một cửa <motcua@localhost>',
      email: env('SMTP_URL') ? 'smtp' : fallback,
      sms: env('SMS_PROVIDER') ?? fallback,
      zalo: env('ZALO_PROVIDER') ?? fallback,
      portalUrl: env('NATIONAL_PORTAL_URL'),
      portalSecret: env('NATIONAL_PORTAL_SECRET'),
      /** A delivery running longer is taken as lost (its worker died) and tried again. */
      expireInSeconds: Number(env('DELIVERY_EXPIRE_SECONDS') ?? 60),
      retryLimit: Number(env('DELIVERY_RETRY_LIMIT') ?? 8),
      retryDelaySeconds: Number(env('DELIVERY_RETRY_DELAY_SECONDS') ?? 30),
    };
  },
  /**
   * Online fees. PAYMENT_PROVIDER names the payment platform the province has a contract with;
   * `sandbox` (the default outside production, refused in production) pays nothing: it signs
   * callbacks with PAYMENT_SANDBOX_SECRET as the platform signs them, from the sandbox page the
   * gateway serves at PAYMENT_SANDBOX_URL. `none` offers no online payment.
   */
  get payments() {
    const gateway = env('PUBLIC_GATEWAY_URL') ?? `http://localhost:${config.port('gateway')}`;
    return {
      provider: env('PAYMENT_PROVIDER') ?? (isProduction() ? 'none' : 'sandbox'),
      sandboxSecret: env('PAYMENT_SANDBOX_SECRET') ?? 'motcua-payment-sandbox-secret-not-for-production',
      sandboxUrl: env('PAYMENT_SANDBOX_URL') ?? `${gateway}/payments/sandbox`,
    };
  },
  /** The gateway's API as the public reaches it (GATEWAY_URL): a unit's subgraph reads the catalogue there. */
  get gatewayUrl(): string {
    return env('GATEWAY_URL') ?? `http://localhost:${config.port('gateway')}/graphql`;
  },
  /** Interface the services listen on; 0.0.0.0 in containers. */
  host: env('HOST') ?? '127.0.0.1',
  /** <SERVICE>_PORT, else the service's development port (a unit's subgraph names its own, `devPort`). */
  port(service: string, devPort?: number): number {
    const port = env(`${envName(service)}_PORT`) ?? DEFAULT_PORTS[service as SubgraphName | 'gateway'] ?? devPort;
    if (port === undefined) throw new Error(`Set ${envName(service)}_PORT to the port the ${service} service listens on.`);
    return Number(port);
  },
  subgraphUrl(name: SubgraphName): string {
    return env(`${name.toUpperCase()}_URL`) ?? `http://localhost:${config.port(name)}/graphql`;
  },
  /** Connection for the application role (subject to row-level security). */
  databaseUrl(name: string): string | undefined {
    return env(`${envName(name)}_DATABASE_URL`);
  },
  /** Connection that owns the schema and runs migrations; defaults to the application connection. */
  migrationUrl(name: string): string | undefined {
    return env(`${envName(name)}_MIGRATION_URL`) ?? config.databaseUrl(name);
  },
};
