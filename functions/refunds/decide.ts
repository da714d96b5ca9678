// Decides the refund of each return: consumes ReturnInspected, ReturnShipped for shops that refund
// at the carrier's first scan and ReturnDelivered for shops that refund at the carrier's delivery,
// from its queue (partial batch failures); gathers what the
// engine needs (shared/adapters/refund-inputs.ts) and writes the decision with RefundDecided, once
// per return: a redelivered event finds the decision there and writes nothing.
import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { RefundDecisionStore } from '#shared/adapters/refund-decision-store.ts';
import { RefundInputsReader } from '#shared/adapters/refund-inputs.ts';
import { resolveReturnWithRefund } from '#shared/adapters/refund-resolution.ts';
import { ReturnStore } from '#shared/adapters/return-store.ts';
import { parseAnyCatalogueEvent } from '#shared/events/consume-any.ts';
import { logger, metrics } from '#shared/observability.ts';
import { decideReturnRefund, decisionIdOfReturn, type ReturnMoment } from '#shared/refunds/return-decision.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const returns = new ReturnStore(client, tableName);
const inputs = new RefundInputsReader(client, tableName);
const decisions = new RefundDecisionStore(client, tableName);
const processor = new BatchProcessor(EventType.SQS);
const momentOf: Record<'ReturnShipped' | 'ReturnDelivered' | 'ReturnInspected', ReturnMoment> = { ReturnShipped: 'label_scan', ReturnDelivered: 'carrier_delivery', ReturnInspected: 'inspection' };

async function recordHandler(record: SQSRecord): Promise<void> {
  const event = parseAnyCatalogueEvent(JSON.parse(record.body));
  if (event['detail-type'] !== 'ReturnInspected' && event['detail-type'] !== 'ReturnShipped' && event['detail-type'] !== 'ReturnDelivered') throw new Error(`Unexpected ${event['detail-type']} event`);
  const at = momentOf[event['detail-type']];
  const { shopId, returnId } = event.detail;
  const existing = await decisions.get(shopId, decisionIdOfReturn(returnId));
  if (existing) {
    // Refunded before inspection (label scan, carrier delivery): the return resolves once it is inspected.
    const resolved = at === 'inspection' && existing.status === 'completed' && (await resolveReturnWithRefund(returns, existing));
    logger.info('Refund already decided', { shopId, returnId, status: existing.status, resolved });
    return;
  }
  const returnCase = await returns.get(shopId, returnId);
  if (!returnCase) throw new Error(`Return ${shopId}/${returnId} not found`);
  const decided = decideReturnRefund({ returnCase, ...(await inputs.ofReturn(returnCase)), now: new Date(), eventId: randomUUID(), at });
  if (!decided) {
    logger.info(at === 'inspection' ? 'Nothing to refund: every line is exchanged' : `Not refunded at ${at}: waits for the inspection`, { shopId, returnId });
    return;
  }
  const created = await decisions.create(decided.record, decided.events);
  metrics.addMetric(created ? `Refund_decided_${decided.record.decision.kind}` : 'Refund_decision_duplicate', MetricUnit.Count, 1);
  logger.info('Refund decided', { shopId, returnId, at, decisionId: decided.record.decisionId, kind: decided.record.decision.kind, status: decided.record.status, created });
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
