import { createReadStream, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Route } from '../../shared/http';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** A bundle built at build time (the explorer, the kiosk and board): a GET route per file but its pages, at `prefix` + the file's name. */
export function bundleRoutes(dir: string, prefix: string, headers: Record<string, string> = {}): Record<string, Route> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => !file.endsWith('.html'))
      .map((file): [string, Route] => [
        `${prefix}${file}`,
        (_request, reply) =>
          reply
            .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
            .headers(headers)
            .header('cache-control', 'public, max-age=3600')
            .send(createReadStream(path.join(dir, file))),
      ]),
  );
}
