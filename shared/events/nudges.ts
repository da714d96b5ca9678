// Repeat-purchase nudges and VIP tiers. Nudges are marketing: they need consent and respect
// frequency caps; a suppressed nudge says why.
import * as z from 'zod';
import { Channel, CustomerRef, EntityId, IsoDateTime, Money } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const NudgeKind = z.enum(['repeat_purchase', 'replenishment', 'cross_sell', 'review_request', 'winback', 'tier_upgrade']);
export type NudgeKind = z.infer<typeof NudgeKind>;

export const NudgeSuppressionReason = z.enum([
  'no_marketing_consent',
  'unsubscribed',
  'frequency_cap',
  'recent_purchase',
  'open_return',
  'open_refund',
  'open_case',
  'delivery_delayed',
  'low_survey_score',
  'tier_excluded',
  'campaign_ended',
]);
export type NudgeSuppressionReason = z.infer<typeof NudgeSuppressionReason>;

/** A loyalty tier as the shop configures it: a slug and its rank (0 = entry tier). */
export const Tier = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/), rank: z.int().nonnegative().max(100) });

const nudgeRef = { nudgeId: EntityId, customer: CustomerRef, kind: NudgeKind, orderId: EntityId.optional().describe('The order that prompted it'), campaignId: EntityId.optional() };

const ex = {
  version: 1 as const,
  shopId: 'acme-outdoor',
  nudgeId: 'ndg_01HXC1',
  customer: { id: '7012345678901', email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' },
  kind: 'replenishment' as const,
  orderId: '5012345678901',
};

export const NudgeScheduled = defineEvent({
  source: eventSource.nudges,
  detailType: 'NudgeScheduled',
  version: 1,
  description: 'A follow-up nudge was planned; a timer fires at dueAt and consent is checked again then.',
  detail: { ...nudgeRef, dueAt: IsoDateTime, channelPreference: z.array(Channel).min(1).max(2).optional() },
  example: { ...ex, occurredAt: '2024-05-06T16:46:00Z', dueAt: '2024-06-20T16:00:00Z', channelPreference: ['email'] },
});

export const NudgeSent = defineEvent({
  source: eventSource.nudges,
  detailType: 'NudgeSent',
  version: 1,
  description: 'A nudge went out (as a NotificationRequested with this notificationId).',
  detail: { ...nudgeRef, channel: Channel, notificationId: EntityId },
  example: { ...ex, occurredAt: '2024-06-20T16:00:02Z', channel: 'email', notificationId: 'ntf_01HXC9' },
});

export const NudgeSuppressed = defineEvent({
  source: eventSource.nudges,
  detailType: 'NudgeSuppressed',
  version: 1,
  description: 'A planned nudge was not sent, and why.',
  detail: { ...nudgeRef, reason: NudgeSuppressionReason },
  example: { ...ex, occurredAt: '2024-06-20T16:00:01Z', reason: 'open_return' },
});

export const CustomerTierChanged = defineEvent({
  source: eventSource.nudges,
  detailType: 'CustomerTierChanged',
  version: 1,
  description: 'A customer moved to another loyalty (VIP) tier.',
  detail: {
    customer: CustomerRef,
    tier: Tier,
    previousTier: Tier.nullable().describe('null when the customer had no tier'),
    direction: z.enum(['upgrade', 'downgrade']),
    basis: z
      .object({ ordersCount: z.int().nonnegative(), lifetimeSpend: Money, windowDays: z.int().positive().optional() })
      .describe('The figures the tier rules were evaluated on'),
  },
  refine: (detail, ctx) => {
    if (detail.previousTier?.rank === detail.tier.rank) {
      ctx.addIssue({ code: 'custom', path: ['tier', 'rank'], message: 'must differ from previousTier.rank' });
      return;
    }
    const expected = !detail.previousTier || detail.tier.rank > detail.previousTier.rank ? 'upgrade' : 'downgrade';
    if (detail.direction !== expected) ctx.addIssue({ code: 'custom', path: ['direction'], message: `ranks say ${expected}` });
  },
  example: {
    version: 1,
    shopId: 'acme-outdoor',
    occurredAt: '2024-05-01T09:31:00Z',
    customer: ex.customer,
    tier: { id: 'gold', rank: 2 },
    previousTier: { id: 'silver', rank: 1 },
    direction: 'upgrade',
    basis: { ordersCount: 5, lifetimeSpend: { amount: 86100, currency: 'USD' }, windowDays: 365 },
  },
});

export const NudgeConverted = defineEvent({
  source: eventSource.nudges,
  detailType: 'NudgeConverted',
  version: 1,
  description:
    'An order was attributed to a nudge: placed within the attribution window after the latest nudge sent to the customer (last touch). Published once per order; revenue is the order total when placed.',
  detail: {
    nudgeId: EntityId,
    campaignId: EntityId.describe('replenishment, winback, tier_upgrade or a named campaign'),
    kind: NudgeKind,
    orderId: EntityId.describe('The order the nudge brought back'),
    customer: CustomerRef,
    revenue: Money,
    tierId: z.string().max(40).nullable().describe("The customer's tier when the nudge was sent; null: none"),
    productId: EntityId.optional().describe('The product the nudge was about (replenishment)'),
    sentAt: IsoDateTime.describe('When the nudge went out'),
  },
  example: {
    ...ex,
    occurredAt: '2024-06-22T10:15:00Z',
    orderId: '5012345678999',
    campaignId: 'replenishment',
    revenue: { amount: 4599, currency: 'USD' },
    tierId: 'silver',
    productId: '8012345678901',
    sentAt: '2024-06-20T16:00:02Z',
  },
});
