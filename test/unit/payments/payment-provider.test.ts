// The HTTP payment adapter against a scripted fetch: the idempotency key and credentials it sends,
// how it reads answers, and which failures are timeouts (look the key up) and which are not.
import { describe, expect, it } from 'vitest';
import { HttpPaymentProvider } from '../../../shared/adapters/payment-provider.ts';
import { PaymentProviderError, PaymentsNotConfiguredError, PaymentTimeoutError, type RefundRequest } from '../../../shared/payments/payment-port.ts';

const request: RefundRequest = { key: 'rf_01HXA1', shopId: 'acme', orderId: 'o1', amount: { amount: 24900, currency: 'USD' }, reason: 'Return inspected' };
const config = { apiUrl: 'https://pay.example/v1/', apiKey: 'sk_test' };

function fetchAnswering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

describe('HttpPaymentProvider', () => {
  it('posts the refund with the idempotency key and the bearer key, and reads the answer', async () => {
    const { fetchImpl, calls } = fetchAnswering(201, { id: 're_1', status: 'succeeded' });
    const result = await new HttpPaymentProvider(() => config, fetchImpl).refund(request);
    expect(result).toEqual({ status: 'succeeded', providerRefundId: 're_1' });
    const [call] = calls;
    expect(call!.url).toBe('https://pay.example/v1/refunds');
    expect(call!.init.method).toBe('POST');
    expect(call!.init.headers).toMatchObject({ 'idempotency-key': 'rf_01HXA1', authorization: 'Bearer sk_test', 'content-type': 'application/json' });
    expect(JSON.parse(call!.init.body as string)).toEqual({ orderId: 'o1', amount: { amount: 24900, currency: 'USD' }, reason: 'Return inspected' });
  });

  it('reads a 402 as a decline with its code', async () => {
    const { fetchImpl } = fetchAnswering(402, { id: 're_2', status: 'declined', declineCode: 'card_declined' });
    expect(await new HttpPaymentProvider(() => config, fetchImpl).refund(request)).toEqual({ status: 'declined', providerRefundId: 're_2', declineCode: 'card_declined' });
  });

  it('looks a key up, and reads 404 as not found', async () => {
    const found = fetchAnswering(200, { id: 're_1', status: 'pending' });
    expect(await new HttpPaymentProvider(() => config, found.fetchImpl).lookup({ shopId: 'acme', key: 'rf/1' })).toEqual({ status: 'pending', providerRefundId: 're_1' });
    expect(found.calls[0]!.url).toBe('https://pay.example/v1/refunds/by-key/rf%2F1');
    const missing = fetchAnswering(404, { error: 'not_found' });
    expect(await new HttpPaymentProvider(() => config, missing.fetchImpl).lookup({ shopId: 'acme', key: 'rf_1' })).toEqual({ status: 'not_found' });
  });

  it('throws PaymentTimeoutError when no answer comes in time', async () => {
    const never = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof fetch;
    await expect(new HttpPaymentProvider(() => config, never, 20).refund(request)).rejects.toBeInstanceOf(PaymentTimeoutError);
  });

  it('throws PaymentProviderError for a reused key, a server error or a body outside the contract', async () => {
    for (const [status, body] of [[409, { error: 'idempotency_key_reused' }], [500, 'oops'], [200, { id: 're_1', status: 'done' }], [200, 'not json']] as const) {
      const { fetchImpl } = fetchAnswering(status, body);
      await expect(new HttpPaymentProvider(() => config, fetchImpl).refund(request)).rejects.toBeInstanceOf(PaymentProviderError);
    }
  });

  it('throws PaymentProviderError when the provider cannot be reached', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(new HttpPaymentProvider(() => config, refused).refund(request)).rejects.toBeInstanceOf(PaymentProviderError);
  });

  it('refuses a shop without a payment provider', async () => {
    const { fetchImpl, calls } = fetchAnswering(200, {});
    await expect(new HttpPaymentProvider(() => undefined, fetchImpl).refund(request)).rejects.toBeInstanceOf(PaymentsNotConfiguredError);
    expect(calls).toHaveLength(0);
  });
});
