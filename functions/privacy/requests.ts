// Shopify's privacy webhooks, stored by the receiver and queued here: a data request gathers an
// export for the shop's duty team, a customer redaction erases the customer's personal data, a
// shop redaction everything of the shop. Each is closed in one transaction with its audit record
// and events; a redelivered or retried request finds its delivery processed and does nothing.
import { createHash } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { auditWrites } from '#shared/adapters/audit-store.ts';
import { DeliveryStore, readBody } from '#shared/adapters/delivery-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { decodedDeliveryBody, PrivacyStore } from '#shared/adapters/privacy-store.ts';
import { newAuditRecord } from '#shared/audit/audit.ts';
import { logger, metrics } from '#shared/observability.ts';
import { outboxItem } from '#shared/outbox/outbox-item.ts';
import { customerDataExport } from '#shared/privacy/export.ts';
import { privacyClosingEvents } from '#shared/privacy/outcome.ts';
import { completeSubject, eraseCustomer, eraseShop, gatherCustomerData } from '#shared/privacy/process.ts';
import { InvalidPrivacyRequestError, isShopifyPrivacyTopic, privacyRequestOf, requestWithoutPersonalData } from '#shared/privacy/requests.ts';
import { subjectOf } from '#shared/privacy/subject.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const client = dynamoDocumentClient();
const deliveries = new DeliveryStore(client, tableName);
const ingest = new IngestStore(client, tableName);
const privacy = new PrivacyStore(client, { state: tableName, journal: requiredEnv('JOURNAL_TABLE_NAME') });
const processor = new BatchProcessor(EventType.SQS);
const Message = z.object({ deliveryKey: z.string().startsWith('DELIVERY#') });

/** One id per request delivery: the audit record and the export of a retried request collide with the first attempt's. */
const requestIdOf = (deliveryKey: string) => `prv_${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 24)}`;

async function recordHandler(record: SQSRecord): Promise<void> {
  const { deliveryKey } = Message.parse(JSON.parse(record.body));
  const delivery = await deliveries.get(deliveryKey);
  if (!delivery || delivery.status !== 'received') return;
  let request;
  try {
    if (!isShopifyPrivacyTopic(delivery.topic)) throw new InvalidPrivacyRequestError(`${delivery.topic} is not a privacy topic`);
    request = privacyRequestOf(delivery.topic, JSON.parse(readBody(delivery).toString('utf8')), delivery.shopId);
  } catch (error) {
    if (!(error instanceof InvalidPrivacyRequestError) && !(error instanceof SyntaxError)) throw error;
    await ingest.markDelivery(deliveryKey, 'quarantined', 'invalid_privacy_request', (error as Error).message);
    logger.warn('Privacy request quarantined', { deliveryKey, detail: (error as Error).message });
    return;
  }
  const now = new Date();
  const requestId = requestIdOf(deliveryKey);
  const writes: object[] = [];
  let outcome: Parameters<typeof privacyClosingEvents>[0];
  if (request.kind === 'shop_redact') {
    const counts = await eraseShop(privacy, request.shopId, deliveryKey);
    outcome = { request, requestId, counts };
  } else {
    const subject = subjectOf(request.shopId, request.customer);
    await completeSubject(privacy, subject, decodedDeliveryBody);
    if (request.kind === 'customer_redact') {
      const counts = await eraseCustomer(privacy, subject, deliveryKey, decodedDeliveryBody);
      outcome = { request, requestId, counts, orderIds: [...subject.orderIds] };
    } else {
      const records = await gatherCustomerData(privacy, subject, deliveryKey, decodedDeliveryBody);
      const data = customerDataExport({ exportId: requestId, shopId: request.shopId, customerId: subject.customerId, requestedAt: delivery.receivedAt, orderIds: subject.orderIds, records });
      writes.push(privacy.exportPut(data, now));
      const shop = (await loadShopIndex(shopsSecret)).byId(request.shopId);
      outcome = { request, requestId, export: data, opsEmail: shop?.notifications?.opsEmail };
    }
  }
  const closing = privacyClosingEvents(outcome, now);
  const audit = newAuditRecord(closing.audit, { auditId: requestId, now });
  writes.push(...auditWrites(tableName, audit));
  for (const event of closing.events) writes.push({ Put: { TableName: tableName, Item: outboxItem(event.definition, event.detail, { eventId: `${requestId}-${event.definition.detailType}`, now }), ConditionExpression: 'attribute_not_exists(pk)' } });
  const closed = await privacy.close({ deliveryKey, keptBody: requestWithoutPersonalData(request) }, writes, now);
  metrics.addMetric(closed ? 'PrivacyRequestDone' : 'PrivacyRequestAlreadyDone', MetricUnit.Count, 1);
  logger.info('Privacy request done', { deliveryKey, kind: request.kind, shopId: request.shopId, requestId, ...('counts' in outcome ? outcome.counts : {}) });
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, recordHandler, processor, { context }),
)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
