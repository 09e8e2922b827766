import { signedBy } from '../../../../shared/body-signature';
import { config } from '../../../../shared/config';

/** What the platform's callback says of a payment, once its signature is checked. */
export interface PaymentOutcome {
  paymentId: string;
  amountVnd: number;
  paid: boolean;
  transactionNo: string;
}

/**
 * The payment platform (the national one, Cổng thanh toán tập trung, under the province's
 * contract): it is asked for a payment and calls back, signed, when the citizen has paid or given
 * up. A province's real platform is added behind this interface.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Development only: nothing is paid. */
  readonly sandbox: boolean;
  /** Where the citizen pays this payment. */
  payUrl(payment: { id: string; amountVnd: number }): string;
  /** The callback's outcome if its signature is the platform's and its body is well formed; null otherwise. */
  verify(body: string, signature: string): PaymentOutcome | null;
}

function parseOutcome(body: string): PaymentOutcome | null {
  try {
    const value = JSON.parse(body) as Record<string, unknown>;
    const { paymentId, amountVnd, status, transactionNo } = value;
    if (typeof paymentId !== 'string' || !Number.isInteger(amountVnd) || typeof transactionNo !== 'string' || !transactionNo) return null;
    if (status !== 'SUCCESS' && status !== 'FAILED') return null;
    return { paymentId, amountVnd: amountVnd as number, paid: status === 'SUCCESS', transactionNo: transactionNo.slice(0, 64) };
  } catch {
    return null;
  }
}

/**
 * The sandbox: signs and verifies callbacks exactly as the platform does, with a development
 * secret; its pay page (served by the gateway) says SANDBOX and moves no money.
 */
export function sandboxProvider(secret: string, pageUrl: string): PaymentProvider {
  return {
    name: 'sandbox',
    sandbox: true,
    payUrl: ({ id, amountVnd }) => `${pageUrl}?payment=${id}&amount=${amountVnd}`,
    verify(body, signature) {
      return signedBy(secret, body, signature) ? parseOutcome(body) : null;
    },
  };
}

/** The configured platform (`config.payments`), or null when the province offers no online payment. */
export function configuredProvider(): PaymentProvider | null {
  const settings = config.payments;
  if (settings.provider === 'none') return null;
  if (settings.provider === 'sandbox') return sandboxProvider(settings.sandboxSecret, settings.sandboxUrl);
  throw new Error(`PAYMENT_PROVIDER "${settings.provider}" is not one this build has (sandbox, none).`);
}
