// A conversion as it happens: when an order is placed, the nudge it is attributed to (the rule of
// attribution.ts: last touch within the window) and the NudgeConverted announcing it, published
// once per order (its event id derives from the order). Revenue is the order's net spend when
// placed; the results route recomputes revenue net of later refunds.
import type { CustomerRef } from '../events/common.ts';
import type { DetailInputOf } from '../events/define.ts';
import type { NudgeConverted } from '../events/nudges.ts';
import { attributedNudge } from './attribution.ts';
import type { CustomerOrder, SentNudge } from './customer-state.ts';
import { netSpend } from './tiers.ts';

/** The NudgeConverted of `order`, or undefined when no nudge sent within the window precedes it. */
export function nudgeConversion(order: CustomerOrder, nudges: readonly SentNudge[], windowDays: number, context: { shopId: string; customer: CustomerRef; now: Date }): DetailInputOf<typeof NudgeConverted> | undefined {
  const nudge = attributedNudge(order, nudges, windowDays);
  if (!nudge) return undefined;
  return {
    version: 1,
    shopId: context.shopId,
    occurredAt: context.now.toISOString(),
    nudgeId: nudge.nudgeId,
    campaignId: nudge.campaignId,
    kind: nudge.kind,
    orderId: order.id,
    customer: context.customer,
    revenue: netSpend(order),
    tierId: nudge.tierId ?? null,
    ...(nudge.productId ? { productId: nudge.productId } : {}),
    sentAt: nudge.sentAt,
  };
}
