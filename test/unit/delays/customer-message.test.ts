import { describe, expect, it } from 'vitest';
import { customerMessageFor, delayNotificationDetail, ladderStepAt, refundableAmount, type DelayMessage, type MessageDecision } from '../../../shared/delays/customer-message.ts';
import { planTimers } from '../../../shared/delays/deadlines.ts';
import { onTimerFired, onTrackingUpdate } from '../../../shared/delays/detection.ts';
import { defaultDelaySettings } from '../../../shared/delays/settings.ts';
import type { DelayWatch, WatchDelay } from '../../../shared/delays/watch.ts';
import { NotificationRequested } from '../../../shared/events/notifications.ts';
import type { OrderState } from '../../../shared/ingest/order-state.ts';
import { findTemplate } from '../../../shared/notifications/templates/index.ts';
import { renderContent } from '../../../shared/notifications/render.ts';
import type { NormalizedFulfillment, NormalizedOrderInput } from '../../../shared/storefronts/normalized.ts';
import { context, expectedDeliverBy, order, parcel, placedAt, plus, state } from './fixtures.ts';

const links = { refundUrl: 'https://acme.example/d/k7Qm2/refund', reshipUrl: 'https://acme.example/d/k7Qm2/reship' };
const shipped = (p: Partial<NormalizedFulfillment> = {}, o: Partial<NormalizedOrderInput> = {}) => state(order({ fulfillmentStatus: 'fulfilled', ...o }), [parcel(p)]);

function shippedWatch(o: Partial<NormalizedOrderInput> = {}): DelayWatch {
  const first = planTimers(undefined, state(order(o)), context(placedAt)).watch!;
  return planTimers(first, shipped({}, o), context('2024-05-07T14:05:00Z')).watch!;
}

/** A carrier update on Friday 10 May at 09:00 UTC and the delay it opens. */
function carrierDelay(p: Partial<NormalizedFulfillment>, o: Partial<NormalizedOrderInput> = {}): { watch: DelayWatch; delay: WatchDelay; s: OrderState } {
  const update = parcel({ ...p, sourceUpdatedAt: '2024-05-10T09:00:00Z' });
  const s = shipped({ ...p, sourceUpdatedAt: '2024-05-10T09:00:00Z' }, o);
  const result = onTrackingUpdate(shippedWatch(o), s, update, context('2024-05-10T09:00:00Z'));
  return { watch: result.watch, delay: result.detected[0]!.delay, s };
}

/** The message, checked against its template's variables and rendered in its locale. */
function sent(decision: MessageDecision): { message: DelayMessage; watch: DelayWatch } {
  if (!('send' in decision)) throw new Error(`skipped: ${decision.skip}`);
  const template = findTemplate(decision.send.messageType)!;
  expect(template.variables.strict().parse(decision.send.templateData)).toEqual(decision.send.templateData);
  renderContent(template, decision.send.templateData, { locale: decision.send.locale, shop: { shopName: 'Acme', supportEmail: 'help@acme.example' }, timeZone: 'Europe/Paris' });
  return { message: decision.send, watch: decision.watch };
}
const skipped = (decision: MessageDecision) => ('skip' in decision ? decision.skip : `sent ${decision.send.messageType}`);

describe('the first notice: an apology', () => {
  it('says why in plain language, where the parcel is, the tracking link and the new expected date', () => {
    const { watch, delay, s } = carrierDelay({ shipmentStatus: 'customs_hold' });
    const { message, watch: after } = sent(customerMessageFor(watch, s, { kind: 'delay', delay }, context('2024-05-10T09:00:00Z')));
    expect(message).toEqual({
      messageType: 'delay_apology',
      deduplicationKey: 'delay_apology:gid://shopify/Order/1001',
      locale: 'en',
      delayId: delay.delayId,
      templateData: {
        firstName: 'Ada',
        orderNumber: '#1001',
        reasonText: 'your parcel is clearing customs in your country',
        trackingStatus: 'Held at customs, last update on May 10, 2024',
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
        // Deliver-by (14 May) is too close to hold: three business days from Friday.
        newExpectedDate: '2024-05-15',
      },
    });
    expect(after.notices).toEqual([{ messageType: 'delay_apology', deduplicationKey: message.deduplicationKey, at: '2024-05-10T09:00:00.000Z', expectedDate: '2024-05-15', delayId: delay.delayId }]);
  });

  it('takes the carrier estimate as the new date when there is one ahead', () => {
    const { watch, delay, s } = carrierDelay({ shipmentStatus: 'customs_hold', estimatedDeliveryAt: '2024-05-18T18:00:00Z' });
    expect(sent(customerMessageFor(watch, s, { kind: 'delay', delay }, context('2024-05-10T09:00:00Z'))).message.templateData.newExpectedDate).toBe('2024-05-18');
  });

  it('for an order not shipped yet: no link, the parcel being prepared, shipping plus transit ahead', () => {
    const watch = planTimers(undefined, state(), context(placedAt)).watch!;
    const fired = onTimerFired(watch, state(), watch.timers[0]!, context('2024-05-08T22:30:00Z'));
    if (fired.outcome !== 'detected') throw new Error(fired.outcome);
    const { message } = sent(customerMessageFor(fired.watch, state(), { kind: 'delay', delay: fired.delay }, context('2024-05-08T22:30:00Z')));
    expect(message.templateData).toEqual({
      firstName: 'Ada',
      orderNumber: '#1001',
      reasonText: 'your order is taking longer than planned to leave our warehouse',
      trackingStatus: 'Being prepared for shipping',
      newExpectedDate: '2024-05-21',
    });
  });

  it('counts the quiet days of a stalled parcel', () => {
    const watch = shippedWatch();
    const stalled = watch.timers.find((t) => t.slot === 'tracking_stalled')!;
    const fired = onTimerFired(watch, shipped(), stalled, context('2024-05-12T14:00:30Z'));
    if (fired.outcome !== 'detected') throw new Error(fired.outcome);
    const { message } = sent(customerMessageFor(fired.watch, shipped(), { kind: 'delay', delay: fired.delay }, context('2024-05-12T14:00:30Z')));
    expect(message.templateData.reasonText).toBe('the carrier has had no news of your parcel for 5 days');
  });

  it.each([
    ['fr-FR', 'fr', 'votre colis est en cours de dédouanement dans votre pays'],
    ['de', 'de', 'dein Paket wird gerade vom Zoll in deinem Land abgefertigt'],
    ['es-MX', 'es', 'tu paquete está pasando la aduana de tu país'],
    ['zh-CN', 'zh-CN', '您的包裹正在您所在的国家或地区办理清关'],
    ['pt-BR', 'en', 'your parcel is clearing customs in your country'],
  ])('is written in the customer language (%s → %s)', (tag, locale, reason) => {
    const { watch, delay, s } = carrierDelay({ shipmentStatus: 'customs_hold' }, { customer: { id: 'c-1', email: 'ada@example.com', locale: tag } });
    const { message } = sent(customerMessageFor(watch, s, { kind: 'delay', delay }, context('2024-05-10T09:00:00Z')));
    expect(message.locale).toBe(locale);
    expect(message.templateData.reasonText).toBe(reason);
    expect(message.templateData.firstName).toBeUndefined();
  });

  it('says nothing about reasons the shop keeps quiet, or once the order is delivered', () => {
    const { watch, delay, s } = carrierDelay({ shipmentStatus: 'customs_hold' });
    const quiet = context('2024-05-10T09:00:00Z', { notifyCustomerOf: ['delivery_overdue'] });
    expect(skipped(customerMessageFor(watch, s, { kind: 'delay', delay }, quiet))).toBe('reason_not_notified');
    const delivered = shipped({ shipmentStatus: 'delivered', deliveredAt: '2024-05-10T10:00:00Z' });
    expect(skipped(customerMessageFor(watch, delivered, { kind: 'delay', delay }, context('2024-05-10T10:00:00Z')))).toBe('not_active');
  });
});

describe('never the same message twice', () => {
  it('sends an update only when the expected date moved, each date once', () => {
    const { watch, delay, s } = carrierDelay({ shipmentStatus: 'customs_hold' });
    const apology = sent(customerMessageFor(watch, s, { kind: 'delay', delay }, context('2024-05-10T09:00:00Z')));
    expect(skipped(customerMessageFor(apology.watch, s, { kind: 'delay', delay }, context('2024-05-10T09:30:00Z')))).toBe('unchanged');

    const later = shipped({ shipmentStatus: 'customs_hold', sourceUpdatedAt: '2024-05-11T09:00:00Z', estimatedDeliveryAt: '2024-05-20T18:00:00Z' });
    const update = sent(customerMessageFor(apology.watch, later, { kind: 'delay', delay }, context('2024-05-11T09:00:00Z')));
    expect(update.message).toMatchObject({
      messageType: 'delay_update',
      templateData: { previousExpectedDate: '2024-05-15', newExpectedDate: '2024-05-20', reasonText: 'your parcel is clearing customs in your country' },
    });
    expect(update.message.deduplicationKey).not.toBe(apology.message.deduplicationKey);
    expect(skipped(customerMessageFor(update.watch, later, { kind: 'delay', delay }, context('2024-05-11T10:00:00Z')))).toBe('unchanged');

    // Back to the first date: news to the customer, so a new key.
    const back = sent(customerMessageFor(update.watch, s, { kind: 'delay', delay }, context('2024-05-10T09:00:00Z')));
    expect(back.message.templateData).toMatchObject({ previousExpectedDate: '2024-05-20', newExpectedDate: '2024-05-15' });
    expect(new Set(back.watch.notices.map((n) => n.deduplicationKey)).size).toBe(3);
  });
});

describe('the ladder', () => {
  const reassure = { kind: 'ladder' as const, step: 1, action: defaultDelaySettings.ladder[0]! };
  const offer = { kind: 'ladder' as const, step: 2, action: defaultDelaySettings.ladder[1]! };

  it('reassures with an update when the date moved, with an apology when nothing was said yet', () => {
    const { watch, delay, s } = carrierDelay({ shipmentStatus: 'customs_hold' });
    const day11 = plus(expectedDeliverBy, 11, 1);
    expect(sent(customerMessageFor(watch, s, reassure, context(day11))).message.messageType).toBe('delay_apology');
    const apology = sent(customerMessageFor(watch, s, { kind: 'delay', delay }, context('2024-05-10T09:00:00Z')));
    const update = sent(customerMessageFor(apology.watch, s, reassure, context(day11)));
    // Day 11 is Monday 27 May, 00:59 in Paris: three business days on is Thursday 30 May.
    expect(update.message).toMatchObject({ messageType: 'delay_update', templateData: { previousExpectedDate: '2024-05-15', newExpectedDate: '2024-05-30' } });
    expect(update.watch.notices.at(-1)).toMatchObject({ ladderStep: 1 });
  });

  it('offers a refund or a new parcel once, the first choice recommended', () => {
    const { watch, s } = carrierDelay({ shipmentStatus: 'customs_hold' });
    const day25 = context(plus(expectedDeliverBy, 25, 1), {}, { choiceLinks: links });
    const choice = sent(customerMessageFor(watch, s, offer, day25));
    expect(choice.message).toMatchObject({
      messageType: 'delay_choice',
      deduplicationKey: 'delay_choice:gid://shopify/Order/1001',
      templateData: { orderDate: '2024-05-06', refundAmount: { amount: 8900, currency: 'EUR' }, recommended: 'refund', ...links, reasonText: 'your parcel is clearing customs in your country' },
    });
    expect(skipped(customerMessageFor(choice.watch, s, offer, day25))).toBe('already_offered');
    const reshipFirst = { ...offer, action: { afterDays: 25, action: 'offer_choice' as const, choices: ['reship', 'refund'] as ['reship', 'refund'] } };
    expect(sent(customerMessageFor(watch, s, reshipFirst, day25)).message.templateData.recommended).toBe('reship');
  });

  it('cannot offer without the links, or when everything was refunded already', () => {
    const { watch, s } = carrierDelay({ shipmentStatus: 'customs_hold' });
    expect(skipped(customerMessageFor(watch, s, offer, context(plus(expectedDeliverBy, 25, 1))))).toBe('no_choice_links');
    const refunded: OrderState = { ...s, refunds: { r1: { shopId: 'acme', refundId: 'r1', orderId: s.orderId, createdAt: '2024-05-20T10:00:00Z', amount: { amount: 8900, currency: 'EUR' }, lines: [] } } };
    expect(refundableAmount(refunded)).toEqual({ amount: 0, currency: 'EUR' });
    expect(skipped(customerMessageFor(watch, refunded, offer, context(plus(expectedDeliverBy, 25, 1), {}, { choiceLinks: links })))).toBe('nothing_to_refund');
  });

  it('names the step due a given day', () => {
    expect(ladderStepAt(defaultDelaySettings.ladder, 10)).toBeUndefined();
    expect(ladderStepAt(defaultDelaySettings.ladder, 11)).toMatchObject({ step: 1, action: { action: 'reassure' } });
    expect(ladderStepAt(defaultDelaySettings.ladder, 24)?.step).toBe(1);
    expect(ladderStepAt(defaultDelaySettings.ladder, 30)).toMatchObject({ step: 2, action: { action: 'offer_choice' } });
  });
});

describe('delayNotificationDetail', () => {
  it('is a valid NotificationRequested, or nothing for a customer we cannot reach', () => {
    const { watch, delay, s } = carrierDelay({ shipmentStatus: 'customs_hold' });
    const { message } = sent(customerMessageFor(watch, s, { kind: 'delay', delay }, context('2024-05-10T09:00:00Z')));
    const detail = delayNotificationDetail(watch, s, message, { notificationId: 'ntf_1', now: new Date('2024-05-10T09:00:00Z') })!;
    expect(NotificationRequested.detail.parse(detail)).toMatchObject({ messageType: 'delay_apology', category: 'transactional', orderId: s.orderId, recipient: { email: 'ada@example.com' }, locale: 'en-GB' });
    const unreachable = shipped({}, { customer: { id: 'c-1', locale: 'en' } });
    expect(delayNotificationDetail(watch, unreachable, message, { notificationId: 'ntf_2', now: new Date() })).toBeUndefined();
  });
});
