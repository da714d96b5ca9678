// Sends customer messages: consumes NotificationRequested events from its queue (partial batch
// failures; a message that keeps failing goes to the dead-letter queue) and hands each to the
// notification sender with the AWS adapters.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { GiftCardCodeStore } from '#shared/adapters/gift-card-codes.ts';
import { signingKey } from '#shared/adapters/signing-key.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { customerKey } from '#shared/adapters/ingest-store.ts';
import { schedulerDeferral, sesSender, smsSender } from '#shared/adapters/messaging.ts';
import { NotificationStore } from '#shared/adapters/notification-store.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { parseEvent } from '#shared/events/consume.ts';
import { NotificationRequested } from '#shared/events/notifications.ts';
import { preferenceLinks } from '#shared/notifications/links.ts';
import { handleNotificationRequest, type SenderPorts } from '#shared/notifications/sender.ts';
import { logger, metrics } from '#shared/observability.ts';
import { outboxItem } from '#shared/outbox/outbox-item.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const documents = dynamoDocumentClient();
const store = new NotificationStore(documents, tableName);
const processor = new BatchProcessor(EventType.SQS);
const giftCardCodes = new GiftCardCodeStore(documents, tableName);

const ports: SenderPorts = {
  now: () => new Date(),
  store,
  async customer(shopId, customerId) {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: customerKey(shopId, customerId) }));
    return Item?.state;
  },
  event: (definition, detail, now) => ({ Put: { TableName: tableName, Item: { ...outboxItem(definition, detail, { eventId: randomUUID(), now }) }, ConditionExpression: 'attribute_not_exists(pk)' } }),
  sendEmail: sesSender(undefined, process.env.SES_CONFIGURATION_SET || undefined),
  sendSms: smsSender(undefined, process.env.SMS_CONFIGURATION_SET || undefined),
  deferUntil: schedulerDeferral({ queueArn: requiredEnv('NOTIFICATION_QUEUE_ARN'), roleArn: requiredEnv('DEFERRAL_ROLE_ARN') }),
  links: (request, channel, address) => preferenceLinks(publicApiUrl, { shopId: request.shopId, channel, address }, linkSecret),
  // A store credit message names its gift card; the code is read here, never carried on the bus.
  async secretTemplateData(request) {
    const creditId = request.messageType === 'store_credit_issued' ? request.templateData.storeCreditId : undefined;
    const code = typeof creditId === 'string' ? await giftCardCodes.code(request.shopId, creditId) : undefined;
    return code ? { code } : {};
  },
};

const publicApiUrl = requiredEnv('PUBLIC_API_URL');
let linkSecret = '';

async function recordHandler(record: SQSRecord): Promise<void> {
  linkSecret = await signingKey(requiredEnv('LINK_SECRET_ARN'));
  const { detail } = parseEvent(NotificationRequested, JSON.parse(record.body));
  const shop = (await loadShopIndex(shopsSecret)).byId(detail.shopId);
  const outcome = await handleNotificationRequest(detail, shop, ports);
  metrics.addMetric(`Notification_${outcome}`, MetricUnit.Count, 1);
  logger.info('Notification handled', { shopId: detail.shopId, messageType: detail.messageType, deduplicationKey: detail.deduplicationKey, outcome });
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
