// The courtesy discount (its request and message), the customer's first contact ("told first"),
// the ladder's claim id and the duty team's daily digest.
import { describe, expect, it } from 'vitest';
import { choiceClaimId } from '../../../shared/delays/choice-claim.ts';
import { courtesyDiscountRequest, discountValueText, giveCourtesy } from '../../../shared/delays/courtesy.ts';
import { recordCustomerContact } from '../../../shared/delays/customer-contact.ts';
import { delayDigestAlert } from '../../../shared/delays/digest.ts';
import { onOrderChanged, onTimer } from '../../../shared/delays/flow.ts';
import { delayFactsOf, delayMetrics } from '../../../shared/delays/metrics.ts';
import { DelayWatch, type TimerSlot } from '../../../shared/delays/watch.ts';
import { NotificationRequested } from '../../../shared/events/notifications.ts';
import { findTemplate } from '../../../shared/notifications/templates/index.ts';
import { DiscountRequest } from '../../../shared/storefronts/discount-port.ts';
import { context, order, parcel, placedAt, settings, state } from './fixtures.ts';

const input = { compensation: { afterDays: 20, discount: { type: 'percent' as const, percent: 10 }, validDays: 30 } };
const shippedParcel = parcel();
const shipped = state(order(), [shippedParcel]);
const timerIn = (watch: DelayWatch, slot: TimerSlot) => watch.timers.find((t) => t.slot === slot)!;

/** The order shipped on 7 May, overdue since 15 May: one open delay, the apology sent. */
function overdueWatch(): DelayWatch {
  const placed = onOrderChanged(undefined, state(), context(placedAt, input));
  const onItsWay = onOrderChanged(placed.watch, shipped, context('2024-05-07T14:05:00Z', input), [shippedParcel]);
  return onTimer(onItsWay.watch!, shipped, timerIn(onItsWay.watch!, 'deliver_by'), context('2024-05-15T23:00:00Z', input)).watch!;
}

describe('the courtesy discount', () => {
  it('asks the storefront for one personal code per order, valid for the configured days', () => {
    const watch = overdueWatch();
    const request = courtesyDiscountRequest(watch, shipped, settings(input).compensation!, new Date('2024-06-04T22:00:00Z'));
    expect(DiscountRequest.parse(request)).toEqual({
      key: 'delay-courtesy:acme:gid://shopify/Order/1001',
      value: { type: 'percent', percent: 10 },
      expiresAt: '2024-07-04T22:00:00.000Z',
      usageLimit: 1,
      codePrefix: 'Sorry',
      customerEmail: 'ada@example.com',
      reason: 'Courtesy for the delay of order #1001',
    });
  });

  it('gives the code in a message, once, and records it on the watch', () => {
    const watch = overdueWatch();
    const ctx = context('2024-06-04T22:00:00Z', input);
    const given = giveCourtesy(watch, shipped, ctx.settings.compensation!, { discountId: 'disc_1', code: 'Sorry-7f3a9c21' }, ctx);
    expect(given.message).toMatchObject({ messageType: 'delay_courtesy', deduplicationKey: 'delay_courtesy:gid://shopify/Order/1001' });
    expect(findTemplate('delay_courtesy')!.variables.strict().parse(given.message!.templateData)).toEqual({
      firstName: 'Ada',
      orderNumber: '#1001',
      discountCode: 'Sorry-7f3a9c21',
      discountText: '10% off your next order',
      validUntil: '2024-07-05',
    });
    expect(DelayWatch.parse(given.watch).courtesyDiscount).toEqual({ discountId: 'disc_1', code: 'Sorry-7f3a9c21' });
    // Given again (a replay): the watch keeps the code, no second message.
    expect(giveCourtesy(given.watch, shipped, ctx.settings.compensation!, { discountId: 'disc_1', code: 'Sorry-7f3a9c21' }, ctx).message).toBeUndefined();
  });

  it('says the discount in the customer’s language', () => {
    expect(discountValueText({ type: 'percent', percent: 15 }, 'fr')).toBe('15 % de réduction sur votre prochaine commande');
    expect(discountValueText({ type: 'fixed_amount', amount: { amount: 500, currency: 'EUR' } }, 'en')).toBe('€5.00 off your next order');
    expect(discountValueText({ type: 'fixed_amount', amount: { amount: 500, currency: 'EUR' } }, 'de')).toMatch(/^5,00\s€ Rabatt auf deine nächste Bestellung$/);
  });
});

describe('the first customer contact', () => {
  it('keeps the earliest contact while the order is late or on its way, and counts it against told first', () => {
    const watch = overdueWatch();
    const now = new Date('2024-05-20T10:00:00Z');
    const contacted = recordCustomerContact(watch, { at: '2024-05-16T09:00:00Z', by: 'helpdesk' }, now)!;
    expect(contacted).toMatchObject({ firstCustomerContactAt: '2024-05-16T09:00:00.000Z', firstCustomerContactBy: 'helpdesk' });
    expect(recordCustomerContact(contacted, { at: '2024-05-18T09:00:00Z', by: 'parcel_claim' }, now)).toBeUndefined();
    expect(recordCustomerContact(contacted, { at: '2024-05-15T09:00:00Z', by: 'return_request' }, now)).toMatchObject({ firstCustomerContactAt: '2024-05-15T09:00:00.000Z', firstCustomerContactBy: 'return_request' });
    // The apology (15 May 23:00) came before the ticket: told first. A contact before it: not.
    const shippedOrders = { byCarrier: { ups: 1 }, byDestination: { FR: 1 } };
    expect(delayMetrics(delayFactsOf(contacted), shippedOrders).toldFirst).toEqual({ orders: 1, share: 1 });
    const askedFirst = recordCustomerContact(watch, { at: '2024-05-15T22:00:00Z', by: 'helpdesk' }, now)!;
    expect(delayMetrics(delayFactsOf(askedFirst), shippedOrders).toldFirst).toEqual({ orders: 0, share: 0 });
  });

  it('ignores a contact about an order delivered without delay, and a time in the future', () => {
    const delivered = { ...overdueWatch(), phase: 'delivered' as const, delays: [] };
    expect(recordCustomerContact(delivered, { at: '2024-05-20T09:00:00Z', by: 'return_request' }, new Date('2024-05-20T10:00:00Z'))).toBeUndefined();
    const future = recordCustomerContact(overdueWatch(), { at: '2030-01-01T00:00:00Z', by: 'helpdesk' }, new Date('2024-05-20T10:00:00Z'));
    expect(future?.firstCustomerContactAt).toBe('2024-05-20T10:00:00.000Z');
  });
});

describe('the ladder claim id', () => {
  it('is clm_dly_<order>_<step>, hashed when the order id is too long', () => {
    expect(choiceClaimId('5012345678901', 2)).toBe('clm_dly_5012345678901_2');
    const long = choiceClaimId('x'.repeat(100), 2);
    expect(long).toMatch(/^clm_dly_[0-9a-f]{32}_2$/);
  });
});

describe('the daily digest', () => {
  const shop = { shopId: 'acme', opsEmail: 'duty@acme.example', timeZone: 'Europe/Paris', locale: 'fr' };

  it('groups the open delays by reason and carrier in one alert per shop and day', () => {
    const late = overdueWatch();
    const other = { ...late, orderId: 'o-2', orderNumber: '#1002', carrier: 'dhl', delays: late.delays.map((d) => ({ ...d, delayId: 'dly_2', carrier: 'dhl', detectedAt: '2024-05-14T08:00:00.000Z' })) };
    const alert = delayDigestAlert(shop, [late, other], new Date('2024-05-20T06:00:00Z'))!;
    NotificationRequested.detail.parse(alert);
    findTemplate('ops_alert')!.variables.parse(alert.templateData);
    expect(alert).toMatchObject({
      shopId: 'acme',
      messageType: 'ops_alert',
      deduplicationKey: 'ops_digest:delays:acme:2024-05-20',
      recipient: { email: 'duty@acme.example' },
      templateData: {
        title: 'Daily delay digest 2024-05-20: 2 open delays',
        summary: '2 orders have an open delay. Most: delivery overdue (2).',
        severity: 'warning',
        facts: [
          { label: 'Orders with an open delay', value: '2' },
          { label: 'delivery overdue', value: '2: dhl 1, ups 1' },
          { label: 'Oldest open delay', value: '#1002, detected 2024-05-14T08:00:00.000Z' },
        ],
      },
    });
  });

  it('is nothing when no delay is open', () => {
    const resolved = overdueWatch();
    const closed = { ...resolved, delays: resolved.delays.map((d) => ({ ...d, resolvedAt: '2024-05-18T08:00:00.000Z', resolution: 'delivered' as const })) };
    expect(delayDigestAlert(shop, [closed], new Date('2024-05-20T06:00:00Z'))).toBeUndefined();
  });
});
