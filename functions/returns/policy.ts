// The ops API's return policy routes: read the policy in effect, try a draft on the shop's latest
// orders (the pure dry run, shared/returns/dry-run.ts; nothing written), and publish a draft as the
// next version, conditionally on the version the supervisor read, with its audit record.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { ReturnPolicyStore } from '#shared/adapters/return-policy-store.ts';
import type { Route } from '#shared/api/define.ts';
import { dryRunReturnPolicy, getReturnPolicy, updateReturnPolicy } from '#shared/api/routes/return-policy.ts';
import { publishSettings } from '#shared/api/publish-settings.ts';
import { checkShop, createRouter, type Operation } from '#shared/api/router.ts';
import { parseRequest, type Caller } from '#shared/api/validate.ts';
import { logger } from '#shared/observability.ts';
import { dryRun } from '#shared/returns/dry-run.ts';
import { dryRunOrders, type PolicyVersion } from '#shared/returns/policy-publication.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const store = new ReturnPolicyStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const shopsSecretArn = requiredEnv('SHOPS_SECRET_ARN');

const view = (shopId: string, current: PolicyVersion) => ({ shopId, ...current });

const operations: Array<[Route, Operation]> = [
  [getReturnPolicy, async (event, caller) => {
    const { query } = parseRequest(getReturnPolicy, event);
    checkShop(caller, query.shopId);
    return view(query.shopId, await store.current(query.shopId));
  }],
  [updateReturnPolicy, async (event, caller) => {
    const { query, body } = parseRequest(updateReturnPolicy, event);
    checkShop(caller, query.shopId);
    const next = await publishSettings(store, { attribute: 'policy', label: 'return policy', action: 'returnPolicy.publish', subjectId: 'returns' }, { event, caller: caller as Caller, shopId: query.shopId, expectedVersion: body.expectedVersion, draft: body.policy, reason: body.reason });
    logger.info('Return policy published', { shopId: query.shopId, version: next.version });
    return view(query.shopId, next);
  }],
  [dryRunReturnPolicy, async (event, caller) => {
    const { query, body } = parseRequest(dryRunReturnPolicy, event);
    const { shopId } = query;
    checkShop(caller, shopId);
    const [current, states, shops] = await Promise.all([store.current(shopId), store.latestOrders(shopId, body.orders), loadShopIndex(shopsSecretArn)]);
    const cases = await store.casesOfOrders(shopId, states.map((state) => state.orderId));
    const now = new Date();
    const draftVersion = current.version + 1;
    const result = dryRun({
      current: current.policy,
      draft: { ...body.policy, version: draftVersion },
      orders: dryRunOrders(states, (orderId) => cases.get(orderId) ?? []),
      now,
      timeZone: shops.byId(shopId)?.timeZone ?? 'UTC',
    });
    return { shopId, currentVersion: current.version, draftVersion, evaluatedAt: now.toISOString(), totals: result.totals, changes: result.changes };
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
