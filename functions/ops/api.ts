// The ops API's read routes: orders, customers, order timelines, the audit trail and health. Each route is declared once in
// shared/api/routes.ts; this handler checks the caller's role, parses with the same schemas and
// answers problem details on any error.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import { AuditStore } from '#shared/adapters/audit-store.ts';
import { CustomerOrders } from '#shared/adapters/customer-orders.ts';
import { DeadLetterStore } from '#shared/adapters/dead-letter-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { NotificationStore } from '#shared/adapters/notification-store.ts';
import { OpsQueries } from '#shared/adapters/ops-queries.ts';
import { TierLookup } from '#shared/adapters/tier-lookup.ts';
import type { Route } from '#shared/api/define.ts';
import { getOpsHealth, listAuditRecords } from '#shared/api/routes/dead-letters.ts';
import { listNotifications } from '#shared/api/routes/notifications.ts';
import { getCustomer, getOrder, getOrderTimeline, listCustomers, listOrders } from '#shared/api/routes/orders.ts';
import { checkShop, createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { parseRequest } from '#shared/api/validate.ts';
import type { CustomerState } from '#shared/ingest/customer-state.ts';
import { logger } from '#shared/observability.ts';
import { customerView, notificationLogEntry, orderMatches, orderSummary, orderView, timelineEntry } from '#shared/ops/views.ts';

const deadLetterQueues = JSON.parse(process.env.DEAD_LETTER_QUEUES ?? '[]') as { name: string; url: string }[];
const sqs = new SQSClient({});
const stateTable = requiredEnv('STATE_TABLE_NAME');
const queries = new OpsQueries(dynamoDocumentClient(), stateTable, requiredEnv('JOURNAL_TABLE_NAME'));
const audit = new AuditStore(dynamoDocumentClient(), stateTable);
const deadLetters = new DeadLetterStore(dynamoDocumentClient(), stateTable);
const notifications = new NotificationStore(dynamoDocumentClient(), stateTable);
const ordersByNumber = new CustomerOrders(dynamoDocumentClient(), stateTable);
const tiers = new TierLookup(dynamoDocumentClient(), stateTable);

/** Customer views with their tier, read for the whole page at once. */
async function withTiers(shopId: string, states: CustomerState[]) {
  const tierOf = await tiers.tiersOf(shopId, states.map((state) => state.customerId));
  return states.map((state) => ({ ...customerView(state), tier: tierOf.get(state.customerId) ?? null }));
}

const operations: Array<[Route, Operation]> = [
  [listOrders, async (event, caller) => {
    const { query } = parseRequest(listOrders, event);
    checkShop(caller, query.shopId);
    const page = await queries.listOrders(query.shopId, { limit: query.limit, cursor: query.cursor, from: query.from, to: query.to, newestFirst: query.sort === '-createdAt' });
    return { items: page.items.filter((state) => orderMatches(state, query)).map(orderSummary), nextCursor: page.nextCursor };
  }],
  [getOrder, async (event, caller) => {
    const { params, query } = parseRequest(getOrder, event);
    checkShop(caller, query.shopId);
    const state = await queries.order(query.shopId, params.orderId);
    if (!state?.order) throw notFound(`Order ${params.orderId} of shop ${query.shopId}`);
    return orderView(state);
  }],
  [getOrderTimeline, async (event, caller) => {
    const { params, query } = parseRequest(getOrderTimeline, event);
    checkShop(caller, query.shopId);
    const page = await queries.timeline(`order#${query.shopId}#${params.orderId}`, query.limit, query.cursor);
    return { items: page.items.map(timelineEntry), nextCursor: page.nextCursor };
  }],
  [listCustomers, async (event, caller) => {
    const { query } = parseRequest(listCustomers, event);
    checkShop(caller, query.shopId);
    if (query.orderNumber !== undefined) {
      // Order numbers are few per shop (usually one order): the customers who placed them fit one page.
      const orders = await ordersByNumber.findByNumber(query.shopId, query.orderNumber);
      const customerIds = [...new Set(orders.map((state) => state.order?.customer.id).filter((id): id is string => id !== undefined))];
      const customers = await Promise.all(customerIds.map((customerId) => queries.customer(query.shopId, customerId)));
      return { items: await withTiers(query.shopId, customers.filter((state) => state !== undefined)) };
    }
    const page = await queries.listCustomers(query.shopId, { limit: query.limit, cursor: query.cursor, email: query.email, phone: query.phone });
    return { items: await withTiers(query.shopId, page.items), nextCursor: page.nextCursor };
  }],
  [getOpsHealth, async () => {
    const queues = await Promise.all(
      deadLetterQueues.map(async ({ name, url }) => {
        const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
        return { name, messages: Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) };
      }),
    );
    const openDeadLetters = await deadLetters.countOpen();
    const attention = openDeadLetters > 0 || queues.some((queue) => queue.messages > 0);
    return { status: attention ? 'attention' : 'ok', checkedAt: new Date().toISOString(), deadLetterQueues: queues, openDeadLetters };
  }],
  [getCustomer, async (event, caller) => {
    const { params, query } = parseRequest(getCustomer, event);
    checkShop(caller, query.shopId);
    const state = await queries.customer(query.shopId, params.customerId);
    if (!state) throw notFound(`Customer ${params.customerId} of shop ${query.shopId}`);
    return { ...customerView(state), tier: await tiers.tierOf(query.shopId, params.customerId) };
  }],
  [listAuditRecords, async (event, caller) => {
    const { query } = parseRequest(listAuditRecords, event);
    checkShop(caller, query.shopId);
    const subject = query.subjectType && query.subjectId ? { type: query.subjectType, id: query.subjectId } : undefined;
    return audit.list(query.shopId, subject, { limit: query.limit, cursor: query.cursor });
  }],
  [listNotifications, async (event, caller) => {
    const { query } = parseRequest(listNotifications, event);
    checkShop(caller, query.shopId);
    const by = query.customerId ? { customerId: query.customerId } : { subject: `${query.subjectType}#${query.subjectId}` };
    const page = await notifications.list(query.shopId, by, { limit: query.limit, cursor: query.cursor });
    return { items: page.items.map(notificationLogEntry), nextCursor: page.nextCursor };
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
