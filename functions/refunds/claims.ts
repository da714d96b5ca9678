// Decides parcel claims: consumes ParcelClaimFiled (customer, ops or the delay ladder) and the
// claims' offer timers (TimerFired `claim_offer`) from their queues with partial batch failures.
// A claim is decided once (decision `dec_<claimId>`, written with attribute_not_exists: a
// redelivered claim finds its decision and writes nothing); an offer whose customer did not choose
// in time takes the recommended option (claim-offer.ts), conditional on the record's version.
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
import { parseAnyCatalogueEvent } from '#shared/events/consume-any.ts';
import type { DetailOf } from '#shared/events/define.ts';
import type { TimerFired } from '#shared/events/timers.ts';
import { logger, metrics } from '#shared/observability.ts';
import { claimChoiceUrl } from '#shared/refunds/claim-message.ts';
import { decideParcelClaim, decisionIdOfClaim, expireOffer, type ParcelClaimDetail } from '#shared/refunds/claim-offer.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecretArn = requiredEnv('SHOPS_SECRET_ARN');
const inputs = new RefundInputsReader(client, tableName);
const decisions = new RefundDecisionStore(client, tableName);
const processor = new BatchProcessor(EventType.SQS);

async function decideClaim(claim: ParcelClaimDetail): Promise<void> {
  const { shopId, claimId } = claim;
  const existing = await decisions.get(shopId, decisionIdOfClaim(claimId));
  if (existing) {
    logger.info('Parcel claim already decided', { shopId, claimId, status: existing.status });
    return;
  }
  const [loaded, shops] = await Promise.all([inputs.ofParcelClaim({ ...claim, createdAt: claim.occurredAt }), loadShopIndex(shopsSecretArn)]);
  const settings = shops.byId(shopId)?.notifications;
  const decided = decideParcelClaim({ claim, ...loaded, now: new Date(), newId: randomUUID, ...(settings ? { choiceUrl: claimChoiceUrl(settings) } : {}) });
  const created = await decisions.create(decided.record, decided.events);
  metrics.addMetric(created ? `Claim_decided_${decided.record.status}` : 'Claim_decision_duplicate', MetricUnit.Count, 1);
  logger.info('Parcel claim decided', { shopId, claimId, source: claim.source, decisionId: decided.record.decisionId, kind: decided.record.decision.kind, status: decided.record.status, options: decided.record.decision.options.length, created });
}

async function expire(timer: DetailOf<typeof TimerFired>): Promise<void> {
  const { shopId, caseId, timerId } = timer;
  const record = caseId ? await decisions.get(shopId, decisionIdOfClaim(caseId)) : undefined;
  const result = record && expireOffer(record, timerId, new Date(), randomUUID);
  if (!result) {
    metrics.addMetric('ClaimOffer_timer_stale', MetricUnit.Count, 1);
    logger.info('Claim offer timer has nothing to do', { shopId, claimId: caseId, timerId, status: record?.status });
    return;
  }
  if (!result.ok) {
    logger.info('Claim offer already settled', { shopId, claimId: caseId, timerId, message: result.message });
    return;
  }
  // A concurrent choice throws: the record is retried and finds the offer settled.
  await decisions.update(result.next, result.events);
  metrics.addMetric('ClaimOffer_expired', MetricUnit.Count, 1);
  logger.info('Claim offer expired: the recommended option applies', { shopId, claimId: caseId, kind: result.next.offer?.choice?.kind, status: result.next.status });
}

async function recordHandler(record: SQSRecord): Promise<void> {
  const event = parseAnyCatalogueEvent(JSON.parse(record.body));
  if (event['detail-type'] === 'ParcelClaimFiled') return decideClaim(event.detail);
  if (event['detail-type'] === 'TimerFired' && event.detail.kind === 'claim_offer') return expire(event.detail);
  throw new Error(`Unexpected ${event['detail-type']} event`);
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
