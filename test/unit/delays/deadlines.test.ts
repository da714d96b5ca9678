import { describe, expect, it } from 'vitest';
import { deliverByDeadline, planTimers, shipByDeadline, type TimerPlan } from '../../../shared/delays/deadlines.ts';
import { DelayWatch, delayTimerId, orderProgress, type OrderProgress } from '../../../shared/delays/watch.ts';
import { TimersRequested } from '../../../shared/events/timers.ts';
import type { OrderState } from '../../../shared/ingest/order-state.ts';
import { context, expectedDeliverBy, expectedShipBy, order, parcel, placedAt, plus, settings, state, timeZone } from './fixtures.ts';

const progressOf = (s: OrderState): OrderProgress => orderProgress(s)!;
const idPattern = (slot: string, generation: number) => new RegExp(`^dly-[0-9a-f]{24}-${slot}-g${generation}$`);
const slots = (plan: TimerPlan) => Object.fromEntries(plan.watch!.timers.map((t) => [t.slot, t]));

/** Every plan is a valid TimersRequested (when it has anything) and a valid stored watch; nothing is set and cancelled at once. */
function checked(plan: TimerPlan): TimerPlan {
  if (plan.set.length + plan.cancel.length > 0) TimersRequested.detail.parse({ version: 1, shopId: 'acme', occurredAt: placedAt, set: plan.set, cancel: plan.cancel });
  if (plan.watch) DelayWatch.parse(plan.watch);
  const setIds = new Set(plan.set.map((t) => t.timerId));
  expect(plan.cancel.filter((id) => setIds.has(id))).toEqual([]);
  return plan;
}
const plan = (previous: DelayWatch | undefined, s: OrderState, now = placedAt, input = {}) => checked(planTimers(previous, s, context(now, input)));

describe('deadlines', () => {
  it('ship-by: order time plus handling business days of the method, or the storefront own', () => {
    expect(shipByDeadline(progressOf(state()), settings(), timeZone)).toEqual({ at: expectedShipBy, source: 'handling_time' });
    const express = settings({ handling: { byShippingMethod: [{ code: 'express', days: 0 }] } });
    expect(shipByDeadline(progressOf(state(order({ shippingMethod: { code: 'express', title: 'Express' } }))), express, timeZone).at).toBe('2024-05-06T21:59:59.000Z');
    expect(shipByDeadline(progressOf(state(order({ shipBy: '2024-05-10T12:00:00Z' }))), settings(), timeZone)).toEqual({ at: '2024-05-10T12:00:00Z', source: 'storefront' });
  });

  it('deliver-by before shipping: ship-by plus transit to the destination', () => {
    const progress = progressOf(state());
    const shipBy = shipByDeadline(progress, settings(), timeZone);
    expect(deliverByDeadline(progress, shipBy, settings(), timeZone)).toEqual({ at: expectedDeliverBy, source: 'transit_time' });
    const toJapan = progressOf(state(order({ shippingAddress: { countryCode: 'JP' } })));
    expect(deliverByDeadline(toJapan, shipBy, settings({ transit: { byCountry: [{ countryCode: 'JP', days: 10 }] } }), timeZone)?.at).toBe('2024-05-22T21:59:59.000Z');
    expect(deliverByDeadline(toJapan, shipBy, settings({ transit: { unit: 'calendar_days', defaultDays: 10 } }), timeZone)?.at).toBe('2024-05-18T21:59:59.000Z');
  });

  it('deliver-by once shipped: the carrier estimate, else ship time plus the carrier transit; the storefront promise wins', () => {
    const shipped = progressOf(state(order({ fulfillmentStatus: 'fulfilled' }), [parcel()]));
    const shipBy = { at: expectedShipBy, source: 'handling_time' as const };
    expect(deliverByDeadline(shipped, shipBy, settings(), timeZone)).toEqual({ at: '2024-05-14T21:59:59.000Z', source: 'transit_time' });
    expect(deliverByDeadline(shipped, shipBy, settings({ transit: { byCarrier: [{ carrier: 'ups', days: 1 }] } }), timeZone)?.at).toBe('2024-05-08T21:59:59.000Z');
    const estimated = progressOf(state(order(), [parcel({ estimatedDeliveryAt: '2024-05-10T18:00:00Z' })]));
    expect(deliverByDeadline(estimated, shipBy, settings(), timeZone)).toEqual({ at: '2024-05-10T18:00:00Z', source: 'carrier_estimate' });
    const promised = progressOf(state(order({ deliverBy: '2024-05-20T21:59:59Z' }), [parcel({ estimatedDeliveryAt: '2024-05-10T18:00:00Z' })]));
    expect(deliverByDeadline(promised, shipBy, settings(), timeZone)).toEqual({ at: '2024-05-20T21:59:59Z', source: 'storefront' });
  });
});

describe('planTimers', () => {
  it('arms ship_by and deliver_by for a new order, with deterministic valid ids', () => {
    const first = plan(undefined, state());
    expect(first.cancel).toEqual([]);
    expect(first.set.map((t) => [t.kind, t.dueAt, t.orderId])).toEqual([
      ['ship_by', expectedShipBy, 'gid://shopify/Order/1001'],
      ['deliver_by', expectedDeliverBy, 'gid://shopify/Order/1001'],
    ]);
    expect(first.set[0]!.timerId).toMatch(idPattern('ship_by', 1));
    expect(first.set[0]!.timerId).toBe(delayTimerId('acme', 'gid://shopify/Order/1001', 'ship_by', 1));
    expect(first.watch).toMatchObject({ phase: 'awaiting_shipment', orderNumber: '#1001', destinationCountry: 'FR', deadlines: { originalDeliverBy: expectedDeliverBy } });
    // Another order of the same shop gets other names.
    expect(delayTimerId('acme', 'gid://shopify/Order/1002', 'ship_by', 1)).not.toBe(first.set[0]!.timerId);
  });

  it('is idempotent: the same order again sets and cancels nothing and keeps the watch', () => {
    const first = plan(undefined, state());
    const again = plan(first.watch, state(), plus(placedAt, 0, 3));
    expect(again).toEqual({ watch: first.watch, set: [], cancel: [] });
    expect(again.watch).toBe(first.watch);
  });

  it('sees a stored watch read back in another key order as unchanged', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reversed) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) : value;
    const stored = reversed(plan(undefined, state()).watch) as DelayWatch;
    expect(plan(stored, state(), plus(placedAt, 0, 3)).watch).toBe(stored);
  });

  it('waits for the order itself when only its parcels are known', () => {
    expect(plan(undefined, state(null, [parcel()]))).toEqual({ watch: undefined, set: [], cancel: [] });
  });

  it('a shipment before the deadline cancels ship_by, moves deliver_by to ship time plus transit and arms stalled tracking', () => {
    const first = plan(undefined, state());
    const ids = slots(first);
    const shipped = plan(first.watch, state(order({ fulfillmentStatus: 'fulfilled' }), [parcel()]), '2024-05-07T14:05:00Z');
    expect(shipped.cancel.sort()).toEqual([ids.ship_by!.timerId, ids.deliver_by!.timerId].sort());
    expect(shipped.set.map((t) => [t.kind, t.dueAt, t.timerId.replace(/^dly-[0-9a-f]+-/, '')])).toEqual([
      ['deliver_by', '2024-05-14T21:59:59.000Z', 'deliver_by-g2'],
      ['tracking_stalled', '2024-05-12T14:00:00.000Z', 'tracking_stalled-g1'],
    ]);
    expect(shipped.set[1]!.shipmentId).toBe('f-1');
    expect(shipped.watch).toMatchObject({ phase: 'in_transit', carrier: 'ups', shippedAt: '2024-05-07T14:00:00Z', deadlines: { originalDeliverBy: expectedDeliverBy } });
  });

  it('a shipment counts even before the order says fulfilled, but not a partial one', () => {
    const first = plan(undefined, state());
    const shipped = plan(first.watch, state(order(), [parcel()]), '2024-05-07T14:05:00Z');
    expect(slots(shipped).ship_by).toBeUndefined();
    const twoLines = order({
      lines: [
        { lineId: 'l1', title: 'Tent', quantity: 1, unitPrice: { amount: 8900, currency: 'EUR' }, total: { amount: 8900, currency: 'EUR' }, requiresShipping: true },
        { lineId: 'l2', title: 'Stove', quantity: 2, unitPrice: { amount: 0, currency: 'EUR' }, total: { amount: 0, currency: 'EUR' }, requiresShipping: true },
      ],
    });
    const partial = plan(plan(undefined, state(twoLines)).watch, state(twoLines, [parcel()]), '2024-05-07T14:05:00Z');
    expect(partial.watch?.phase).toBe('awaiting_shipment');
    expect(slots(partial).ship_by).toBeDefined();
    expect(partial.cancel.some((id) => id.includes('ship_by'))).toBe(false);
  });

  it('an untracked shipment ends the watch: it could never be seen to arrive', () => {
    const first = plan(undefined, state());
    const untracked = plan(first.watch, state(order({ fulfillmentStatus: 'fulfilled' }), [parcel({ trackingNumbers: [], trackingUrls: [] })]), '2024-05-07T14:05:00Z');
    expect(untracked.set).toEqual([]);
    expect(untracked.cancel).toHaveLength(2);
    expect(untracked.watch?.timers).toEqual([]);
  });

  it('a new carrier estimate moves deliver_by to a new id; the same estimate again changes nothing', () => {
    const shipped = plan(plan(undefined, state()).watch, state(order(), [parcel()]), '2024-05-07T14:05:00Z');
    const old = slots(shipped).deliver_by!;
    const update = parcel({ sourceUpdatedAt: '2024-05-08T09:00:00Z', shipmentStatus: 'in_transit', estimatedDeliveryAt: '2024-05-17T18:00:00Z' });
    const moved = plan(shipped.watch, state(order(), [update]), '2024-05-08T09:01:00Z');
    const deliverBy = moved.set.find((t) => t.kind === 'deliver_by')!;
    expect(moved.cancel).toContain(old.timerId);
    expect(deliverBy).toMatchObject({ dueAt: '2024-05-17T18:00:00Z' });
    expect(deliverBy.timerId).toMatch(idPattern('deliver_by', 3));
    expect(moved.watch?.deadlines.deliverBy).toEqual({ at: '2024-05-17T18:00:00Z', source: 'carrier_estimate' });
    expect(moved.watch?.deadlines.originalDeliverBy).toBe(expectedDeliverBy);
    expect(plan(moved.watch, state(order(), [update]), '2024-05-08T10:00:00Z').set).toEqual([]);
  });

  it('a new storefront promise moves deliver_by', () => {
    const first = plan(undefined, state());
    const promised = plan(first.watch, state(order({ deliverBy: '2024-05-20T21:59:59Z', sourceUpdatedAt: '2024-05-06T09:00:00Z' })), '2024-05-06T09:00:00Z');
    expect(promised.cancel).toEqual([slots(first).deliver_by!.timerId]);
    expect(promised.set).toEqual([expect.objectContaining({ kind: 'deliver_by', dueAt: '2024-05-20T21:59:59Z' })]);
  });

  it('a carrier event re-arms stalled tracking at the event plus the carrier stalled days', () => {
    const input = { stalled: { byCarrier: [{ carrier: 'ups', days: 3 }] } };
    const shipped = plan(plan(undefined, state(), placedAt, input).watch, state(order(), [parcel()]), '2024-05-07T14:05:00Z', input);
    expect(slots(shipped).tracking_stalled!.dueAt).toBe('2024-05-10T14:00:00.000Z');
    const event = parcel({ shipmentStatus: 'in_transit', sourceUpdatedAt: '2024-05-09T06:30:00Z' });
    const rearmed = plan(shipped.watch, state(order(), [event]), '2024-05-09T06:31:00Z', input);
    expect(rearmed.cancel).toEqual([slots(shipped).tracking_stalled!.timerId]);
    expect(rearmed.set).toEqual([expect.objectContaining({ kind: 'tracking_stalled', dueAt: '2024-05-12T06:30:00.000Z', shipmentId: 'f-1' })]);
    expect(rearmed.watch?.lastCarrierEventAt).toBe('2024-05-09T06:30:00Z');
  });

  it('delivery cancels everything', () => {
    const shipped = plan(plan(undefined, state()).watch, state(order(), [parcel()]), '2024-05-07T14:05:00Z');
    const delivered = plan(shipped.watch, state(order(), [parcel({ shipmentStatus: 'delivered', deliveredAt: '2024-05-10T10:00:00Z', sourceUpdatedAt: '2024-05-10T10:00:00Z' })]), '2024-05-10T10:01:00Z');
    expect(delivered.set).toEqual([]);
    expect(delivered.cancel.sort()).toEqual(shipped.watch!.timers.map((t) => t.timerId).sort());
    expect(delivered.watch).toMatchObject({ phase: 'delivered', deliveredAt: '2024-05-10T10:00:00Z', timers: [] });
  });

  it('cancellation (or deletion) cancels everything', () => {
    const first = plan(undefined, state());
    const cancelled = plan(first.watch, state(order({ cancelledAt: '2024-05-06T12:00:00Z', cancelReason: 'customer' })), '2024-05-06T12:00:00Z');
    expect(cancelled.cancel).toHaveLength(2);
    expect(cancelled.watch).toMatchObject({ phase: 'cancelled', timers: [] });
    const deleted = plan(first.watch, state(order(), [], { deletedAt: '2024-05-06T12:00:00Z' }), '2024-05-06T12:00:00Z');
    expect(deleted.cancel).toHaveLength(2);
  });

  it('watches nothing for an order with nothing to ship, or when the shop turned delays off', () => {
    const digital = order({ lines: [{ lineId: 'l1', title: 'Gift card', quantity: 1, unitPrice: { amount: 5000, currency: 'EUR' }, total: { amount: 5000, currency: 'EUR' }, requiresShipping: false }] });
    expect(plan(undefined, state(digital))).toMatchObject({ set: [], cancel: [], watch: { phase: 'nothing_to_ship' } });
    const first = plan(undefined, state());
    const off = plan(first.watch, state(), placedAt, { enabled: false });
    expect(off.set).toEqual([]);
    expect(off.cancel).toHaveLength(2);
  });

  it('does not cancel a timer that already fired, but drops it from the watch', () => {
    const first = plan(undefined, state());
    const watch = { ...first.watch!, timers: first.watch!.timers.map((t) => (t.slot === 'ship_by' ? { ...t, firedAt: plus(expectedShipBy, 0, 1) } : t)) };
    const shipped = plan(watch, state(order(), [parcel({ createdAt: '2024-05-09T10:00:00Z' })]), '2024-05-09T10:05:00Z');
    expect(shipped.cancel).toEqual([slots(first).deliver_by!.timerId]);
    expect(slots(shipped).ship_by).toBeUndefined();
  });
});
