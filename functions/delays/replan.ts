// After a supervisor publishes delay settings (the ops API's audit event OpsActionRecorded with
// action delaySettings.publish): re-plans the shop's latest open orders under the settings now in
// effect, so the ship-by and deliver-by deadlines the dry run showed move now instead of at each
// order's next event. Each watch is written conditionally on its version with its timers through
// the outbox; a lost race re-reads the order. A second delivery of the same publication finds
// nothing left to change, so it writes nothing.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DelaySettingsStore } from '#shared/adapters/delay-settings-store.ts';
import { ConcurrentChangeError, DelayStore } from '#shared/adapters/delay-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { ReturnPolicyStore } from '#shared/adapters/return-policy-store.ts';
import type { MessageContext } from '#shared/delays/customer-message.ts';
import { isOpenOrder, replanOrder } from '#shared/delays/replan.ts';
import { parseEvent } from '#shared/events/consume.ts';
import { OpsActionRecorded } from '#shared/events/ops.ts';
import type { OrderState } from '#shared/ingest/order-state.ts';
import { logger, metrics } from '#shared/observability.ts';
import type { ShopConfig } from '#shared/shops/config.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';
import { outboxOf } from './outbox.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const client = dynamoDocumentClient();
const delays = new DelayStore(client, tableName);
const orders = new IngestStore(client, tableName);
const latest = new ReturnPolicyStore(client, tableName);
const delaySettings = new DelaySettingsStore(client, tableName);
const processor = new BatchProcessor(EventType.SQS);

/** As many of the shop's latest orders as the dry run reads at most: the ones the supervisor saw. */
const replanLimit = 1_000;
/** Orders re-planned at once. */
const parallel = 8;
const attempts = 3;

type Outcome = 'replanned' | 'unchanged';

/** Re-plans one order, re-reading it after a lost race. */
async function replan(shop: ShopConfig, orderId: string, context: MessageContext): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    const [state, stored] = await Promise.all([orders.order(shop.shopId, orderId), delays.get(shop.shopId, orderId)]);
    const result = replanOrder(stored?.watch, state, context);
    if (result.kind === 'unchanged') return 'unchanged';
    try {
      await delays.save(result.step.watch, stored?.version, outboxOf(result.step, result.step.watch, state, shop, context.now), context.now);
      return 'replanned';
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= attempts) throw error;
    }
  }
}

async function recordHandler(record: SQSRecord): Promise<void> {
  const { detail } = parseEvent(OpsActionRecorded, JSON.parse(record.body));
  if (detail.action !== 'delaySettings.publish') return;
  const { shopId } = detail;
  const shop = (await loadShopIndex(shopsSecret)).byId(shopId);
  if (!shop) {
    logger.warn('Delay settings published for a shop not in the shops secret: nothing to re-plan', { shopId });
    return;
  }
  // The settings in effect now, which may already be newer than the publication announced.
  const inEffect = await delaySettings.inEffect(shopId, shop.delays);
  const context: MessageContext = { settings: inEffect.settings, timeZone: shop.timeZone, defaultLocale: shop.defaultLocale, now: new Date() };
  const open = (await latest.latestOrders(shopId, replanLimit)).filter(isOpenOrder).map((state: OrderState) => state.orderId);
  const counts: Record<Outcome, number> = { replanned: 0, unchanged: 0 };
  for (let i = 0; i < open.length; i += parallel) {
    for (const outcome of await Promise.all(open.slice(i, i + parallel).map((orderId) => replan(shop, orderId, context)))) counts[outcome]++;
  }
  metrics.addMetric('DelayReplan_orders', MetricUnit.Count, counts.replanned);
  logger.info('Delay settings re-planned the open orders', { shopId, settingsVersion: inEffect.version, open: open.length, ...counts });
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
