// A return's reminder and expiry timers firing: consumes TimerFired (kinds return_reminder and
// return_expiry) from its queue with partial batch failures, and applies `remind` or `expire` to the
// case as the platform. A timer the case no longer names (the parcel moved, the case was approved
// again, a duplicate delivery) is nothing to do. Two deliveries of the same timer cannot both apply:
// the write is conditional on the case's version, and the loser finds the timer gone when it retries.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { ReturnStore } from '#shared/adapters/return-store.ts';
import { parseEvent } from '#shared/events/consume.ts';
import { TimerFired } from '#shared/events/timers.ts';
import { logger, metrics } from '#shared/observability.ts';
import { timerCommand } from '#shared/returns/timer-command.ts';
import { applyTransition } from '#shared/returns/lifecycle.ts';

const store = new ReturnStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const processor = new BatchProcessor(EventType.SQS);

async function recordHandler(record: SQSRecord): Promise<void> {
  const { detail } = parseEvent(TimerFired, JSON.parse(record.body));
  const { shopId, returnId, timerId } = detail;
  const current = returnId ? await store.get(shopId, returnId) : undefined;
  const command = current && timerCommand(current, detail);
  if (!current || !command) {
    metrics.addMetric('ReturnTimer_stale', MetricUnit.Count, 1);
    logger.info('Return timer has nothing to do', { shopId, returnId, timerId, kind: detail.kind, found: Boolean(current) });
    return;
  }
  const result = applyTransition(current, command, new Date());
  if (!result.ok) {
    metrics.addMetric('ReturnTimer_stale', MetricUnit.Count, 1);
    logger.info('Return timer refused by the lifecycle', { shopId, returnId, timerId, code: result.error.code, message: result.error.message });
    return;
  }
  // A concurrent change throws: the record is retried and finds the timer gone or still current.
  await store.transition(shopId, current.id, result, undefined, { kind: 'system' });
  metrics.addMetric(command.type === 'expire' ? 'Return_expired' : 'Return_reminded', MetricUnit.Count, 1);
  logger.info('Return timer applied', { shopId, returnId, timerId, action: command.type, to: result.next.status });
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
