// Requests a satisfaction survey when a return, case or delay resolves: consumes ReturnResolved,
// CaseResolved and DelayResolved from its queue (partial batch failures) and writes the survey
// with SurveyRequested and the survey_invite NotificationRequested in one transaction. A
// redelivered event names the same survey, so it writes nothing.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { signingKey } from '#shared/adapters/signing-key.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { SurveyStore } from '#shared/adapters/survey-store.ts';
import { parseAnyCatalogueEvent } from '#shared/events/consume-any.ts';
import { NotificationRequested } from '#shared/events/notifications.ts';
import { SurveyRequested } from '#shared/events/surveys.ts';
import { logger, metrics } from '#shared/observability.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';
import { surveyInvite, surveySubjectFor, type Resolution } from '#shared/surveys/survey.ts';

const store = new SurveyStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const linkSecretArn = requiredEnv('SURVEY_LINK_SECRET_ARN');
const publicBaseUrl = requiredEnv('PUBLIC_API_URL');
const processor = new BatchProcessor(EventType.SQS);

async function recordHandler(record: SQSRecord): Promise<void> {
  const event = parseAnyCatalogueEvent(JSON.parse(record.body));
  if (!['ReturnResolved', 'CaseResolved', 'DelayResolved'].includes(event['detail-type'])) throw new Error(`Unexpected ${event['detail-type']} event`);
  const decision = surveySubjectFor({ detailType: event['detail-type'], detail: event.detail } as Resolution);
  if (!decision.ok) {
    metrics.addMetric('Survey_skipped', MetricUnit.Count, 1);
    logger.info('No survey for this resolution', { shopId: event.detail.shopId, detailType: event['detail-type'], reason: decision.reason });
    return;
  }
  const { subject } = decision;
  const shop = (await loadShopIndex(shopsSecret)).byId(subject.shopId);
  // A shop without notification settings sends no customer messages, so it gets no surveys.
  if (!shop?.notifications) {
    logger.warn('No survey: the shop sends no customer messages', { shopId: subject.shopId, surveyId: subject.surveyId });
    return;
  }
  const orderNumber = subject.orderId ? await store.orderNumber(subject.shopId, subject.orderId) : undefined;
  const now = new Date();
  const invite = surveyInvite(subject, { shop, orderNumber, publicBaseUrl, secret: await signingKey(linkSecretArn), now });
  const created = await store.create(
    invite.survey,
    [
      { eventId: `${subject.surveyId}-requested`, definition: SurveyRequested, detail: invite.requested },
      { eventId: `${subject.surveyId}-invite`, definition: NotificationRequested, detail: invite.notification },
    ],
    now,
  );
  metrics.addMetric(created ? 'Survey_requested' : 'Survey_duplicate', MetricUnit.Count, 1);
  logger.info(created ? 'Survey requested' : 'Survey already requested', { shopId: subject.shopId, surveyId: subject.surveyId, flow: subject.flow });
}

export const handler = middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => processPartialResponse(event, recordHandler, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
