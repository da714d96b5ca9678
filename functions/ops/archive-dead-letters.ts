// Takes messages off every dead-letter queue of the stack into the state table, where ops can
// list, inspect, re-drive or discard them (SQS itself can only be peeked at). A message that cannot
// be archived stays on its queue and shows in GET /ops/health.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DeadLetterStore } from '#shared/adapters/dead-letter-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { logger, metrics } from '#shared/observability.ts';
import { archivedMessage, type DeadLetterSource } from '#shared/ops/dead-letters.ts';

const store = new DeadLetterStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const sources = new Map((JSON.parse(requiredEnv('DEAD_LETTER_SOURCES')) as DeadLetterSource[]).map((source) => [source.arn, source]));
const processor = new BatchProcessor(EventType.SQS);

async function archive(record: SQSRecord): Promise<void> {
  const source = sources.get(record.eventSourceARN) ?? {
    arn: record.eventSourceARN,
    name: record.eventSourceARN.split(':').pop()!,
    redrive: { kind: 'none' as const, why: 'The queue it came from is not known to this deployment' },
  };
  const created = await store.archive(archivedMessage(record, source, new Date()));
  if (created) {
    metrics.addMetric('DeadLetterArchived', MetricUnit.Count, 1);
    logger.warn('Dead letter archived', { source: source.name, messageId: record.messageId });
  }
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, archive, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
