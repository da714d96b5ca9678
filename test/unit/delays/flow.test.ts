import { describe, expect, it } from 'vitest';
import { hasEffects, onOrderChanged, onTimer, type DelayStep } from '../../../shared/delays/flow.ts';
import { DelayWatch, type TimerSlot } from '../../../shared/delays/watch.ts';
import { DelayDetected, DelayResolved } from '../../../shared/events/delays.ts';
import { ParcelClaimFiled } from '../../../shared/events/refunds.ts';
import { TimersRequested } from '../../../shared/events/timers.ts';
import { findTemplate } from '../../../shared/notifications/templates/index.ts';
import { context, order, parcel, placedAt, state } from './fixtures.ts';

/** What one handler run would write, checked: valid events, a valid watch, no timer both set and cancelled. */
function checked(step: DelayStep): DelayStep {
  if (step.set.length + step.cancel.length > 0) TimersRequested.detail.parse({ version: 1, shopId: 'acme', occurredAt: placedAt, set: step.set, cancel: step.cancel });
  expect(step.cancel.filter((id) => step.set.some((t) => t.timerId === id))).toEqual([]);
  step.detected.forEach((d) => DelayDetected.detail.parse(d.detail));
  step.resolved.forEach((d) => DelayResolved.detail.parse(d));
  step.messages.forEach((m) => findTemplate(m.messageType)!.variables.strict().parse(m.templateData));
  if (step.watch) DelayWatch.parse(step.watch);
  return step;
}
const kinds = (step: DelayStep) => step.set.map((t) => t.timerId.replace(/^dly-[0-9a-f]+-/, ''));
const timerIn = (watch: DelayWatch, slot: TimerSlot) => watch.timers.find((t) => t.slot === slot)!;

describe('the delay flow, from order to delivery', () => {
  it('watches, detects, tells the customer once per news and stops at delivery', () => {
    // Placed on Monday: ship-by Wednesday, deliver-by the Wednesday after.
    const placed = checked(onOrderChanged(undefined, state(), context(placedAt)));
    expect(kinds(placed)).toEqual(['ship_by-g1', 'deliver_by-g1']);
    expect(placed.messages).toEqual([]);
    const again = onOrderChanged(placed.watch, state(), context('2024-05-06T09:00:00Z'));
    expect(again.watch).toBe(placed.watch);
    expect(hasEffects(again, placed.watch)).toBe(false);

    // Not shipped by Wednesday night: detected, the customer gets an apology, the ladder is armed.
    const late = checked(onTimer(placed.watch!, state(), timerIn(placed.watch!, 'ship_by'), context('2024-05-08T22:30:00Z')));
    expect(late.detected.map((d) => d.detail.reason)).toEqual(['not_shipped_in_time']);
    expect(late.messages.map((m) => [m.messageType, m.templateData.newExpectedDate])).toEqual([['delay_apology', '2024-05-21']]);
    expect(kinds(late)).toEqual(['ladder1-g1', 'ladder2-g1']);
    // The same TimerFired delivered twice: the second changes nothing.
    const twice = onTimer(late.watch!, state(), timerIn(placed.watch!, 'ship_by'), context('2024-05-08T22:31:00Z'));
    expect(twice).toMatchObject({ ignored: 'already_fired', detected: [], messages: [], set: [], cancel: [] });

    // Shipped on Thursday: resolved; deliver-by moves to ship time plus transit; the ladder stands down; tracking is watched.
    const shippedParcel = parcel({ createdAt: '2024-05-09T10:00:00Z' });
    const shipped = checked(onOrderChanged(late.watch, state(order(), [shippedParcel]), context('2024-05-09T10:05:00Z'), [shippedParcel]));
    expect(shipped.resolved.map((r) => r.resolution)).toEqual(['shipped']);
    expect(shipped.cancel.sort()).toEqual([timerIn(late.watch!, 'deliver_by').timerId, timerIn(late.watch!, 'ladder1').timerId, timerIn(late.watch!, 'ladder2').timerId].sort());
    expect(shipped.set.map((t) => [t.kind, t.dueAt])).toEqual([
      ['deliver_by', '2024-05-16T21:59:59.000Z'],
      ['tracking_stalled', '2024-05-14T10:00:00.000Z'],
    ]);
    expect(shipped.messages).toEqual([]);

    // Held at customs on Saturday: a new delay, an update (the date moved), the ladder again, stalled re-armed.
    const held = parcel({ createdAt: '2024-05-09T10:00:00Z', shipmentStatus: 'customs_hold', sourceUpdatedAt: '2024-05-11T08:00:00Z' });
    const customs = checked(onOrderChanged(shipped.watch, state(order(), [held]), context('2024-05-11T08:05:00Z'), [held]));
    expect(customs.detected.map((d) => [d.detail.reason, d.detail.detectedBy])).toEqual([['customs_hold', 'tracking']]);
    expect(customs.messages).toEqual([
      expect.objectContaining({ messageType: 'delay_update', templateData: expect.objectContaining({ previousExpectedDate: '2024-05-21', newExpectedDate: '2024-05-16', reasonText: 'your parcel is clearing customs in your country' }) }),
    ]);
    expect(kinds(customs)).toEqual(['tracking_stalled-g2', 'ladder1-g2', 'ladder2-g2']);
    // The same carrier update redelivered: nothing new.
    const redelivered = onOrderChanged(customs.watch, state(order(), [held]), context('2024-05-11T08:10:00Z'), [held]);
    expect(hasEffects(redelivered, customs.watch)).toBe(false);

    // Delivered on Wednesday: every open delay resolved, every live timer cancelled.
    const arrived = parcel({ createdAt: '2024-05-09T10:00:00Z', shipmentStatus: 'delivered', sourceUpdatedAt: '2024-05-15T12:00:00Z', deliveredAt: '2024-05-15T12:00:00Z' });
    const delivered = checked(onOrderChanged(customs.watch, state(order(), [arrived]), context('2024-05-15T12:05:00Z'), [arrived]));
    expect(delivered.resolved.map((r) => [r.resolution, r.delayId])).toEqual([['delivered', customs.detected[0]!.delay.delayId]]);
    expect(delivered.set).toEqual([]);
    expect(delivered.cancel.sort()).toEqual(customs.watch!.timers.filter((t) => !t.firedAt).map((t) => t.timerId).sort());
    expect(delivered.watch).toMatchObject({ phase: 'delivered', timers: [] });
    expect(delivered.watch!.notices.map((n) => n.messageType)).toEqual(['delay_apology', 'delay_update']);
  });

  it('apologises for a parcel returned to sender or lost, and a new storefront promise moves deliver-by', () => {
    const shippedParcel = parcel();
    const placed = onOrderChanged(undefined, state(), context(placedAt));
    const onItsWay = checked(onOrderChanged(placed.watch, state(order(), [shippedParcel]), context('2024-05-07T14:05:00Z'), [shippedParcel]));
    const deliverBy = timerIn(onItsWay.watch!, 'deliver_by');

    // A new promise from the storefront: the deliver-by timer moves to a new schedule, the old one is deleted.
    const promised = order({ deliverBy: '2024-05-20T18:00:00Z' });
    const moved = checked(onOrderChanged(onItsWay.watch, state(promised, [shippedParcel]), context('2024-05-08T09:00:00Z')));
    expect(moved.cancel).toEqual([deliverBy.timerId]);
    expect(moved.set.map((t) => [t.kind, t.dueAt, t.timerId.replace(/^dly-[0-9a-f]+-/, '')])).toEqual([['deliver_by', '2024-05-20T18:00:00Z', 'deliver_by-g3']]);

    const returned = parcel({ shipmentStatus: 'returned_to_sender', sourceUpdatedAt: '2024-05-10T09:00:00Z' });
    const back = checked(onOrderChanged(moved.watch, state(promised, [returned]), context('2024-05-10T09:05:00Z'), [returned]));
    expect(back.detected.map((d) => [d.detail.reason, d.detail.severity])).toEqual([['returned_to_sender', 'high']]);
    expect(back.messages).toEqual([expect.objectContaining({ messageType: 'delay_apology', templateData: expect.objectContaining({ reasonText: expect.stringMatching(/sent .*back|back to us|returned/i) }) })]);

    const lost = parcel({ shipmentStatus: 'lost', sourceUpdatedAt: '2024-05-12T09:00:00Z' });
    const gone = checked(onOrderChanged(back.watch, state(promised, [lost]), context('2024-05-12T09:05:00Z'), [lost]));
    expect(gone.detected.map((d) => [d.detail.reason, d.detail.severity])).toEqual([['lost_in_transit', 'critical']]);
    // The returned-to-sender delay gives way to the new news; no second apology.
    expect(gone.resolved.map((r) => r.resolution)).toEqual(['tracking_resumed']);
    expect(gone.messages.every((m) => m.messageType !== 'delay_apology')).toBe(true);
  });

  it('ignores a stale timer without writing anything', () => {
    const placed = onOrderChanged(undefined, state(), context(placedAt));
    const step = onTimer(placed.watch!, state(), { timerId: 'dly-000000000000000000000000-ship_by-g9' }, context('2024-05-09T00:00:00Z'));
    expect(step).toMatchObject({ ignored: 'unknown_timer', set: [], cancel: [], detected: [], resolved: [], messages: [] });
    expect(hasEffects(step, placed.watch)).toBe(false);
  });

  it('files a parcel claim for the offer_choice step, once per order, and reports the courtesy discount due', () => {
    const input = { compensation: { afterDays: 20, discount: { type: 'percent' as const, percent: 10 } } };
    const shippedParcel = parcel();
    const placed = onOrderChanged(undefined, state(), context(placedAt, input));
    const shipped = onOrderChanged(placed.watch, state(order(), [shippedParcel]), context('2024-05-07T14:05:00Z', input), [shippedParcel]);
    const overdue = checked(onTimer(shipped.watch!, state(order(), [shippedParcel]), timerIn(shipped.watch!, 'deliver_by'), context('2024-05-15T08:00:00Z', input)));
    expect(overdue.messages.map((m) => m.messageType)).toEqual(['delay_apology']);
    const delayId = overdue.detected[0]!.delay.delayId;
    const choice = checked(onTimer(overdue.watch!, state(order(), [shippedParcel]), timerIn(overdue.watch!, 'ladder2'), context('2024-06-09T22:00:00Z', input)));
    expect(choice.ladder).toMatchObject({ step: 2, action: { action: 'offer_choice' } });
    // The refund engine sends the options: no message of the delay flow's own.
    expect(choice.messages).toEqual([]);
    expect(ParcelClaimFiled.detail.parse(choice.claim)).toMatchObject({
      claimId: 'clm_dly_gid://shopify/Order/1001_2',
      orderId: 'gid://shopify/Order/1001',
      kind: 'not_delivered',
      source: 'delay_ladder',
      delayId,
      customer: { email: 'ada@example.com' },
    });
    expect(choice.watch!.choiceClaim).toEqual({ claimId: 'clm_dly_gid://shopify/Order/1001_2', step: 2, delayId, filedAt: '2024-06-09T22:00:00.000Z' });
    expect(hasEffects(choice, overdue.watch)).toBe(true);
    // A claim already filed (a second offer_choice could not be configured, but a replayed step could arrive): nothing more.
    const again = onTimer({ ...choice.watch!, timers: overdue.watch!.timers }, state(order(), [shippedParcel]), timerIn(overdue.watch!, 'ladder2'), context('2024-06-09T23:00:00Z', input));
    expect(again).toMatchObject({ ignored: 'already_offered', messages: [] });
    expect(again.claim).toBeUndefined();
    const courtesy = checked(onTimer(overdue.watch!, state(order(), [shippedParcel]), timerIn(overdue.watch!, 'courtesy'), context('2024-06-04T22:00:00Z', input)));
    expect(courtesy.courtesy).toMatchObject({ afterDays: 20, discount: { type: 'percent', percent: 10 }, validDays: 60, codePrefix: 'Sorry' });
    expect(courtesy.watch!.compensatedAt).toBe('2024-06-04T22:00:00.000Z');
  });

});
