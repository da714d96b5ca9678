// The HTTP store credit adapter against a fake credit service on a local port, and the choice of
// provider per shop (money-providers.ts): the generic JSON providers, or Shopify, as configured.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ShopPaymentProviders, ShopStoreCreditProviders } from '../../../shared/adapters/money-providers.ts';
import { HttpStoreCreditProvider } from '../../../shared/adapters/store-credit-provider.ts';
import { PaymentProviderError, PaymentsNotConfiguredError, PaymentTimeoutError } from '../../../shared/payments/payment-port.ts';
import { StoreCreditNotConfiguredError, type StoreCreditRequest } from '../../../shared/payments/store-credit-port.ts';
import { ShopConfig } from '../../../shared/shops/config.ts';
import { fakeServer, type FakeServer } from './fake-server.ts';

const request: StoreCreditRequest = { key: 'rf_dec_9', shopId: 'acme', orderId: 'o1', customer: { id: 'c1' }, amount: { amount: 2200, currency: 'EUR' }, reason: 'Store credit' };

let server: FakeServer;
beforeAll(async () => (server = await fakeServer()));
afterAll(() => server.close());
beforeEach(() => void server.requests.splice(0));

const provider = (timeoutMs = 2_000) => new HttpStoreCreditProvider(() => ({ apiUrl: `${server.url}/v1/`, apiKey: 'sk_test' }), fetch, timeoutMs);

describe('HttpStoreCreditProvider', () => {
  it('posts the credit with the idempotency key and reads the card with its code', async () => {
    server.handle(() => ({ status: 201, body: { id: 'gc_1', status: 'issued', code: 'ABCD-EFGH-2345', expiresAt: '2025-06-01T00:00:00Z' } }));
    expect(await provider().issue(request)).toEqual({ status: 'issued', creditId: 'gc_1', kind: 'gift_card', code: 'ABCD-EFGH-2345', codeLastCharacters: '2345', expiresAt: '2025-06-01T00:00:00Z' });
    const [call] = server.requests;
    expect(call).toMatchObject({ method: 'POST', path: '/v1/credits', headers: { 'idempotency-key': 'rf_dec_9', authorization: 'Bearer sk_test' } });
    expect(call!.body).toEqual({ orderId: 'o1', customer: { id: 'c1' }, amount: { amount: 2200, currency: 'EUR' }, reason: 'Store credit' });
  });

  it('reads 402 as a decline, looks keys up, and 404 as not found', async () => {
    server.handle((req) =>
      req.method === 'POST' ? { status: 402, body: { status: 'declined', declineCode: 'limit_reached' } } : req.path.endsWith('/rf_dec_9') ? { status: 200, body: { id: 'ac_2', status: 'issued', kind: 'account_credit' } } : { status: 404, body: {} },
    );
    expect(await provider().issue(request)).toEqual({ status: 'declined', declineCode: 'limit_reached' });
    expect(await provider().lookup({ shopId: 'acme', key: 'rf_dec_9' })).toEqual({ status: 'issued', creditId: 'ac_2', kind: 'account_credit' });
    expect(await provider().lookup({ shopId: 'acme', key: 'rf_other' })).toEqual({ status: 'not_found' });
  });

  it('throws PaymentTimeoutError without an answer in time, PaymentProviderError outside the contract', async () => {
    server.handle(() => 'hang');
    await expect(provider(200).issue(request)).rejects.toBeInstanceOf(PaymentTimeoutError);
    for (const answer of [{ status: 409, body: {} }, { status: 500, body: {} }, { status: 200, body: { status: 'maybe' } }]) {
      server.handle(() => answer);
      await expect(provider().issue(request)).rejects.toBeInstanceOf(PaymentProviderError);
    }
  });
});

describe('the providers of a shop', () => {
  const shop = (extra: Record<string, unknown>) => ShopConfig.parse({ shopId: 'acme', name: 'Acme', webhookSecrets: ['0123456789abcdef'], shopify: { domain: 'acme.myshopify.com' }, ...extra });

  it('refunds through the generic provider by default and through Shopify when configured', async () => {
    server.handle((req) => (req.path.startsWith('/pay') ? { status: 201, body: { id: 're_1', status: 'succeeded' } } : { status: 200, body: { refunds: [{ id: 9, note: 'x [rf_dec_9]', transactions: [{ kind: 'refund', status: 'success' }] }] } }));
    const refund = { ...request, amount: { amount: 100, currency: 'USD' } };
    expect(await new ShopPaymentProviders(() => shop({ payments: { apiUrl: `${server.url}/pay` } })).refund(refund)).toEqual({ status: 'succeeded', providerRefundId: 're_1' });
    const viaShopify = new ShopPaymentProviders(() => shop({ payments: { provider: 'shopify', adminAccessToken: 'shpat_x', apiUrl: server.url } }));
    expect(await viaShopify.refund(refund)).toEqual({ status: 'succeeded', providerRefundId: '9' });
    expect(server.requests.at(-1)).toMatchObject({ path: '/admin/api/2024-10/orders/o1/refunds.json', headers: { 'x-shopify-access-token': 'shpat_x' } });
    await expect(new ShopPaymentProviders(() => shop({})).refund(refund)).rejects.toBeInstanceOf(PaymentsNotConfiguredError);
  });

  it('issues store credit only where the shop chose a provider', async () => {
    server.handle(() => ({ status: 201, body: { id: 'gc_1', status: 'issued', codeLastCharacters: 'WXYZ' } }));
    expect(await new ShopStoreCreditProviders(() => shop({ storeCredit: { provider: 'http', apiUrl: server.url } })).issue(request)).toMatchObject({ status: 'issued', creditId: 'gc_1' });
    await expect(new ShopStoreCreditProviders(() => shop({})).issue(request)).rejects.toBeInstanceOf(StoreCreditNotConfiguredError);
    expect(ShopConfig.safeParse({ ...shop({}), storeCredit: { provider: 'shopify' } }).success).toBe(false);
  });
});
