// Replenishment: when a delivered product is likely to run out. The cycle is, in order of trust:
//   1. the customer's own median interval between orders of the product (learned, enough history);
//   2. the product's median interval across customers (learned, enough history);
//   3. the product's configured cycle, else the shortest cycle of its tags;
// none of them: the product is not nudged. The nudge is due `cycle` days after delivery, to the
// millisecond: not before.
import { addDays, DAY_MS, isKeptOrder, orderHasProduct, type CustomerOrder, type NudgeOrderLine } from './customer-state.ts';
import type { CampaignSettings } from './settings.ts';

export type CycleSource = 'customer_history' | 'product_history' | 'product' | 'tag';

export interface Cycle {
  days: number;
  source: CycleSource;
  /** How many intervals a learned cycle is the median of. */
  intervals?: number;
  /** The tag whose cycle applies. */
  tag?: string;
}

/** The middle value; with an even count, the mean of the two middle ones. Undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Days between consecutive orders of the product (kept orders only: a refunded one was not used
 * up), in whole days rounded. Orders on the same day count once: a split basket is one purchase.
 */
export function orderIntervalsDays(orders: readonly CustomerOrder[], productId: string): number[] {
  const times = orders
    .filter((order) => isKeptOrder(order) && orderHasProduct(order, productId))
    .map((order) => Date.parse(order.placedAt))
    .sort((a, b) => a - b);
  const intervals: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const days = Math.round((times[i]! - times[i - 1]!) / DAY_MS);
    if (days > 0) intervals.push(days);
  }
  return intervals;
}

/** One customer's intervals for each of these products (empty for a product bought once). */
export function customerProductIntervals(orders: readonly CustomerOrder[], productIds: readonly string[]): Map<string, number[]> {
  return new Map([...new Set(productIds)].map((productId) => [productId, orderIntervalsDays(orders, productId)]));
}

/** Every customer's intervals for the product, pooled: the product's learned cycle is their median. */
export function productIntervalsDays(ordersByCustomer: ReadonlyArray<readonly CustomerOrder[]>, productId: string): number[] {
  return ordersByCustomer.flatMap((orders) => orderIntervalsDays(orders, productId));
}

/** The configured cycle of a line: its product's, else the shortest of its tags' (tags compare case-insensitively). */
export function configuredCycle(settings: CampaignSettings['replenishment'], line: Pick<NudgeOrderLine, 'productId' | 'tags'>): Cycle | undefined {
  for (const cycle of settings.cycles) if ('productId' in cycle && cycle.productId === line.productId) return { days: cycle.days, source: 'product' };
  const tags = new Set(line.tags.map((tag) => tag.toLowerCase()));
  let best: Cycle | undefined;
  for (const cycle of settings.cycles) {
    if ('tag' in cycle && tags.has(cycle.tag.toLowerCase()) && (!best || cycle.days < best.days)) best = { days: cycle.days, source: 'tag', tag: cycle.tag };
  }
  return best;
}

/**
 * The cycle for a line: learned from the customer's orders (`customerOrders`, including the one
 * just delivered) or the product's pooled intervals when there are enough, else configured.
 * A learned median of half days rounds up: nudging half a day late is better than early.
 */
export function cycleFor(
  settings: CampaignSettings['replenishment'],
  line: Pick<NudgeOrderLine, 'productId' | 'tags'>,
  history: { customerOrders: readonly CustomerOrder[]; productIntervals?: readonly number[] },
): Cycle | undefined {
  const { learned } = settings;
  if (learned.enabled) {
    const own = orderIntervalsDays(history.customerOrders, line.productId);
    // n orders give n - 1 intervals.
    if (own.length >= learned.minCustomerOrders - 1) return { days: Math.ceil(median(own)!), source: 'customer_history', intervals: own.length };
    const pooled = history.productIntervals ?? [];
    if (pooled.length >= learned.minProductIntervals) return { days: Math.ceil(median(pooled)!), source: 'product_history', intervals: pooled.length };
  }
  return configuredCycle(settings, line);
}

export interface PlannedReplenishment {
  orderId: string;
  productId: string;
  title?: string;
  dueAt: string;
  cycle: Cycle;
}

/**
 * The replenishment nudges a delivered order calls for: one per product with a cycle (a product on
 * two lines is one nudge), due `cycle.days` after delivery. None while undelivered, cancelled or
 * wholly refunded, or when the campaign is off.
 */
export function plannedReplenishments(
  settings: CampaignSettings['replenishment'],
  order: CustomerOrder,
  history: { customerOrders: readonly CustomerOrder[]; productIntervals?: (productId: string) => readonly number[] },
): PlannedReplenishment[] {
  if (!settings.enabled || !order.deliveredAt || !isKeptOrder(order)) return [];
  const planned = new Map<string, PlannedReplenishment>();
  for (const line of order.lines) {
    if (planned.has(line.productId)) continue;
    const productIntervals = history.productIntervals?.(line.productId);
    const cycle = cycleFor(settings, line, { customerOrders: history.customerOrders, ...(productIntervals ? { productIntervals } : {}) });
    if (!cycle) continue;
    planned.set(line.productId, {
      orderId: order.id,
      productId: line.productId,
      ...(line.title ? { title: line.title } : {}),
      dueAt: addDays(order.deliveredAt, cycle.days).toISOString(),
      cycle,
    });
  }
  return [...planned.values()];
}
