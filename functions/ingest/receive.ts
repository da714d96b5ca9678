// POST /webhooks/{shopify,woocommerce,generic}: verify, deduplicate, keep the raw delivery,
// enqueue it and answer quickly; mapping happens in the normalizer.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DeliveryStore, DeliveryTooLargeError } from '#shared/adapters/delivery-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { json, problem } from '#shared/http.ts';
import { logger, metrics } from '#shared/observability.ts';
import { isShopifyPrivacyTopic } from '#shared/privacy/requests.ts';
import type { StorefrontKind } from '#shared/shops/config.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';
import { isTransientFailure, overloadRetryAfterSeconds, within } from '#shared/webhooks/overload.ts';
import { receiveWebhook } from '#shared/webhooks/receive.ts';

const deliveries = new DeliveryStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const sqs = new SQSClient({});
const queueUrl = requiredEnv('DELIVERY_QUEUE_URL');
/** Shopify's privacy requests go to their own consumer, not to the normalizer. */
const privacyQueueUrl = requiredEnv('PRIVACY_QUEUE_URL');
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const providers: readonly StorefrontKind[] = ['shopify', 'woocommerce', 'generic'];
/** Time kept back from the function's timeout to answer 503 in, rather than be cut off with a bare 500. */
const answerMarginMs = 1_000;

async function enqueue(pk: string, topic: string): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: isShopifyPrivacyTopic(topic) ? privacyQueueUrl : queueUrl, MessageBody: JSON.stringify({ deliveryKey: pk }) }));
}

async function receive(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const requestId = event.requestContext.requestId;
  const provider = event.rawPath.split('/').pop() as StorefrontKind;
  if (!providers.includes(provider)) return problem(404, 'Not Found', `No webhook endpoint for ${event.rawPath}`, requestId);
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');

  const decision = receiveWebhook({ provider, headers, body }, await loadShopIndex(shopsSecret), new Date());
  metrics.addDimension('provider', provider);
  switch (decision.kind) {
    case 'ping':
      return json(200, { status: 'pong' });
    case 'refuse':
      metrics.addMetric('WebhookRefused', MetricUnit.Count, 1);
      logger.warn('Webhook refused', { provider, status: decision.status, detail: decision.detail });
      return problem(decision.status, decision.title, decision.detail, requestId);
    case 'quarantine': {
      metrics.addMetric('WebhookQuarantined', MetricUnit.Count, 1);
      const pk = await deliveries.quarantine(decision.delivery, decision.reason, decision.detail);
      logger.warn('Authentic webhook quarantined', { provider, shopId: decision.delivery.shopId, reason: decision.reason, deliveryKey: pk });
      return problem(decision.status, decision.title, decision.detail, requestId, { deliveryKey: pk });
    }
    case 'accept': {
      let stored: Awaited<ReturnType<DeliveryStore['accept']>>;
      try {
        stored = await deliveries.accept(decision.delivery);
      } catch (error) {
        if (error instanceof DeliveryTooLargeError) return problem(413, 'Payload Too Large', error.message, requestId);
        throw error;
      }
      if (stored.created) {
        await enqueue(stored.pk, decision.delivery.topic);
        metrics.addMetric('WebhookAccepted', MetricUnit.Count, 1);
        return json(200, { status: 'accepted', deliveryKey: stored.pk });
      }
      // A retry of a delivery not mapped yet: the first attempt may have stored it and failed to
      // enqueue it, so enqueue it again (the normalizer skips what it already mapped).
      if (stored.existing.status === 'received') await enqueue(stored.existing.pk, stored.existing.topic);
      metrics.addMetric('WebhookDuplicate', MetricUnit.Count, 1);
      return json(200, { status: 'duplicate', deliveryKey: stored.existing.pk });
    }
  }
}

/** A storage or queue call that fails for a reason that passes is refused with 503 and Retry-After: the storefront sends it again. */
async function handle(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> {
  try {
    return await within(context.getRemainingTimeInMillis() - answerMarginMs, receive(event));
  } catch (error) {
    if (!isTransientFailure(error)) throw error;
    metrics.addMetric('WebhookDeferred', MetricUnit.Count, 1);
    logger.warn('Webhook deferred: storage or queue unavailable', { errorName: (error as Error).name, errorMessage: (error as Error).message });
    const answer = problem(503, 'Service Unavailable', `The delivery could not be stored right now (${(error as Error).name}); send it again in ${overloadRetryAfterSeconds} s`, event.requestContext.requestId) as APIGatewayProxyStructuredResultV2;
    return { ...answer, headers: { ...answer.headers, 'retry-after': String(overloadRetryAfterSeconds) } };
  }
}

export const handler = middy(handle).use(injectLambdaContext(logger)).use(logMetrics(metrics));
