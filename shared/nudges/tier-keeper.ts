// The VIP tier keeper's rules: what one order counts for, the customer's tier item after an order
// or a refund changed, the CustomerTierChanged it announces and the thank-you for an upgrade.
// The order store has no index by customer, so the tier item (`CUSTOMERTIER#<shopId>` /
// `<customerId>`) keeps the few figures points need of each of the customer's orders; every event
// about an order rewrites that order's entry from the order as stored now, so the entries do not
// depend on the order in which events arrive. Pure: functions/nudges/tiers.ts loads and writes.
import { createHash } from 'node:crypto';
import type { CustomerRef, Money } from '../events/common.ts';
import type { DetailInputOf } from '../events/define.ts';
import type { NotificationRequested } from '../events/notifications.ts';
import type { CustomerTierChanged } from '../events/nudges.ts';
import type { OrderState } from '../ingest/order-state.ts';
import { resolveLocale, type TemplateLocale } from '../notifications/templates/define.ts';
import type { CustomerOrder, CustomerState, CustomerTier } from './customer-state.ts';
import { customerOrderOf } from './from-state.ts';
import type { CampaignSettings, TierBenefits } from './settings.ts';
import { suppressionReasons } from './suppression.ts';
import { tierChange, tierStanding, type TierChange, type TierStanding } from './tiers.ts';

/** What points need of one order: when, how much, how much went back, whether it was cancelled. */
export interface TierOrder {
  placedAt: string;
  total: Money;
  /** Refunded (and credited) so far, in the order's currency, at most the total. */
  refunded: number;
  cancelled?: true;
}

export interface TierRecord {
  shopId: string;
  customerId: string;
  tier: CustomerTier | null;
  points: number;
  orders: Record<string, TierOrder>;
  /** 0: no item yet. */
  version: number;
  updatedAt: string;
}

/** The orders a tier item keeps at most (the latest placed): about 100 bytes each, far below DynamoDB's 400 KB. */
export const maxTierOrders = 1000;

/** Money that went back on the order as the refund ledger counts it (our refunds and credits, and the storefront's). */
export interface LedgerTotals {
  refunded: Money;
  credited: Money;
}

/**
 * The order as the tier counts it; undefined for a test or deleted order (it counts for nothing).
 * Refunded: the larger of the storefront's refunds and the ledger's refunds plus store credit.
 * Credit counts because it is spend handed back: spent again, it would count twice.
 */
export function tierOrderOf(state: OrderState, ledger?: LedgerTotals): TierOrder | undefined {
  const order = customerOrderOf(state);
  if (!order) return undefined;
  const fromLedger = ledger && ledger.refunded.currency === order.total.currency ? ledger.refunded.amount + (ledger.credited.currency === order.total.currency ? ledger.credited.amount : 0) : 0;
  const refunded = Math.min(order.total.amount, Math.max(order.refunded.amount, fromLedger));
  return { placedAt: order.placedAt, total: order.total, refunded, ...(order.cancelled ? { cancelled: true as const } : {}) };
}

/** The kept orders as the tier rules read them (lines do not matter to points). */
export function customerOrdersOf(orders: Record<string, TierOrder>): CustomerOrder[] {
  return Object.entries(orders).map(([id, order]) => ({
    id,
    placedAt: order.placedAt,
    ...(order.cancelled ? { cancelled: true } : {}),
    lines: [],
    total: order.total,
    refunded: { amount: order.refunded, currency: order.total.currency },
  }));
}

const sameOrder = (a: TierOrder | undefined, b: TierOrder | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface TierUpdate {
  /** The item to write; undefined when nothing changed (no write, no event). */
  next?: TierRecord;
  standing: TierStanding;
  change?: TierChange;
}

/** The customer's tier item once `orderId` is as `order` says (undefined: it no longer counts). */
export function updateTier(previous: TierRecord | undefined, ids: { shopId: string; customerId: string; orderId: string }, order: TierOrder | undefined, vip: CampaignSettings['vip'], now: Date): TierUpdate {
  const before = previous?.orders ?? {};
  const orders = { ...before };
  if (order) orders[ids.orderId] = order;
  else delete orders[ids.orderId];
  const kept = Object.entries(orders)
    .sort(([, a], [, b]) => Date.parse(b.placedAt) - Date.parse(a.placedAt))
    .slice(0, maxTierOrders);
  const trimmed = Object.fromEntries(kept);
  const standing = tierStanding(vip, customerOrdersOf(trimmed), now);
  const tier = standing.tier ? { id: standing.tier.id, rank: standing.tier.rank } : null;
  const previousTier = previous?.tier ?? null;
  const change = tierChange(previousTier, tier);
  const unchanged = previous && sameOrder(before[ids.orderId], trimmed[ids.orderId]) && previous.points === standing.points && !change && Object.keys(before).length === kept.length;
  if (unchanged) return { standing };
  return {
    next: { shopId: ids.shopId, customerId: ids.customerId, tier, points: standing.points, orders: trimmed, version: (previous?.version ?? 0) + 1, updatedAt: now.toISOString() },
    standing,
    ...(change ? { change } : {}),
  };
}

/**
 * The CustomerTierChanged of an upgrade or a downgrade; undefined for a rename, and for a drop
 * below every tier (the event names the tier reached, so falling out of the tiers is only recorded).
 */
export function tierChangedDetail(change: TierChange, standing: TierStanding, customer: CustomerRef, shopId: string, vip: CampaignSettings['vip'], fallbackCurrency: string, now: Date): DetailInputOf<typeof CustomerTierChanged> | undefined {
  if (change.direction === 'renamed' || !change.to) return undefined;
  return {
    version: 1,
    shopId,
    occurredAt: now.toISOString(),
    customer,
    tier: change.to,
    previousTier: change.from,
    direction: change.direction,
    basis: { ordersCount: standing.ordersCount, lifetimeSpend: standing.netSpend[0] ?? { amount: 0, currency: fallbackCurrency }, ...(vip.windowDays ? { windowDays: vip.windowDays } : {}) },
  };
}

const benefitWording: Record<TemplateLocale, { discount: (percent: number) => string; birthday: string; sla: (hours: number) => string; sms: string; thanks: string }> = {
  en: { discount: (p) => `${p}% off every order`, birthday: 'A birthday surprise', sla: (h) => `Your requests handled within ${h} hours`, sms: 'News by text message as well', thanks: 'Our warmest thanks for your loyalty' },
  'zh-CN': { discount: (p) => `每笔订单立减${p}%`, birthday: '生日惊喜', sla: (h) => `您的请求将在${h}小时内处理`, sms: '同时通过短信接收消息', thanks: '衷心感谢您的支持' },
  es: { discount: (p) => `${p} % de descuento en cada pedido`, birthday: 'Una sorpresa en tu cumpleaños', sla: (h) => `Atendemos tus solicitudes en ${h} horas`, sms: 'Novedades también por SMS', thanks: 'Gracias de corazón por tu fidelidad' },
  fr: { discount: (p) => `${p} % de remise sur chaque commande`, birthday: 'Une surprise pour votre anniversaire', sla: (h) => `Vos demandes traitées sous ${h} heures`, sms: 'Nos nouvelles aussi par SMS', thanks: 'Un grand merci pour votre fidélité' },
  de: { discount: (p) => `${p} % Rabatt auf jede Bestellung`, birthday: 'Eine Geburtstagsüberraschung', sla: (h) => `Deine Anliegen in ${h} Stunden bearbeitet`, sms: 'Neuigkeiten auch per SMS', thanks: 'Herzlichen Dank für deine Treue' },
};

/** The tier's benefits in the customer's language, for the thank-you (at least one line). */
export function benefitLines(benefits: TierBenefits, locale: TemplateLocale): string[] {
  const words = benefitWording[locale];
  const lines = [
    ...(benefits.discountPercent > 0 ? [words.discount(benefits.discountPercent)] : []),
    ...(benefits.birthdayMessage ? [words.birthday] : []),
    ...(benefits.caseSlaHours ? [words.sla(benefits.caseSlaHours)] : []),
    ...(benefits.sms ? [words.sms] : []),
  ];
  return lines.length > 0 ? lines : [words.thanks];
}

/**
 * Whether the thank-you may go out: the nudge rules for a `tier_upgrade` (VIP on, consent, no open
 * case, no recent low score). Not the frequency cap: it thanks the customer for the purchase they
 * just made, it does not sell. Returns the channels to try, or the first reason it may not.
 */
export function thankYouChannels(settings: CampaignSettings, state: CustomerState, now: Date): { channels: Array<'email' | 'sms'> } | { suppressed: string } {
  const { reasons, channel } = suppressionReasons({ kind: 'tier_upgrade' }, { ...state, nudgesSent: [] }, settings, now);
  if (reasons.length > 0 || !channel) return { suppressed: reasons[0] ?? 'no_marketing_consent' };
  const other = channel === 'email' ? 'sms' : 'email';
  const reachable = other === 'sms' ? state.customer.phone : state.customer.email;
  return { channels: reachable && state.consent[other] === 'subscribed' && settings.vip.tiers.find((tier) => tier.id === state.tier?.id)?.benefits.sms ? [channel, other] : [channel] };
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** The thank-you for reaching `tier`: one per customer and tier (a customer who drops and climbs back is not thanked twice). */
export function thankYouRequest(state: CustomerState, tier: { id: string; name: string; benefits: TierBenefits }, channels: Array<'email' | 'sms'>, shopDefaultLocale: string | undefined, now: Date): DetailInputOf<typeof NotificationRequested> {
  const locale = resolveLocale(state.customer.locale, shopDefaultLocale);
  const { customer } = state;
  return {
    version: 1,
    shopId: state.shopId,
    occurredAt: now.toISOString(),
    notificationId: `ntf_tier_${shortHash(`${state.shopId}\n${customer.id}\n${tier.id}`)}`,
    customer: { id: customer.id, ...(customer.email ? { email: customer.email } : {}), ...(customer.phone ? { phone: customer.phone } : {}), ...(customer.firstName ? { firstName: customer.firstName } : {}), locale: customer.locale },
    messageType: 'vip_thank_you',
    category: 'marketing',
    deduplicationKey: `vip_thank_you:${customer.id}:${tier.id}`.slice(0, 200),
    recipient: { ...(customer.email ? { email: customer.email } : {}), ...(customer.phone ? { phone: customer.phone } : {}) },
    channelPreference: channels,
    locale: customer.locale,
    templateData: { ...(customer.firstName ? { firstName: customer.firstName } : {}), tierName: tier.name.slice(0, 40), benefits: benefitLines(tier.benefits, locale) },
  };
}

/** Deterministic event ids: a redelivered event writes the same outbox item, which is then refused. */
export const tierEventId = (shopId: string, customerId: string, version: number, what: string) => `tier-${shortHash(`${shopId}\n${customerId}\n${version}\n${what}`)}`;
export const conversionEventId = (shopId: string, orderId: string) => `nudge-converted-${shortHash(`${shopId}\n${orderId}`)}`;
