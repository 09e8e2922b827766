import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Route } from '../../shared/http';
import { logger } from '../../shared/logger';
import { bundleRoutes } from './static-files';

const DIST = path.join(__dirname, '..', 'explorer', 'dist');

/**
 * Routes for the offline GraphiQL explorer built by `npm run build:explorer`.
 * `token`, when given, is pre-filled as the Authorization header (development only).
 */
export function explorerRoutes(token?: string): { page: Route; assets: Record<string, Route> } {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    // The API does not need the explorer: without its bundle the gateway serves the API and says how to build it.
    logger.warn({ dist: DIST }, 'the explorer is not built; run npm run build:explorer');
    const missing: Route = (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The explorer is not built on this server; run npm run build:explorer. The API at /graphql works without it.');
    return { page: missing, assets: { '/': missing } };
  }
  // Escaped so the JSON cannot close the <script> element it sits in.
  const configJson = JSON.stringify(token ? { token } : {}).replace(/</g, '\\u003c');
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8').replace('__EXPLORER_CONFIG__', configJson);
  const page: Route = (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  const assets = bundleRoutes(DIST, '/explorer/');
  // Browsers ask for it on every page; answering 204 keeps the console clean.
  assets['/favicon.ico'] = (_request, reply) => reply.code(204).send();
  return { page, assets: { '/': page, ...assets } };
}
