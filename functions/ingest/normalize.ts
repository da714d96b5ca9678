// Maps stored deliveries to order and customer state and canonical events (through the outbox).
// A delivery that cannot be mapped is quarantined with its reason; a transient failure is retried
// and, after the queue's receive limit, dead-lettered.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { DeliveryStore, readBody } from '#shared/adapters/delivery-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { applyDelivery, UnmappableDeliveryError } from '#shared/ingest/apply-delivery.ts';
import { logger, metrics } from '#shared/observability.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const deliveries = new DeliveryStore(dynamoDocumentClient(), tableName);
const store = new IngestStore(dynamoDocumentClient(), tableName);
const processor = new BatchProcessor(EventType.SQS);
const Message = z.object({ deliveryKey: z.string().startsWith('DELIVERY#') });

async function recordHandler(record: SQSRecord): Promise<void> {
  const { deliveryKey } = Message.parse(JSON.parse(record.body));
  const delivery = await deliveries.get(deliveryKey);
  if (!delivery) {
    // Expired before it was processed (30 days): nothing left to map.
    logger.error('Delivery not found', { deliveryKey });
    return;
  }
  if (delivery.status !== 'received') return;
  const shop = (await loadShopIndex(shopsSecret)).byId(delivery.shopId);
  try {
    const outcome = await applyDelivery({ delivery, payload: JSON.parse(readBody(delivery).toString('utf8')), shop, store });
    metrics.addMetric(outcome.changed ? 'DeliveryApplied' : 'DeliveryStale', MetricUnit.Count, 1);
  } catch (error) {
    if (!(error instanceof UnmappableDeliveryError)) throw error;
    await store.markDelivery(deliveryKey, 'quarantined', error.reason, error.message);
    metrics.addMetric('DeliveryQuarantined', MetricUnit.Count, 1);
    logger.warn('Delivery quarantined', { deliveryKey, reason: error.reason, detail: error.message });
  }
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, recordHandler, processor, { context }),
)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
