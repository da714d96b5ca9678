// Attribution: which orders the nudges brought back. The rule (last touch, one nudge per order):
//   an order is attributed to the LATEST nudge sent to the same customer at or before the moment it
//   was placed, if it was placed within `windowDays` of that nudge (strictly after it was sent, at
//   most windowDays * 24 h later). A cancelled or wholly refunded order brings nothing back and is
//   not attributed; revenue is net of partial refunds, per currency (never converted).
// A nudge converts when at least one order is attributed to it. Results group the nudges sent in
// a period by campaign, by product (replenishment) and by the customer's tier when it was sent.
import * as z from 'zod';
import { Money } from '../events/common.ts';
import { DAY_MS, isKeptOrder, type CustomerOrder, type CustomerState, type SentNudge } from './customer-state.ts';
import { netSpend } from './tiers.ts';

export interface Attribution {
  nudge: SentNudge;
  orders: CustomerOrder[];
}

/** The nudge an order is attributed to, if any (see the rule above). */
export function attributedNudge(order: CustomerOrder, nudges: readonly SentNudge[], windowDays: number): SentNudge | undefined {
  if (!isKeptOrder(order)) return undefined;
  const placed = Date.parse(order.placedAt);
  let latest: SentNudge | undefined;
  for (const nudge of nudges) {
    const sent = Date.parse(nudge.sentAt);
    if (sent >= placed || placed - sent > windowDays * DAY_MS) continue;
    if (!latest || sent > Date.parse(latest.sentAt)) latest = nudge;
  }
  return latest;
}

/** Each of the customer's nudges with the orders attributed to it (none: not converted). */
export function attributeOrders(state: Pick<CustomerState, 'orders' | 'nudgesSent'>, windowDays: number): Attribution[] {
  const byNudge = new Map<string, Attribution>(state.nudgesSent.map((nudge) => [nudge.nudgeId, { nudge, orders: [] }]));
  for (const order of state.orders) {
    const nudge = attributedNudge(order, state.nudgesSent, windowDays);
    if (nudge) byNudge.get(nudge.nudgeId)!.orders.push(order);
  }
  return [...byNudge.values()];
}

export const ResultRow = z.object({
  key: z.string().describe('The campaign, product or tier id; `none` for nudges without one'),
  sent: z.int().nonnegative(),
  converted: z.int().nonnegative().describe('Nudges with at least one attributed order'),
  conversionRate: z.number().min(0).max(1).describe('converted / sent (0 when none sent)'),
  orders: z.int().nonnegative(),
  revenue: z.array(Money).describe('Net of refunds, per currency'),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const CampaignResults = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  windowDays: z.int().positive(),
  rule: z.string().describe('How orders are attributed'),
  totals: ResultRow,
  byCampaign: z.array(ResultRow),
  byProduct: z.array(ResultRow),
  byTier: z.array(ResultRow),
});
export type CampaignResults = z.infer<typeof CampaignResults>;

export const attributionRule = 'Last touch: an order is attributed to the latest nudge sent to the customer before it, when placed within the window after it; cancelled and wholly refunded orders are not; revenue is net of refunds.';

class Tally {
  private readonly rows = new Map<string, { sent: number; converted: number; orders: number; revenue: Map<string, number> }>();

  add(key: string, attribution: Attribution): void {
    const row = this.rows.get(key) ?? { sent: 0, converted: 0, orders: 0, revenue: new Map<string, number>() };
    row.sent++;
    if (attribution.orders.length > 0) row.converted++;
    row.orders += attribution.orders.length;
    for (const order of attribution.orders) {
      const spend = netSpend(order);
      row.revenue.set(spend.currency, (row.revenue.get(spend.currency) ?? 0) + spend.amount);
    }
    this.rows.set(key, row);
  }

  list(): ResultRow[] {
    return [...this.rows].map(([key, row]) => toRow(key, row)).sort((a, b) => b.sent - a.sent || a.key.localeCompare(b.key));
  }

  total(): ResultRow {
    const sum = { sent: 0, converted: 0, orders: 0, revenue: new Map<string, number>() };
    for (const row of this.rows.values()) {
      sum.sent += row.sent;
      sum.converted += row.converted;
      sum.orders += row.orders;
      for (const [currency, amount] of row.revenue) sum.revenue.set(currency, (sum.revenue.get(currency) ?? 0) + amount);
    }
    return toRow('all', sum);
  }
}

function toRow(key: string, row: { sent: number; converted: number; orders: number; revenue: Map<string, number> }): ResultRow {
  const revenue = [...row.revenue].map(([currency, amount]) => ({ amount, currency })).sort((a, b) => a.currency.localeCompare(b.currency));
  return { key, sent: row.sent, converted: row.converted, conversionRate: row.sent ? row.converted / row.sent : 0, orders: row.orders, revenue };
}

/** Results of the nudges sent in [from, to) across these customers. */
export function campaignResults(states: ReadonlyArray<Pick<CustomerState, 'orders' | 'nudgesSent'>>, period: { from: Date; to: Date }, windowDays: number): CampaignResults {
  const byCampaign = new Tally();
  const byProduct = new Tally();
  const byTier = new Tally();
  for (const state of states) {
    for (const attribution of attributeOrders(state, windowDays)) {
      const sent = Date.parse(attribution.nudge.sentAt);
      if (sent < period.from.getTime() || sent >= period.to.getTime()) continue;
      byCampaign.add(attribution.nudge.campaignId, attribution);
      byProduct.add(attribution.nudge.productId ?? 'none', attribution);
      byTier.add(attribution.nudge.tierId ?? 'none', attribution);
    }
  }
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    windowDays,
    rule: attributionRule,
    totals: byCampaign.total(),
    byCampaign: byCampaign.list(),
    byProduct: byProduct.list(),
    byTier: byTier.list(),
  };
}
