// The order ledger against the local stack's DynamoDB: a Shopify order ingested as usual gives the
// ledger what was paid (303.22), then movements race, repeat and are released.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderKey } from '../../shared/adapters/ingest-store.ts';
import { RefundLedgerStore } from '../../shared/adapters/refund-ledger-store.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { clients, eventually, resourceName, sendShopify, uniqueId } from './support.ts';

const table = resourceName('BackboneStateTable');
const store = new RefundLedgerStore(clients.dynamo, table);
const shopId = 'demo-shopify';
const usd = (amount: number) => ({ amount, currency: 'USD' });
const base = 8_300_000 + Math.floor(Math.random() * 90_000);
let next = 0;

/** A new paid Shopify order of 303.22 USD, ingested; its order id. */
async function paidOrder(): Promise<string> {
  const orderId = base + next++;
  await sendShopify('orders/create', shopifyOrder({ orderId, email: `ledger-${orderId}@example.com` }));
  await eventually(async () => {
    const { Item } = await clients.dynamo.send(new GetCommand({ TableName: table, Key: orderKey(shopId, String(orderId)), ConsistentRead: true }));
    return Item?.state?.order ? true : undefined;
  }, { what: `order ${orderId} ingested` });
  return String(orderId);
}

const refund = (orderId: string, amount: number, key = uniqueId('rf')) => ({ shopId, orderId, kind: 'refund' as const, key, amount: usd(amount), decisionId: `dec-${key}` });

let orders: string[];
beforeAll(async () => {
  orders = await Promise.all([paidOrder(), paidOrder(), paidOrder(), paidOrder(), paidOrder()]);
});

describe('refund ledger', () => {
  it('opens from the ingested order: paid is its total', async () => {
    const summary = await store.open(shopId, orders[0]!);
    expect(summary).toMatchObject({ paid: usd(30322), refunded: usd(0), credited: usd(0), version: 1 });
  });

  it('lets exactly one of two concurrent movements through when together they exceed what was paid', async () => {
    const orderId = orders[1]!;
    const results = await Promise.all([store.reserve(refund(orderId, 20000)), store.record({ ...refund(orderId, 20000), kind: 'store_credit' })]);
    const outcomes = results.map((result) => result.outcome).sort();
    expect(outcomes).toEqual(['exceeds_paid', 'recorded']);
    expect(results.find((result) => result.outcome === 'exceeds_paid')).toEqual({ outcome: 'exceeds_paid', remaining: usd(10322) });
    const { summary, entries } = await store.ledger(shopId, orderId);
    expect(entries).toHaveLength(1);
    expect(summary!.refunded.amount + summary!.credited.amount).toBe(20000);
  });

  it('never lets many concurrent refunds exceed what was paid', async () => {
    const orderId = orders[2]!;
    const results = await Promise.all(Array.from({ length: 5 }, () => store.reserve(refund(orderId, 10000))));
    expect(results.filter((result) => result.outcome === 'recorded')).toHaveLength(3);
    expect(results.filter((result) => result.outcome === 'exceeds_paid')).toHaveLength(2);
    const { summary, entries } = await store.ledger(shopId, orderId);
    expect(summary).toMatchObject({ refunded: usd(30000), version: 4 });
    expect(entries.map((entry) => entry.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('answers the same key twice as a duplicate and moves the money once, also when both race', async () => {
    const orderId = orders[3]!;
    const first = refund(orderId, 5000, uniqueId('rf-same'));
    expect(await store.reserve(first)).toMatchObject({ outcome: 'recorded', entry: { state: 'pending', decisionId: first.decisionId } });
    expect(await store.reserve(first)).toMatchObject({ outcome: 'duplicate', entry: { key: first.key, amount: usd(5000) } });

    const racing = refund(orderId, 7000, uniqueId('rf-race'));
    const outcomes = (await Promise.all([store.reserve(racing), store.reserve(racing)])).map((result) => result.outcome).sort();
    expect(outcomes).toEqual(['duplicate', 'recorded']);
    expect(await store.summary(shopId, orderId)).toMatchObject({ refunded: usd(12000) });
  });

  it('holds money while the provider is asked, gives it back on a decline, and indexes an accepted refund', async () => {
    const orderId = orders[4]!;
    const declined = refund(orderId, 30322);
    const ref = { shopId, orderId, kind: 'refund' as const, key: declined.key };
    expect(await store.reserve(declined)).toMatchObject({ outcome: 'recorded' });
    // Held: nothing else may go back meanwhile.
    expect(await store.reserve(refund(orderId, 1))).toEqual({ outcome: 'exceeds_paid', remaining: usd(0) });
    expect(await store.markUnknown(ref)).toMatchObject({ outcome: 'updated', entry: { state: 'unknown' } });
    expect(await store.release(ref, { declineCode: 'card_declined' })).toMatchObject({ outcome: 'updated', entry: { state: 'declined', declineCode: 'card_declined' } });
    expect(await store.release(ref)).toMatchObject({ outcome: 'already' });
    expect(await store.confirm(ref)).toMatchObject({ outcome: 'invalid_transition', entry: { state: 'declined' } });
    expect(await store.summary(shopId, orderId)).toMatchObject({ refunded: usd(0) });

    const accepted = refund(orderId, 30322);
    const acceptedRef = { shopId, orderId, kind: 'refund' as const, key: accepted.key };
    expect(await store.reserve(accepted)).toMatchObject({ outcome: 'recorded' });
    expect(await store.confirm(acceptedRef, { providerRefundId: `re_${accepted.key}` })).toMatchObject({ outcome: 'updated', entry: { state: 'issued', providerRefundId: `re_${accepted.key}` } });
    expect(await store.confirm(acceptedRef, { providerRefundId: `re_${accepted.key}` })).toMatchObject({ outcome: 'already' });
    expect(await store.entryByProviderRefund(shopId, orderId, `re_${accepted.key}`)).toMatchObject({ key: accepted.key, state: 'issued' });
    expect(await store.summary(shopId, orderId)).toMatchObject({ refunded: usd(30322), paid: usd(30322) });
  });

  it('refuses another currency and an order it does not know', async () => {
    expect(await store.reserve({ ...refund(orders[0]!, 100), amount: { amount: 100, currency: 'EUR' } })).toEqual({ outcome: 'currency_mismatch', expected: 'USD' });
    expect(await store.reserve(refund(`missing-${uniqueId('o')}`, 100))).toEqual({ outcome: 'order_unknown' });
  });
});
