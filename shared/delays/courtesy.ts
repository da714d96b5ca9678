// The courtesy discount of a long delay: the discount code request (idempotent on the order, so a
// retried handler gets the same code back) and the customer's message carrying the code. The
// watch records both: the code is given at most once per order.
import { resolveLocale, formatMoney, type TemplateLocale } from '../notifications/templates/define.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { DiscountCode, DiscountRequest, DiscountValue } from '../storefronts/discount-port.ts';
import { localDateOf } from './business-days.ts';
import type { DelayMessage, MessageContext } from './customer-message.ts';
import { DAY_MS } from './deadlines.ts';
import type { CompensationSettings } from './settings.ts';
import type { DelayWatch } from './watch.ts';

/** One key per order: the storefront answers the same code however often it is asked. */
export const courtesyDiscountKey = (shopId: string, orderId: string) => `delay-courtesy:${shopId}:${orderId}`;

export function courtesyDiscountRequest(watch: DelayWatch, state: OrderState, compensation: CompensationSettings, now: Date): DiscountRequest {
  const email = state.order?.customer.email;
  return {
    key: courtesyDiscountKey(watch.shopId, watch.orderId),
    value: compensation.discount,
    expiresAt: new Date(now.getTime() + compensation.validDays * DAY_MS).toISOString(),
    usageLimit: 1,
    codePrefix: compensation.codePrefix,
    ...(email ? { customerEmail: email } : {}),
    reason: `Courtesy for the delay of order ${watch.orderNumber ?? state.order?.orderNumber ?? watch.orderId}`.slice(0, 200),
  };
}

/** The discount in words, in the customer's language. */
export function discountValueText(value: DiscountValue, locale: TemplateLocale): string {
  const off = value.type === 'percent' ? `${value.percent}%` : formatMoney(value.amount, locale);
  const spaced = value.type === 'percent' ? `${value.percent} %` : off;
  return {
    en: `${off} off your next order`,
    'zh-CN': `下次订单立减${off}`,
    es: value.type === 'percent' ? `un ${off} de descuento en tu próximo pedido` : `${off} de descuento en tu próximo pedido`,
    fr: `${spaced} de réduction sur votre prochaine commande`,
    de: `${spaced} Rabatt auf deine nächste Bestellung`,
  }[locale];
}

/** The watch with the code recorded and the message that gives it (none when too many notices went out already). */
export function giveCourtesy(
  watch: DelayWatch,
  state: OrderState,
  compensation: CompensationSettings,
  discount: DiscountCode,
  context: MessageContext,
): { watch: DelayWatch; message?: DelayMessage } {
  const { now } = context;
  const given: DelayWatch = { ...watch, courtesyDiscount: { discountId: discount.discountId, code: discount.code }, updatedAt: now.toISOString() };
  const order = state.order;
  if (!order || watch.notices.length >= 50 || watch.notices.some((n) => n.messageType === 'delay_courtesy')) return { watch: given };
  const locale = resolveLocale(order.customer.locale, context.defaultLocale);
  const expiresAt = new Date(now.getTime() + compensation.validDays * DAY_MS);
  const message: DelayMessage = {
    messageType: 'delay_courtesy',
    deduplicationKey: `delay_courtesy:${watch.orderId}`,
    locale,
    templateData: {
      ...(order.customer.firstName ? { firstName: order.customer.firstName } : {}),
      orderNumber: order.orderNumber,
      discountCode: discount.code,
      discountText: discountValueText(compensation.discount, locale),
      validUntil: localDateOf(expiresAt, context.timeZone),
    },
  };
  const notice = { messageType: message.messageType, deduplicationKey: message.deduplicationKey, at: now.toISOString() };
  return { watch: { ...given, notices: [...given.notices, notice] }, message };
}
