import nodemailer from 'nodemailer';
import { bodySignature } from '../../../../shared/body-signature';
import type { config } from '../../../../shared/config';
import { logger } from '../../../../shared/logger';
import type { DeliveryChannel } from '../store/entities/delivery.entity';

/** One message as a channel sends it; `id` is its idempotency key, the same on every try. */
export interface OutgoingMessage {
  id: string;
  dossierId: string;
  to: string;
  subject: string | null;
  body: string;
}

/**
 * A channel's provider. `send` resolves once the provider has taken the message, and throws
 * otherwise (the queue tries again). Providers of SMS and Zalo need a contract with the province:
 * a province adds its own behind this interface (see the README, Notifications).
 */
export interface Sender {
  /** Named in the logs and in the failure an official reads. */
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export type Senders = Partial<Record<DeliveryChannel, Sender>>;

/** Email over SMTP (`SMTP_URL`, e.g. smtps://user:password@mail.example.gov.vn:465), from `MAIL_FROM`. */
export function smtpSender(url: string, from: string): Sender {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send({ id, to, subject, body }) {
      // The Message-ID is the delivery's: a mail sent again after a crash is the same mail to any receiver that keeps ids.
      await transport.sendMail({ from, to, subject: subject ?? undefined, text: body, messageId: `<${id}@motcua>` });
    },
  };
}

/** Development's provider: writes the message to the log instead of sending it. */
export function logSender(channel: DeliveryChannel): Sender {
  return {
    name: `log (${channel}, development: nothing is sent)`,
    send: async (message) => {
      logger.info({ channel, delivery: message.id, to: message.to, subject: message.subject, body: message.body }, 'notification (log provider)');
    },
  };
}

/**
 * The national public service portal's status endpoint (`NATIONAL_PORTAL_URL`): each status as a
 * JSON document, signed (`X-Motcua-Signature`, NATIONAL_PORTAL_SECRET) and keyed
 * (`Idempotency-Key`: the delivery's id) so a status sent twice is counted once.
 */
export function portalSender(url: string, secret: string, timeoutMs = 10_000): Sender {
  return {
    name: 'national portal',
    async send({ id, body }) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': id, 'x-motcua-signature': bodySignature(secret, body) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the national portal answered HTTP ${response.status}`);
    },
  };
}

type DeliveryConfig = typeof config.delivery;

/** What a provider setting names that this build cannot send through: a province's own provider is added here. */
function providerOf(channel: 'EMAIL' | 'SMS' | 'ZALO', provider: string, settings: DeliveryConfig): Sender | undefined {
  if (provider === 'none') return undefined;
  if (provider === 'log') return logSender(channel);
  if (channel === 'EMAIL' && provider === 'smtp') return smtpSender(settings.smtpUrl!, settings.mailFrom);
  throw new Error(`${channel} provider "${provider}" is not one this build has (log, none${channel === 'EMAIL' ? ', smtp' : ''}).`);
}

/** The senders the configuration names (see `config.delivery`). */
export function configuredSenders(settings: DeliveryConfig): Senders {
  return {
    EMAIL: providerOf('EMAIL', settings.email, settings),
    SMS: providerOf('SMS', settings.sms, settings),
    ZALO: providerOf('ZALO', settings.zalo, settings),
    PORTAL: settings.portalUrl ? portalSender(settings.portalUrl, settings.portalSecret ?? '') : undefined,
  };
}
