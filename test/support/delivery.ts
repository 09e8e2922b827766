import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { bodySignature } from '../../shared/body-signature';

/** A mail as the test's SMTP server received it. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** A real SMTP server on a free port, keeping what it receives (no TLS, no login: it listens on localhost for the test only). */
export async function startMailbox() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the test's stand-in for the national portal received: every request, and the statuses it counts (once per idempotency key). */
export interface PortalStatus {
  key: string;
  dossierCode: string;
  statusCode: number;
  status: string;
  sequence: number;
}

/**
 * A stand-in for the national portal's status endpoint: it checks each request's signature,
 * counts a status once per Idempotency-Key (as the portal does), and can hold a request
 * unanswered (`holdNext`) or refuse requests (`failing`), to stand for a portal that is slow or down.
 */
export async function startPortalReceiver(secret: string) {
  const requests: { key: string; signed: boolean }[] = [];
  const counted = new Map<string, PortalStatus>();
  let held: ((res: ServerResponse) => void) | null = null;
  let onHeld: (() => void) | null = null;
  const state = { failing: false };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const key = String(req.headers['idempotency-key'] ?? '');
      const signed = req.headers['x-motcua-signature'] === bodySignature(secret, body);
      requests.push({ key, signed });
      if (!signed) return void res.writeHead(401).end();
      if (state.failing) return void res.writeHead(503).end('maintenance');
      if (held) {
        // Held: never answered; the worker dies waiting.
        const hold = held;
        held = null;
        hold(res);
        onHeld?.();
        return;
      }
      if (!counted.has(key)) counted.set(key, { key, ...(JSON.parse(body) as Omit<PortalStatus, 'key'>) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/dossier-status`,
    requests,
    /** The statuses counted, in the order they arrived. */
    statuses: () => [...counted.values()],
    state,
    /** Holds the next request unanswered; resolves once it has arrived. */
    holdNext: () =>
      new Promise<void>((resolve) => {
        held = () => undefined;
        onHeld = resolve;
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The delivery worker as its own process (`delivery-main.ts`), so a test can kill it as a machine would. */
export function startWorkerProcess(env: Record<string, string>): ChildProcess {
  // Node itself with tsx's loader, not the tsx command, which would run the worker in a child a kill does not reach.
  return spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'subgraphs', 'dossiers', 'src', 'delivery-main.ts')], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
