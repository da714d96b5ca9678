// What the nudge rules know about one customer of a shop, as plain data: an adapter fills it from
// the state table (orders, cases, surveys, consent, nudges already sent, tier); the rules in this
// folder only read it. Timestamps are ISO 8601 UTC strings, money integer minor units.
import type { Channel, Money } from '../events/common.ts';
import type { NudgeKind } from '../events/nudges.ts';
import type { SurveyKind } from '../events/surveys.ts';

export interface NudgeOrderLine {
  productId: string;
  variantId?: string;
  title?: string;
  /** The product's storefront tags, for tag cycles. */
  tags: readonly string[];
  quantity: number;
}

export interface CustomerOrder {
  id: string;
  placedAt: string;
  /** When the parcel (the last one) was delivered; absent while in transit. */
  deliveredAt?: string;
  cancelled?: boolean;
  lines: readonly NudgeOrderLine[];
  total: Money;
  /** Refunded so far, in the order's currency (0 when none). */
  refunded: Money;
}

/** An after-sales case still open: while one is, the customer gets no marketing. */
export type OpenCaseKind = 'return' | 'refund' | 'delay' | 'complaint';
export interface OpenCase {
  kind: OpenCaseKind;
  id: string;
  openedAt: string;
}

export interface SurveyScore {
  kind: SurveyKind;
  score: number;
  answeredAt: string;
}

/** Marketing consent on a channel: `unsubscribed` is an explicit opt-out (ours or the storefront's). */
export type ChannelConsent = 'subscribed' | 'unsubscribed' | 'unknown';

/** A nudge that went out (suppressed ones are not listed: they do not count towards the cap). */
export interface SentNudge {
  nudgeId: string;
  kind: NudgeKind;
  /** What results are grouped by: `replenishment`, `winback`, `tier_upgrade`, or a named campaign. */
  campaignId: string;
  sentAt: string;
  channel: Channel;
  /** The order that prompted it (replenishment) and the product it is about. */
  orderId?: string;
  productId?: string;
  /** Win-back: the step (0-based) of the sequence. */
  step?: number;
  /** The customer's tier when it was sent (null: none), so results by tier do not move with later changes. */
  tierId?: string | null;
}

export interface CustomerTier {
  id: string;
  rank: number;
}

export interface CustomerState {
  shopId: string;
  customer: { id: string; email?: string; phone?: string; firstName?: string; locale: string; timeZone?: string };
  orders: readonly CustomerOrder[];
  openCases: readonly OpenCase[];
  surveyScores: readonly SurveyScore[];
  consent: { email: ChannelConsent; sms: ChannelConsent };
  nudgesSent: readonly SentNudge[];
  tier: CustomerTier | null;
}

export const DAY_MS = 86_400_000;

export const addDays = (at: string | Date, days: number): Date => new Date(new Date(at).getTime() + days * DAY_MS);

/** Orders that count as purchases: not cancelled, not wholly refunded. */
export function isKeptOrder(order: CustomerOrder): boolean {
  return !order.cancelled && order.refunded.amount < order.total.amount;
}

export const orderHasProduct = (order: CustomerOrder, productId: string): boolean => order.lines.some((line) => line.productId === productId);
