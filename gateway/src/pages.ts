import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS, type Caller } from '../../shared/caller';
import type { Clock } from '../../shared/clock';
import { errorBody } from '../../shared/http';
import { logger } from '../../shared/logger';
import { vietnamDate } from '../../shared/scalars';
import { bundleRoutes } from './static-files';

const DIST = path.join(__dirname, '..', 'pages', 'dist');

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
/** Boards open at once, over all centres, and from one address: a centre's screens are a handful; a browser tab or two per person. */
const MAX_STREAMS = 1000;
const MAX_STREAMS_PER_ADDRESS = 20;
/** Headers of the pages: nothing but the gateway may be loaded or framed from elsewhere. */
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
};

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
      app.get(`/${page}`, (_request, reply) =>
        reply.type('text/html; charset=utf-8').headers(PAGE_HEADERS).header('cache-control', 'no-cache').send(html),
      );
    }
    for (const [url, route] of Object.entries(bundleRoutes(DIST, '/pages/', PAGE_HEADERS))) app.get(url, route);

    const watched = new Map<string, { streams: Set<ServerResponse>; last: string; timer: NodeJS.Timeout }>();
    const byAddress = new Map<string, number>();
    let open = 0;
    const read = async (centre: string) => {
      const answer = await options.apollo.executeOperation(
        { query: BOARD, variables: { centre, date: vietnamDate(options.clock.now()) } },
        { contextValue: { caller: ANONYMOUS } },
      );
      const result = answer.body.kind === 'single' ? answer.body.singleResult : null;
      const data = result?.data as { unit: { name: string } | null; centreBoard: Record<string, unknown> } | undefined;
      return data?.centreBoard && data.unit ? JSON.stringify({ centre: data.unit, ...data.centreBoard }) : null;
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
      const address = request.ip;
      if (open >= MAX_STREAMS || (byAddress.get(address) ?? 0) >= MAX_STREAMS_PER_ADDRESS)
        return reply.code(503).header('retry-after', '30').send(errorBody('SERVICE_UNAVAILABLE', 'Too many boards are open; try again later.'));
      // Read first: a code that names no unit gets 404 and costs nothing more (no stream, no poller); a known one starts with its figures.
      const first = watched.get(centre)?.last || (await read(centre));
      if (!first) return reply.code(404).send(errorBody('NOT_FOUND', `No centre has code ${centre}.`));
      reply.hijack();
      const stream = reply.raw;
      open += 1;
      byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
      let board = watched.get(centre);
      if (!board) {
        board = { streams: new Set(), last: first, timer: setInterval(() => void push(centre), options.boardPollMs) };
        watched.set(centre, board);
      }
      const watching = board;
      watching.streams.add(stream);
      // The listener is in place before anything else can wait: a board that leaves at any moment stops its poller.
      let closed = false;
      const leave = () => {
        if (closed) return;
        closed = true;
        open -= 1;
        const left = (byAddress.get(address) ?? 1) - 1;
        if (left) byAddress.set(address, left);
        else byAddress.delete(address);
        watching.streams.delete(stream);
        if (watching.streams.size === 0 && watched.get(centre) === watching) {
          clearInterval(watching.timer);
          watched.delete(centre);
        }
      };
      stream.on('close', leave);
      // Gone while its figures were read: 'close' has fired already.
      if (request.raw.socket.destroyed) return leave();
      stream.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      // Reconnect after 3 s when the connection drops (the board keeps its last figures meanwhile); the figures at once, not at the next change.
      stream.write(`retry: 3000\n\ndata: ${first}\n\n`);
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
