import { describe, expect, it } from 'vitest';
import { onOrderChanged, onTimer } from '../../../shared/delays/flow.ts';
import { delayedOrderView, matchesDelayFilter, ordersAtRisk } from '../../../shared/delays/ops-view.ts';
import type { DelayWatch } from '../../../shared/delays/watch.ts';
import type { OrderState } from '../../../shared/ingest/order-state.ts';
import { context, expectedShipBy, order, parcel, placedAt, state } from './fixtures.ts';

/** The fixture order, not shipped by its ship-by: one open delay, and the apology sent. */
function lateWatch(current: OrderState = state()): DelayWatch {
  const placed = onOrderChanged(undefined, current, context(placedAt)).watch!;
  const timer = placed.timers.find((t) => t.slot === 'ship_by')!;
  return onTimer(placed, current, timer, context('2024-05-08T22:30:00Z')).watch!;
}

describe('delayedOrderView', () => {
  it('shows the open delays and when the customer was told', () => {
    const view = delayedOrderView(lateWatch());
    expect(view).toMatchObject({ orderId: 'gid://shopify/Order/1001', orderNumber: '#1001', destinationCountry: 'FR', phase: 'awaiting_shipment', customerNotified: true, customerNotifiedAt: '2024-05-08T22:30:00.000Z' });
    expect(view.openDelays).toEqual([expect.objectContaining({ reason: 'not_shipped_in_time', promisedBy: expectedShipBy, detectedAt: '2024-05-08T22:30:00.000Z' })]);
    expect(view.lastNotice?.messageType).toBe('delay_apology');
    expect(view.customerContactedAt).toBeUndefined();
    expect(delayedOrderView({ ...lateWatch(), firstCustomerContactAt: '2024-05-09T08:00:00.000Z' }).customerContactedAt).toBe('2024-05-09T08:00:00.000Z');
  });

  it('leaves out resolved delays and shows an untold customer as such', () => {
    const watch = lateWatch();
    const resolved = { ...watch, notices: [], delays: watch.delays.map((d) => ({ ...d, resolvedAt: '2024-05-09T10:00:00Z', resolution: 'shipped' as const })) };
    expect(delayedOrderView(resolved)).toMatchObject({ openDelays: [], customerNotified: false });
    expect(delayedOrderView(resolved).customerNotifiedAt).toBeUndefined();
  });
});

describe('matchesDelayFilter', () => {
  const view = delayedOrderView({ ...lateWatch(), carrier: 'ups' });
  it('matches on an open delay’s reason and severity, the carrier in any case and the destination', () => {
    expect(matchesDelayFilter(view, {})).toBe(true);
    expect(matchesDelayFilter(view, { reason: 'not_shipped_in_time', carrier: 'UPS', destination: 'FR' })).toBe(true);
    expect(matchesDelayFilter(view, { severity: view.openDelays[0]!.severity })).toBe(true);
    expect(matchesDelayFilter(view, { reason: 'lost_in_transit' })).toBe(false);
    expect(matchesDelayFilter(view, { carrier: 'dhl' })).toBe(false);
    expect(matchesDelayFilter(view, { destination: 'DE' })).toBe(false);
  });
});

describe('ordersAtRisk', () => {
  it('counts shipped orders by their latest carrier and destination, and delayed ones where the measures put them', () => {
    const shippedDe = state(order({ orderId: 'o-2', shippingAddress: { countryCode: 'DE' } }), [parcel({ orderId: 'o-2', fulfillmentId: 'f-1', carrier: { code: 'dhl', name: 'DHL' } }), parcel({ orderId: 'o-2', fulfillmentId: 'f-2', createdAt: '2024-05-08T10:00:00Z' })], { orderId: 'o-2' });
    const unshipped = state(order({ orderId: 'o-3' }), [], { orderId: 'o-3' });
    const late = state();
    const counts = ordersAtRisk([late, shippedDe, unshipped], [lateWatch(late)]);
    expect(counts).toEqual({ byCarrier: { unknown: 1, ups: 1 }, byDestination: { FR: 1, DE: 1 } });
  });
});
