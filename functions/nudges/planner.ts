// Plans nudges from the order news (placed, updated, cancelled, delivered, refunded), from its
// queue with partial batch failures: reads the order, the customer's other orders and nudges and
// the shop's campaign settings (and, for a delivered order, its products' pooled repurchase
// intervals, after recording the customer's own), runs the pure planner (shared/nudges/planner.ts) and writes the
// planned nudges, cancellations and the moved win-back timer with NudgeScheduled and
// TimersRequested in one transaction. A lost race is retried from fresh state.
import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { CampaignSettingsStore } from '#shared/adapters/campaign-settings-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { ConcurrentChangeError, NudgeStore, type NudgeOutboxEvent } from '#shared/adapters/nudge-store.ts';
import { parseAnyCatalogueEvent } from '#shared/events/consume-any.ts';
import { NudgeScheduled } from '#shared/events/nudges.ts';
import { TimersRequested } from '#shared/events/timers.ts';
import { customerProductIntervals } from '#shared/nudges/cycles.ts';
import { customerOrderOf } from '#shared/nudges/from-state.ts';
import { planChanges, planOrder } from '#shared/nudges/planner.ts';
import { logger, metrics } from '#shared/observability.ts';
import { customerRefOf } from '#shared/storefronts/to-events.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const ingest = new IngestStore(client, tableName);
const nudges = new NudgeStore(client, tableName);
const campaigns = new CampaignSettingsStore(client, tableName);
const processor = new BatchProcessor(EventType.SQS);
/** Events of one customer arrive together (an order update and its delivery): retry a lost race at once. */
const attempts = 4;

async function plan(shopId: string, orderId: string): Promise<void> {
  const state = await ingest.order(shopId, orderId);
  const customerId = state.order?.customer.id;
  if (!state.order || !customerId || state.order.test) return;
  const now = new Date();
  const [{ settings }, book, records] = await Promise.all([campaigns.current(shopId), nudges.book(shopId, customerId), nudges.nudges(shopId, customerId)]);
  const others = await nudges.orders(shopId, book.orderIds.filter((id) => id !== orderId));
  const order = customerOrderOf(state);
  const orders = [...others, state].flatMap((orderState) => customerOrderOf(orderState) ?? []);
  // A delivered order is when a cycle is chosen: record the customer's own intervals of its
  // products first, so the product's pooled history counts them, then read it.
  let productIntervals: Map<string, number[]> | undefined;
  if (order?.deliveredAt && settings.replenishment.enabled && settings.replenishment.learned.enabled) {
    const productIds = order.lines.map((line) => line.productId);
    await nudges.recordProductIntervals(shopId, customerId, customerProductIntervals(orders, productIds), now);
    productIntervals = await nudges.productIntervals(shopId, productIds);
  }
  const result = planOrder({ shopId, customerId, orderId, order, orders, nudges: records, winback: book.winback, settings, now, ...(productIntervals ? { productIntervals: (productId: string) => productIntervals.get(productId) ?? [] } : {}) });
  const addOrderId = book.orderIds.includes(orderId) ? undefined : orderId;
  if (!planChanges(result) && !addOrderId) return;

  const customer = customerRefOf(state.order);
  const events: NudgeOutboxEvent[] = result.create.map((record) => ({
    eventId: randomUUID(),
    definition: NudgeScheduled,
    detail: { version: 1, shopId, occurredAt: now.toISOString(), nudgeId: record.nudgeId, customer, kind: record.kind, orderId: record.orderId, campaignId: record.campaignId, dueAt: record.dueAt, channelPreference: ['email'] },
  }));
  if (result.timers.set.length + result.timers.cancel.length > 0) {
    events.push({ eventId: randomUUID(), definition: TimersRequested, detail: { version: 1, shopId, occurredAt: now.toISOString(), set: result.timers.set, cancel: result.timers.cancel } });
  }
  await nudges.save({ shopId, customerId, nudges: [...result.create, ...result.cancel], ...(result.winback ? { winback: result.winback } : {}), ...(addOrderId ? { addOrderId } : {}) }, events, now);
  if (result.create.length > 0) metrics.addMetric('Nudge_planned', MetricUnit.Count, result.create.length);
  if (result.cancel.length > 0) metrics.addMetric('Nudge_cancelled', MetricUnit.Count, result.cancel.length);
  logger.info('Nudges planned', { shopId, orderId, customerId, planned: result.create.map((record) => record.nudgeId), cancelled: result.cancel.map((record) => record.nudgeId), winbackDueAt: result.winback?.dueAt });
}

async function recordHandler(record: SQSRecord): Promise<void> {
  const event = parseAnyCatalogueEvent(JSON.parse(record.body));
  const { shopId } = event.detail;
  const orderId = 'orderId' in event.detail ? (event.detail.orderId as string | undefined) : undefined;
  if (!orderId) return;
  for (let attempt = 1; ; attempt++) {
    try {
      return await plan(shopId, orderId);
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= attempts) throw error;
      logger.info('Nudge plan raced, retrying', { shopId, orderId, attempt });
    }
  }
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
