// The tier keeper's rules: what an order counts for (refunds as the ledger or the storefront count
// them), the tier item after an order or a refund, the CustomerTierChanged it announces and the
// thank-you of an upgrade (consent and open cases respected, one per customer and tier).
import { describe, expect, it } from 'vitest';
import { NotificationRequested } from '../../../shared/events/notifications.ts';
import { CustomerTierChanged } from '../../../shared/events/nudges.ts';
import { emptyOrderState, type OrderState } from '../../../shared/ingest/order-state.ts';
import { benefitLines, conversionEventId, thankYouChannels, thankYouRequest, tierChangedDetail, tierEventId, tierOrderOf, updateTier, type TierOrder, type TierRecord } from '../../../shared/nudges/tier-keeper.ts';
import { NormalizedOrder, type NormalizedOrderInput } from '../../../shared/storefronts/normalized.ts';
import { customer, nudge, settingsWith } from './fixtures.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const now = new Date('2024-06-01T12:00:00Z');
const ids = (orderId: string) => ({ shopId: 'acme', customerId: 'c-1', orderId });
const vip = settingsWith().vip;

function orderState(total: number, overrides: Partial<NormalizedOrderInput> = {}, refunds: number[] = []): OrderState {
  const order = NormalizedOrder.parse({
    shopId: 'acme',
    platform: 'shopify',
    orderId: 'o1',
    orderNumber: '#1001',
    createdAt: '2024-05-01T10:00:00Z',
    sourceUpdatedAt: '2024-05-01T10:00:00Z',
    currency: 'USD',
    customer: { id: 'c-1', email: 'ada@example.com', locale: 'en-US' },
    lines: [{ lineId: 'l1', productId: 'tent', title: 'Tent', quantity: 1, unitPrice: usd(total), total: usd(total), requiresShipping: true }],
    totals: { subtotal: usd(total), discounts: usd(0), shipping: usd(0), tax: usd(0), total: usd(total) },
    financialStatus: 'paid',
    fulfillmentStatus: 'unfulfilled',
    ...overrides,
  });
  const refundRecords = Object.fromEntries(refunds.map((amount, index) => [`r${index}`, { shopId: 'acme', refundId: `r${index}`, orderId: order.orderId, createdAt: '2024-05-10T00:00:00Z', amount: usd(amount), lines: [] }]));
  return { ...emptyOrderState('acme', order.orderId), order, refunds: refundRecords };
}

const kept = (total: number, placedAt = '2024-05-01T10:00:00Z', refunded = 0): TierOrder => ({ placedAt, total: usd(total), refunded });

/** The tier item after these orders arrive one after another. */
function afterOrders(orders: Array<[string, TierOrder]>): TierRecord | undefined {
  let record: TierRecord | undefined;
  for (const [orderId, order] of orders) record = updateTier(record, ids(orderId), order, vip, now).next ?? record;
  return record;
}

describe('tierOrderOf', () => {
  it('counts the storefront refunds, or the ledger’s refunds and credit when they are more', () => {
    expect(tierOrderOf(orderState(30_000, {}, [5_000]))).toEqual(kept(30_000, '2024-05-01T10:00:00Z', 5_000));
    const ledger = { refunded: usd(8_000), credited: usd(2_000) };
    expect(tierOrderOf(orderState(30_000, {}, [5_000]), ledger)?.refunded).toBe(10_000);
    // Never more than the order's total.
    expect(tierOrderOf(orderState(30_000), { refunded: usd(40_000), credited: usd(0) })?.refunded).toBe(30_000);
  });

  it('marks a cancelled order, and counts a test order not at all', () => {
    expect(tierOrderOf(orderState(30_000, { cancelledAt: '2024-05-02T00:00:00Z' }))?.cancelled).toBe(true);
    expect(tierOrderOf(orderState(30_000, { test: true }))).toBeUndefined();
  });
});

describe('updateTier', () => {
  it('moves a customer into the first tier once their orders reach its points, as an upgrade', () => {
    const first = updateTier(undefined, ids('o1'), kept(30_000), vip, now);
    expect(first.next).toMatchObject({ tier: null, points: 300, version: 1 });
    expect(first.change).toBeUndefined();
    const second = updateTier(first.next, ids('o2'), kept(30_000, '2024-05-20T10:00:00Z'), vip, now);
    expect(second.next).toMatchObject({ tier: { id: 'silver', rank: 0 }, points: 600, version: 2 });
    expect(second.change).toEqual({ direction: 'upgrade', from: null, to: { id: 'silver', rank: 0 }, thankYou: true });
  });

  it('changes the tier when a refund arrives: net spend falls below the threshold, a downgrade', () => {
    const gold = afterOrders([['o1', kept(100_000)], ['o2', kept(60_000, '2024-05-20T10:00:00Z')]])!;
    expect(gold.tier).toEqual({ id: 'gold', rank: 1 });
    const refunded = updateTier(gold, ids('o2'), kept(60_000, '2024-05-20T10:00:00Z', 20_000), vip, now);
    expect(refunded.next).toMatchObject({ tier: { id: 'silver', rank: 0 }, points: 1400 });
    expect(refunded.change).toEqual({ direction: 'downgrade', from: { id: 'gold', rank: 1 }, to: { id: 'silver', rank: 0 }, thankYou: false });
    // A wholly refunded order counts for nothing.
    expect(updateTier(gold, ids('o2'), kept(60_000, '2024-05-20T10:00:00Z', 60_000), vip, now).next?.points).toBe(1000);
  });

  it('writes nothing when the order counts as before (a redelivered event)', () => {
    const record = afterOrders([['o1', kept(30_000)]])!;
    expect(updateTier(record, ids('o1'), kept(30_000), vip, now).next).toBeUndefined();
  });

  it('drops an order that no longer counts (deleted, a test order)', () => {
    const record = afterOrders([['o1', kept(30_000)], ['o2', kept(30_000)]])!;
    const next = updateTier(record, ids('o2'), undefined, vip, now).next!;
    expect(Object.keys(next.orders)).toEqual(['o1']);
    expect(next.points).toBe(300);
  });

  it('gives no tier while the shop’s VIP tiers are off', () => {
    const off = settingsWith({ vip: { enabled: false } }).vip;
    expect(updateTier(undefined, ids('o1'), kept(900_000), off, now).next?.tier).toBeNull();
  });
});

describe('tierChangedDetail', () => {
  const ref = { id: 'c-1', email: 'ada@example.com', locale: 'en-US' };

  it('announces an upgrade and a downgrade with the figures they were computed on', () => {
    const update = updateTier(undefined, ids('o1'), kept(60_000), vip, now);
    const detail = tierChangedDetail(update.change!, update.standing, ref, 'acme', vip, 'USD', now)!;
    expect(CustomerTierChanged.detail.parse(detail)).toMatchObject({ tier: { id: 'silver', rank: 0 }, previousTier: null, direction: 'upgrade', basis: { ordersCount: 1, lifetimeSpend: usd(60_000) } });
    const gold = afterOrders([['o1', kept(200_000)]])!;
    const down = updateTier(gold, ids('o1'), kept(200_000, undefined, 150_000), vip, now);
    expect(CustomerTierChanged.detail.parse(tierChangedDetail(down.change!, down.standing, ref, 'acme', vip, 'USD', now))).toMatchObject({ direction: 'downgrade', tier: { id: 'silver' }, previousTier: { id: 'gold' } });
  });

  it('announces nothing when the customer falls below every tier, or the tier was renamed', () => {
    const silver = afterOrders([['o1', kept(60_000)]])!;
    const below = updateTier(silver, ids('o1'), kept(60_000, undefined, 60_000), vip, now);
    expect(below.next?.tier).toBeNull();
    expect(tierChangedDetail(below.change!, below.standing, ref, 'acme', vip, 'USD', now)).toBeUndefined();
    expect(tierChangedDetail({ direction: 'renamed', from: { id: 'silver', rank: 0 }, to: { id: 'argent', rank: 0 }, thankYou: false }, below.standing, ref, 'acme', vip, 'USD', now)).toBeUndefined();
  });
});

describe('the thank-you', () => {
  const settings = settingsWith();
  const gold = { id: 'gold', name: 'Gold', benefits: settings.vip.tiers[1]!.benefits };

  it('goes by email to a consenting customer, whatever the frequency cap says', () => {
    const capped = customer({ tier: { id: 'gold', rank: 1 }, nudgesSent: [nudge('n1', '2024-05-31T10:00:00Z'), nudge('n2', '2024-05-31T11:00:00Z')] });
    expect(thankYouChannels(settings, capped, now)).toEqual({ channels: ['email'] });
  });

  it('adds SMS for a tier with the SMS benefit when the customer consented to it', () => {
    const platinum = customer({ tier: { id: 'platinum', rank: 2 }, consent: { email: 'subscribed', sms: 'subscribed' } });
    expect(thankYouChannels(settings, platinum, now)).toEqual({ channels: ['email', 'sms'] });
  });

  it('is not sent without consent, during an open case, or after a poor score', () => {
    expect(thankYouChannels(settings, customer({ consent: { email: 'unknown', sms: 'unknown' } }), now)).toEqual({ suppressed: 'no_marketing_consent' });
    expect(thankYouChannels(settings, customer({ openCases: [{ kind: 'return', id: 'ret-1', openedAt: '2024-05-30T00:00:00Z' }] }), now)).toEqual({ suppressed: 'open_return' });
    expect(thankYouChannels(settings, customer({ surveyScores: [{ kind: 'csat', score: 1, answeredAt: '2024-05-20T00:00:00Z' }] }), now)).toEqual({ suppressed: 'low_survey_score' });
    expect(thankYouChannels(settingsWith({ vip: { enabled: false } }), customer(), now)).toEqual({ suppressed: 'campaign_ended' });
  });

  it('is a marketing vip_thank_you with the tier’s benefits in the customer’s language, deduplicated per customer and tier', () => {
    const detail = thankYouRequest(customer({ customer: { id: 'cus-1', email: 'ada@example.com', firstName: 'Ada', locale: 'fr-FR' } }), gold, ['email'], 'en', now);
    expect(NotificationRequested.detail.parse(detail)).toMatchObject({
      messageType: 'vip_thank_you',
      category: 'marketing',
      deduplicationKey: 'vip_thank_you:cus-1:gold',
      recipient: { email: 'ada@example.com' },
      channelPreference: ['email'],
      templateData: { firstName: 'Ada', tierName: 'Gold', benefits: ['10 % de remise sur chaque commande', 'Une surprise pour votre anniversaire', 'Vos demandes traitées sous 24 heures'] },
    });
    expect(thankYouRequest(customer(), gold, ['email'], 'en', now).notificationId).toBe(detail.notificationId);
  });

  it('thanks in general words for a tier without listed benefits', () => {
    expect(benefitLines({ discountPercent: 0, birthdayMessage: false, sms: false }, 'en')).toEqual(['Our warmest thanks for your loyalty']);
  });
});

describe('event ids', () => {
  it('are the same for the same fact, and differ otherwise', () => {
    expect(tierEventId('acme', 'c-1', 2, 'changed')).toBe(tierEventId('acme', 'c-1', 2, 'changed'));
    expect(tierEventId('acme', 'c-1', 3, 'changed')).not.toBe(tierEventId('acme', 'c-1', 2, 'changed'));
    expect(conversionEventId('acme', 'o1')).toBe(conversionEventId('acme', 'o1'));
    expect(conversionEventId('acme', 'o2')).not.toBe(conversionEventId('acme', 'o1'));
  });
});
