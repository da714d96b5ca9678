// getKpis: the KPIs of a shop over whole UTC days, summed from the per-day counters the rollup
// keeps (functions/ops/kpis.ts): one query of at most 367 small items, whatever the case count.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { KpiStore } from '#shared/adapters/kpi-store.ts';
import type { Route } from '#shared/api/define.ts';
import { getKpis } from '#shared/api/routes/kpis.ts';
import { checkShop, createRouter, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { DAY_MS, daysOf, summarizeKpis } from '#shared/kpis/summary.ts';
import { logger } from '#shared/observability.ts';

const store = new KpiStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));

const operations: Array<[Route, Operation]> = [
  [getKpis, async (event, caller) => {
    const { query } = parseRequest(getKpis, event);
    checkShop(caller, query.shopId);
    const to = new Date(query.to ?? Date.now());
    const from = new Date(query.from ?? to.getTime() - 30 * DAY_MS);
    if (from >= to) throw new ApiProblem(400, '`from` must be before `to`', [{ path: 'query.from', message: 'must be before `to`' }]);
    if (to.getTime() - from.getTime() > 366 * DAY_MS) throw new ApiProblem(400, 'The period is longer than 366 days', [{ path: 'query.from', message: 'at most 366 days before `to`' }]);
    const days = daysOf(from, to);
    const stored = await store.days(query.shopId, days[0]!, days[days.length - 1]!);
    return summarizeKpis(query.shopId, days, stored);
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
