import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS, type Caller } from '../../shared/caller';
import type { Clock } from '../../shared/clock';
import { errorBody } from '../../shared/http';
import { logger } from '../../shared/logger';
import { vietnamDate } from '../../shared/scalars';

const DIST = path.join(__dirname, '..', 'pages', 'dist');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** What the board shows; one query across feedback (satisfaction), dossiers (the day's figures) and personnel (the queue). */
const BOARD = `query Board($centre: String!, $date: Date!) {
  unit(code: $centre) { name }
  centreBoard(centreCode: $centre, date: $date) {
    date
    satisfaction { satisfactionRate }
    dossiers { received resolved resolvedEarly resolvedOnTime resolvedLate }
    queue { nowServing { number counter { number } field { name } } waiting { field { name } waiting } }
  }
}`;

export interface PageOptions {
  apollo: ApolloServer<{ caller: Caller }>;
  /** The services' clock: the board shows its day. */
  clock: Clock;
  /** How often a board's figures are read again for the boards watching it. */
  boardPollMs: number;
}

/** Centre codes as the catalogue writes them; anything else is not one. */
const CENTRE_CODE = /^[0-9A-Za-z.-]{1,40}$/;

/**
 * The kiosk (`/kiosk?centre=…`) and the public board (`/board?centre=…`), built by `npm run
 * build:pages` and served from here with their font, so they work with nothing but the gateway.
 * The board's figures come by server-sent events (`/board/events?centre=…`): one reader per
 * centre asks the API every `boardPollMs` and pushes to every board watching when they change.
 */
export function pageRoutes(options: PageOptions) {
  return async (app: FastifyInstance) => {
    if (!existsSync(path.join(DIST, 'kiosk.html'))) {
      logger.warn({ dist: DIST }, 'the kiosk and board pages are not built; run npm run build:pages');
      return;
    }
    for (const page of ['kiosk', 'board']) {
      const html = readFileSync(path.join(DIST, `${page}.html`), 'utf8');
      app.get(`/${page}`, (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html));
    }
    for (const file of readdirSync(DIST).filter((name) => !name.endsWith('.html'))) {
      app.get(`/pages/${file}`, (_request, reply) =>
        reply
          .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
          .header('cache-control', 'public, max-age=3600')
          .send(createReadStream(path.join(DIST, file))),
      );
    }

    const watched = new Map<string, { streams: Set<ServerResponse>; last: string; timer: NodeJS.Timeout }>();
    const read = async (centre: string) => {
      const answer = await options.apollo.executeOperation(
        { query: BOARD, variables: { centre, date: vietnamDate(options.clock.now()) } },
        { contextValue: { caller: ANONYMOUS } },
      );
      const result = answer.body.kind === 'single' ? answer.body.singleResult : null;
      const data = result?.data as { unit: { name: string } | null; centreBoard: Record<string, unknown> } | undefined;
      return data?.centreBoard ? JSON.stringify({ centre: data.unit, ...data.centreBoard }) : null;
    };
    const push = async (centre: string) => {
      const board = watched.get(centre);
      if (!board) return;
      const figures = await read(centre).catch((error: unknown) => {
        logger.warn({ err: error, centre }, 'the board could not be read');
        return null;
      });
      if (!figures || figures === board.last) return;
      board.last = figures;
      for (const stream of board.streams) stream.write(`data: ${figures}\n\n`);
    };

    app.get('/board/events', async (request, reply) => {
      const asked = (request.query as { centre?: unknown }).centre;
      const centre = typeof asked === 'string' ? asked.toUpperCase() : '';
      if (!CENTRE_CODE.test(centre)) return reply.code(400).send(errorBody('BAD_USER_INPUT', 'Name the centre: /board/events?centre=<its code>.'));
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      // Reconnect after 3 s when the connection drops (the board keeps its last figures meanwhile).
      stream.write('retry: 3000\n\n');
      let board = watched.get(centre);
      if (!board) {
        board = { streams: new Set(), last: '', timer: setInterval(() => void push(centre), options.boardPollMs) };
        watched.set(centre, board);
      }
      board.streams.add(stream);
      // A new board gets the figures at once, not at the next change.
      const now = board.last || (await read(centre));
      if (now) stream.write(`data: ${now}\n\n`);
      request.raw.on('close', () => {
        board.streams.delete(stream);
        if (board.streams.size === 0) {
          clearInterval(board.timer);
          watched.delete(centre);
        }
      });
    });
    // Boards stay connected for hours: end their streams when the gateway stops, or it would wait for them.
    app.addHook('preClose', async () => {
      for (const board of watched.values()) {
        clearInterval(board.timer);
        for (const stream of board.streams) stream.end();
      }
      watched.clear();
    });
  };
}
