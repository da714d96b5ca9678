// Provider feedback on customer messages, from one queue: SES events (bounces, complaints,
// deliveries, rejections) that a rule on the default bus forwards, and inbound SMS that End User
// Messaging publishes to the inbound topic (raw delivery). Bounces and complaints suppress the
// email, STOP and START stop and resume the number, on the address items the sender reads.
// Feedback we cannot read is logged and counted, then dropped: retrying would not make it readable.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { AddressBook } from '#shared/adapters/address-book.ts';
import { NotificationStore } from '#shared/adapters/notification-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { interpretInboundSms, interpretSesEvent, type EmailFeedback, type InboundSms } from '#shared/notifications/feedback.ts';
import { logger, metrics } from '#shared/observability.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const book = new AddressBook(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const notifications = new NotificationStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const processor = new BatchProcessor(EventType.SQS);

function unrecognized(problem: string, record: SQSRecord): void {
  metrics.addMetric('FeedbackUnrecognized', MetricUnit.Count, 1);
  logger.warn('Provider feedback not understood; dropped', { problem, messageId: record.messageId });
}

async function applyEmail(feedback: EmailFeedback, record: SQSRecord): Promise<void> {
  if (!(await loadShopIndex(shopsSecret)).byId(feedback.shopId)) return unrecognized(`SES event for unknown shop ${feedback.shopId}`, record);
  const provenance = { at: feedback.at, source: feedback.source, detail: feedback.detail };
  for (const action of feedback.actions) {
    if (action.kind === 'suppress') await book.suppressEmail(feedback.shopId, action.address, action.reason, provenance);
    else if (action.kind === 'note') await book.note(feedback.shopId, 'email', action.address, action.what, provenance);
    else await book.delivered(feedback.shopId, action.address, feedback.at, feedback.providerMessageId);
    metrics.addMetric(`Email_${action.kind === 'suppress' ? action.reason : action.kind === 'note' ? action.what : 'delivered'}`, MetricUnit.Count, 1);
  }
  // The message's own history in the delivery log, found through the provider message id.
  const status = ({ Delivery: 'delivered', Bounce: 'bounced', Complaint: 'complained', Reject: 'failed' } as const)[feedback.eventType];
  const bounceIsFinal = feedback.eventType !== 'Bounce' || feedback.actions.some((action) => action.kind === 'suppress');
  if (bounceIsFinal) await notifications.recordProviderEvent(feedback.providerMessageId, { at: feedback.at, status, detail: feedback.detail });
  logger.info('Email feedback recorded', { shopId: feedback.shopId, notificationId: feedback.notificationId, messageType: feedback.messageType, providerMessageId: feedback.providerMessageId, eventType: feedback.eventType, actions: feedback.actions.map((action) => action.kind) });
}

async function applySms(sms: InboundSms, record: SQSRecord): Promise<void> {
  if (sms.keyword !== 'stop' && sms.keyword !== 'start') {
    // HELP is answered by the carrier and End User Messaging; other replies are not for us.
    logger.info('Inbound SMS without an opt-out keyword', { keyword: sms.keyword, inboundMessageId: sms.inboundMessageId });
    return;
  }
  // Every shop sending from that number: the customer told the number, not a shop, to stop.
  const shops = (await loadShopIndex(shopsSecret)).bySmsOrigination(sms.to);
  if (shops.length === 0) return unrecognized(`inbound SMS to ${sms.to}, which no shop sends from`, record);
  for (const shop of shops) await book.setSmsStopped(shop.shopId, sms.from, sms.keyword === 'stop', { at: sms.at, source: sms.source });
  metrics.addMetric(sms.keyword === 'stop' ? 'Sms_stopped' : 'Sms_started', MetricUnit.Count, 1);
  logger.info('SMS opt-out keyword recorded', { keyword: sms.keyword, shops: shops.map((shop) => shop.shopId), inboundMessageId: sms.inboundMessageId });
}

async function recordHandler(record: SQSRecord): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    return unrecognized('the message is not JSON', record);
  }
  const receivedAt = new Date(Number(record.attributes.SentTimestamp) || Date.now());
  if ((body as { source?: unknown } | null)?.source === 'aws.ses') {
    const feedback = interpretSesEvent(body, receivedAt);
    return feedback.ok ? applyEmail(feedback.value, record) : unrecognized(feedback.problem, record);
  }
  const sms = interpretInboundSms(record.body, receivedAt);
  return sms.ok ? applySms(sms.value, record) : unrecognized(sms.problem, record);
}

// One at a time, oldest first: a STOP and a START sent in quick succession apply in their order.
const byArrival = (a: SQSRecord, b: SQSRecord) => Number(a.attributes.SentTimestamp) - Number(b.attributes.SentTimestamp);

export const handler = middy(
  async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse({ Records: [...event.Records].sort(byArrival) }, recordHandler, processor, { context, processInParallel: false }),
)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
