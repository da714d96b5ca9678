// What a nudge says and where it points: the NotificationRequested of a replenishment nudge (the
// product and a link that puts it back in the cart) or of a win-back step (the shop), with the
// personal discount code when the campaign gives one. Marketing: the notifications context checks
// consent again and keeps its own caps; the deduplication key is the nudge, so a retried sender
// never sends it twice.
import type { Channel } from '../events/common.ts';
import type { DetailInputOf } from '../events/define.ts';
import type { NotificationRequested } from '../events/notifications.ts';
import { withShopLinks } from '../notifications/shop-links.ts';
import { resolveLocale } from '../notifications/templates/define.ts';
import type { ShopConfig } from '../shops/config.ts';
import { discountValueText } from '../delays/courtesy.ts';
import type { DiscountCode, DiscountRequest } from '../storefronts/discount-port.ts';
import { addDays, type CustomerState } from './customer-state.ts';
import type { NudgeRecord } from './planner.ts';
import type { NudgeDiscount } from './settings.ts';

export type NudgeNotificationDetail = DetailInputOf<typeof NotificationRequested>;

/** One key per nudge: the storefront answers the same code however often it is asked. */
export const nudgeDiscountKey = (shopId: string, nudgeId: string) => `nudge:${shopId}:${nudgeId}`;

export function nudgeDiscountRequest(record: NudgeRecord, state: Pick<CustomerState, 'customer'>, discount: NudgeDiscount, now: Date): DiscountRequest {
  return {
    key: nudgeDiscountKey(record.shopId, record.nudgeId),
    value: { type: 'percent', percent: discount.percent },
    expiresAt: addDays(now, discount.expiresAfterDays).toISOString(),
    usageLimit: 1,
    codePrefix: record.kind === 'winback' ? 'Back' : 'Refill',
    ...(state.customer.email ? { customerEmail: state.customer.email } : {}),
    reason: (record.kind === 'winback' ? `Win-back step ${(record.step ?? 0) + 1}` : `Replenishment of product ${record.productId ?? ''} (order ${record.orderId ?? ''})`).slice(0, 200),
  };
}

/** The shop's storefront: its configured home page, else the storefront the webhooks name. */
export function storefrontUrl(shop: Pick<ShopConfig, 'notifications' | 'shopify' | 'woocommerce'>): string | undefined {
  if (shop.notifications?.shopUrl) return shop.notifications.shopUrl.replace(/\/+$/, '');
  if (shop.shopify) return `https://${shop.shopify.domain}`;
  if (shop.woocommerce) return shop.woocommerce.source.replace(/\/+$/, '');
  return undefined;
}

/** A link that puts the product back in the cart where the storefront has one (Shopify cart permalink, WooCommerce add-to-cart), else the shop. */
export function reorderUrl(shop: Pick<ShopConfig, 'notifications' | 'shopify' | 'woocommerce'>, line: { productId?: string | undefined; variantId?: string | undefined }): string | undefined {
  const home = storefrontUrl(shop);
  if (!home) return undefined;
  if (shop.shopify && line.variantId) return `${home}/cart/${encodeURIComponent(line.variantId)}:1`;
  if (shop.woocommerce && line.productId) return `${home}/?add-to-cart=${encodeURIComponent(line.productId)}`;
  return home;
}

export interface NudgeMessageInput {
  record: NudgeRecord;
  state: CustomerState;
  channel: Channel;
  shop: Pick<ShopConfig, 'defaultLocale' | 'notifications' | 'shopify' | 'woocommerce'>;
  discount?: { code: DiscountCode; settings: NudgeDiscount };
  notificationId: string;
  now: Date;
}

/** The NotificationRequested of a nudge going out; undefined when the customer cannot be reached. */
export function nudgeNotification({ record, state, channel, shop, discount, notificationId, now }: NudgeMessageInput): NudgeNotificationDetail | undefined {
  const { customer } = state;
  if (!customer.email && !customer.phone) return undefined;
  const locale = resolveLocale(customer.locale, shop.defaultLocale);
  const links = shop.notifications ? withShopLinks({}, shop.notifications) : {};
  const home = storefrontUrl(shop) ?? (links.shopUrl as string | undefined);
  if (!home) return undefined;
  const offer = discount ? { discountCode: discount.code.code, discountText: discountValueText({ type: 'percent', percent: discount.settings.percent }, locale) } : {};
  const templateData =
    record.kind === 'winback'
      ? { ...(customer.firstName ? { firstName: customer.firstName } : {}), shopUrl: home, ...offer, ...(discount ? { discountEndsOn: addDays(now, discount.settings.expiresAfterDays).toISOString().slice(0, 10) } : {}) }
      : {
          ...(customer.firstName ? { firstName: customer.firstName } : {}),
          productTitle: (record.title ?? 'your last order').slice(0, 120),
          reorderUrl: reorderUrl(shop, record) ?? home,
          ...lastOrderDate(record, state),
          ...offer,
        };
  return {
    version: 1,
    shopId: record.shopId,
    occurredAt: now.toISOString(),
    notificationId,
    customer: { id: customer.id, ...(customer.email ? { email: customer.email } : {}), ...(customer.phone ? { phone: customer.phone } : {}), ...(customer.firstName ? { firstName: customer.firstName } : {}), locale: customer.locale },
    messageType: record.kind === 'winback' ? 'win_back' : 'replenishment_nudge',
    category: 'marketing',
    deduplicationKey: `nudge:${record.nudgeId}`,
    ...(record.orderId ? { orderId: record.orderId } : {}),
    nudgeId: record.nudgeId,
    recipient: { ...(customer.email ? { email: customer.email } : {}), ...(customer.phone ? { phone: customer.phone } : {}) },
    channelPreference: [channel],
    locale: customer.locale,
    templateData: templateData as NudgeNotificationDetail['templateData'],
  };
}

function lastOrderDate(record: NudgeRecord, state: CustomerState): { lastOrderDate?: string } {
  const order = state.orders.find((candidate) => candidate.id === record.orderId);
  return order ? { lastOrderDate: order.placedAt.slice(0, 10) } : {};
}
