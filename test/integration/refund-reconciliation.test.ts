// Money through the local stack: the fake payment provider (declines, idempotent keys, a timeout
// resolved by a lookup without a second refund) and storefront refunds reconciled with the ledger
// (a Shopify `refunds/create` webhook ends as an external refund, or confirms our own refund).
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderKey } from '../../shared/adapters/ingest-store.ts';
import { HttpPaymentProvider } from '../../shared/adapters/payment-provider.ts';
import { RefundLedgerStore } from '../../shared/adapters/refund-ledger-store.ts';
import { issueRefundOnce } from '../../shared/payments/issue-once.ts';
import { PaymentTimeoutError } from '../../shared/payments/payment-port.ts';
import { shopifyOrder, shopifyRefund } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, eventually, resourceName, sendShopify, settle, uniqueId } from './support.ts';

const table = resourceName('BackboneStateTable');
const ledger = new RefundLedgerStore(clients.dynamo, table);
const shopId = 'demo-shopify';
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('the fake payment provider', () => {
  // An account of its own: the control settings below must not slow down other tests' refunds.
  const account = uniqueId('pay');
  const provider = (timeoutMs = 5_000) => new HttpPaymentProvider(() => ({ apiUrl: `${endpoints.api}/_local/payments/${account}`, apiKey: 'sk_local' }), fetch, timeoutMs);
  const request = (amount: number, key = uniqueId('rf')) => ({ key, shopId, orderId: '8400001', amount: usd(amount), reason: 'Return inspected' });
  const listing = async () => (await api(`/_local/payments/${account}`)).body as { refunds: { key: string; id: string; status: string; requests: number }[] };
  const control = (json: Record<string, unknown>) => api(`/_local/payments/${account}/control`, { method: 'POST', json });

  it('accepts a refund once per key: the same key answers the same refund', async () => {
    const first = request(24900);
    const accepted = await provider().refund(first);
    expect(accepted).toEqual({ status: 'succeeded', providerRefundId: expect.stringMatching(/^re_local_/) });
    expect(await provider().refund(first)).toEqual(accepted);
    const mine = (await listing()).refunds.filter((refund) => refund.key === first.key);
    expect(mine).toEqual([expect.objectContaining({ id: accepted.providerRefundId, status: 'succeeded', requests: 2 })]);
  });

  it('declines amounts ending in 13 minor units, and every refund while told to decline', async () => {
    expect(await provider().refund(request(2413))).toMatchObject({ status: 'declined', declineCode: 'card_declined' });
    await control({ decline: 'do_not_honor' });
    expect(await provider().refund(request(2400))).toMatchObject({ status: 'declined', declineCode: 'do_not_honor' });
    await control({ decline: null });
  });

  it('resolves a timeout by looking the key up, without a second refund', async () => {
    await control({ delayMs: 1_500 });
    const slow = request(9900);
    await expect(provider(200).refund(slow)).rejects.toBeInstanceOf(PaymentTimeoutError);
    const outcome = await issueRefundOnce(provider(200), { ...slow, key: uniqueId('rf-timeout') });
    await control({ delayMs: 0 });
    expect(outcome).toMatchObject({ status: 'succeeded', providerRefundId: expect.stringMatching(/^re_local_/), refundCalls: 1, resolvedByLookup: true });
    const { refunds } = await listing();
    const made = refunds.filter((refund) => refund.id === (outcome as { providerRefundId: string }).providerRefundId);
    expect(made).toEqual([expect.objectContaining({ status: 'succeeded', requests: 1 })]);
    // The first slow refund was made too, once, although its caller never heard back.
    expect(refunds.filter((refund) => refund.key === slow.key)).toHaveLength(1);
  });

  it('finds nothing under a key it never saw', async () => {
    expect(await provider().lookup({ shopId, key: uniqueId('never') })).toEqual({ status: 'not_found' });
  });

  it('serves the demo shops: their configuration points at it', async () => {
    expect((await api('/_local/payments/demo-shopify')).status).toBe(200);
  });
});

describe('storefront refunds reconciled with the ledger', () => {
  const base = 8_400_000 + Math.floor(Math.random() * 90_000);
  const external = { orderId: base, refundId: base * 10 + 7 };
  const echoed = { orderId: base + 1, refundId: base * 10 + 17 };

  beforeAll(async () => {
    for (const { orderId } of [external, echoed]) await sendShopify('orders/create', shopifyOrder({ orderId, email: `recon-${orderId}@example.com` }));
    await settle();
    for (const { orderId } of [external, echoed]) {
      const { Item } = await clients.dynamo.send(new GetCommand({ TableName: table, Key: orderKey(shopId, String(orderId)), ConsistentRead: true }));
      expect(Item?.state?.order?.totals?.total).toEqual(usd(30322));
    }
  });

  // The ledger opens on the first refund and finds it in the order already: recorded once either way.
  it('records a refund made on the storefront as an external refund', async () => {
    await sendShopify('refunds/create', shopifyRefund({ refundId: external.refundId, orderId: external.orderId, amount: '268.92' }));
    await settle();
    const entry = await eventually(() => ledger.entry({ shopId, orderId: String(external.orderId), kind: 'external_refund', key: String(external.refundId) }), { what: 'the external refund entry' });
    expect(entry).toMatchObject({ kind: 'external_refund', state: 'issued', amount: usd(26892), platformRefundId: String(external.refundId), reason: 'Refunded by staff' });
    expect(entry.overRefunded).toBeUndefined();
    expect(await ledger.summary(shopId, String(external.orderId))).toMatchObject({ paid: usd(30322), refunded: usd(26892), overRefunded: false });
  });

  it('records a storefront refund past what was paid, flagged over_refunded', async () => {
    const refundId = external.refundId + 1000;
    await sendShopify('refunds/create', shopifyRefund({ refundId, orderId: external.orderId, amount: '100.00' }));
    await settle();
    const entry = await eventually(() => ledger.entry({ shopId, orderId: String(external.orderId), kind: 'external_refund', key: String(refundId) }), { what: 'the over-refund entry' });
    expect(entry).toMatchObject({ amount: usd(10000), overRefunded: true });
    const { summary, entries } = await ledger.ledger(shopId, String(external.orderId));
    expect(summary).toMatchObject({ refunded: usd(36892), overRefunded: true });
    expect(entries).toHaveLength(2);
    // Nothing of ours may go back on it any more.
    expect(await ledger.reserve({ shopId, orderId: String(external.orderId), kind: 'refund', key: uniqueId('rf'), amount: usd(1) })).toMatchObject({ outcome: 'exceeds_paid', remaining: usd(0) });
  });

  it("confirms our own refund when the storefront echoes it, without counting it twice", async () => {
    const orderId = String(echoed.orderId);
    const key = uniqueId('rf-echo');
    expect(await ledger.reserve({ shopId, orderId, kind: 'refund', key, amount: usd(26892), decisionId: 'dec-echo' })).toMatchObject({ outcome: 'recorded' });
    expect(await ledger.confirm({ shopId, orderId, kind: 'refund', key }, { providerRefundId: String(echoed.refundId) })).toMatchObject({ outcome: 'updated' });

    await sendShopify('refunds/create', shopifyRefund({ refundId: echoed.refundId, orderId: echoed.orderId, amount: '268.92' }));
    await settle();
    const entry = await eventually(async () => {
      const found = await ledger.entry({ shopId, orderId, kind: 'refund', key });
      return found?.confirmedAt ? found : undefined;
    }, { what: 'our refund confirmed' });
    expect(entry).toMatchObject({ state: 'issued', platformRefundId: String(echoed.refundId), providerRefundId: String(echoed.refundId) });
    const { summary, entries } = await ledger.ledger(shopId, orderId);
    expect(entries.map((item) => item.kind)).toEqual(['refund']);
    expect(summary).toMatchObject({ refunded: usd(26892) });
  });
});
