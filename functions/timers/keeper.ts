// The timer keeper: applies every TimersRequested (written to the outbox with the state that needs
// the timers) to EventBridge Scheduler, from its queue with partial batch failures. Cancels first,
// so a request that moves a timer (cancel the old id, set a new one) never leaves both.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { requiredEnv } from '#shared/adapters/dynamodb.ts';
import { TimerScheduler } from '#shared/adapters/timer-scheduler.ts';
import { parseEvent } from '#shared/events/consume.ts';
import { EventPublisher } from '#shared/events/publisher.ts';
import { TimersRequested } from '#shared/events/timers.ts';
import { logger, metrics } from '#shared/observability.ts';

const timers = new TimerScheduler(
  { busArn: requiredEnv('EVENT_BUS_ARN'), roleArn: requiredEnv('TIMER_ROLE_ARN') },
  new EventPublisher({ client: new EventBridgeClient({}), eventBusName: requiredEnv('EVENT_BUS_NAME') }),
);
const processor = new BatchProcessor(EventType.SQS);

async function recordHandler(record: SQSRecord): Promise<void> {
  const { detail } = parseEvent(TimersRequested, JSON.parse(record.body));
  for (const timerId of detail.cancel) {
    const outcome = await timers.cancel(timerId);
    metrics.addMetric(outcome === 'cancelled' ? 'Timer_cancelled' : 'Timer_already_gone', MetricUnit.Count, 1);
  }
  const now = new Date();
  for (const timer of detail.set) {
    const outcome = await timers.set(detail.shopId, timer, now);
    metrics.addMetric(`Timer_${outcome}`, MetricUnit.Count, 1);
    logger.info('Timer set', { shopId: detail.shopId, timerId: timer.timerId, kind: timer.kind, dueAt: timer.dueAt, outcome });
  }
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
