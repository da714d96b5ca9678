// The ops API's dead-letter routes: list, inspect, re-drive and discard quarantined deliveries and
// archived dead messages. Each resolution is a conditional write with its audit record; re-driving
// then puts the delivery or message back on its queue (consumers are idempotent, so a second send
// after a failure in between does no harm).
import { randomUUID } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DeadLetterStore, type DeadLetterItem } from '#shared/adapters/dead-letter-store.ts';
import { readBody, type StoredDelivery } from '#shared/adapters/delivery-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import type { Route } from '#shared/api/define.ts';
import { discardDeadLetter, getDeadLetter, listDeadLetters, redriveDeadLetter } from '#shared/api/routes/dead-letters.ts';
import { checkShop, createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest, type Caller } from '#shared/api/validate.ts';
import { newAuditRecord } from '#shared/audit/audit.ts';
import { logger } from '#shared/observability.ts';
import { isShopifyPrivacyTopic } from '#shared/privacy/requests.ts';
import { deadLetterKey, deliveryDeadLetter, messageDeadLetter, statusOf, type DeadLetterView } from '#shared/ops/dead-letters.ts';

const store = new DeadLetterStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const deliveryQueueUrl = requiredEnv('DELIVERY_QUEUE_URL');
/** Shopify's privacy requests have their own consumer, as when the receiver first took them. */
const privacyQueueUrl = requiredEnv('PRIVACY_QUEUE_URL');
const sqs = new SQSClient({});
const maxPayloadChars = 256 * 1024;

const view = (item: DeadLetterItem): DeadLetterView => (item.sk === 'DELIVERY' ? deliveryDeadLetter(item) : messageDeadLetter(item));

/** The dead letter an id names, if the caller may see its shop. */
async function load(event: APIGatewayProxyEventV2, caller: Caller | undefined, deadLetterId: string): Promise<DeadLetterItem> {
  const pk = deadLetterKey(deadLetterId);
  const item = pk ? await store.get(pk) : undefined;
  // A delivery is a dead letter once it was quarantined; one that went through never was.
  if (!item || (item.sk === 'DELIVERY' && !item.gsi1pk?.startsWith('DEADLETTERS#'))) throw notFound(`Dead letter ${deadLetterId}`);
  if (item.shopId) checkShop(caller, item.shopId);
  else if (caller?.shopIds?.length) throw notFound(`Dead letter ${deadLetterId}`);
  return item;
}

function detailOf(item: DeadLetterItem) {
  const payload = item.sk === 'DELIVERY' ? readBody(item as unknown as StoredDelivery).toString('utf8') : item.body;
  const metadata = item.sk === 'DELIVERY' ? { ...((item as unknown as StoredDelivery).meta ?? {}) } : item.failure;
  return {
    ...view(item),
    payload: payload.slice(0, maxPayloadChars),
    payloadTruncated: payload.length > maxPayloadChars,
    metadata,
    ...(item.sk === 'DEADLETTER' && item.redrive.kind === 'none' ? { redriveNote: item.redrive.why } : {}),
  };
}

/** Puts a re-driven dead letter back on its queue. */
async function send(item: DeadLetterItem): Promise<void> {
  if (item.sk === 'DELIVERY') {
    const { topic } = item as unknown as StoredDelivery;
    const queueUrl = isShopifyPrivacyTopic(topic) ? privacyQueueUrl : deliveryQueueUrl;
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ deliveryKey: item.pk }) }));
  } else if (item.redrive.kind === 'queue') {
    await sqs.send(new SendMessageCommand({ QueueUrl: item.redrive.url, MessageBody: item.body }));
  }
}

function resolve(event: APIGatewayProxyEventV2, caller: Caller, item: DeadLetterItem, status: 'redriven' | 'discarded', reason: string) {
  const now = new Date();
  const resolution = { status, at: now.toISOString(), by: caller.email ?? caller.sub, reason };
  const audit = newAuditRecord(
    {
      shopId: item.shopId,
      action: status === 'redriven' ? 'deadLetter.redrive' : 'deadLetter.discard',
      actor: { sub: caller.sub, email: caller.email, role: caller.role },
      subjects: [{ type: 'deadLetter', id: view(item).deadLetterId }],
      reason,
      before: { status: statusOf(item) },
      after: { status },
      requestId: event.requestContext.requestId,
    },
    { auditId: randomUUID(), now },
  );
  return store.resolve(item, resolution, audit);
}

const operations: Array<[Route, Operation]> = [
  [listDeadLetters, async (event, caller) => {
    const { query } = parseRequest(listDeadLetters, event);
    if (query.shopId) checkShop(caller, query.shopId);
    const page = await store.list(query);
    const visible = page.items.filter((item) => !caller?.shopIds?.length || (item.shopId !== undefined && caller.shopIds.includes(item.shopId)));
    return { items: visible.map(view), nextCursor: page.nextCursor };
  }],
  [getDeadLetter, async (event, caller) => {
    const { params } = parseRequest(getDeadLetter, event);
    return detailOf(await load(event, caller, params.deadLetterId));
  }],
  [redriveDeadLetter, async (event, caller) => {
    const { params, body } = parseRequest(redriveDeadLetter, event);
    let item = await load(event, caller, params.deadLetterId);
    if (item.sk === 'DEADLETTER' && item.redrive.kind === 'none') throw new ApiProblem(409, `This dead letter cannot be re-driven: ${item.redrive.why}`);
    if (statusOf(item) === 'open' && !(await resolve(event, caller!, item, 'redriven', body.reason))) item = (await store.get(item.pk))!;
    const status = statusOf(item);
    if (status === 'discarded') throw new ApiProblem(409, `It was discarded by ${item.resolution?.by} on ${item.resolution?.at}: ${item.resolution?.reason}`);
    const first = status === 'open';
    // Sent again on a repeat only if the first send failed after the write.
    if (first || !item.sentAt) {
      await send(item);
      await store.markSent(item);
    }
    logger.info('Dead letter re-driven', { pk: item.pk, first });
    return { deadLetterId: params.deadLetterId, status: first ? 'requeued' : 'already_redriven', redrivenAt: item.resolution?.at ?? new Date().toISOString() };
  }],
  [discardDeadLetter, async (event, caller) => {
    const { params, body } = parseRequest(discardDeadLetter, event);
    const item = await load(event, caller, params.deadLetterId);
    if (statusOf(item) === 'open' && (await resolve(event, caller!, item, 'discarded', body.reason))) return view((await store.get(item.pk))!);
    const current = (await store.get(item.pk))!;
    if (statusOf(current) === 'redriven') throw new ApiProblem(409, `It was re-driven by ${current.resolution?.by} on ${current.resolution?.at}`);
    return view(current);
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
