import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { bodySignature } from '../../../shared/body-signature';
import { errorBody } from '../../../shared/http';
import type { Peers } from '../../../shared/peers';

export interface PaymentRoutesOptions {
  /** The dossiers service, asked anonymously: the platform's signature, checked there, is what is trusted. */
  peers: Peers;
  /** The sandbox's secret, when the sandbox stands for the platform (development only): the gateway serves its pay page. */
  sandboxSecret?: string;
}

const CALLBACK = `mutation ($input: PaymentCallbackInput!) { recordPaymentCallback(input: $input) { callback { accepted signed reason paymentId } } }`;

interface CallbackAnswer {
  accepted: boolean;
  signed: boolean;
  reason: string | null;
  paymentId: string | null;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The payment platform's side door: `POST /payments/callback` takes the platform's signed result
 * (the signature in `X-Payment-Signature`) and hands it to the dossiers service, which checks it
 * and settles the payment once. 200 when settled (again, for a repeated callback), 401 when the
 * signature is not the platform's, 400 when the result does not fit the payment.
 */
export function paymentRoutes(options: PaymentRoutesOptions) {
  const settle = async (body: string, signature: string) =>
    (await options.peers.query<{ recordPaymentCallback: { callback: CallbackAnswer } }>('dossiers', CALLBACK, { input: { body, signature } }))
      .recordPaymentCallback.callback;

  const answer = (reply: FastifyReply, result: CallbackAnswer) =>
    result.accepted
      ? reply.send({ ok: true, paymentId: result.paymentId })
      : reply
          .code(result.signed ? 400 : 401)
          .type('application/json; charset=utf-8')
          .send(errorBody(result.signed ? 'BAD_USER_INPUT' : 'UNAUTHENTICATED', result.reason ?? 'Refused.'));

  return async (app: FastifyInstance) => {
    // The signature covers the exact bytes: here (this plugin only) the body is kept as text, not parsed.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    app.post('/payments/callback', async (request, reply) => {
      const signature = request.headers['x-payment-signature'];
      if (typeof signature !== 'string' || typeof request.body !== 'string' || !request.body)
        return reply
          .code(401)
          .type('application/json; charset=utf-8')
          .send(errorBody('UNAUTHENTICATED', 'A payment result is a signed JSON body (Content-Type: application/json, X-Payment-Signature).'));
      return answer(reply, await settle(request.body, signature));
    });

    const sandboxSecret = options.sandboxSecret;
    if (!sandboxSecret) return;
    // The sandbox's pay page: it says SANDBOX, moves no money, and calls back exactly as the platform does.
    app.get('/payments/sandbox', async (request, reply) => {
      const query = request.query as { payment?: string; amount?: string };
      const payment = escape(String(query.payment ?? ''));
      const amount = Number(query.amount ?? 0);
      return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>SANDBOX — Thanh toán thử</title>
<body style="font-family:sans-serif;max-width:32rem;margin:2rem auto">
<p style="background:#fde68a;padding:.5rem;font-weight:bold">SANDBOX — môi trường thử, không có tiền thật được chuyển.</p>
<h1>Thanh toán phí, lệ phí</h1><p>Mã thanh toán: <code>${payment}</code></p><p>Số tiền: <b>${amount.toLocaleString('vi-VN')} đồng</b></p>
<form method="post" action="/payments/sandbox/result"><input type="hidden" name="payment" value="${payment}"><input type="hidden" name="amount" value="${amount}">
<button name="status" value="SUCCESS">Thanh toán (thử)</button> <button name="status" value="FAILED">Hủy</button></form></body></html>`);
    });
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    app.post('/payments/sandbox/result', async (request, reply) => {
      const form = request.body as { payment?: string; amount?: string; status?: string };
      const body = JSON.stringify({
        paymentId: form.payment ?? '',
        amountVnd: Number(form.amount),
        status: form.status === 'SUCCESS' ? 'SUCCESS' : 'FAILED',
        transactionNo: `SANDBOX-${randomUUID()}`,
      });
      const result = await settle(body, bodySignature(sandboxSecret, body));
      return reply
        .code(result.accepted ? 200 : 400)
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="vi"><meta charset="utf-8"><title>SANDBOX</title><p><b>SANDBOX</b> — ${
            result.accepted ? (form.status === 'SUCCESS' ? 'Đã thanh toán (thử).' : 'Đã hủy.') : escape(result.reason ?? 'Bị từ chối.')
          }</p></html>`,
        );
    });
  };
}
