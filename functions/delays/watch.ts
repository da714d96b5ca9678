// Watches orders for delays: consumes the order and shipment events and the delay flow's
// TimerFired (ship_by, deliver_by, tracking_stalled; ladder and courtesy timers fire as deliver_by)
// from its queue, with partial batch failures. For each it reads the order state, the order's
// delay watch and the shop's delay settings in effect (published through the ops API, else the
// shop config's), runs the pure flow (shared/delays/flow.ts) and, when something changed, writes the
// watch with its timers, DelayDetected and DelayResolved events, customer messages, ops alerts and
// the ladder's parcel claim in one transaction. A due courtesy discount is created on the
// storefront first (idempotent on the order, so a retry gets the same code). A customer's own
// parcel claim or return request on a watched order records their first contact ("told first").
// A lost race throws: the record is redelivered and recomputed from fresh state.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DelaySettingsStore } from '#shared/adapters/delay-settings-store.ts';
import { DelayStore } from '#shared/adapters/delay-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { HttpStorefrontDiscounts } from '#shared/adapters/storefront-discounts.ts';
import { courtesyDiscountRequest, giveCourtesy } from '#shared/delays/courtesy.ts';
import { recordCustomerContact } from '#shared/delays/customer-contact.ts';
import type { MessageContext } from '#shared/delays/customer-message.ts';
import { hasEffects, onOrderChanged, onTimer, type DelayStep } from '#shared/delays/flow.ts';
import type { DelayWatch } from '#shared/delays/watch.ts';
import { parseAnyCatalogueEvent } from '#shared/events/consume-any.ts';
import type { OrderState } from '#shared/ingest/order-state.ts';
import { logger, metrics } from '#shared/observability.ts';
import type { ShopConfig } from '#shared/shops/config.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';
import { outboxOf } from './outbox.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const delays = new DelayStore(dynamoDocumentClient(), tableName);
const orders = new IngestStore(dynamoDocumentClient(), tableName);
const delaySettings = new DelaySettingsStore(dynamoDocumentClient(), tableName);
const processor = new BatchProcessor(EventType.SQS);
const discounts = new HttpStorefrontDiscounts(async (shopId) => (await loadShopIndex(shopsSecret)).byId(shopId)?.discounts);

const orderEvents = new Set(['OrderPlaced', 'OrderUpdated', 'OrderCancelled']);
const shipmentEvents = new Set(['ShipmentCreated', 'ShipmentUpdated', 'ShipmentDelivered']);
/** The customer asking about the order themselves (the rule passes only their own parcel claims). */
const contactEvents = { ParcelClaimFiled: 'parcel_claim', ReturnRequested: 'return_request' } as const;

async function recordHandler(record: SQSRecord): Promise<void> {
  const event = parseAnyCatalogueEvent(JSON.parse(record.body));
  const detailType = event['detail-type'];
  const { shopId } = event.detail;
  const orderId = 'orderId' in event.detail ? (event.detail.orderId as string | undefined) : undefined;
  if (!orderId) {
    logger.info('Delay watch: event without an order', { shopId, detailType });
    return;
  }
  const shop = (await loadShopIndex(shopsSecret)).byId(shopId);
  if (!shop) throw new Error(`Unknown shop ${shopId}`);
  const now = new Date();
  const context: MessageContext = {
    settings: (await delaySettings.inEffect(shopId, shop.delays)).settings,
    timeZone: shop.timeZone,
    defaultLocale: shop.defaultLocale,
    now,
  };
  if (detailType in contactEvents) {
    // Only the customer's own claims and returns: staff and the ladder acting are no contact.
    const detail = event.detail as { source?: string; requestedBy?: { kind: string } };
    if ((detail.source ?? detail.requestedBy?.kind) !== 'customer') return;
    const contact = await delays.get(shopId, orderId);
    const next = contact && recordCustomerContact(contact.watch, { at: event.detail.occurredAt, by: contactEvents[detailType as keyof typeof contactEvents] }, now);
    if (!contact || !next) return;
    await delays.save(next, contact.version, [], now);
    logger.info('Delay watch: first customer contact', { shopId, orderId, detailType, at: next.firstCustomerContactAt });
    return;
  }
  const [state, stored] = await Promise.all([orders.order(shopId, orderId), delays.get(shopId, orderId)]);
  let step: DelayStep;
  if (detailType === 'TimerFired') {
    if (!stored) {
      metrics.addMetric('DelayTimer_stale', MetricUnit.Count, 1);
      logger.info('Delay timer without a watch', { shopId, orderId, timerId: event.detail.timerId });
      return;
    }
    step = onTimer(stored.watch, state, { timerId: event.detail.timerId }, context);
    if (step.ignored) logger.info('Delay timer changed nothing', { shopId, orderId, timerId: event.detail.timerId, why: step.ignored });
  } else if (orderEvents.has(detailType)) {
    step = onOrderChanged(stored?.watch, state, context);
  } else if (shipmentEvents.has(detailType)) {
    const fulfillment = state.fulfillments[(event.detail as { shipmentId: string }).shipmentId];
    step = onOrderChanged(stored?.watch, state, context, fulfillment ? [fulfillment] : []);
  } else {
    throw new Error(`Unexpected ${detailType} event`);
  }

  if (!step.watch || !hasEffects(step, stored?.watch)) return;
  if (step.ladder) logger.info('Delay ladder step due', { shopId, orderId, step: step.ladder.step, action: step.ladder.action.action, claimId: step.claim?.claimId });
  const watch = step.courtesy ? await withCourtesy(step, step.watch, state, shop, context) : step.watch;
  const events = outboxOf(step, watch, state, shop, now);
  await delays.save(watch, stored?.version, events, now);
  for (const found of step.detected) metrics.addMetric(`Delay_detected_${found.delay.reason}`, MetricUnit.Count, 1);
  if (step.resolved.length > 0) metrics.addMetric('Delay_resolved', MetricUnit.Count, step.resolved.length);
  if (step.messages.length > 0) metrics.addMetric('Delay_customerMessage', MetricUnit.Count, step.messages.length);
  logger.info('Delay watch saved', { shopId, orderId, detailType, phase: watch.phase, set: step.set.length, cancel: step.cancel.length, detected: step.detected.length, resolved: step.resolved.length, messages: step.messages.length });
}

/**
 * Creates the courtesy discount code (the watch already records it as due: once per order) and
 * adds the customer's message to `step`; the watch to save, with the code.
 */
async function withCourtesy(step: DelayStep, watch: DelayWatch, state: OrderState, shop: ShopConfig, context: MessageContext): Promise<DelayWatch> {
  const compensation = step.courtesy!;
  if (!shop.discounts) {
    logger.warn('Delay courtesy discount due, but the shop has no discount service', { shopId: shop.shopId, orderId: watch.orderId });
    return watch;
  }
  const discount = await discounts.createDiscount(shop.shopId, courtesyDiscountRequest(watch, state, compensation, context.now));
  const given = giveCourtesy(watch, state, compensation, discount, context);
  metrics.addMetric('Delay_courtesyDiscount', MetricUnit.Count, 1);
  logger.info('Delay courtesy discount given', { shopId: shop.shopId, orderId: watch.orderId, discountId: discount.discountId });
  if (given.message) step.messages.push(given.message);
  return given.watch;
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
