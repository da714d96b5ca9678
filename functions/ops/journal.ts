// Records every canonical event on the timelines it belongs to (order, customer, return...).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { SQSEvent, SQSRecord, Context, SQSBatchResponse } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { JournalStore } from '#shared/adapters/journal-store.ts';
import { parseAnyCatalogueEvent } from '#shared/events/consume-any.ts';
import { journalEntriesFor } from '#shared/journal/entries.ts';
import { logger, metrics } from '#shared/observability.ts';

const processor = new BatchProcessor(EventType.SQS);
const store = new JournalStore(dynamoDocumentClient(), requiredEnv('JOURNAL_TABLE_NAME'));

async function recordHandler(record: SQSRecord): Promise<void> {
  // The body is the EventBridge event the rule delivered; an event outside the catalogue, or
  // one whose detail breaks its schema, fails here and ends in the dead-letter queue.
  const event = parseAnyCatalogueEvent(JSON.parse(record.body));
  for (const entry of journalEntriesFor(event)) {
    const written = await store.append(entry);
    if (!written) metrics.addMetric('JournalDuplicateSkipped', MetricUnit.Count, 1);
  }
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, recordHandler, processor, { context }),
)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
