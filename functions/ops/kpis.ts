// The KPI rollup: consumes the events the KPIs count from its queue (partial batch failures) and
// adds each to its shop's counters for the UTC day it happened (shared/kpis/rollup.ts), once per
// event. Durations need the step's start, so it loads the return case or the refund decision.
import { createHash } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { KpiStore } from '#shared/adapters/kpi-store.ts';
import { RefundDecisionStore } from '#shared/adapters/refund-decision-store.ts';
import { ReturnStore } from '#shared/adapters/return-store.ts';
import { parseAnyCatalogueEvent } from '#shared/events/consume-any.ts';
import { kpiEventTypes, kpiIncrement, kpiSubjectOf, type KpiEvent, type KpiEventType, type KpiFacts } from '#shared/kpis/rollup.ts';
import { logger, metrics } from '#shared/observability.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const client = dynamoDocumentClient();
const kpis = new KpiStore(client, tableName);
const returns = new ReturnStore(client, tableName);
const decisions = new RefundDecisionStore(client, tableName);
const processor = new BatchProcessor(EventType.SQS);

async function factsFor(shopId: string, event: KpiEvent): Promise<KpiFacts> {
  const subject = kpiSubjectOf(event);
  if (subject.returnId) {
    const returnCase = await returns.get(shopId, subject.returnId);
    return returnCase ? { returnCase } : {};
  }
  if (subject.decisionId) {
    const decision = await decisions.get(shopId, subject.decisionId);
    return decision ? { decisionCreatedAt: decision.createdAt } : {};
  }
  return {};
}

/**
 * The event's identity for counting once: a hash of what it says, not the bus's envelope id,
 * because an event the outbox publishes twice gets two envelope ids but is the same fact.
 */
const factKey = (source: string, detailType: string, detail: unknown) => createHash('sha256').update(`${source}\n${detailType}\n${JSON.stringify(detail)}`).digest('base64url');

async function recordHandler(record: SQSRecord): Promise<void> {
  const parsed = parseAnyCatalogueEvent(JSON.parse(record.body));
  const detailType = parsed['detail-type'];
  if (!kpiEventTypes.includes(detailType as KpiEventType)) throw new Error(`Unexpected ${detailType} event`);
  const event = { detailType, detail: parsed.detail } as KpiEvent;
  const increment = kpiIncrement(event, await factsFor(parsed.detail.shopId, event));
  if (!increment) return;
  const outcome = await kpis.apply(factKey(parsed.source, detailType, parsed.detail), increment);
  metrics.addMetric(outcome === 'counted' ? 'Kpi_counted' : 'Kpi_duplicate', MetricUnit.Count, 1);
  logger.debug('KPI event', { shopId: increment.shopId, day: increment.day, detailType, outcome });
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
