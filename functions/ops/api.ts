// The ops API's read routes: orders, customers and order timelines. Each route is declared once in
// shared/api/routes.ts; this handler checks the caller's role, parses with the same schemas and
// answers problem details on any error.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { InvalidCursorError, OpsQueries } from '#shared/adapters/ops-queries.ts';
import type { Route } from '#shared/api/define.ts';
import { getCustomer, getOpsHealth, getOrder, getOrderTimeline, listCustomers, listOrders } from '#shared/api/routes.ts';
import { ApiProblem, authorize, parseRequest, problemResponse, type Caller } from '#shared/api/validate.ts';
import { json } from '#shared/http.ts';
import { logger } from '#shared/observability.ts';
import { customerView, orderMatches, orderSummary, orderView, timelineEntry } from '#shared/ops/views.ts';

const deadLetterQueues = JSON.parse(process.env.DEAD_LETTER_QUEUES ?? '[]') as { name: string; url: string }[];
const sqs = new SQSClient({});
const queries = new OpsQueries(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'), requiredEnv('JOURNAL_TABLE_NAME'));

/** A caller limited to some shops (the `custom:shopIds` claim) sees only those. */
function checkShop(caller: Caller | undefined, shopId: string): void {
  if (caller?.shopIds?.length && !caller.shopIds.includes(shopId)) throw new ApiProblem(403, `You may not read shop ${shopId}`);
}

const notFound = (what: string) => new ApiProblem(404, `${what} does not exist`);

type Operation = (event: APIGatewayProxyEventV2, caller: Caller | undefined) => Promise<unknown>;

const operations = new Map<string, [Route, Operation]>([
  [`GET ${listOrders.path}`, [listOrders, async (event, caller) => {
    const { query } = parseRequest(listOrders, event);
    checkShop(caller, query.shopId);
    const page = await queries.listOrders(query.shopId, { limit: query.limit, cursor: query.cursor, from: query.from, to: query.to, newestFirst: query.sort === '-createdAt' });
    return { items: page.items.filter((state) => orderMatches(state, query)).map(orderSummary), nextCursor: page.nextCursor };
  }]],
  [`GET ${getOrder.path}`, [getOrder, async (event, caller) => {
    const { params, query } = parseRequest(getOrder, event);
    checkShop(caller, query.shopId);
    const state = await queries.order(query.shopId, params.orderId);
    if (!state?.order) throw notFound(`Order ${params.orderId} of shop ${query.shopId}`);
    return orderView(state);
  }]],
  [`GET ${getOrderTimeline.path}`, [getOrderTimeline, async (event, caller) => {
    const { params, query } = parseRequest(getOrderTimeline, event);
    checkShop(caller, query.shopId);
    const page = await queries.timeline(`order#${query.shopId}#${params.orderId}`, query.limit, query.cursor);
    return { items: page.items.map(timelineEntry), nextCursor: page.nextCursor };
  }]],
  [`GET ${listCustomers.path}`, [listCustomers, async (event, caller) => {
    const { query } = parseRequest(listCustomers, event);
    checkShop(caller, query.shopId);
    const page = await queries.listCustomers(query.shopId, { limit: query.limit, cursor: query.cursor, email: query.email });
    return { items: page.items.map(customerView), nextCursor: page.nextCursor };
  }]],
  [`GET ${getOpsHealth.path}`, [getOpsHealth, async () => {
    const queues = await Promise.all(
      deadLetterQueues.map(async ({ name, url }) => {
        const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
        return { name, messages: Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) };
      }),
    );
    return { status: queues.some((queue) => queue.messages > 0) ? 'attention' : 'ok', checkedAt: new Date().toISOString(), deadLetterQueues: queues };
  }]],
  [`GET ${getCustomer.path}`, [getCustomer, async (event, caller) => {
    const { params, query } = parseRequest(getCustomer, event);
    checkShop(caller, query.shopId);
    const state = await queries.customer(query.shopId, params.customerId);
    if (!state) throw notFound(`Customer ${params.customerId} of shop ${query.shopId}`);
    return customerView(state);
  }]],
]);

async function handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const requestId = event.requestContext.requestId;
  try {
    const entry = operations.get(event.routeKey);
    if (!entry) throw new ApiProblem(404, `No operation for ${event.routeKey}`);
    const [route, operation] = entry;
    const caller = authorize(route.access, event);
    return json(200, await operation(event, caller));
  } catch (error) {
    const problem = error instanceof InvalidCursorError ? new ApiProblem(400, error.message, [{ path: 'query.cursor', message: 'is not a cursor this API returned' }]) : error;
    if (!(problem instanceof ApiProblem)) logger.error('Ops API request failed', { error: error as Error, routeKey: event.routeKey });
    return problemResponse(problem, requestId, event.rawPath);
  }
}

export const handler = middy(handle).use(injectLambdaContext(logger));
