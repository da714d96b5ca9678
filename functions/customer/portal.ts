// The customer portal routes: sign in with an order number and its email, then read own orders.
// The gateway has no authorizer for these (customers have no Cognito identity): this handler
// verifies the session token it issued, with the key in the session secret.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { signingKey } from '#shared/adapters/signing-key.ts';
import { CustomerOrders } from '#shared/adapters/customer-orders.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import type { Route } from '#shared/api/define.ts';
import { createCustomerSession, getCustomerOrder } from '#shared/api/routes/customer.ts';
import { createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { authenticateCustomer } from '#shared/customers/authenticate.ts';
import { customerOrder, ownOrder } from '#shared/customers/order-view.ts';
import { signCustomerSession } from '#shared/customers/session.ts';
import { logger } from '#shared/observability.ts';

const orders = new CustomerOrders(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const secretArn = requiredEnv('CUSTOMER_SESSION_SECRET_ARN');

// One message for an unknown order and a wrong email, so sign-in cannot reveal which orders exist.
const signInRefused = 'No order matches this order number and email address';

const operations: Array<[Route, Operation]> = [
  [createCustomerSession, async (event) => {
    const { body } = parseRequest(createCustomerSession, event);
    const state = ownOrder(await orders.findByNumber(body.shopId, body.orderNumber), body.email);
    if (!state) throw new ApiProblem(401, signInRefused);
    const { token, claims } = signCustomerSession({ shopId: body.shopId, email: body.email }, await signingKey(secretArn));
    return { token, expiresAt: new Date(claims.exp * 1000).toISOString(), order: customerOrder(state) };
  }],
  [getCustomerOrder, async (event) => {
    // Credentials before validation, as a gateway authorizer would.
    const session = authenticateCustomer(event, await signingKey(secretArn));
    const { params } = parseRequest(getCustomerOrder, event);
    // Someone else's order is "not found", never "forbidden": its existence is not the caller's to know.
    const state = ownOrder(await orders.findByNumber(session.shopId, params.orderNumber), session.email);
    if (!state) throw notFound(`Order ${params.orderNumber}`);
    return customerOrder(state);
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
