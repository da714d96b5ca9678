// What the customer is told about a delay, and when. The first notice is an apology (the reason
// in plain language, the carrier's status, the tracking link, a new expected date); after that
// only an update, and only when the expected date moved; on a long delay the ladder reassures and
// then offers a refund or a new parcel, once. Every notice is recorded on the watch with its
// deduplication key, so the same message never goes out twice, even from a retried handler.
import type { CustomerRef } from '../events/common.ts';
import type { DetailInputOf } from '../events/define.ts';
import { NotificationRequested } from '../events/notifications.ts';
import type { OrderState } from '../ingest/order-state.ts';
import { resolveLocale, type TemplateLocale } from '../notifications/templates/define.ts';
import type { NormalizedFulfillment } from '../storefronts/normalized.ts';
import { customerRefOf } from '../storefronts/to-events.ts';
import { addBusinessDays, localDateOf } from './business-days.ts';
import { DAY_MS, calendarOf, transitEnd, type WatchContext } from './deadlines.ts';
import { carrierExceptionReason } from './detection.ts';
import type { LadderStep } from './settings.ts';
import { latestOf, openDelays, orderProgress, type DelayMessageType, type DelayWatch, type OrderProgress, type WatchDelay, type WatchNotice } from './watch.ts';
import { reasonText, trackingStatusText, type TrackingState } from './wording.ts';

export interface MessageContext extends WatchContext {
  /** The shop's default locale, used when the customer's is not one the templates speak. */
  defaultLocale?: string | undefined;
  /** For an offer_choice step: the links that choose a refund or a new parcel (they carry a token: the caller builds them). */
  choiceLinks?: { refundUrl: string; reshipUrl: string } | undefined;
}

export type MessageTrigger = { kind: 'delay'; delay: WatchDelay } | { kind: 'ladder'; step: number; action: LadderStep };

export interface DelayMessage {
  messageType: DelayMessageType;
  deduplicationKey: string;
  /** Exactly the variables of the message type's template (shared/notifications/templates/service-delays.ts). */
  templateData: Record<string, unknown>;
  /** The locale the reason and status were written in. */
  locale: TemplateLocale;
  delayId?: string;
}

export type SkipWhy = 'not_active' | 'reason_not_notified' | 'unchanged' | 'already_offered' | 'no_choice_links' | 'nothing_to_refund' | 'no_open_delay' | 'too_many_notices';

export type MessageDecision = { send: DelayMessage; watch: DelayWatch } | { skip: SkipWhy; watch: DelayWatch };

/**
 * When the order should now arrive: a carrier estimate still ahead; else, for an order not yet
 * shipped, `reestimateDays` business days to ship plus transit (never before deliver-by); else
 * deliver-by while still ahead, but at least `reestimateDays` business days from now.
 */
export function expectedDelivery(watch: DelayWatch, progress: OrderProgress, context: WatchContext): Date {
  const { now, settings, timeZone } = context;
  const soon = addBusinessDays(now, settings.reestimateDays, calendarOf(settings, timeZone));
  const deliverBy = watch.deadlines.deliverBy ? new Date(watch.deadlines.deliverBy.at) : undefined;
  const latest = (...dates: Array<Date | undefined>) => new Date(Math.max(...dates.filter((d): d is Date => d !== undefined).map((d) => d.getTime())));
  if (progress.phase === 'awaiting_shipment') return latest(deliverBy, transitEnd(soon, progress.order.shippingAddress?.countryCode, undefined, settings, timeZone));
  const estimate = latestOf(progress.inTransit.map((f) => f.estimatedDeliveryAt));
  if (estimate && Date.parse(estimate) > now.getTime()) return new Date(estimate);
  return latest(deliverBy, soon);
}

/** The parcel a message talks about: the delay's own, else the latest still travelling, else the latest shipped. */
function parcelOf(progress: OrderProgress, delay?: WatchDelay): NormalizedFulfillment | undefined {
  const own = delay?.shipmentId ? progress.shipped.find((f) => f.fulfillmentId === delay.shipmentId) : undefined;
  return own ?? progress.inTransit.at(-1) ?? progress.shipped.at(-1);
}

function trackingState(parcel: NormalizedFulfillment | undefined): TrackingState {
  if (!parcel) return 'preparing';
  if (carrierExceptionReason(parcel) === 'delivery_failed') return 'delivery_attempted';
  return parcel.shipmentStatus ?? 'shipped';
}

/** The template variables every delay message shares. */
function commonData(progress: OrderProgress, delay: WatchDelay | undefined, locale: TemplateLocale, context: WatchContext) {
  const { order } = progress;
  const parcel = parcelOf(progress, delay);
  const quietSince = delay?.lastEventAt ?? parcel?.sourceUpdatedAt;
  const quietDays = quietSince ? Math.floor((context.now.getTime() - Date.parse(quietSince)) / DAY_MS) : 1;
  const trackingUrl = parcel?.trackingUrls[0];
  return {
    ...(order.customer.firstName ? { firstName: order.customer.firstName } : {}),
    orderNumber: order.orderNumber,
    ...(delay ? { reasonText: reasonText(delay.reason, locale, quietDays) } : {}),
    trackingStatus: trackingStatusText(trackingState(parcel), locale, context.timeZone, parcel?.sourceUpdatedAt),
    ...(trackingUrl ? { trackingUrl } : {}),
  };
}

/** The date the last apology or update gave. */
export const lastExpectedDate = (watch: Pick<DelayWatch, 'notices'>): string | undefined => watch.notices.filter((n) => n.expectedDate !== undefined).at(-1)?.expectedDate;

function record(watch: DelayWatch, message: DelayMessage, notice: Omit<WatchNotice, 'messageType' | 'deduplicationKey' | 'at'>, now: Date): MessageDecision {
  const entry: WatchNotice = { messageType: message.messageType, deduplicationKey: message.deduplicationKey, at: now.toISOString(), ...notice };
  return { send: message, watch: { ...watch, notices: [...watch.notices, entry], updatedAt: now.toISOString() } };
}

/** What to tell the customer about a new delay or a due ladder step, if anything; the watch records it. */
export function customerMessageFor(watch: DelayWatch, state: OrderState, trigger: MessageTrigger, context: MessageContext): MessageDecision {
  const progress = orderProgress(state);
  if (!progress || (progress.phase !== 'awaiting_shipment' && progress.phase !== 'in_transit')) return { skip: 'not_active', watch };
  if (watch.notices.length >= 50) return { skip: 'too_many_notices', watch };
  const delay = trigger.kind === 'delay' ? trigger.delay : openDelays(watch).at(-1);
  if (!delay) return { skip: 'no_open_delay', watch };
  if (trigger.kind === 'delay' && !context.settings.notifyCustomerOf.includes(delay.reason)) return { skip: 'reason_not_notified', watch };
  const locale = resolveLocale(progress.order.customer.locale, context.defaultLocale);
  const common = commonData(progress, delay, locale, context);
  const { orderId } = watch;
  const ladderStep = trigger.kind === 'ladder' ? { ladderStep: trigger.step } : {};

  if (trigger.kind === 'ladder' && trigger.action.action === 'offer_choice') {
    if (watch.notices.some((n) => n.messageType === 'delay_choice')) return { skip: 'already_offered', watch };
    if (!context.choiceLinks) return { skip: 'no_choice_links', watch };
    const refundAmount = refundableAmount(state);
    if (!refundAmount || refundAmount.amount <= 0) return { skip: 'nothing_to_refund', watch };
    const templateData = {
      ...common,
      orderDate: localDateOf(new Date(progress.order.createdAt), context.timeZone),
      refundAmount,
      refundUrl: context.choiceLinks.refundUrl,
      reshipUrl: context.choiceLinks.reshipUrl,
      recommended: trigger.action.choices[0],
    };
    return record(watch, { messageType: 'delay_choice', deduplicationKey: `delay_choice:${orderId}`, templateData, locale, delayId: delay.delayId }, { delayId: delay.delayId, ...ladderStep }, context.now);
  }

  const expectedDate = localDateOf(expectedDelivery(watch, progress, context), context.timeZone);
  const previous = lastExpectedDate(watch);
  const apologised = watch.notices.some((n) => n.messageType === 'delay_apology');
  if (!apologised) {
    const templateData = { ...common, newExpectedDate: expectedDate };
    return record(watch, { messageType: 'delay_apology', deduplicationKey: `delay_apology:${orderId}`, templateData, locale, delayId: delay.delayId }, { expectedDate, delayId: delay.delayId, ...ladderStep }, context.now);
  }
  if (previous === expectedDate) return { skip: 'unchanged', watch };
  const templateData = { ...common, previousExpectedDate: previous ?? expectedDate, newExpectedDate: expectedDate };
  // The notice count keeps a date the customer was given before (A, then B, then A again) sendable.
  const deduplicationKey = `delay_update:${orderId}:${expectedDate}:n${watch.notices.length + 1}`;
  return record(watch, { messageType: 'delay_update', deduplicationKey, templateData, locale, delayId: delay.delayId }, { expectedDate, delayId: delay.delayId, ...ladderStep }, context.now);
}

/** What a refund would still pay back: the order total less what was already refunded. */
export function refundableAmount(state: OrderState): { amount: number; currency: string } | undefined {
  const { order } = state;
  if (!order) return undefined;
  const refunded = Object.values(state.refunds)
    .filter((refund) => refund.amount.currency === order.currency)
    .reduce((sum, refund) => sum + refund.amount.amount, 0);
  return { amount: Math.max(0, order.totals.total.amount - refunded), currency: order.currency };
}

/** The ladder step (1-based) whose day has come `daysLate` calendar days past the original deliver-by, if any. */
export function ladderStepAt(ladder: readonly LadderStep[], daysLate: number): { step: number; action: LadderStep } | undefined {
  let found: { step: number; action: LadderStep } | undefined;
  ladder.forEach((action, index) => {
    if (daysLate >= action.afterDays) found = { step: index + 1, action };
  });
  return found;
}

export type DelayNotificationDetail = DetailInputOf<typeof NotificationRequested>;

/** The NotificationRequested detail of a message, or undefined when the customer has no email or phone. */
export function delayNotificationDetail(watch: DelayWatch, state: OrderState, message: DelayMessage, ids: { notificationId: string; now: Date }): DelayNotificationDetail | undefined {
  if (!state.order) return undefined;
  const customer: CustomerRef = customerRefOf(state.order);
  if (!customer.email && !customer.phone) return undefined;
  return {
    version: 1,
    shopId: watch.shopId,
    occurredAt: ids.now.toISOString(),
    notificationId: ids.notificationId,
    customer,
    messageType: message.messageType,
    category: 'transactional',
    deduplicationKey: message.deduplicationKey,
    orderId: watch.orderId,
    recipient: { ...(customer.email ? { email: customer.email } : {}), ...(customer.phone ? { phone: customer.phone } : {}) },
    channelPreference: ['email', 'sms'],
    locale: customer.locale,
    templateData: message.templateData as DelayNotificationDetail['templateData'],
  };
}
