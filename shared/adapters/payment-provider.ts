// The payment port over HTTP, against each shop's payment provider (`payments.apiUrl` in the shop
// configuration), in the manner of Stripe's idempotent requests. The JSON contract, paths relative
// to apiUrl:
//   POST refunds                 header `Idempotency-Key: <key>`, body {orderId, amount, reason}
//                                -> 200/201 {id, status: succeeded|pending|declined, declineCode?}
//                                 | 402 {id?, status: 'declined', declineCode}
//                                 | 409 the key was used with other parameters
//   GET  refunds/by-key/<key>    -> 200 the refund made under the key | 404 never recorded
// The same key always answers the first refund's result. With `apiKey`, requests carry
// `authorization: Bearer <apiKey>`. No answer within the timeout is a PaymentTimeoutError (the
// refund may have been made: look it up); any other failure a PaymentProviderError.
import * as z from 'zod';
import { EntityId } from '../events/common.ts';
import {
  PaymentProviderError,
  PaymentsNotConfiguredError,
  PaymentTimeoutError,
  RefundStatus,
  type LookupResult,
  type PaymentPort,
  type RefundRequest,
  type RefundResult,
} from '../payments/payment-port.ts';
import type { HttpPayments } from '../shops/config.ts';

/** The payment provider of a shop, or undefined when it has none. */
export type PaymentEndpoints = (shopId: string) => Promise<HttpPayments | undefined> | HttpPayments | undefined;

const ProviderRefund = z.object({ id: EntityId.optional(), status: RefundStatus, declineCode: z.string().min(1).max(100).optional() });

const isTimeout = (error: unknown) => ['TimeoutError', 'AbortError'].includes((error as Error).name);

export class HttpPaymentProvider implements PaymentPort {
  constructor(
    private readonly endpoints: PaymentEndpoints,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async refund(request: RefundRequest): Promise<RefundResult> {
    const { key, shopId, orderId, amount, reason } = request;
    return this.exchange(shopId, 'POST refunds', 'POST', 'refunds', { orderId, amount, reason }, key, async (response, text) => {
      if (response.status === 409) throw new PaymentProviderError(`POST refunds: key ${key} was already used with other parameters`);
      if (![200, 201, 402].includes(response.status)) throw new PaymentProviderError(`POST refunds answered ${response.status}: ${text.slice(0, 200)}`);
      return toResult(parse(text, 'POST refunds', response.status));
    });
  }

  async lookup({ shopId, key }: { shopId: string; key: string }): Promise<LookupResult> {
    return this.exchange(shopId, 'GET refunds/by-key', 'GET', `refunds/by-key/${encodeURIComponent(key)}`, undefined, undefined, async (response, text) => {
      if (response.status === 404) return { status: 'not_found' } as const;
      if (response.status !== 200) throw new PaymentProviderError(`GET refunds/by-key answered ${response.status}: ${text.slice(0, 200)}`);
      return toResult(parse(text, 'GET refunds/by-key', response.status));
    });
  }

  /** One request and its whole body within the timeout; `answer` reads the status and body. */
  private async exchange<T>(shopId: string, what: string, method: string, path: string, body: unknown, key: string | undefined, answer: (response: Response, text: string) => Promise<T>): Promise<T> {
    const endpoint = await this.endpoints(shopId);
    if (!endpoint) throw new PaymentsNotConfiguredError(`Shop ${shopId} has no payment provider configured`);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key !== undefined) headers['idempotency-key'] = key;
    if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${endpoint.apiUrl.replace(/\/+$/, '')}/${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      if (isTimeout(error)) throw new PaymentTimeoutError(`${what} got no answer within ${this.timeoutMs} ms`);
      throw new PaymentProviderError(`${what} failed: ${(error as Error).message}`);
    }
    return answer(response, text);
  }
}

function parse(text: string, what: string, status: number): z.output<typeof ProviderRefund> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PaymentProviderError(`${what} answered ${status} with a body that is not JSON`);
  }
  const parsed = ProviderRefund.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PaymentProviderError(`${what} answered an invalid body at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

function toResult(refund: z.output<typeof ProviderRefund>): RefundResult {
  return {
    status: refund.status,
    ...(refund.id ? { providerRefundId: refund.id } : {}),
    ...(refund.status === 'declined' ? { declineCode: refund.declineCode ?? 'declined' } : {}),
  };
}
