// Publishes outbox items to the bus as they appear on the state table's stream (see
// shared/outbox). A failed record is retried by the event source mapping, in order, then recorded
// in the dead-letter queue.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { requiredEnv } from '#shared/adapters/dynamodb.ts';
import { findEventDefinition } from '#shared/events/catalogue.ts';
import { EventPublisher } from '#shared/events/publisher.ts';
import { logger, metrics } from '#shared/observability.ts';
import type { OutboxItem } from '#shared/outbox/outbox-item.ts';

const processor = new BatchProcessor(EventType.DynamoDBStreams);
const publisher = new EventPublisher({ client: new EventBridgeClient({}), eventBusName: requiredEnv('EVENT_BUS_NAME') });

async function recordHandler(record: DynamoDBRecord): Promise<void> {
  const item = unmarshall(record.dynamodb!.NewImage as never) as OutboxItem;
  const definition = findEventDefinition(item.source, item.detailType);
  if (!definition) throw new Error(`Outbox item ${item.eventId} names ${item.source}/${item.detailType}, which is not in the catalogue`);
  await publisher.publish(definition, item.detail as never);
  metrics.addMetric('OutboxEventPublished', MetricUnit.Count, 1);
}

export const handler = middy(async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
  processPartialResponse(event, recordHandler, processor, { context }),
)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
