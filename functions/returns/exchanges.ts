// Carries out returns on the storefront as they move: consumes ReturnApproved, ReturnInspected,
// ReturnExpired and ReturnCancelled from its queue (partial batch failures) and runs the exchange
// step of each (shared/returns/exchange-steps.ts: reservations, the replacement order, charges, the
// resolution), then, once inspected, the restock of what passed (shared/returns/restock.ts). Storefront writes are idempotent on their keys and the case
// records what was done, so a redelivered event does nothing twice.
import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { ConcurrentCaseChangeError, ReturnStore } from '#shared/adapters/return-store.ts';
import { HttpStorefrontExchange } from '#shared/adapters/storefront-exchange.ts';
import { parseAnyCatalogueEvent } from '#shared/events/consume-any.ts';
import { logger, metrics } from '#shared/observability.ts';
import { runExchangeStep, type ExchangeCaseStore, type ExchangeTrigger } from '#shared/returns/exchange-steps.ts';
import { runRestockStep } from '#shared/returns/restock.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const returns = new ReturnStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const shopsSecretArn = requiredEnv('SHOPS_SECRET_ARN');
const port = new HttpStorefrontExchange(async (shopId) => (await loadShopIndex(shopsSecretArn)).byId(shopId)?.exchanges);
const ingest = new IngestStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const orderLines = async (shopId: string, orderId: string) => (await ingest.order(shopId, orderId)).order?.lines;
const processor = new BatchProcessor(EventType.SQS);

/** A write that lost a race reports false: the step re-reads the case and decides again. */
async function unlessChanged(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ConcurrentCaseChangeError) return false;
    throw error;
  }
}

const store: ExchangeCaseStore = {
  get: (shopId, caseId) => returns.get(shopId, caseId),
  policy: (shopId) => returns.policy(shopId),
  update: (next, events) => unlessChanged(() => returns.update(next, events)),
  transition: (result) => unlessChanged(() => returns.transition(result.next.shopId, result.next.id, result, undefined, { kind: 'system' }, randomUUID)),
};

async function recordHandler(record: SQSRecord): Promise<void> {
  const event = parseAnyCatalogueEvent(JSON.parse(record.body));
  let trigger: ExchangeTrigger;
  switch (event['detail-type']) {
    case 'ReturnApproved':
      trigger = { kind: 'approved' };
      break;
    case 'ReturnInspected':
      trigger = { kind: 'inspected', outcome: event.detail.outcome };
      break;
    case 'ReturnExpired':
      trigger = { kind: 'expired' };
      break;
    case 'ReturnCancelled':
      trigger = { kind: 'cancelled' };
      break;
    default:
      throw new Error(`Unexpected ${event['detail-type']} event`);
  }
  const { shopId, returnId } = event.detail;
  const outcome = await runExchangeStep({ port, store, now: () => new Date() }, shopId, returnId, trigger);
  if (trigger.kind === 'inspected') {
    const restocked = await runRestockStep({ port, store, orderLines, now: () => new Date() }, shopId, returnId);
    if (typeof restocked === 'object') {
      metrics.addMetric('Return_restocked_lines', MetricUnit.Count, restocked.restocked);
      // Skipped lines are recorded on the case; a warning puts them in front of the duty team too.
      if (restocked.skipped) logger.warn('Return restocked in part', { shopId, returnId, ...restocked });
      else logger.info('Return restocked', { shopId, returnId, ...restocked });
    }
  }
  // Most returns are no exchange: only steps that did something are worth a line and a metric.
  if (outcome === 'nothing_to_do') return logger.debug('No exchange step', { shopId, returnId, trigger: trigger.kind });
  metrics.addMetric(`Exchange_${trigger.kind}_${outcome}`, MetricUnit.Count, 1);
  logger.info('Exchange step', { shopId, returnId, trigger: trigger.kind, outcome });
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
