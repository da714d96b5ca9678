// Reconciles refunds the storefront reports with the order ledger: consumes RefundRecorded from its
// queue (partial batch failures). Our own refund echoed by the storefront is confirmed; any other is
// recorded as an external refund, once per storefront refund id, so a redelivered event changes
// nothing. A refund whose order has not arrived yet fails and is retried by the queue.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { RefundLedgerStore } from '#shared/adapters/refund-ledger-store.ts';
import { parseEvent } from '#shared/events/consume.ts';
import { RefundRecorded } from '#shared/events/refunds.ts';
import { logger, metrics } from '#shared/observability.ts';
import { reconcileStorefrontRefund } from '#shared/payments/reconcile.ts';

const ledger = new RefundLedgerStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const processor = new BatchProcessor(EventType.SQS);

async function recordHandler(record: SQSRecord): Promise<void> {
  const { detail } = parseEvent(RefundRecorded, JSON.parse(record.body));
  const { shopId, orderId, platformRefundId, amount, note, occurredAt } = detail;
  const context = { shopId, orderId, platformRefundId, amount };
  const result = await reconcileStorefrontRefund(ledger, { shopId, orderId, platformRefundId, amount, note, refundedAt: occurredAt });
  metrics.addMetric(`Refund_reconciled_${result.outcome}`, MetricUnit.Count, 1);
  switch (result.outcome) {
    case 'confirmed':
      if (result.amountDiffers) logger.warn('The storefront refunded another amount than we issued', { ...context, issued: result.entry.amount, key: result.entry.key });
      else logger.info('Our refund confirmed by the storefront', { ...context, key: result.entry.key });
      return;
    case 'recorded_external':
      if (result.overRefunded) logger.warn('A storefront refund took the order past what was paid; recorded and flagged over_refunded', context);
      else logger.info('Storefront refund recorded in the ledger', context);
      return;
    case 'already_confirmed':
    case 'duplicate':
      logger.info('Storefront refund already reconciled', { ...context, outcome: result.outcome });
      return;
    case 'order_unknown':
      throw new Error(`Order ${orderId} of shop ${shopId} is not known yet; storefront refund ${platformRefundId} is retried`);
    case 'currency_mismatch':
      throw new Error(`Storefront refund ${platformRefundId} is in ${amount.currency}, the ledger of order ${orderId} in ${result.expected}`);
  }
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
