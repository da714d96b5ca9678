// Customer returns: request a return (order number and email authenticate, as at portal sign-in)
// and read one's own returns with the portal session token. The decisions are in
// shared/returns/request.ts; this handler reads the order, policy and existing returns, and writes.
import { randomUUID } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { signingKey } from '#shared/adapters/signing-key.ts';
import { CustomerOrders } from '#shared/adapters/customer-orders.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { ConcurrentReturnError, ReturnStore } from '#shared/adapters/return-store.ts';
import type { Route } from '#shared/api/define.ts';
import { createReturn, getReturn } from '#shared/api/routes.ts';
import { Answer, createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { authenticateCustomer } from '#shared/customers/authenticate.ts';
import { ownOrder, sameEmail } from '#shared/customers/order-view.ts';
import { customerReturn, decideRequest } from '#shared/returns/request.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';
import { customerRefOf } from '#shared/storefronts/to-events.ts';
import { logger } from '#shared/observability.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const orders = new CustomerOrders(client, tableName);
const returns = new ReturnStore(client, tableName);
const sessionSecretArn = requiredEnv('CUSTOMER_SESSION_SECRET_ARN');
const shopsSecretArn = requiredEnv('SHOPS_SECRET_ARN');

// One message for an unknown order and a wrong email: the route cannot reveal which orders exist.
const orderRefused = 'No order matches this order number and email address';

const operations: Array<[Route, Operation]> = [
  [createReturn, async (event) => {
    const { body } = parseRequest(createReturn, event);
    const state = ownOrder(await orders.findByNumber(body.shopId, body.orderNumber), body.email);
    if (!state) throw new ApiProblem(404, orderRefused);
    const order = { ...state.order, fulfillments: Object.values(state.fulfillments), refunds: Object.values(state.refunds) };
    const [policy, existing, shops] = await Promise.all([returns.policy(body.shopId), returns.casesOfOrder(body.shopId, state.orderId), loadShopIndex(shopsSecretArn)]);
    const outcome = decideRequest({
      shopId: body.shopId,
      caseId: `ret_${randomUUID().replaceAll('-', '')}`,
      order,
      customer: customerRefOf(order),
      policy,
      existing: existing.cases,
      body,
      now: new Date(),
      timeZone: shops.byId(body.shopId)?.timeZone ?? 'UTC',
      newId: randomUUID,
    });
    if (!outcome.ok) throw new ApiProblem(422, outcome.detail, outcome.errors);
    try {
      await returns.create(outcome.case, existing.version, outcome.events, body.comment ? { comment: body.comment } : {});
    } catch (error) {
      if (error instanceof ConcurrentReturnError) throw new ApiProblem(409, 'Another return request for this order was made at the same moment: please try again');
      throw error;
    }
    logger.info('Return requested', { shopId: body.shopId, returnId: outcome.case.id, status: outcome.case.status });
    return new Answer(201, outcome.view);
  }],
  [getReturn, async (event) => {
    const session = authenticateCustomer(event, await signingKey(sessionSecretArn));
    const { params } = parseRequest(getReturn, event);
    const found = await returns.get(session.shopId, params.id);
    // Someone else's return is "not found": its existence is not the caller's to know.
    if (!found || !sameEmail(found.customer.email, session.email)) throw notFound(`Return ${params.id}`);
    return customerReturn(found);
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
