// The measures of the delay flow (getDelayMetrics) and the daily digest, as pure aggregation over
// delay facts: how often the customer heard from us before they had to ask, how fast, and which
// carriers and destinations are late most often. Orders are counted once however many delays
// they had.
import type { DelayReason, DelaySeverity } from '../events/delays.ts';
import type { DelayWatch } from './watch.ts';

export interface DelayFact {
  orderId: string;
  delayId: string;
  reason: DelayReason;
  severity?: DelaySeverity;
  carrier?: string;
  destinationCountry?: string;
  detectedAt: string;
  /** When the customer was first told about the order's delay. */
  notifiedAt?: string;
  /** When the customer first contacted the shop about it (support ticket, email). */
  firstCustomerContactAt?: string;
  resolvedAt?: string;
}

export interface ShippedOrders {
  /** Orders shipped in the period, per carrier code. */
  byCarrier: Readonly<Record<string, number>>;
  /** Orders shipped in the period, per destination country. */
  byDestination: Readonly<Record<string, number>>;
}

export interface RateRow {
  key: string;
  shippedOrders: number;
  delayedOrders: number;
  /** delayed / shipped, 4 decimals; null when nothing shipped. */
  rate: number | null;
}

export interface DelayMetrics {
  delayedOrders: number;
  /** Delayed orders whose customer was told before contacting us (or never had to). */
  toldFirst: { orders: number; share: number | null };
  notifiedOrders: number;
  /** From the first detection to the first notice, per notified order. */
  detectionToNotificationMinutes: { count: number; p50: number | null; p90: number | null };
  byReason: Array<{ reason: DelayReason; orders: number }>;
  byCarrier: RateRow[];
  byDestination: RateRow[];
}

/** Used for a delay without a known carrier or destination. */
export const unknownKey = 'unknown';

const ms = (iso: string) => Date.parse(iso);
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const earliest = (times: Array<string | undefined>) => times.filter((t): t is string => t !== undefined).sort((a, b) => ms(a) - ms(b))[0];

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

interface OrderFacts {
  orderId: string;
  detectedAt: string;
  notifiedAt?: string;
  contactAt?: string;
  carrier: string;
  destination: string;
  reasons: Set<DelayReason>;
}

function byOrder(delays: readonly DelayFact[]): OrderFacts[] {
  const groups = new Map<string, DelayFact[]>();
  for (const delay of delays) groups.set(delay.orderId, [...(groups.get(delay.orderId) ?? []), delay]);
  return [...groups.entries()].map(([orderId, facts]) => {
    const notifiedAt = earliest(facts.map((f) => f.notifiedAt));
    const contactAt = earliest(facts.map((f) => f.firstCustomerContactAt));
    return {
      orderId,
      detectedAt: earliest(facts.map((f) => f.detectedAt))!,
      ...(notifiedAt ? { notifiedAt } : {}),
      ...(contactAt ? { contactAt } : {}),
      carrier: facts.find((f) => f.carrier)?.carrier ?? unknownKey,
      destination: facts.find((f) => f.destinationCountry)?.destinationCountry ?? unknownKey,
      reasons: new Set(facts.map((f) => f.reason)),
    };
  });
}

function rates(shipped: Readonly<Record<string, number>>, delayed: Map<string, number>): RateRow[] {
  const keys = new Set([...Object.keys(shipped), ...delayed.keys()]);
  return [...keys]
    .map((key) => {
      const shippedOrders = shipped[key] ?? 0;
      const delayedOrders = delayed.get(key) ?? 0;
      return { key, shippedOrders, delayedOrders, rate: shippedOrders > 0 ? round(delayedOrders / shippedOrders) : null };
    })
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.delayedOrders - a.delayedOrders || a.key.localeCompare(b.key));
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) => items.reduce((map, item) => map.set(key(item), (map.get(key(item)) ?? 0) + 1), new Map<string, number>());

/** The measures over the delays detected in a period and the orders shipped in it. */
export function delayMetrics(delays: readonly DelayFact[], shipped: ShippedOrders): DelayMetrics {
  const orders = byOrder(delays);
  const toldFirst = orders.filter((o) => o.notifiedAt !== undefined && (o.contactAt === undefined || ms(o.notifiedAt) <= ms(o.contactAt))).length;
  const notified = orders.filter((o): o is OrderFacts & { notifiedAt: string } => o.notifiedAt !== undefined);
  const waits = notified.map((o) => Math.max(0, Math.round((ms(o.notifiedAt) - ms(o.detectedAt)) / 60_000))).sort((a, b) => a - b);
  const reasonCounts = new Map<DelayReason, number>();
  for (const order of orders) for (const reason of order.reasons) reasonCounts.set(reason, (reasonCounts.get(reason) ?? 0) + 1);
  return {
    delayedOrders: orders.length,
    toldFirst: { orders: toldFirst, share: orders.length > 0 ? round(toldFirst / orders.length) : null },
    notifiedOrders: notified.length,
    detectionToNotificationMinutes: { count: waits.length, p50: percentile(waits, 50), p90: percentile(waits, 90) },
    byReason: [...reasonCounts.entries()].map(([reason, count]) => ({ reason, orders: count })).sort((a, b) => b.orders - a.orders || a.reason.localeCompare(b.reason)),
    byCarrier: rates(shipped.byCarrier, countBy(orders, (o) => o.carrier)),
    byDestination: rates(shipped.byDestination, countBy(orders, (o) => o.destination)),
  };
}

export interface OpenDelayDigest {
  total: number;
  byReason: Array<{ reason: DelayReason; count: number; byCarrier: Array<{ carrier: string; count: number }> }>;
}

/** The daily digest: open delays grouped by reason, then carrier, largest groups first. */
export function openDelayDigest(delays: readonly DelayFact[]): OpenDelayDigest {
  const open = delays.filter((d) => !d.resolvedAt);
  const reasons = new Map<DelayReason, DelayFact[]>();
  for (const delay of open) reasons.set(delay.reason, [...(reasons.get(delay.reason) ?? []), delay]);
  const byReason = [...reasons.entries()].map(([reason, items]) => ({
    reason,
    count: items.length,
    byCarrier: [...countBy(items, (d) => d.carrier ?? unknownKey).entries()].map(([carrier, count]) => ({ carrier, count })).sort((a, b) => b.count - a.count || a.carrier.localeCompare(b.carrier)),
  }));
  return { total: open.length, byReason: byReason.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)) };
}

/** The facts of a watch's delays: a delay's notification is its own notice, else the first notice after it was detected. */
export function delayFactsOf(watch: DelayWatch, firstCustomerContactAt: string | undefined = watch.firstCustomerContactAt): DelayFact[] {
  return watch.delays.map((delay) => {
    const own = watch.notices.find((n) => n.delayId === delay.delayId);
    const after = watch.notices.find((n) => ms(n.at) >= ms(delay.detectedAt));
    const notifiedAt = own?.at ?? after?.at;
    return {
      orderId: watch.orderId,
      delayId: delay.delayId,
      reason: delay.reason,
      severity: delay.severity,
      ...(delay.carrier ?? watch.carrier ? { carrier: delay.carrier ?? watch.carrier } : {}),
      ...(watch.destinationCountry ? { destinationCountry: watch.destinationCountry } : {}),
      detectedAt: delay.detectedAt,
      ...(notifiedAt ? { notifiedAt } : {}),
      ...(firstCustomerContactAt ? { firstCustomerContactAt } : {}),
      ...(delay.resolvedAt ? { resolvedAt: delay.resolvedAt } : {}),
    };
  });
}
