import { describe, expect, it } from 'vitest';
import { planTimers } from '../../../shared/delays/deadlines.ts';
import { carrierExceptionReason, onOrderProgress, onTimerFired, onTrackingUpdate, resolveDelay, type TimerOutcome } from '../../../shared/delays/detection.ts';
import type { DelayWatch, TimerSlot } from '../../../shared/delays/watch.ts';
import { DelayDetected, DelayResolved } from '../../../shared/events/delays.ts';
import type { OrderState } from '../../../shared/ingest/order-state.ts';
import type { NormalizedFulfillment } from '../../../shared/storefronts/normalized.ts';
import { context, expectedDeliverBy, expectedShipBy, order, parcel, placedAt, plus, state } from './fixtures.ts';

const courtesy = { compensation: { afterDays: 15, discount: { type: 'percent' as const, percent: 10 } } };
const watchFor = (s: OrderState = state(), now = placedAt, input = {}) => planTimers(undefined, s, context(now, input)).watch!;
const replan = (watch: DelayWatch, s: OrderState, now: string, input = {}) => planTimers(watch, s, context(now, input));
const timer = (watch: DelayWatch, slot: TimerSlot) => {
  const found = watch.timers.find((t) => t.slot === slot);
  if (!found) throw new Error(`no ${slot} timer in ${watch.timers.map((t) => t.slot).join(', ')}`);
  return found;
};
const fire = (watch: DelayWatch, s: OrderState, slot: TimerSlot, now: string, input = {}) => onTimerFired(watch, s, timer(watch, slot), context(now, input));
function detected(outcome: TimerOutcome) {
  if (outcome.outcome !== 'detected') throw new Error(`expected a detection, got ${outcome.outcome} ${'why' in outcome ? outcome.why : ''}`);
  DelayDetected.detail.parse(outcome.detail);
  return outcome;
}
const why = (outcome: TimerOutcome) => (outcome.outcome === 'ignored' ? outcome.why : outcome.outcome);

const shippedState = (p: Partial<NormalizedFulfillment> = {}) => state(order({ fulfillmentStatus: 'fulfilled' }), [parcel(p)]);
/** A watch for an order shipped on Tuesday 7 May, its timers armed. */
const shippedWatch = (p: Partial<NormalizedFulfillment> = {}, input = {}) => replan(watchFor(state(), placedAt, input), shippedState(p), '2024-05-07T14:05:00Z', input).watch!;

describe('not shipped in time (ship_by timer)', () => {
  it('is not detected before the deadline, exactly once after', () => {
    const watch = watchFor();
    expect(fire(watch, state(), 'ship_by', plus(expectedShipBy, 0, -1))).toEqual({ outcome: 'ignored', why: 'not_due', watch });
    const found = detected(fire(watch, state(), 'ship_by', '2024-05-08T22:29:59Z'));
    expect(found.detail).toMatchObject({
      shopId: 'acme',
      orderId: 'gid://shopify/Order/1001',
      orderNumber: '#1001',
      customer: { id: 'c-1', email: 'ada@example.com', locale: 'en-GB' },
      reason: 'not_shipped_in_time',
      severity: 'low',
      promisedBy: expectedShipBy,
      overdueMinutes: 30,
      detectedBy: 'timer',
      occurredAt: '2024-05-08T22:29:59.000Z',
    });
    expect(found.watch.delays).toHaveLength(1);
    expect(why(fire(found.watch, state(), 'ship_by', '2024-05-08T22:35:00Z'))).toBe('already_fired');
    // A redelivered TimerFired read before the first write names the same delay.
    expect(detected(fire(watch, state(), 'ship_by', '2024-05-08T22:31:00Z')).delay.delayId).toBe(found.delay.delayId);
  });

  it('a shipment before the deadline cancels it: the stale timer, if it still fires, is ignored', () => {
    const watch = watchFor();
    const shipBy = timer(watch, 'ship_by');
    const shipped = replan(watch, shippedState(), '2024-05-07T14:05:00Z');
    expect(shipped.cancel).toContain(shipBy.timerId);
    expect(why(onTimerFired(shipped.watch!, shippedState(), shipBy, context('2024-05-08T22:00:00Z')))).toBe('unknown_timer');
    // Fired before the watch caught up with the shipment: the order says shipped, nothing is detected.
    expect(why(onTimerFired(watch, shippedState(), shipBy, context('2024-05-08T22:00:00Z')))).toBe('no_longer_applies');
  });
});

describe('delivery overdue (deliver_by timer)', () => {
  it('is not detected before deliver-by, exactly once after', () => {
    const watch = shippedWatch();
    const due = timer(watch, 'deliver_by').dueAt;
    expect(due).toBe('2024-05-14T21:59:59.000Z');
    expect(why(fire(watch, shippedState(), 'deliver_by', plus(due, 0, -2)))).toBe('not_due');
    const found = detected(fire(watch, shippedState(), 'deliver_by', plus(due, 0, 2)));
    expect(found.detail).toMatchObject({ reason: 'delivery_overdue', severity: 'medium', promisedBy: due, overdueMinutes: 120, shipmentId: undefined });
    expect(found.delay.carrier).toBe('ups');
    expect(why(fire(found.watch, shippedState(), 'deliver_by', plus(due, 0, 3)))).toBe('already_fired');
  });

  it('a new promise moves it: the old timer is stale, the new one detects once for the new promise', () => {
    const watch = shippedWatch();
    const old = timer(watch, 'deliver_by');
    const later = shippedState({ shipmentStatus: 'in_transit', sourceUpdatedAt: '2024-05-13T08:00:00Z', estimatedDeliveryAt: '2024-05-16T18:00:00Z' });
    const moved = replan(watch, later, '2024-05-13T08:01:00Z').watch!;
    expect(why(onTimerFired(moved, later, old, context(plus(old.dueAt, 0, 1))))).toBe('unknown_timer');
    expect(why(fire(moved, later, 'deliver_by', '2024-05-16T17:00:00Z'))).toBe('not_due');
    const found = detected(fire(moved, later, 'deliver_by', '2024-05-16T18:30:00Z'));
    expect(found.detail).toMatchObject({ promisedBy: '2024-05-16T18:00:00Z', overdueMinutes: 30 });
  });

  it('is not detected for a delivered or cancelled order', () => {
    const watch = shippedWatch();
    const delivered = shippedState({ shipmentStatus: 'delivered', deliveredAt: '2024-05-14T10:00:00Z' });
    expect(why(fire(watch, delivered, 'deliver_by', '2024-05-15T10:00:00Z'))).toBe('no_longer_applies');
    const cancelled = state(order({ cancelledAt: '2024-05-09T10:00:00Z' }), [parcel()]);
    expect(why(fire(watch, cancelled, 'deliver_by', '2024-05-15T10:00:00Z'))).toBe('no_longer_applies');
  });

  it('escalates severity with days past the original deliver-by', () => {
    const watch = shippedWatch();
    const later = shippedState({ shipmentStatus: 'in_transit', sourceUpdatedAt: '2024-05-20T08:00:00Z', estimatedDeliveryAt: '2024-05-22T18:00:00Z' });
    const moved = replan(watch, later, '2024-05-20T08:01:00Z').watch!;
    // Eight days past the original deliver-by (15 May, end of day).
    expect(detected(fire(moved, later, 'deliver_by', '2024-05-23T22:00:00Z')).detail.severity).toBe('high');
  });
});

describe('tracking stalled (tracking_stalled timer)', () => {
  it('is detected once after the stalled days without news, and resolved when the carrier speaks again', () => {
    const watch = shippedWatch();
    expect(timer(watch, 'tracking_stalled').dueAt).toBe('2024-05-12T14:00:00.000Z');
    expect(why(fire(watch, shippedState(), 'tracking_stalled', '2024-05-12T13:59:00Z'))).toBe('not_due');
    const found = detected(fire(watch, shippedState(), 'tracking_stalled', '2024-05-12T14:00:30Z'));
    expect(found.detail).toMatchObject({ reason: 'tracking_stalled', shipmentId: 'f-1', promisedBy: '2024-05-14T21:59:59.000Z', detectedBy: 'timer' });
    expect(found.delay.lastEventAt).toBe('2024-05-07T14:00:00Z');
    expect(why(fire(found.watch, shippedState(), 'tracking_stalled', '2024-05-12T15:00:00Z'))).toBe('already_fired');

    const news = parcel({ shipmentStatus: 'in_transit', sourceUpdatedAt: '2024-05-13T07:00:00Z' });
    const resumed = onTrackingUpdate(found.watch, shippedState(news), news, context('2024-05-13T07:01:00Z'));
    expect(resumed.detected).toEqual([]);
    expect(resumed.resolved).toEqual([expect.objectContaining({ delayId: found.delay.delayId, resolution: 'tracking_resumed', durationMinutes: 17 * 60 })]);
    resumed.resolved.forEach((detail) => DelayResolved.detail.parse(detail));
    // And the timer is re-armed from the new event.
    expect(replan(resumed.watch, shippedState(news), '2024-05-13T07:01:00Z').set).toEqual([expect.objectContaining({ kind: 'tracking_stalled', dueAt: '2024-05-18T07:00:00.000Z' })]);
  });
});

describe('carrier exceptions (tracking updates)', () => {
  const cases: Array<[Partial<NormalizedFulfillment>, string]> = [
    [{ shipmentStatus: 'failure', statusDetail: 'Delivery attempted' }, 'delivery_failed'],
    [{ shipmentStatus: 'failure' }, 'carrier_exception'],
    [{ shipmentStatus: 'returned_to_sender' }, 'returned_to_sender'],
    [{ shipmentStatus: 'customs_hold', statusDetail: 'Held by customs: awaiting documents' }, 'customs_hold'],
    [{ shipmentStatus: 'lost' }, 'lost_in_transit'],
  ];

  it.each(cases)('%o is detected as %s, exactly once per promise', (status, reason) => {
    const watch = shippedWatch();
    const update = parcel({ ...status, sourceUpdatedAt: '2024-05-10T09:00:00Z' });
    expect(carrierExceptionReason(update)).toBe(reason);
    const first = onTrackingUpdate(watch, shippedState(update), update, context('2024-05-10T09:01:00Z'));
    expect(first.detected).toHaveLength(1);
    const detail = DelayDetected.detail.parse(first.detected[0]!.detail);
    expect(detail).toMatchObject({ reason, shipmentId: 'f-1', detectedBy: 'tracking', promisedBy: '2024-05-14T21:59:59.000Z' });
    expect(detail.overdueMinutes).toBeUndefined();
    const again = parcel({ ...status, sourceUpdatedAt: '2024-05-10T15:00:00Z' });
    expect(onTrackingUpdate(first.watch, shippedState(again), again, context('2024-05-10T15:01:00Z')).detected).toEqual([]);
  });

  it('ordinary statuses are not exceptions', () => {
    for (const shipmentStatus of ['label_created', 'in_transit', 'out_for_delivery', 'available_for_pickup', 'delivered'] as const) expect(carrierExceptionReason({ shipmentStatus })).toBeUndefined();
    expect(carrierExceptionReason({})).toBeUndefined();
  });

  it('a parcel leaving customs resolves the customs hold; lost severity is critical', () => {
    const watch = shippedWatch();
    const held = parcel({ shipmentStatus: 'customs_hold', sourceUpdatedAt: '2024-05-10T09:00:00Z' });
    const hold = onTrackingUpdate(watch, shippedState(held), held, context('2024-05-10T09:01:00Z'));
    const moving = parcel({ shipmentStatus: 'in_transit', sourceUpdatedAt: '2024-05-11T09:00:00Z' });
    const cleared = onTrackingUpdate(hold.watch, shippedState(moving), moving, context('2024-05-11T09:01:00Z'));
    expect(cleared.resolved).toEqual([expect.objectContaining({ delayId: hold.detected[0]!.delay.delayId, resolution: 'tracking_resumed' })]);
    const lost = parcel({ shipmentStatus: 'lost', sourceUpdatedAt: '2024-05-12T09:00:00Z' });
    expect(onTrackingUpdate(cleared.watch, shippedState(lost), lost, context('2024-05-12T09:01:00Z')).detected[0]!.detail.severity).toBe('critical');
  });

  it('a carrier estimate past the original deliver-by is a delay before the date is missed', () => {
    const watch = shippedWatch();
    const slipped = parcel({ shipmentStatus: 'in_transit', sourceUpdatedAt: '2024-05-10T09:00:00Z', estimatedDeliveryAt: '2024-05-18T18:00:00Z' });
    const result = onTrackingUpdate(watch, shippedState(slipped), slipped, context('2024-05-10T09:01:00Z'));
    expect(result.detected.map((d) => d.detail)).toEqual([
      expect.objectContaining({ reason: 'delivery_overdue', detectedBy: 'tracking', promisedBy: expectedDeliverBy, estimatedAt: '2024-05-18T18:00:00Z', overdueMinutes: undefined }),
    ]);
    const inTime = parcel({ shipmentStatus: 'in_transit', sourceUpdatedAt: '2024-05-10T09:00:00Z', estimatedDeliveryAt: '2024-05-15T12:00:00Z' });
    expect(onTrackingUpdate(watch, shippedState(inTime), inTime, context('2024-05-10T09:01:00Z')).detected).toEqual([]);
  });
});

describe('resolution', () => {
  const withDelay = () => {
    const watch = shippedWatch();
    const held = parcel({ shipmentStatus: 'customs_hold', sourceUpdatedAt: '2024-05-10T09:00:00Z' });
    return onTrackingUpdate(watch, shippedState(held), held, context('2024-05-10T09:00:00Z')).watch;
  };

  it('delivery resolves every open delay, timed from its detection to the delivery', () => {
    const delivered = shippedState({ shipmentStatus: 'delivered', deliveredAt: '2024-05-12T09:00:00Z', sourceUpdatedAt: '2024-05-12T09:00:00Z' });
    const result = onOrderProgress(withDelay(), delivered, context('2024-05-12T09:05:00Z'));
    expect(result.resolved).toEqual([expect.objectContaining({ resolution: 'delivered', durationMinutes: 48 * 60, occurredAt: '2024-05-12T09:00:00.000Z' })]);
    result.resolved.forEach((detail) => DelayResolved.detail.parse(detail));
    expect(onOrderProgress(result.watch, delivered, context('2024-05-12T09:06:00Z')).resolved).toEqual([]);
  });

  it('cancellation resolves them as order_cancelled; shipping resolves not_shipped_in_time only', () => {
    const cancelled = state(order({ cancelledAt: '2024-05-11T09:00:00Z' }), [parcel()]);
    expect(onOrderProgress(withDelay(), cancelled, context('2024-05-11T09:00:00Z')).resolved.map((r) => r.resolution)).toEqual(['order_cancelled']);

    const late = detected(fire(watchFor(), state(), 'ship_by', '2024-05-09T08:00:00Z'));
    const shipped = onOrderProgress(late.watch, shippedState(), context('2024-05-09T10:00:00Z'));
    expect(shipped.resolved).toEqual([expect.objectContaining({ delayId: late.delay.delayId, resolution: 'shipped', durationMinutes: 120 })]);
    expect(onOrderProgress(withDelay(), shippedState(), context('2024-05-11T09:00:00Z')).resolved).toEqual([]);
  });

  it('staff or another flow can close one delay', () => {
    const watch = withDelay();
    const result = resolveDelay(watch, shippedState(), watch.delays[0]!.delayId, 'reshipped', new Date('2024-05-11T09:00:00Z'));
    expect(result.resolved).toEqual([expect.objectContaining({ resolution: 'reshipped' })]);
    expect(result.watch.delays[0]).toMatchObject({ resolvedAt: '2024-05-11T09:00:00.000Z', resolution: 'reshipped' });
  });
});

describe('the ladder and the courtesy discount', () => {
  /** Overdue since 15 May (the original deliver-by); the ladder armed from it. */
  function lateOrder(input = {}) {
    const watch = replan(watchFor(state(), placedAt, input), shippedState(), '2024-05-07T14:05:00Z', input).watch!;
    const found = detected(fire(watch, shippedState(), 'deliver_by', '2024-05-15T08:00:00Z', input));
    return replan(found.watch, shippedState(), '2024-05-15T08:00:00Z', input);
  }

  it('arms its steps from the original deliver-by once a delay is open', () => {
    const armed = lateOrder(courtesy);
    expect(armed.set.map((t) => [t.kind, t.dueAt, t.timerId.replace(/^dly-[0-9a-f]+-/, '')])).toEqual([
      ['deliver_by', plus(expectedDeliverBy, 11), 'ladder1-g1'],
      ['deliver_by', plus(expectedDeliverBy, 25), 'ladder2-g1'],
      ['deliver_by', plus(expectedDeliverBy, 15), 'courtesy-g1'],
    ]);
    expect(armed.cancel).toEqual([]);
  });

  it('reassures at day 11, offers the choice at day 25, each once', () => {
    const watch = lateOrder().watch!;
    expect(why(fire(watch, shippedState(), 'ladder1', plus(expectedDeliverBy, 10)))).toBe('not_due');
    const first = fire(watch, shippedState(), 'ladder1', plus(expectedDeliverBy, 11, 1));
    expect(first).toMatchObject({ outcome: 'ladder', step: 1, action: { action: 'reassure', afterDays: 11 } });
    expect(why(fire(first.watch, shippedState(), 'ladder1', plus(expectedDeliverBy, 11, 2)))).toBe('already_fired');
    const second = fire(first.watch, shippedState(), 'ladder2', plus(expectedDeliverBy, 25, 1));
    expect(second).toMatchObject({ outcome: 'ladder', step: 2, action: { action: 'offer_choice', choices: ['refund', 'reship'] } });
  });

  it('speaks only for the furthest step when several came due together', () => {
    const watch = lateOrder().watch!;
    expect(why(fire(watch, shippedState(), 'ladder1', plus(expectedDeliverBy, 26)))).toBe('superseded_step');
    expect(why(fire(watch, shippedState(), 'ladder2', plus(expectedDeliverBy, 26)))).toBe('ladder');
  });

  it('stops once delivered; the ladder timers are cancelled', () => {
    const watch = lateOrder().watch!;
    const delivered = shippedState({ shipmentStatus: 'delivered', deliveredAt: '2024-05-20T09:00:00Z' });
    expect(why(fire(watch, delivered, 'ladder1', plus(expectedDeliverBy, 11, 1)))).toBe('no_longer_applies');
    const after = replan(watch, delivered, '2024-05-20T09:05:00Z');
    expect(after.cancel).toEqual(expect.arrayContaining([timer(watch, 'ladder1').timerId, timer(watch, 'ladder2').timerId]));
  });

  it('gives the courtesy discount once per order', () => {
    const watch = lateOrder(courtesy).watch!;
    const given = fire(watch, shippedState(), 'courtesy', plus(expectedDeliverBy, 15, 1), courtesy);
    expect(given).toMatchObject({ outcome: 'courtesy', compensation: { discount: { type: 'percent', percent: 10 } } });
    expect(given.watch.compensatedAt).toBeDefined();
    expect(why(fire(given.watch, shippedState(), 'courtesy', plus(expectedDeliverBy, 15, 2), courtesy))).toBe('already_fired');
    const replanned = replan(given.watch, shippedState(), plus(expectedDeliverBy, 15, 2), courtesy);
    expect(replanned.set).toEqual([]);
    expect(replanned.watch!.timers.some((t) => t.slot === 'courtesy')).toBe(false);
  });
});
