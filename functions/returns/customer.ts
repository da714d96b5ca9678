// Customer returns: request a return (order number and email authenticate, as at portal sign-in),
// read one's own returns and give the tracking number of the parcel sent back, with the portal
// session token. The decisions are in shared/returns/request.ts and lifecycle.ts; this handler
// reads the order, policy and existing returns, and writes.
import { randomUUID } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { signingKey } from '#shared/adapters/signing-key.ts';
import { CustomerOrders } from '#shared/adapters/customer-orders.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { ConcurrentCaseChangeError, ConcurrentReturnError, ReturnStore } from '#shared/adapters/return-store.ts';
import { HttpStorefrontExchange } from '#shared/adapters/storefront-exchange.ts';
import { StorefrontExchangeError, type ExchangeVariant } from '#shared/storefronts/exchange-port.ts';
import type { Route } from '#shared/api/define.ts';
import { recordReturnShipment } from '#shared/api/routes/return-shipments.ts';
import { createReturn, getReturn } from '#shared/api/routes/returns.ts';
import { Answer, createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { authenticateCustomer } from '#shared/customers/authenticate.ts';
import type { CustomerClaims } from '#shared/customers/session.ts';
import { ownOrder, sameEmail } from '#shared/customers/order-view.ts';
import type { CaseActor, ReturnCase } from '#shared/returns/case.ts';
import { applyTransition } from '#shared/returns/lifecycle.ts';
import { pickShopOrder } from '#shared/returns/order-lookup.ts';
import { customerReturn, decideRequest } from '#shared/returns/request.ts';
import type { ShopIndex } from '#shared/shops/config.ts';
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
// Shops searched at once for a request that names no shop.
const shopLookupBatch = 25;

type FoundOrder = NonNullable<ReturnType<typeof ownOrder>>;

/** The customer's order: in the shop they name, or else in the one shop of the deployment that has it. */
async function findOwnOrder(shops: ShopIndex, body: { shopId?: string; orderNumber: string; email: string }): Promise<{ shopId: string; state: FoundOrder }> {
  const shopIds = body.shopId ? [body.shopId] : shops.config.shops.map((shop) => shop.shopId);
  const candidates: { shopId: string; order: FoundOrder | undefined }[] = [];
  for (let i = 0; i < shopIds.length; i += shopLookupBatch) {
    const batch = shopIds.slice(i, i + shopLookupBatch);
    candidates.push(...(await Promise.all(batch.map(async (shopId) => ({ shopId, order: ownOrder(await orders.findByNumber(shopId, body.orderNumber), body.email) })))));
  }
  const lookup = pickShopOrder(candidates);
  if (lookup.kind === 'none') throw new ApiProblem(404, orderRefused);
  if (lookup.kind === 'ambiguous') {
    throw new ApiProblem(400, 'Several shops have an order with this number and email address: name the shop', [{ path: 'body.shopId', message: `is required: one of ${lookup.shopIds.join(', ')}` }]);
  }
  return { shopId: lookup.shopId, state: lookup.order };
}

/** The session's return: someone else's is "not found", its existence is not the caller's to know. */
async function ownReturn(session: CustomerClaims, id: string): Promise<ReturnCase> {
  const found = await returns.get(session.shopId, id);
  if (!found || !sameEmail(found.customer.email, session.email)) throw notFound(`Return ${id}`);
  return found;
}

/** The return as its customer sees it, with the parcel's tracking once known. */
function customerView(c: ReturnCase) {
  const tracking = c.tracking?.trackingNumber ? { tracking: { trackingNumber: c.tracking.trackingNumber, ...(c.tracking.carrierCode ? { carrierCode: c.tracking.carrierCode } : {}) } } : {};
  return { ...customerReturn(c), ...tracking };
}

/**
 * The replacement variants the request's exchange lines name, from the shop's exchange service;
 * undefined when the shop has none (its exchange lines are refused).
 */
async function replacementsOf(shops: ShopIndex, shopId: string, lines: { exchangeVariantId?: string; resolution: string }[]): Promise<Map<string, ExchangeVariant | undefined> | undefined> {
  const variantIds = [...new Set(lines.flatMap((line) => (line.resolution === 'exchange' && line.exchangeVariantId ? [line.exchangeVariantId] : [])))];
  const service = shops.byId(shopId)?.exchanges;
  if (variantIds.length === 0 || !service) return undefined;
  const storefront = new HttpStorefrontExchange(() => service);
  try {
    return new Map(await Promise.all(variantIds.map(async (variantId) => [variantId, await storefront.variant(shopId, variantId)] as const)));
  } catch (error) {
    if (!(error instanceof StorefrontExchangeError)) throw error;
    logger.error('The exchange service did not answer', { shopId, error: error.message });
    throw new ApiProblem(503, 'Exchanges cannot be checked right now: please try again in a few minutes', undefined, 'Service Unavailable');
  }
}

const operations: Array<[Route, Operation]> = [
  [createReturn, async (event) => {
    const { body } = parseRequest(createReturn, event);
    const shops = await loadShopIndex(shopsSecretArn);
    const { shopId, state } = await findOwnOrder(shops, body);
    const order = { ...state.order, fulfillments: Object.values(state.fulfillments), refunds: Object.values(state.refunds) };
    const [policy, existing, exchangeVariants] = await Promise.all([returns.policy(shopId), returns.casesOfOrder(shopId, state.orderId), replacementsOf(shops, shopId, body.lines)]);
    const outcome = decideRequest({
      shopId,
      caseId: `ret_${randomUUID().replaceAll('-', '')}`,
      order,
      customer: customerRefOf(order),
      policy,
      existing: existing.cases,
      body,
      now: new Date(),
      timeZone: shops.byId(shopId)?.timeZone ?? 'UTC',
      newId: randomUUID,
      exchangeVariants,
    });
    if (!outcome.ok) throw new ApiProblem(422, outcome.detail, outcome.errors);
    try {
      await returns.create(outcome.case, existing.version, outcome.events, body.comment ? { comment: body.comment } : {});
    } catch (error) {
      if (error instanceof ConcurrentReturnError) throw new ApiProblem(409, 'Another return request for this order was made at the same moment: please try again');
      throw error;
    }
    logger.info('Return requested', { shopId, returnId: outcome.case.id, status: outcome.case.status });
    return new Answer(201, outcome.view);
  }],
  [getReturn, async (event) => {
    const session = authenticateCustomer(event, await signingKey(sessionSecretArn));
    const { params } = parseRequest(getReturn, event);
    return customerView(await ownReturn(session, params.id));
  }],
  [recordReturnShipment, async (event) => {
    const session = authenticateCustomer(event, await signingKey(sessionSecretArn));
    const { params, body } = parseRequest(recordReturnShipment, event);
    const found = await ownReturn(session, params.id);
    const actor: CaseActor = { kind: 'customer', id: found.customer.id };
    const result = applyTransition(found, { type: 'shipmentDeclared', actor, trackingNumber: body.trackingNumber, ...(body.carrierCode ? { carrierCode: body.carrierCode } : {}) }, new Date());
    if (!result.ok) {
      if (result.error.code === 'no_change') return customerView(found);
      if (result.error.code === 'invalid_transition') throw new ApiProblem(409, `This return is ${found.status.replace('_', ' ')}: it is no longer waiting for a parcel`);
      throw notFound(`Return ${params.id}`);
    }
    try {
      // No audit record: the customer's own step is on the case history.
      await returns.transition(found.shopId, found.id, result, undefined, actor);
    } catch (error) {
      if (error instanceof ConcurrentCaseChangeError) throw new ApiProblem(409, 'Your return changed at the same moment: please try again');
      throw error;
    }
    logger.info('Return shipment declared', { shopId: found.shopId, returnId: found.id, from: found.status, to: result.next.status });
    return customerView(result.next);
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
