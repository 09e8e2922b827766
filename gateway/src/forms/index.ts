import { isUuid } from '../../../shared/ids';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Caller } from '../../../shared/caller';
import type { FastifyReply } from 'fastify';
import { errorBody, type Route } from '../../../shared/http';
import type { Authenticator } from '../auth';
import { NOTICE_QUERY, NOTICES, type NoticeData } from './notices';
import { RECEIPT_QUERY, receiptPdf, type ReceiptData } from './receipt';

/** Forms rendered at once: a PDF costs CPU the API's answers need; beyond this, shed the load rather than slow everyone. */
const MAX_RENDERING = 4;
/** Of those, one caller's at once: one official printing in a loop cannot hold every slot. */
const MAX_RENDERING_PER_CALLER = 2;

/** What every form's query reads of the dossier, whatever else it reads: its code, on the dossier or its receipt. */
type FormDossier = { code?: string; receipt?: { code: string } };

/** The forms printed, by number; each a query and a renderer (of what its own query read) that may find nothing to print. */
const FORMS: Record<string, { query: string; render: (dossier: FormDossier) => Promise<Buffer> | null; name: string }> = {
  '01': { query: RECEIPT_QUERY, render: (d) => receiptPdf(d as ReceiptData), name: 'tiep-nhan' },
  '02': { query: NOTICE_QUERY, render: (d) => NOTICES['02'](d as NoticeData), name: 'yeu-cau-bo-sung' },
  '03': { query: NOTICE_QUERY, render: (d) => NOTICES['03'](d as NoticeData), name: 'tu-choi' },
  '04': { query: NOTICE_QUERY, render: (d) => NOTICES['04'](d as NoticeData), name: 'xin-loi-hen-lai' },
  '05': { query: NOTICE_QUERY, render: (d) => NOTICES['05'](d as NoticeData), name: 'kiem-soat' },
};

/**
 * Printable forms at `/forms/<01–05>/<dossier id>`: the caller is authenticated like the API, and the
 * data is read by running a query through this gateway as that caller, so every subgraph checks
 * them as it would any query. A dossier the caller may not see is 404, as the API answers null.
 */
export function formRoutes(apollo: ApolloServer<{ caller: Caller }>, authenticator: Authenticator): Record<string, Route> {
  let rendering = 0;
  const renderingBy = new Map<string, number>();
  return {
    '/forms/:form/:dossierId': async (request, reply) => {
      const { form, dossierId } = request.params as { form: string; dossierId: string };
      const kind = Object.hasOwn(FORMS, form) ? FORMS[form] : null;
      if (!kind) return reply.code(404).send(errorBody('NOT_FOUND', `There is no form ${form.slice(0, 10)}; forms 01 to 05 are printed.`));
      let caller: Caller;
      try {
        caller = await authenticator.callerOf(request.headers.authorization);
      } catch (error) {
        const refusal = error as GraphQLError;
        const status = (refusal.extensions?.http as { status?: number } | undefined)?.status ?? 401;
        const code = refusal.extensions?.code;
        return reply.code(status).send(errorBody(typeof code === 'string' ? code : 'UNAUTHENTICATED', refusal.message));
      }
      if (!isUuid(dossierId)) return reply.code(400).send(errorBody('BAD_USER_INPUT', `"${dossierId.slice(0, 60)}" is not a dossier id (a UUID).`));
      return printed(kind, form, dossierId, caller, reply);
    },
  };

  /** A form of a dossier the caller may read, read through this gateway as them. */
  async function printed(kind: (typeof FORMS)[string], form: string, dossierId: string, caller: Caller, reply: FastifyReply) {
    const answer = await apollo.executeOperation<{ dossier: FormDossier | null }>(
      { query: kind.query, variables: { id: dossierId } },
      { contextValue: { caller } },
    );
    const result = answer.body.kind === 'single' ? answer.body.singleResult : null;
    const dossier = result?.data?.dossier;
    if (!dossier) {
      const refused = result?.errors?.[0]?.extensions?.code;
      const code = typeof refused === 'string' ? refused : 'NOT_FOUND';
      if (code === 'SERVICE_UNAVAILABLE')
        return reply.code(503).send(errorBody(code, 'The dossier cannot be read right now; try again in a moment.'));
      return reply.code(404).send(errorBody('NOT_FOUND', `No dossier has id ${dossierId}, or it is not one you may read.`));
    }
    // A slot is taken only once the caller has been shown the dossier: those who may not read it never hold one.
    const who = `${caller.sub}|${caller.unit}`;
    if (rendering >= MAX_RENDERING || (renderingBy.get(who) ?? 0) >= MAX_RENDERING_PER_CALLER) {
      return reply
        .code(503)
        .header('retry-after', '2')
        .send(errorBody('SERVICE_UNAVAILABLE', 'Many forms are being printed right now; try again in a moment.'));
    }
    rendering += 1;
    renderingBy.set(who, (renderingBy.get(who) ?? 0) + 1);
    let body: Buffer | null;
    try {
      body = await kind.render(dossier);
    } finally {
      rendering -= 1;
      const left = renderingBy.get(who)! - 1;
      if (left) renderingBy.set(who, left);
      else renderingBy.delete(who);
    }
    if (!body)
      return reply
        .code(404)
        .send(errorBody('NOT_FOUND', `Dossier ${dossier.code ?? dossier.receipt?.code} has no form ${form}: what it records did not happen to it.`));
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="mau-${form}-${kind.name}-${dossier.code ?? dossier.receipt?.code}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  }
}
