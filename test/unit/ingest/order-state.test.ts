// The order reducer on normalized Shopify deliveries: which events each delivery yields, and that
// stale or repeated deliveries change nothing, whatever order they arrive in.
import { describe, expect, it } from 'vitest';
import { countOrder, countRefund, emptyCustomerState } from '../../../shared/ingest/customer-state.ts';
import { applyFulfillment, applyOrder, applyRefund, emptyOrderState, type OrderChange, type OrderState } from '../../../shared/ingest/order-state.ts';
import { normalizeShopify } from '../../../shared/storefronts/shopify.ts';
import type { NormalizedFulfillment, NormalizedOrder } from '../../../shared/storefronts/normalized.ts';
import { shopifyFulfillment, shopifyOrder } from '../../support/shopify-payloads.ts';

const ctx = { shopId: 'demo-shopify', defaultLocale: 'en' };
const orderId = 4_400_000;

function order(options: Parameters<typeof shopifyOrder>[0], topic = 'orders/updated'): NormalizedOrder {
  const delivery = normalizeShopify(topic, shopifyOrder(options), ctx);
  if (delivery.kind !== 'order') throw new Error(`expected an order, got ${delivery.kind}`);
  return delivery.order;
}

function fulfillment(shipmentStatus: string | null, updatedAt: string): NormalizedFulfillment {
  const delivery = normalizeShopify('fulfillments/update', shopifyFulfillment({ fulfillmentId: 77, orderId, shipmentStatus, updatedAt, createdAt: '2026-11-21T00:00:00Z' }), ctx);
  if (delivery.kind !== 'fulfillment') throw new Error(`expected a fulfillment, got ${delivery.kind}`);
  return delivery.fulfillment;
}

const types = (change: OrderChange | undefined) => change?.events.map((event) => event.definition.detailType);
const start = () => emptyOrderState('demo-shopify', String(orderId));
function then(state: OrderState, change: OrderChange | undefined): OrderState {
  return change ? { ...change.next, version: state.version + 1 } : state;
}

describe('applyOrder', () => {
  it('places a new order once, and ignores the same or an older version', () => {
    const created = order({ orderId, updatedAt: '2026-11-20T10:00:00Z' }, 'orders/create');
    const placed = applyOrder(start(), created);
    expect(types(placed)).toEqual(['OrderPlaced']);
    expect(placed?.newlyPlaced).toBe(created);
    const state = then(start(), placed);
    expect(applyOrder(state, created)).toBeUndefined();
    expect(applyOrder(state, order({ orderId, updatedAt: '2026-11-20T09:00:00Z' }))).toBeUndefined();
  });

  it('announces a cancellation once, even when the cancelled version arrives first', () => {
    const cancelled = order({ orderId, updatedAt: '2026-11-20T12:00:00Z', cancelledAt: '2026-11-20T12:00:00Z' }, 'orders/cancelled');
    const first = applyOrder(start(), cancelled);
    expect(types(first)).toEqual(['OrderPlaced', 'OrderCancelled']);
    const late = applyOrder(then(start(), first), order({ orderId, updatedAt: '2026-11-20T10:00:00Z' }, 'orders/create'));
    expect(late).toBeUndefined();
  });

  it('reports which fields changed in an update', () => {
    const state = then(start(), applyOrder(start(), order({ orderId, updatedAt: '2026-11-20T10:00:00Z' })));
    const moved = applyOrder(state, order({ orderId, updatedAt: '2026-11-20T11:00:00Z', email: 'ada.l@example.com' }));
    expect(types(moved)).toEqual(['OrderUpdated']);
    expect((moved!.events[0]!.detail as { changes: string[] }).changes).toContain('customer');
  });
});

describe('fulfillments', () => {
  it('creates, updates and delivers a shipment, each event once', () => {
    let state = then(start(), applyOrder(start(), order({ orderId })));
    const created = applyFulfillment(state, fulfillment('in_transit', '2026-11-21T09:00:00Z'));
    expect(types(created)).toEqual(['ShipmentCreated', 'ShipmentUpdated']);
    state = then(state, created);
    const delivered = applyFulfillment(state, fulfillment('delivered', '2026-11-23T15:00:00Z'));
    expect(types(delivered)).toEqual(['ShipmentUpdated', 'ShipmentDelivered']);
    state = then(state, delivered);
    expect(applyFulfillment(state, fulfillment('delivered', '2026-11-23T15:00:00Z'))).toBeUndefined();
    expect(applyFulfillment(state, fulfillment('in_transit', '2026-11-22T09:00:00Z'))).toBeUndefined();
  });

  it('keeps a fulfillment that arrives before its order, and does not announce it twice', () => {
    const early = applyFulfillment(start(), fulfillment('in_transit', '2026-11-21T09:00:00Z'));
    expect(types(early)).toEqual(['ShipmentCreated', 'ShipmentUpdated']);
    const state = then(start(), early);
    expect(types(applyOrder(state, order({ orderId, updatedAt: '2026-11-20T10:00:00Z' })))).toEqual(['OrderPlaced']);
  });
});

describe('refunds and the customer totals', () => {
  it('counts an order and its refund once each, net of the refund, per currency', () => {
    const placed = order({ orderId });
    let customer = countOrder(emptyCustomerState('demo-shopify', 'c-1'), placed);
    expect(customer.orderCount).toBe(1);
    expect(customer.netSpend).toEqual({ USD: placed.totals.total.amount });
    const refund = { shopId: 'demo-shopify', refundId: 'r-1', orderId: String(orderId), createdAt: '2026-11-25T00:00:00Z', amount: { amount: 2500, currency: 'USD' }, lines: [] };
    const state = then(start(), applyOrder(start(), placed));
    const refunded = applyRefund(state, refund as never);
    expect(types(refunded)).toEqual(['RefundRecorded']);
    for (const fresh of refunded!.newRefunds) customer = countRefund(customer, fresh);
    expect(customer.netSpend.USD).toBe(placed.totals.total.amount - 2500);
    expect(applyRefund(then(state, refunded), refund as never)).toBeUndefined();
  });
});
