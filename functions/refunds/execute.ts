// Runs the refund saga of every approved decision: consumes RefundDecided (the engine's, or a
// person's approval or retry) from its queue with partial batch failures, and runs the decision's
// steps not done yet (shared/refunds/saga.ts). A decision that is not approved has nothing to run.
import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { GiftCardCodeStore } from '#shared/adapters/gift-card-codes.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { ShopPaymentProviders, ShopStoreCreditProviders } from '#shared/adapters/money-providers.ts';
import { HttpStorefrontExchange } from '#shared/adapters/storefront-exchange.ts';
import { RefundDecisionStore } from '#shared/adapters/refund-decision-store.ts';
import { RefundLedgerStore } from '#shared/adapters/refund-ledger-store.ts';
import { resolveReturnWithRefund } from '#shared/adapters/refund-resolution.ts';
import { ReturnStore } from '#shared/adapters/return-store.ts';
import { parseEvent } from '#shared/events/consume.ts';
import { RefundDecided } from '#shared/events/refunds.ts';
import { logger, metrics } from '#shared/observability.ts';
import { issueRefundOnce } from '#shared/payments/issue-once.ts';
import { issueCreditOnce } from '#shared/payments/store-credit-port.ts';
import { runSaga } from '#shared/refunds/saga.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecretArn = requiredEnv('SHOPS_SECRET_ARN');
const decisions = new RefundDecisionStore(client, tableName);
const ledger = new RefundLedgerStore(client, tableName);
const returns = new ReturnStore(client, tableName);
const shop = async (shopId: string) => (await loadShopIndex(shopsSecretArn)).byId(shopId);
// Each shop's provider as its configuration says: the generic HTTP provider or Shopify (shared/shops/config.ts).
const payments = new ShopPaymentProviders(shop);
const storeCredit = new ShopStoreCreditProviders(shop);
const giftCardCodes = new GiftCardCodeStore(client, tableName);
const orders = new IngestStore(client, tableName);
const exchanges = new HttpStorefrontExchange(async (shopId) => (await shop(shopId))?.exchanges);
const processor = new BatchProcessor(EventType.SQS);

async function recordHandler(sqsRecord: SQSRecord): Promise<void> {
  const { detail } = parseEvent(RefundDecided, JSON.parse(sqsRecord.body));
  const record = await decisions.get(detail.shopId, detail.decisionId);
  if (!record || record.status !== 'approved') {
    logger.info('Nothing to run for this decision', { shopId: detail.shopId, decisionId: detail.decisionId, status: record?.status });
    return;
  }
  const done = await runSaga(record, {
    ledger,
    refund: (request) => issueRefundOnce(payments, request),
    storeCredit: { issue: (request) => issueCreditOnce(storeCredit, request), lookup: (request) => storeCredit.lookup(request) },
    keepCode: (shopId, creditId, code) => giftCardCodes.keep(shopId, creditId, code, new Date()),
    reship: {
      orderLines: async (shopId, orderId) => (await orders.order(shopId, orderId)).order?.lines,
      createOrder: (shopId, request) => exchanges.createExchangeOrder(shopId, request),
    },
    save: (next, events) => decisions.update(next, events),
    resolveReturn: async (decided) => {
      const resolved = await resolveReturnWithRefund(returns, decided);
      if (!resolved) logger.info('Return not resolved by the refund now (not inspected yet, or already resolved)', { shopId: decided.shopId, returnId: decided.returnId });
      return resolved;
    },
    now: () => new Date(),
    newId: randomUUID,
  });
  metrics.addMetric(`Refund_saga_${done.status}`, MetricUnit.Count, 1);
  logger.info('Refund saga ran', { shopId: done.shopId, decisionId: done.decisionId, status: done.status, failure: done.failure?.code });
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
