// The ops API's delay settings routes: read the settings in effect (the latest published, else the
// shop config's), try a draft on the shop's latest open orders (the pure dry run,
// shared/delays/settings-dry-run.ts; nothing written), and publish a draft as the next version,
// conditionally on the version the supervisor read, with its audit record.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { DelayQueries } from '#shared/adapters/delay-queries.ts';
import { DelaySettingsStore } from '#shared/adapters/delay-settings-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { ReturnPolicyStore } from '#shared/adapters/return-policy-store.ts';
import type { Route } from '#shared/api/define.ts';
import { publishSettings, type VersionedSettings } from '#shared/api/publish-settings.ts';
import { checkShop, createRouter, type Operation } from '#shared/api/router.ts';
import { dryRunDelaySettings, getDelaySettings, updateDelaySettings } from '#shared/api/routes/delay-settings.ts';
import { parseRequest, type Caller } from '#shared/api/validate.ts';
import { dryRunDelaySettings as dryRun } from '#shared/delays/settings-dry-run.ts';
import type { DelaySettingsVersion } from '#shared/delays/settings-publication.ts';
import type { DelaySettings } from '#shared/delays/settings.ts';
import { logger } from '#shared/observability.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecretArn = requiredEnv('SHOPS_SECRET_ARN');
const store = new DelaySettingsStore(client, tableName);
const orders = new ReturnPolicyStore(client, tableName);
const watches = new DelayQueries(client, tableName);

const shopOf = async (shopId: string) => (await loadShopIndex(shopsSecretArn)).byId(shopId);

/** The store as publishing sees it: version 0 is the shop config's settings, so the audit record compares with those. */
const inEffect: VersionedSettings<'settings', DelaySettings> = {
  current: async (shopId) => store.inEffect(shopId, (await shopOf(shopId))?.delays),
  publish: (shopId, expectedVersion, next, audit) => store.publish(shopId, expectedVersion, next, audit),
};

const view = (shopId: string, current: DelaySettingsVersion) => ({ shopId, ...current });

const operations: Array<[Route, Operation]> = [
  [getDelaySettings, async (event, caller) => {
    const { query } = parseRequest(getDelaySettings, event);
    checkShop(caller, query.shopId);
    return view(query.shopId, await inEffect.current(query.shopId));
  }],
  [updateDelaySettings, async (event, caller) => {
    const { query, body } = parseRequest(updateDelaySettings, event);
    checkShop(caller, query.shopId);
    const next = await publishSettings(inEffect, { attribute: 'settings', label: 'delay settings', action: 'delaySettings.publish', subjectId: 'delays' }, { event, caller: caller as Caller, shopId: query.shopId, expectedVersion: body.expectedVersion, draft: body.settings, reason: body.reason });
    logger.info('Delay settings published', { shopId: query.shopId, version: next.version });
    return view(query.shopId, next);
  }],
  [dryRunDelaySettings, async (event, caller) => {
    const { query, body } = parseRequest(dryRunDelaySettings, event);
    const { shopId } = query;
    checkShop(caller, shopId);
    const [shop, states] = await Promise.all([shopOf(shopId), orders.latestOrders(shopId, body.orders)]);
    const current = await store.inEffect(shopId, shop?.delays);
    const watched = await watches.watchesOf(shopId, states.map((state) => state.orderId));
    const now = new Date();
    const draftVersion = current.version + 1;
    const result = dryRun({
      current: current.settings,
      draft: { ...body.settings, version: draftVersion },
      orders: states.map((state) => ({ state, watch: watched.get(state.orderId) })),
      timeZone: shop?.timeZone ?? 'UTC',
      now,
    });
    return { shopId, currentVersion: current.version, draftVersion, evaluatedAt: now.toISOString(), totals: result.totals, changes: result.changes };
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
