// The ops API's delay desk: the orders with an open delay (filtered after the index query, so a
// page may be short) and the measures of the delay flow over the orders placed in a period.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { DelayQueries } from '#shared/adapters/delay-queries.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { TierLookup } from '#shared/adapters/tier-lookup.ts';
import type { Route } from '#shared/api/define.ts';
import { getDelayMetrics, listDelayedOrders } from '#shared/api/routes/delays.ts';
import { checkShop, createRouter, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { delayFactsOf, delayMetrics } from '#shared/delays/metrics.ts';
import { delayedOrderView, matchesDelayFilter, ordersAtRisk } from '#shared/delays/ops-view.ts';
import { logger } from '#shared/observability.ts';
import { byTierThenSla } from '#shared/ops/queue-sort.ts';

const queries = new DelayQueries(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const tiers = new TierLookup(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));

const DAY_MS = 86_400_000;
/** One request reads at most this many orders (and their watches): about what fits in the API's 29 seconds. */
const maxOrders = 5_000;

const operations: Array<[Route, Operation]> = [
  [listDelayedOrders, async (event, caller) => {
    const { query } = parseRequest(listDelayedOrders, event);
    checkShop(caller, query.shopId);
    const page = await queries.openDelays(query.shopId, { limit: query.limit, cursor: query.cursor });
    const open = page.items.map((watch) => ({ watch, view: delayedOrderView(watch) })).filter(({ view }) => view.openDelays.length > 0 && matchesDelayFilter(view, query));
    const tierOf = await tiers.tiersOf(query.shopId, open.flatMap(({ watch }) => watch.customerId ?? []));
    const views = open.map(({ watch, view }) => ({ ...view, tier: (watch.customerId && tierOf.get(watch.customerId)) || null }));
    // The page comes oldest detection first: how long a delay has been open is its SLA.
    const points = new Map(views.map((view) => [view.orderId, view.tier?.points ?? 0]));
    const items = query.sort === 'tier' ? byTierThenSla(views, (view) => ({ customerId: view.orderId, slaDueAt: view.openDelays[0]?.detectedAt ?? '' }), points) : views;
    return { items, nextCursor: page.nextCursor };
  }],
  [getDelayMetrics, async (event, caller) => {
    const { query } = parseRequest(getDelayMetrics, event);
    checkShop(caller, query.shopId);
    const to = new Date(query.to ?? Date.now());
    const from = new Date(query.from ?? to.getTime() - 30 * DAY_MS);
    if (from >= to) throw new ApiProblem(400, '`from` must be before `to`', [{ path: 'query.from', message: 'must be before `to`' }]);
    if (to.getTime() - from.getTime() > 366 * DAY_MS) throw new ApiProblem(400, 'The period is longer than 366 days', [{ path: 'query.from', message: 'at most 366 days before `to`' }]);
    const period = { from: from.toISOString(), to: to.toISOString() };
    const { orders, watches, complete } = await queries.placedIn(query.shopId, period, maxOrders);
    if (!complete) logger.warn('Delay metrics over part of the period', { shopId: query.shopId, ...period, orders: orders.length });
    const metrics = delayMetrics(watches.flatMap((watch) => delayFactsOf(watch)), ordersAtRisk(orders, watches));
    return { shopId: query.shopId, ...period, ordersPlaced: orders.length, complete, ...metrics };
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
