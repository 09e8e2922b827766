import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { isOfficial, type Caller } from '../../../shared/caller';
import { acceptedTypes, documentFileName, isDocumentType, startsAs, withExtension } from '../../../shared/documents';
import { isUuid } from '../../../shared/ids';
import { errorBody } from '../../../shared/http';
import { logger } from '../../../shared/logger';
import type { Peers } from '../../../shared/peers';
import type { Authenticator } from '../auth';
import type { DocumentStore } from '../../../shared/document-store';

export interface DocumentRoutesOptions {
  store: DocumentStore | undefined;
  apollo: ApolloServer<{ caller: Caller }>;
  authenticator: Authenticator;
  /** The dossiers service, asked as the caller to record an upload. */
  peersOf: (caller: Caller) => Peers;
  maxBytes: number;
}

/** A refusal with its HTTP status, GraphQL-shaped like every other answer. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const refuse = (reply: FastifyReply, refusal: Refusal) => {
  const body = errorBody(refusal.code, refusal.message);
  if (refusal.field) Object.assign(body.errors[0].extensions, { field: refusal.field });
  return reply.code(refusal.status).type('application/json; charset=utf-8').send(body);
};

/** The bytes of one upload as they arrive: the type checked on the first bytes, the size bounded, the hash computed on the way. */
async function* measured(raw: IncomingMessage, mediaType: string, maxBytes: number, facts: { size: number; sha256: string }) {
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  for await (const chunk of raw as AsyncIterable<Buffer>) {
    facts.size += chunk.length;
    if (facts.size > maxBytes) throw new Refusal(413, 'PAYLOAD_TOO_LARGE', `A document has at most ${maxBytes} bytes; this one is larger.`, 'body');
    if (head.length < 8) {
      head = Buffer.concat([head, chunk]);
      if (head.length >= 8 && !startsAs(mediaType, head))
        throw new Refusal(415, 'UNSUPPORTED_MEDIA_TYPE', `The file is not a ${mediaType} file; its contents say otherwise.`, 'content-type');
    }
    hash.update(chunk);
    yield chunk;
  }
  if (!raw.complete)
    throw new Refusal(400, 'BAD_REQUEST', 'The upload stopped before the whole file arrived; nothing was kept. Send it again.', 'body');
  if (facts.size === 0) throw new Refusal(400, 'BAD_USER_INPUT', 'The file is empty.', 'body');
  if (head.length < 8 && !startsAs(mediaType, head))
    throw new Refusal(415, 'UNSUPPORTED_MEDIA_TYPE', `The file is not a ${mediaType} file; its contents say otherwise.`, 'content-type');
  facts.sha256 = hash.digest('hex');
}

/** Uploads stored at once: fewer than the PostgreSQL store's connections, so downloads always find one. */
const MAX_UPLOADS = 4;
/** Of those, one caller's. */
const MAX_UPLOADS_PER_CALLER = 2;

const REGISTER = `mutation ($input: RegisterDocumentInput!) { registerDocument(input: $input) { document { id } } }`;
const DESCRIBE = `query ($id: ID!) { document(id: $id) { id fileName mediaType byteSize sha256 } }`;

/** `filename*` carries the Vietnamese name; `filename` an ASCII fallback for old clients. */
function disposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  // RFC 5987's attr-char leaves out ' ( ) * !, which encodeURIComponent keeps.
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Documents through the gateway: `POST /documents?name=<file name>[&digitised=true]` with the
 * file as the body (its type as Content-Type) stores it and answers its id, which mutations
 * refer to; `GET /documents/<id>` streams it back to whoever the API shows it to. The caller is
 * authenticated like the API's; the dossiers service decides, as that caller, what they may read.
 */
export function documentRoutes(options: DocumentRoutesOptions) {
  const { store, apollo, authenticator, maxBytes } = options;
  let uploading = 0;
  const uploadingBy = new Map<string, number>();

  async function callerOf(request: FastifyRequest): Promise<Caller> {
    try {
      return await authenticator.callerOf(request.headers.authorization);
    } catch (error) {
      const refusal = error as GraphQLError;
      const status = (refusal.extensions?.http as { status?: number } | undefined)?.status ?? 401;
      throw new Refusal(status, 'UNAUTHENTICATED', refusal.message);
    }
  }

  function storeOrRefuse(): DocumentStore {
    if (!store) throw new Refusal(503, 'SERVICE_UNAVAILABLE', 'No documents store is configured on this gateway; see the README (documents).');
    return store;
  }

  async function upload(request: FastifyRequest, reply: FastifyReply) {
    const caller = await callerOf(request);
    if (caller.role !== 'CITIZEN' && !(isOfficial(caller) && caller.unit))
      throw new Refusal(401, 'UNAUTHENTICATED', 'Sign in to upload a document: as a citizen, or as an official of a unit.');
    const query = request.query as { name?: unknown; digitised?: unknown };
    if (typeof query.name !== 'string') throw new Refusal(400, 'BAD_USER_INPUT', 'Name the file once: ?name=<file name>.', 'name');
    let name: string;
    try {
      name = documentFileName(query.name, 'name');
    } catch (error) {
      throw new Refusal(400, 'BAD_USER_INPUT', (error as Error).message, 'name');
    }
    if (query.digitised !== undefined && query.digitised !== 'true' && query.digitised !== 'false')
      throw new Refusal(400, 'BAD_USER_INPUT', 'digitised is true or false.', 'digitised');
    const digitised = query.digitised === 'true';
    if (digitised && !isOfficial(caller))
      throw new Refusal(
        400,
        'BAD_USER_INPUT',
        'Digitised copies are scans the counter makes of papers handed in; upload your file as it is.',
        'digitised',
      );
    const mediaType = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!isDocumentType(mediaType))
      throw new Refusal(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the file as one of ${acceptedTypes()} (its Content-Type); got "${mediaType.slice(0, 60)}".`,
        'content-type',
      );
    const fileName = withExtension(name, mediaType);
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (declared > maxBytes)
      throw new Refusal(413, 'PAYLOAD_TOO_LARGE', `A document has at most ${maxBytes} bytes; this one has ${declared}.`, 'body');
    const documents = storeOrRefuse();
    // A slot per upload in progress: one caller trickling bodies cannot hold every connection of the store.
    const who = `${caller.sub}|${caller.unit}`;
    if (uploading >= MAX_UPLOADS || (uploadingBy.get(who) ?? 0) >= MAX_UPLOADS_PER_CALLER)
      throw new Refusal(503, 'SERVICE_UNAVAILABLE', 'Many files are being uploaded right now; try again in a moment.');
    uploading += 1;
    uploadingBy.set(who, (uploadingBy.get(who) ?? 0) + 1);
    const id = randomUUID();
    const facts = { size: 0, sha256: '' };
    try {
      await documents.put(id, mediaType, measured(request.raw, mediaType, maxBytes, facts));
    } finally {
      uploading -= 1;
      const left = (uploadingBy.get(who) ?? 1) - 1;
      if (left) uploadingBy.set(who, left);
      else uploadingBy.delete(who);
    }
    const peers = options.peersOf(caller);
    try {
      await peers.query('dossiers', REGISTER, {
        input: { clientRequestId: `upload:${id}`, documentId: id, fileName, mediaType, byteSize: facts.size, sha256: facts.sha256, digitised },
      });
    } catch (error) {
      // Not recorded, not kept: no file without its description.
      await documents.delete(id).catch((cleanup: unknown) => logger.error({ err: cleanup, id }, 'could not remove an unrecorded upload'));
      throw error;
    }
    return reply.code(201).send({ id, fileName, mediaType, byteSize: facts.size, sha256: facts.sha256, digitised, downloadPath: `/documents/${id}` });
  }

  async function download(request: FastifyRequest, reply: FastifyReply) {
    const caller = await callerOf(request);
    const { id } = request.params as { id: string };
    if (!isUuid(id)) throw new Refusal(400, 'BAD_USER_INPUT', `"${id.slice(0, 60)}" is not a document id (a UUID).`, 'id');
    const answer = await apollo.executeOperation<{ document: { fileName: string; mediaType: string; byteSize: number; sha256: string } | null }>(
      { query: DESCRIBE, variables: { id } },
      { contextValue: { caller } },
    );
    const result = answer.body.kind === 'single' ? answer.body.singleResult : null;
    const document = result?.data?.document;
    if (!document) {
      if (result?.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE'))
        throw new Refusal(503, 'SERVICE_UNAVAILABLE', 'The document cannot be read right now; try again in a moment.');
      throw new Refusal(404, 'NOT_FOUND', `No document has id ${id}, or it is not one you may read.`);
    }
    const bytes = await storeOrRefuse().get(id);
    if (!bytes) {
      logger.error({ id }, 'a recorded document has no stored bytes');
      throw new Refusal(404, 'NOT_FOUND', `The file of document ${id} is missing from the store; the incident was logged.`);
    }
    return reply
      .header('content-type', document.mediaType)
      .header('content-length', document.byteSize)
      .header('content-disposition', disposition(document.fileName))
      .header('etag', `"${document.sha256}"`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox')
      .send(bytes);
  }

  const answering =
    (handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) => async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        return await handler(request, reply);
      } catch (error) {
        if (error instanceof Refusal) {
          // A refused upload may still be arriving: answer, and close rather than read the rest.
          if (request.method === 'POST' && !request.raw.complete) reply.header('connection', 'close');
          return refuse(reply, error);
        }
        const coded = (error as GraphQLError).extensions?.code;
        if (coded === 'SERVICE_UNAVAILABLE') return refuse(reply, new Refusal(503, 'SERVICE_UNAVAILABLE', (error as Error).message));
        if (!request.raw.complete && request.method === 'POST') {
          logger.warn({ err: error }, 'an upload stopped halfway');
          return refuse(
            reply,
            new Refusal(400, 'BAD_REQUEST', 'The upload stopped before the whole file arrived; nothing was kept. Send it again.', 'body'),
          );
        }
        throw error;
      }
    };

  return async (app: FastifyInstance) => {
    // The body is the file, read as a stream by the route: no parser may buffer it first.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));
    app.post('/documents', answering(upload));
    app.get('/documents/:id', answering(download));
  };
}
