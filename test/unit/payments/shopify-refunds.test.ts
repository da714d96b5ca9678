// The Shopify refunds adapter against a fake Admin API on a local port: calculate then create with
// the key in the note, a replay answered from the order's refunds, lookups, declines and timeouts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ShopifyRefunds } from '../../../shared/adapters/shopify-refunds.ts';
import { issueRefundOnce } from '../../../shared/payments/issue-once.ts';
import { PaymentProviderError, PaymentsNotConfiguredError, PaymentTimeoutError, type RefundRequest } from '../../../shared/payments/payment-port.ts';
import { fakeServer, type FakeServer, type RecordedRequest } from './fake-server.ts';

const request: RefundRequest = { key: 'rf_dec_1', shopId: 'acme', orderId: '450789469', amount: { amount: 2499, currency: 'USD' }, reason: 'Refund decision dec_1' };
const base = '/admin/api/2024-10/orders/450789469';

let server: FakeServer;
beforeAll(async () => (server = await fakeServer()));
afterAll(() => server.close());
beforeEach(() => void server.requests.splice(0));

/** A Shopify order with a captured payment, that remembers the refunds made on it. */
function shopifyOrder(options: { refundable?: string; transactionStatus?: string; createStatus?: number } = {}) {
  const refunds: any[] = [];
  server.handle((req: RecordedRequest) => {
    if (req.method === 'GET' && req.path === `${base}/refunds.json`) return { status: 200, body: { refunds } };
    if (req.method === 'POST' && req.path === `${base}/refunds/calculate.json`) {
      return { status: 200, body: { refund: { currency: 'USD', transactions: [{ order_id: 450789469, kind: 'suggested_refund', gateway: 'shopify_payments', parent_id: 801038806, amount: '0.00', maximum_refundable: options.refundable ?? '50.00' }] } } };
    }
    if (req.method === 'POST' && req.path === `${base}/refunds.json`) {
      if (options.createStatus) return { status: options.createStatus, body: { errors: { base: ['Amount cannot be greater than the refundable amount'] } } };
      const refund = { id: 509562969 + refunds.length, order_id: 450789469, note: req.body.refund.note, transactions: req.body.refund.transactions.map((t: any, i: number) => ({ id: 1000 + i, ...t, status: options.transactionStatus ?? 'success', error_code: options.transactionStatus === 'failure' ? 'card_declined' : null })) };
      refunds.push(refund);
      return { status: 201, body: { refund } };
    }
    return { status: 404, body: { errors: 'Not Found' } };
  });
  return refunds;
}

const adapter = (timeoutMs = 2_000) => new ShopifyRefunds(() => ({ origin: server.url, accessToken: 'shpat_test' }), fetch, timeoutMs);

describe('ShopifyRefunds', () => {
  it('calculates, then refunds the capture through its gateway with the key in the note', async () => {
    const refunds = shopifyOrder();
    expect(await adapter().refund(request)).toEqual({ status: 'succeeded', providerRefundId: '509562969' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${base}/refunds.json`, `POST ${base}/refunds/calculate.json`, `POST ${base}/refunds.json`]);
    const created = server.requests[2]!;
    expect(created.headers['x-shopify-access-token']).toBe('shpat_test');
    expect(created.body.refund).toMatchObject({ currency: 'USD', notify: false, transactions: [{ parent_id: 801038806, amount: '24.99', kind: 'refund', gateway: 'shopify_payments' }] });
    expect(created.body.refund.note).toContain('[rf_dec_1]');
    expect(refunds).toHaveLength(1);
  });

  it('answers a replay of the key with the first refund, never a second one', async () => {
    const refunds = shopifyOrder();
    const first = await adapter().refund(request);
    expect(await adapter().refund(request)).toEqual(first);
    expect(refunds).toHaveLength(1);
  });

  it('looks a key up on the order, and reads an unknown key as not found', async () => {
    shopifyOrder();
    expect(await adapter().lookup({ shopId: 'acme', key: 'rf_dec_1', orderId: request.orderId })).toEqual({ status: 'not_found' });
    await adapter().refund(request);
    expect(await adapter().lookup({ shopId: 'acme', key: 'rf_dec_1', orderId: request.orderId })).toEqual({ status: 'succeeded', providerRefundId: '509562969' });
    expect(await adapter().lookup({ shopId: 'acme', key: 'rf_dec', orderId: request.orderId })).toEqual({ status: 'not_found' });
  });

  it('declines what the order cannot refund, a failed gateway transaction, and what Shopify rejects', async () => {
    shopifyOrder({ refundable: '10.00' });
    expect(await adapter().refund(request)).toEqual({ status: 'declined', declineCode: 'exceeds_refundable' });
    expect(server.requests.some((r) => r.path === `${base}/refunds.json` && r.method === 'POST')).toBe(false);
    shopifyOrder({ transactionStatus: 'failure' });
    expect(await adapter().refund(request)).toEqual({ status: 'declined', providerRefundId: '509562969', declineCode: 'card_declined' });
    shopifyOrder({ createStatus: 422 });
    expect(await adapter().refund(request)).toEqual({ status: 'declined', declineCode: 'shopify_rejected' });
  });

  it('reads a pending gateway transaction as pending', async () => {
    shopifyOrder({ transactionStatus: 'pending' });
    expect(await adapter().refund(request)).toEqual({ status: 'pending', providerRefundId: '509562969' });
  });

  it('times out as PaymentTimeoutError, and issueRefundOnce resolves it by looking the key up without paying twice', async () => {
    const refunds: any[] = [];
    let slow = true;
    server.handle((req) => {
      if (req.method === 'GET') return { status: 200, body: { refunds } };
      if (req.path.endsWith('/calculate.json')) return { status: 200, body: { refund: { currency: 'USD', transactions: [{ gateway: 'bogus', parent_id: 1, maximum_refundable: '50.00' }] } } };
      // Shopify makes the refund, but the answer comes too late.
      refunds.push({ id: 77, note: req.body.refund.note, transactions: [{ kind: 'refund', status: 'success' }] });
      if (slow) return (slow = false), 'hang';
      return { status: 201, body: { refund: refunds.at(-1) } };
    });
    await expect(adapter(300).refund(request)).rejects.toBeInstanceOf(PaymentTimeoutError);
    slow = true;
    refunds.splice(0);
    const outcome = await issueRefundOnce(adapter(300), request);
    expect(outcome).toMatchObject({ status: 'succeeded', providerRefundId: '77', resolvedByLookup: true, refundCalls: 1 });
    expect(refunds).toHaveLength(1);
  });

  it('throws PaymentProviderError when throttled, and PaymentsNotConfiguredError without Admin access', async () => {
    server.handle(() => ({ status: 429, body: { errors: 'Exceeded 2 calls per second' } }));
    await expect(adapter().refund(request)).rejects.toBeInstanceOf(PaymentProviderError);
    await expect(new ShopifyRefunds(() => undefined).refund(request)).rejects.toBeInstanceOf(PaymentsNotConfiguredError);
  });
});
