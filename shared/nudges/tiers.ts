// VIP tiers: points from spend net of refunds, the tier they reach, and what changes when an
// order or a refund arrives. A cancelled or wholly refunded order does not count at all; a partial
// refund reduces the order's spend. Points are whole: per currency, net spend in major units times
// the points per unit, rounded down (so a refund can never leave points the customer did not pay for).
import type { Money } from '../events/common.ts';
import { currencyExponent } from '../storefronts/money.ts';
import { addDays, isKeptOrder, type CustomerOrder, type CustomerTier } from './customer-state.ts';
import type { CampaignSettings, TierSettings } from './settings.ts';

type VipSettings = CampaignSettings['vip'];

/** What an order still counts for: its total less refunds; 0 when cancelled or wholly refunded. */
export function netSpend(order: CustomerOrder): Money {
  if (!isKeptOrder(order)) return { amount: 0, currency: order.total.currency };
  return { amount: order.total.amount - order.refunded.amount, currency: order.total.currency };
}

export interface TierStanding {
  points: number;
  /** Orders that count (kept, within the window). */
  ordersCount: number;
  /** Net spend per currency, largest first. */
  netSpend: Money[];
  tier: (CustomerTier & { name: string; benefits: TierSettings['benefits'] }) | null;
}

/** The highest tier whose threshold the points reach, with its rank (its position); null below every tier. */
export function tierForPoints(tiers: VipSettings['tiers'], points: number): TierStanding['tier'] {
  let reached: TierStanding['tier'] = null;
  tiers.forEach((tier, rank) => {
    if (points >= tier.minPoints) reached = { id: tier.id, rank, name: tier.name, benefits: tier.benefits };
  });
  return reached;
}

/** Points, counted orders, net spend and tier at `now` from the customer's orders. */
export function tierStanding(settings: VipSettings, orders: readonly CustomerOrder[], now: Date): TierStanding {
  const since = settings.windowDays ? addDays(now, -settings.windowDays).getTime() : -Infinity;
  const byCurrency = new Map<string, number>();
  let ordersCount = 0;
  for (const order of orders) {
    const placed = Date.parse(order.placedAt);
    if (placed < since || placed > now.getTime() || !isKeptOrder(order)) continue;
    ordersCount++;
    const spend = netSpend(order);
    byCurrency.set(spend.currency, (byCurrency.get(spend.currency) ?? 0) + spend.amount);
  }
  let points = 0;
  for (const [currency, amount] of byCurrency) {
    const perUnit = settings.pointsPerUnitByCurrency[currency] ?? settings.pointsPerUnit;
    // Integer arithmetic first, one division: 1999 cents at 1 point per unit is 19 points.
    points += Math.floor((amount * perUnit) / 10 ** currencyExponent(currency));
  }
  const netSpendList = [...byCurrency].map(([currency, amount]) => ({ amount, currency })).sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
  return { points, ordersCount, netSpend: netSpendList, tier: settings.enabled ? tierForPoints(settings.tiers, points) : null };
}

export type TierChange =
  /** Up a tier (or into the first): the customer gets a thank-you. */
  | { direction: 'upgrade'; from: CustomerTier | null; to: CustomerTier; thankYou: true }
  /** Down (a refund, or spend leaving the window); `to` null: below every tier. No message. */
  | { direction: 'downgrade'; from: CustomerTier; to: CustomerTier | null; thankYou: false }
  /** Same rank under another id (the shop renamed its tiers): the record changes, no event, no message. */
  | { direction: 'renamed'; from: CustomerTier; to: CustomerTier; thankYou: false };

/** The change from the tier on record to the one computed; undefined when it is the same tier. */
export function tierChange(previous: CustomerTier | null, next: CustomerTier | null): TierChange | undefined {
  if ((previous?.id ?? null) === (next?.id ?? null)) return undefined;
  const strip = (tier: CustomerTier) => ({ id: tier.id, rank: tier.rank });
  if (next && (!previous || next.rank > previous.rank)) return { direction: 'upgrade', from: previous ? strip(previous) : null, to: strip(next), thankYou: true };
  if (next && previous && next.rank === previous.rank) return { direction: 'renamed', from: strip(previous), to: strip(next), thankYou: false };
  return { direction: 'downgrade', from: strip(previous!), to: next ? strip(next) : null, thankYou: false };
}
