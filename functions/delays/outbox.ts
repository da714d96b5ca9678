// What a step of the delay flow publishes through the watch's outbox: timers, detections,
// resolutions, customer messages and the duty team's alerts. Shared by the watch and the re-plan
// after new delay settings.
import { randomUUID } from 'node:crypto';
import type { DelayOutboxEvent } from '#shared/adapters/delay-store.ts';
import { delayNotificationDetail } from '#shared/delays/customer-message.ts';
import type { Detected } from '#shared/delays/detection.ts';
import { reasonLabel } from '#shared/delays/digest.ts';
import type { DelayStep } from '#shared/delays/flow.ts';
import type { DelayWatch } from '#shared/delays/watch.ts';
import type { DetailInputOf } from '#shared/events/define.ts';
import { DelayDetected, DelayResolved } from '#shared/events/delays.ts';
import { NotificationRequested } from '#shared/events/notifications.ts';
import { ParcelClaimFiled } from '#shared/events/refunds.ts';
import { TimersRequested } from '#shared/events/timers.ts';
import type { OrderState } from '#shared/ingest/order-state.ts';
import type { ShopConfig } from '#shared/shops/config.ts';
import { customerRefOf } from '#shared/storefronts/to-events.ts';

const alertSeverity = { low: 'info', medium: 'warning', high: 'warning', critical: 'critical' } as const;

/** The ops alert of one detection, to the shop's duty team; undefined when the shop names none. */
function opsAlert(found: Detected, watch: DelayWatch, state: OrderState, shop: ShopConfig, now: Date): DetailInputOf<typeof NotificationRequested> | undefined {
  const opsEmail = shop.notifications?.opsEmail;
  if (!opsEmail || !state.order) return undefined;
  const { delay } = found;
  const orderNumber = watch.orderNumber ?? watch.orderId;
  const facts = [
    { label: 'Order', value: orderNumber },
    { label: 'Reason', value: reasonLabel[delay.reason] },
    { label: 'Severity', value: delay.severity },
    ...(delay.promisedBy ? [{ label: 'Promised by', value: delay.promisedBy }] : []),
    ...(delay.carrier ?? watch.carrier ? [{ label: 'Carrier', value: (delay.carrier ?? watch.carrier)! }] : []),
    ...(watch.destinationCountry ? [{ label: 'Destination', value: watch.destinationCountry }] : []),
    { label: 'Detected at', value: delay.detectedAt },
  ];
  return {
    version: 1,
    shopId: watch.shopId,
    occurredAt: now.toISOString(),
    notificationId: `ntf_${delay.delayId}_alert`,
    customer: customerRefOf(state.order),
    messageType: 'ops_alert',
    category: 'transactional',
    deduplicationKey: `ops_alert:delay:${delay.delayId}`,
    orderId: watch.orderId,
    ...(delay.shipmentId ? { shipmentId: delay.shipmentId } : {}),
    recipient: { email: opsEmail },
    channelPreference: ['email'],
    locale: 'en',
    templateData: {
      title: `Order ${orderNumber} is late: ${reasonLabel[delay.reason]}`.slice(0, 120),
      summary: `Order ${orderNumber} was detected as ${reasonLabel[delay.reason]}.${delay.promisedBy ? ` It was promised by ${delay.promisedBy}.` : ''}`.slice(0, 500),
      severity: alertSeverity[delay.severity],
      facts,
    },
  };
}

/** The outbox events of a step: timers, detections, resolutions, customer messages, ops alerts. */
export function outboxOf(step: DelayStep, watch: DelayWatch, state: OrderState, shop: ShopConfig, now: Date): DelayOutboxEvent[] {
  const out: DelayOutboxEvent[] = [];
  const push = (definition: DelayOutboxEvent['definition'], detail: unknown) => out.push({ eventId: randomUUID(), definition, detail });
  if (step.set.length + step.cancel.length > 0) push(TimersRequested, { version: 1, shopId: watch.shopId, occurredAt: now.toISOString(), set: step.set, cancel: step.cancel });
  for (const found of step.detected) push(DelayDetected, found.detail);
  for (const resolved of step.resolved) push(DelayResolved, resolved);
  for (const message of step.messages) {
    const detail = delayNotificationDetail(watch, state, message, { notificationId: `ntf_${randomUUID()}`, now });
    if (detail) push(NotificationRequested, detail);
  }
  for (const found of step.detected) {
    const alert = opsAlert(found, watch, state, shop, now);
    if (alert) push(NotificationRequested, alert);
  }
  if (step.claim) push(ParcelClaimFiled, step.claim);
  return out;
}
