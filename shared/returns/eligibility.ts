// Which lines of an order can be returned under a policy, how many units, until when, and what can
// be offered per reason; and, given a customer's request, a decision per requested line. Pure: the
// caller supplies the order, what is already in returns, the clock and the shop's time zone.
//
// Every refusal names a stable rule id (refusal-messages.ts words it in the customer's language).
// The exchange rules are decided by exchange.ts, from the storefront's replacement variant.
import type { Money } from '../events/common.ts';
import type { ReturnReason } from '../events/returns.ts';
import type { NormalizedOrder, NormalizedOrderLine } from '../storefronts/normalized.ts';
import { keepItThreshold, type OfferResolution, type ReasonRule, type ReturnPolicy } from './policy.ts';

export const refusalRules = [
  'window.expired',
  'exclusion.product',
  'exclusion.tag',
  'exclusion.final_sale',
  'quantity.exceeds',
  'reason.not_allowed',
  'reason.photos_required',
  'resolution.not_offered',
  'order.not_fulfilled',
  'order.cancelled',
  'line.not_found',
  'exchange.unavailable',
  'exchange.currency',
] as const;
export type RefusalRule = (typeof refusalRules)[number];
export interface Refusal {
  rule: RefusalRule;
  params: Record<string, string | number>;
}

export interface ReasonOffer {
  reason: ReturnReason;
  resolutions: OfferResolution[];
  photosRequired: boolean;
  shippingPaidBy: ReasonRule['shippingPaidBy'];
  /** Deducted from a refund of all `maxQuantity` units; zero when the reason has no fee. */
  restockingFee: Money;
  storeCreditBonusPercent?: number;
}

export interface LineEligibility {
  lineItemId: string;
  returnable: boolean;
  maxQuantity: number;
  /** Last instant (UTC ISO) a return may be requested, and that day in the shop's time zone. */
  deadline?: string;
  lastDay?: string;
  windowStart?: { date: string; source: 'delivery' | 'fulfillment_fallback' | 'order' };
  refusals: Refusal[];
  /** Empty when the line is not returnable. */
  offers: ReasonOffer[];
}

export interface ReturnRequestLine {
  lineItemId: string;
  quantity: number;
  reason: ReturnReason;
  resolution: OfferResolution;
  photos?: string[];
}

export interface RequestDecision {
  lineItemId: string;
  quantity: number;
  reason: ReturnReason;
  resolution: OfferResolution;
  accepted: boolean;
  refusals: Refusal[];
  /** When accepted: the value of the units (tax included), the fee, who pays shipping, any credit bonus. */
  value?: Money;
  restockingFee?: Money;
  shippingPaidBy?: ReasonRule['shippingPaidBy'];
  storeCreditBonus?: Money;
}

export interface ReturnEvaluation {
  orderId: string;
  lines: LineEligibility[];
  decisions?: RequestDecision[];
}

export interface EvaluateReturnInput {
  order: NormalizedOrder;
  policy: ReturnPolicy;
  now: Date;
  /**
   * Units per line id in returns not (yet) refunded: open returns and those resolved by credit or
   * exchange. Refunded units are read from the order's refunds, so do not count them twice.
   */
  alreadyReturned?: Record<string, number>;
  request?: ReturnRequestLine[];
  /** The shop's IANA time zone: a window ends at the end of its last day there. */
  timeZone?: string;
}

const DAY = 86_400_000;

export function evaluateReturn(input: EvaluateReturnInput): ReturnEvaluation {
  const { order, policy, now, alreadyReturned = {}, request, timeZone = 'UTC' } = input;
  const lines = order.lines.map((line) => evaluateLine(order, line, policy, now, alreadyReturned[line.lineId] ?? 0, timeZone));
  const result: ReturnEvaluation = { orderId: order.orderId, lines };
  if (request) result.decisions = decide(order, policy, lines, request);
  return result;
}

function evaluateLine(order: NormalizedOrder, line: NormalizedOrderLine, policy: ReturnPolicy, now: Date, returned: number, timeZone: string): LineEligibility {
  const refusals: Refusal[] = [];
  if (order.cancelledAt) refusals.push({ rule: 'order.cancelled', params: {} });
  refusals.push(...exclusionRefusals(line, policy));

  // Units the customer has: fulfilled ones (delivered or confirmed shipped), or all of them when the
  // policy accepts lines without a fulfilment record.
  const fulfillments = order.fulfillments.filter((f) => (f.status === 'success' || f.deliveredAt) && f.lines.some((l) => l.lineId === line.lineId));
  const fulfilled = Math.min(line.quantity, sum(fulfillments.flatMap((f) => f.lines.filter((l) => l.lineId === line.lineId).map((l) => l.quantity))));
  let owned = fulfilled;
  let windowStart: LineEligibility['windowStart'];
  let windowDays = policy.windowDays;
  if (fulfilled > 0) {
    // Partial shipments: the latest start, so no unit's window closes before it arrived.
    const starts = fulfillments.map((f) =>
      f.deliveredAt
        ? { instant: Date.parse(f.deliveredAt), source: 'delivery' as const }
        : { instant: Date.parse(f.createdAt) + policy.fulfillmentFallbackDays * DAY, source: 'fulfillment_fallback' as const },
    );
    const latest = starts.reduce((a, b) => (b.instant > a.instant ? b : a));
    windowStart = { date: localDate(latest.instant, timeZone), source: latest.source };
  } else if (policy.maxDaysAfterOrderWithoutFulfillment) {
    owned = line.quantity;
    windowStart = { date: localDate(Date.parse(order.createdAt), timeZone), source: 'order' };
    windowDays = policy.maxDaysAfterOrderWithoutFulfillment;
  } else {
    refusals.push({ rule: 'order.not_fulfilled', params: {} });
  }

  let deadline: string | undefined;
  let lastDay: string | undefined;
  if (windowStart) {
    lastDay = addDays(windowStart.date, windowDays);
    for (const extension of policy.holidayExtensions) {
      const start = windowStart.date;
      if (windowStart.source !== 'order' && start >= extension.from && start <= extension.to && extension.extendUntil > lastDay) lastDay = extension.extendUntil;
    }
    // The whole last day counts: the window closes at the next local midnight.
    const closes = startOfLocalDay(addDays(lastDay, 1), timeZone);
    deadline = new Date(closes - 1000).toISOString().replace('.000Z', 'Z');
    if (now.getTime() >= closes) refusals.push({ rule: 'window.expired', params: { deadline: lastDay } });
  }

  const refunded = sum(order.refunds.flatMap((r) => r.lines.filter((l) => l.lineId === line.lineId).map((l) => l.quantity)));
  const remaining = Math.max(0, owned - refunded - returned);
  if (refusals.length === 0 && remaining === 0) refusals.push({ rule: 'quantity.exceeds', params: { max: 0, refunded, alreadyReturned: returned } });
  const returnable = refusals.length === 0;
  const maxQuantity = returnable ? remaining : 0;
  const offers = returnable ? policy.reasons.map((rule) => offerFor(order, line, policy, rule, maxQuantity)) : [];
  return { lineItemId: line.lineId, returnable, maxQuantity, deadline, lastDay, windowStart, refusals, offers };
}

function exclusionRefusals(line: NormalizedOrderLine, policy: ReturnPolicy): Refusal[] {
  const { exclusions } = policy;
  const refusals: Refusal[] = [];
  if (line.productId && exclusions.productIds.includes(line.productId)) refusals.push({ rule: 'exclusion.product', params: { productId: line.productId } });
  else if (line.variantId && exclusions.variantIds.includes(line.variantId)) refusals.push({ rule: 'exclusion.product', params: { variantId: line.variantId } });
  const tags = new Set((line.productTags ?? []).map((tag) => tag.trim().toLowerCase()));
  if (exclusions.finalSale && exclusions.finalSaleTags.some((tag) => tags.has(tag.toLowerCase()))) refusals.push({ rule: 'exclusion.final_sale', params: {} });
  const tag = exclusions.tags.find((t) => tags.has(t.toLowerCase()));
  if (tag) refusals.push({ rule: 'exclusion.tag', params: { tag } });
  return refusals;
}

function offerFor(order: NormalizedOrder, line: NormalizedOrderLine, policy: ReturnPolicy, rule: ReasonRule, quantity: number): ReasonOffer {
  const value = lineValue(line, quantity);
  const offer: ReasonOffer = {
    reason: rule.code,
    resolutions: offeredResolutions(order, policy, rule, value),
    photosRequired: rule.photosRequired,
    shippingPaidBy: rule.shippingPaidBy,
    restockingFee: percentOf(value, rule.restockingFeePercent ?? 0),
  };
  if (policy.storeCreditBonusPercent && offer.resolutions.includes('store_credit')) offer.storeCreditBonusPercent = policy.storeCreditBonusPercent;
  return offer;
}

/** The reason's resolutions, `keep` only when the value is strictly below the currency's threshold. */
function offeredResolutions(order: NormalizedOrder, policy: ReturnPolicy, rule: ReasonRule, value: Money): OfferResolution[] {
  const threshold = keepItThreshold(policy, order.currency);
  return rule.resolutions.filter((resolution) => resolution !== 'keep' || (threshold !== undefined && value.amount < threshold.amount));
}

function decide(order: NormalizedOrder, policy: ReturnPolicy, lines: LineEligibility[], request: ReturnRequestLine[]): RequestDecision[] {
  const used = new Map<string, number>();
  return request.map((requested) => {
    const { lineItemId, quantity, reason, resolution } = requested;
    const base = { lineItemId, quantity, reason, resolution };
    const eligibility = lines.find((l) => l.lineItemId === lineItemId);
    const line = order.lines.find((l) => l.lineId === lineItemId);
    if (!eligibility || !line) return { ...base, accepted: false, refusals: [{ rule: 'line.not_found', params: { lineItemId } }] };
    if (!eligibility.returnable) return { ...base, accepted: false, refusals: eligibility.refusals };

    const refusals: Refusal[] = [];
    const left = eligibility.maxQuantity - (used.get(lineItemId) ?? 0);
    if (quantity > left) refusals.push({ rule: 'quantity.exceeds', params: { requested: quantity, max: left } });
    const rule = policy.reasons.find((r) => r.code === reason);
    const value = lineValue(line, quantity);
    if (!rule) refusals.push({ rule: 'reason.not_allowed', params: { reason } });
    else {
      if (rule.photosRequired && !requested.photos?.length) refusals.push({ rule: 'reason.photos_required', params: { reason } });
      if (!offeredResolutions(order, policy, rule, value).includes(resolution)) refusals.push({ rule: 'resolution.not_offered', params: { resolution, reason } });
    }
    if (refusals.length > 0 || !rule) return { ...base, accepted: false, refusals };

    used.set(lineItemId, (used.get(lineItemId) ?? 0) + quantity);
    const decision: RequestDecision = {
      ...base,
      accepted: true,
      refusals: [],
      value,
      restockingFee: percentOf(value, resolution === 'refund' ? (rule.restockingFeePercent ?? 0) : 0),
      shippingPaidBy: resolution === 'keep' ? 'merchant' : rule.shippingPaidBy,
    };
    if (resolution === 'store_credit' && policy.storeCreditBonusPercent) decision.storeCreditBonus = percentOf(value, policy.storeCreditBonusPercent);
    return decision;
  });
}

/** What `quantity` units of the line cost the customer: after discounts, tax included. */
export function lineValue(line: NormalizedOrderLine, quantity: number): Money {
  const paid = line.total.amount + (line.tax?.amount ?? 0);
  return { amount: Math.round((paid * quantity) / line.quantity), currency: line.total.currency };
}

function percentOf(money: Money, percent: number): Money {
  return { amount: Math.round((money.amount * percent) / 100), currency: money.currency };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

// Calendar arithmetic in an IANA zone with Intl only (shared/ takes no date library).
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(instant: number, timeZone: string): number[] {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((type) => Number(parts.find((p) => p.type === type)?.value));
}

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDate(instant: number, timeZone: string): string {
  const [y = 0, m = 1, d = 1] = partsIn(instant, timeZone);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function offsetAt(instant: number, timeZone: string): number {
  const [y = 0, m = 1, d = 1, h = 0, mi = 0, s = 0] = partsIn(instant, timeZone);
  return Date.UTC(y, m - 1, d, h, mi, s) - Math.floor(instant / 1000) * 1000;
}

/** The instant a local day starts in `timeZone` (two passes settle DST changes). */
export function startOfLocalDay(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
