// When a nudge's timer fires: whether the timer is still the nudge's own, the record's next
// version (sent, held through quiet hours on the same timer, suppressed), and the message: the
// product with a re-order link, the win-back step with the shop, the code when there is one.
import { describe, expect, it } from 'vitest';
import { nudgeDiscountRequest, nudgeNotification, reorderUrl } from '../../../shared/nudges/message.ts';
import type { NudgeRecord } from '../../../shared/nudges/planner.ts';
import { deferredRecord, nudgeRequestOf, sentRecord, staleNudgeTimer, suppressedRecord } from '../../../shared/nudges/sending.ts';
import { customer, order } from './fixtures.ts';

const planned: NudgeRecord = {
  shopId: 'acme',
  customerId: 'cus-1',
  nudgeId: 'ndg_o1_coffee',
  kind: 'replenishment',
  campaignId: 'replenishment',
  status: 'planned',
  dueAt: '2024-04-04T15:00:00.000Z',
  orderId: 'o1',
  productId: 'coffee',
  variantId: 'v9',
  title: 'Trail coffee beans',
  deliveredAt: '2024-03-05T15:00:00Z',
  timerId: 'nud-acme-ndg_o1_coffee',
  version: 1,
};
const due = new Date('2024-04-04T15:00:00.000Z');
const shopify = { defaultLocale: 'en', shopify: { domain: 'acme.myshopify.com' }, notifications: { fromEmail: 'shop@acme.example', supportEmail: 'help@acme.example', shopUrl: 'https://acme.example/' } };

describe('a fired nudge timer', () => {
  it('acts only on a planned nudge, on its own timer, once due', () => {
    expect(staleNudgeTimer(planned, { timerId: planned.timerId! }, due)).toBeUndefined();
    expect(staleNudgeTimer(undefined, { timerId: planned.timerId! }, due)).toBe('unknown_nudge');
    expect(staleNudgeTimer({ ...planned, status: 'sent' }, { timerId: planned.timerId! }, due)).toBe('not_planned');
    expect(staleNudgeTimer(planned, { timerId: 'nud-acme-other' }, due)).toBe('other_timer');
    expect(staleNudgeTimer(planned, { timerId: planned.timerId! }, new Date(due.getTime() - 1))).toBe('not_due_yet');
  });

  it('asks the rules about the product, the order and its delivery', () => {
    expect(nudgeRequestOf(planned)).toEqual({ kind: 'replenishment', productId: 'coffee', orderId: 'o1', deliveredAt: '2024-03-05T15:00:00Z' });
  });

  it('moves the record on by one version: sent with the channel and tier, suppressed with the reason, deferred on the same timer', () => {
    expect(sentRecord(planned, { channel: 'email', now: due, state: { tier: { id: 'gold', rank: 1 } }, discountCode: 'Refill-1' })).toMatchObject({ status: 'sent', sentAt: due.toISOString(), channel: 'email', tierId: 'gold', discountCode: 'Refill-1', version: 2 });
    expect(sentRecord(planned, { channel: 'email', now: due, state: { tier: null } }).tierId).toBeNull();
    expect(suppressedRecord(planned, 'open_return')).toMatchObject({ status: 'suppressed', reason: 'open_return', version: 2 });
    const deferred = deferredRecord(planned, '2024-04-05T08:00:00.000Z');
    expect(deferred.record).toMatchObject({ status: 'planned', dueAt: '2024-04-05T08:00:00.000Z', version: 2 });
    expect(deferred.timer).toEqual({ timerId: planned.timerId, kind: 'nudge', dueAt: '2024-04-05T08:00:00.000Z', customerId: 'cus-1', nudgeId: planned.nudgeId, orderId: 'o1' });
  });
});

describe('the nudge message', () => {
  const state = customer({ customer: { id: 'cus-1', email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' }, orders: [order('o1', '2024-03-01T10:00:00Z')] });

  it('offers the product back in the cart, deduplicated on the nudge, as marketing', () => {
    const detail = nudgeNotification({ record: planned, state, channel: 'email', shop: shopify, notificationId: 'ntf_ndg_o1_coffee', now: due });
    expect(detail).toMatchObject({
      messageType: 'replenishment_nudge',
      category: 'marketing',
      deduplicationKey: 'nudge:ndg_o1_coffee',
      nudgeId: 'ndg_o1_coffee',
      orderId: 'o1',
      recipient: { email: 'ada@example.com' },
      channelPreference: ['email'],
      templateData: { firstName: 'Ada', productTitle: 'Trail coffee beans', reorderUrl: 'https://acme.example/cart/v9:1', lastOrderDate: '2024-03-01' },
    });
    expect(detail!.templateData).not.toHaveProperty('discountCode');
  });

  it('carries the code and what it is worth, and a win-back step points to the shop', () => {
    const winback: NudgeRecord = { ...planned, nudgeId: 'ndg_wb_cus-1_20240301100000_1', kind: 'winback', campaignId: 'winback', step: 1 };
    const { orderId: _o, productId: _p, ...bare } = winback;
    const detail = nudgeNotification({ record: bare, state, channel: 'email', shop: shopify, discount: { code: { discountId: 'd1', code: 'Back-7Q' }, settings: { percent: 10, expiresAfterDays: 14 } }, notificationId: 'ntf_x', now: due });
    expect(detail).toMatchObject({ messageType: 'win_back', templateData: { shopUrl: 'https://acme.example', discountCode: 'Back-7Q', discountText: '10% off your next order', discountEndsOn: '2024-04-18' } });
    expect(nudgeDiscountRequest(bare, state, { percent: 10, expiresAfterDays: 14 }, due)).toMatchObject({ key: 'nudge:acme:ndg_wb_cus-1_20240301100000_1', value: { type: 'percent', percent: 10 }, expiresAt: '2024-04-18T15:00:00.000Z', usageLimit: 1, customerEmail: 'ada@example.com' });
  });

  it('links where each storefront can: a Shopify cart permalink, a WooCommerce add-to-cart, else the shop', () => {
    expect(reorderUrl({ woocommerce: { source: 'https://woo.example/' } }, { productId: '42', variantId: '7' })).toBe('https://woo.example/?add-to-cart=42');
    expect(reorderUrl({ shopify: { domain: 'acme.myshopify.com' } }, { productId: '42' })).toBe('https://acme.myshopify.com');
    expect(reorderUrl({}, { productId: '42' })).toBeUndefined();
  });
});
