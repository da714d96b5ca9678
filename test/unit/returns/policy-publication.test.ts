import { describe, expect, it } from 'vitest';
import type { OrderState } from '../../../shared/ingest/order-state.ts';
import type { ReturnCase } from '../../../shared/returns/case.ts';
import { dryRun } from '../../../shared/returns/dry-run.ts';
import { dryRunOrders, nextVersion, orderOfState, policyChange, type PolicyVersion } from '../../../shared/returns/policy-publication.ts';
import { defaultReturnPolicy, ReturnPolicy } from '../../../shared/returns/policy.ts';
import { NormalizedFulfillment, NormalizedOrder } from '../../../shared/storefronts/normalized.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const supervisor = { sub: 'sup-1', email: 'sup@example.com', role: 'supervisor' };
const at = new Date('2024-05-20T12:00:00Z');

/** A stored order with two lines of two units, delivered on `deliveredAt` (its fulfilment kept beside it, as ingest stores it). */
function state(orderId: string, deliveredAt: string): OrderState {
  const order = NormalizedOrder.parse({
    shopId: 'acme',
    platform: 'shopify',
    orderId,
    orderNumber: `#${orderId}`,
    createdAt: '2024-05-01T09:00:00Z',
    sourceUpdatedAt: '2024-05-01T09:00:00Z',
    currency: 'USD',
    customer: {},
    lines: ['1', '2'].map((n) => ({ lineId: `${orderId}-${n}`, title: n, quantity: 2, unitPrice: usd(4000), total: usd(8000), requiresShipping: true })),
    totals: { subtotal: usd(16000), discounts: usd(0), shipping: usd(0), tax: usd(0), total: usd(16000) },
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
  });
  const fulfillment = NormalizedFulfillment.parse({
    shopId: 'acme',
    fulfillmentId: `f-${orderId}`,
    orderId,
    status: 'success',
    trackingNumbers: [],
    trackingUrls: [],
    lines: order.lines.map((line) => ({ lineId: line.lineId, quantity: 2 })),
    createdAt: '2024-05-02T09:00:00Z',
    sourceUpdatedAt: deliveredAt,
    deliveredAt,
  });
  return { shopId: 'acme', orderId, order, fulfillments: { [fulfillment.fulfillmentId]: fulfillment }, refunds: {}, version: 3 };
}

const returnOf = (orderId: string, status: ReturnCase['status'], lineItemId: string, quantity: number) =>
  ({ id: `ret-${orderId}-${status}`, orderId, status, lines: [{ lineItemId, quantity, reason: 'changed_mind', resolution: 'store_credit' }] }) as unknown as ReturnCase;

describe('nextVersion', () => {
  it('publishes the draft as the version after the current one, whatever version the draft names', () => {
    const current: PolicyVersion = { version: 0, policy: defaultReturnPolicy };
    const draft = ReturnPolicy.parse({ ...defaultReturnPolicy, version: 7, windowDays: 14 });
    const next = nextVersion(current, draft, { at, by: supervisor, reason: 'Shorter window' });
    expect(next).toEqual({ version: 1, policy: { ...draft, version: 1 }, publishedAt: '2024-05-20T12:00:00.000Z', publishedBy: supervisor, reason: 'Shorter window' });
    expect(nextVersion(next, draft, { at, by: supervisor, reason: 'again' }).policy.version).toBe(2);
  });
});

describe('policyChange', () => {
  it('shows the versions and only the settings that changed, before and after', () => {
    const current: PolicyVersion = { version: 3, policy: { ...defaultReturnPolicy, version: 3 } };
    const draft = ReturnPolicy.parse({ ...defaultReturnPolicy, windowDays: 14, exclusions: { tags: ['swimwear'] }, storeCreditBonusPercent: 10 });
    const next = nextVersion(current, draft, { at, by: supervisor, reason: 'Summer' });
    expect(policyChange(current, next)).toEqual({
      before: { version: 3, windowDays: 30, exclusions: defaultReturnPolicy.exclusions },
      after: { version: 4, windowDays: 14, exclusions: { ...defaultReturnPolicy.exclusions, tags: ['swimwear'] }, storeCreditBonusPercent: 10 },
    });
  });

  it('shows only the versions when nothing but the version changed', () => {
    const current: PolicyVersion = { version: 0, policy: defaultReturnPolicy };
    expect(policyChange(current, nextVersion(current, defaultReturnPolicy, { at, by: supervisor, reason: 'Publish the default' }))).toEqual({ before: { version: 0 }, after: { version: 1 } });
  });
});

describe('orderOfState', () => {
  it('joins the stored fulfilments and refunds to the order, as eligibility takes it', () => {
    const stored = state('A', '2024-05-10T12:00:00Z');
    expect(orderOfState(stored)).toEqual({ ...stored.order, fulfillments: Object.values(stored.fulfillments), refunds: [] });
    expect(orderOfState({ shopId: 'acme', orderId: 'B', fulfillments: stored.fulfillments, refunds: {}, version: 1 })).toBeUndefined();
  });
});

describe('dryRunOrders', () => {
  it('skips states without an order and counts the units already in returns that still hold them', () => {
    const [a, b] = [state('A', '2024-05-10T12:00:00Z'), state('B', '2024-05-18T12:00:00Z')];
    const orphan: OrderState = { shopId: 'acme', orderId: 'C', fulfillments: {}, refunds: {}, version: 1 };
    const cases: Record<string, ReturnCase[]> = { A: [returnOf('A', 'approved', 'A-1', 1), returnOf('A', 'rejected', 'A-2', 2)] };
    const orders = dryRunOrders([a, orphan, b], (orderId) => cases[orderId] ?? []);
    expect(orders.map((o) => [o.order.orderId, o.alreadyReturned])).toEqual([
      ['A', { 'A-1': 1 }], // the rejected return gave its units back
      ['B', undefined],
    ]);
    // What the dry run makes of it: A-1 has one unit left to return under either policy.
    const draft = ReturnPolicy.parse({ ...defaultReturnPolicy, version: 2, windowDays: 5 });
    const result = dryRun({ current: defaultReturnPolicy, draft, orders, now: at });
    expect(result.totals).toMatchObject({ orders: 2, lines: 4, becomeNotReturnable: 2 });
    expect(result.changes.find((c) => c.lineItemId === 'A-1')).toMatchObject({ before: { returnable: true, maxQuantity: 1 }, after: { returnable: false, maxQuantity: 0, rules: ['window.expired'] } });
  });
});
