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

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

const DEV_SECRET = 'motcua-dev-secret-change-me';

export const config = {
  /** HMAC secret shared by the gateway and the subgraphs for the signed caller header. */
  gatewaySecret: env('GATEWAY_SECRET') ?? DEV_SECRET,
  /** HS256 secret for caller tokens (dev tokens from `npm run token`). */
  jwtSecret: env('JWT_SECRET') ?? `${DEV_SECRET}-jwt`,
  /** Interface the services listen on; 0.0.0.0 in containers. */
  host: env('HOST') ?? '127.0.0.1',
  port(service: SubgraphName | 'gateway'): number {
    return Number(env(`${service.toUpperCase()}_PORT`) ?? DEFAULT_PORTS[service]);
  },
  subgraphUrl(name: SubgraphName): string {
    return env(`${name.toUpperCase()}_URL`) ?? `http://localhost:${config.port(name)}/graphql`;
  },
  /** Connection for the application role (subject to row-level security). */
  databaseUrl(name: SubgraphName): string | undefined {
    return env(`${name.toUpperCase()}_DATABASE_URL`);
  },
  /** Connection that owns the schema and runs migrations; defaults to the application connection. */
  migrationUrl(name: SubgraphName): string | undefined {
    return env(`${name.toUpperCase()}_MIGRATION_URL`) ?? config.databaseUrl(name);
  },
};
