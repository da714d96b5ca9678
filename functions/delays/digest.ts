// The duty team's daily digest of open delays: run once a day by a Scheduler schedule (rate(1 day),
// which the local stack also runs on its clock), it reads each shop's watches with an open delay
// and publishes one ops_alert per shop through the outbox, grouped by reason and carrier
// (shared/delays/digest.ts). Shops without an ops address, or with delay alerts off, get none.
// Invoked with `{"shopId": "..."}` it digests that shop only.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { DelayQueries } from '#shared/adapters/delay-queries.ts';
import { DelaySettingsStore } from '#shared/adapters/delay-settings-store.ts';
import { DelayStore } from '#shared/adapters/delay-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { delayDigestAlert } from '#shared/delays/digest.ts';
import { ShopId } from '#shared/events/common.ts';
import { NotificationRequested } from '#shared/events/notifications.ts';
import { logger, metrics } from '#shared/observability.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const queries = new DelayQueries(dynamoDocumentClient(), tableName);
const store = new DelayStore(dynamoDocumentClient(), tableName);
const delaySettings = new DelaySettingsStore(dynamoDocumentClient(), tableName);
/** Enough for any duty team to read; the digest says when it covers only the first ones. */
const maxWatches = 2_000;

const DigestRequest = z.object({ shopId: ShopId.optional() }).loose();

export const handler = middy(async (event: unknown): Promise<{ shops: number; digests: number }> => {
  const request = DigestRequest.safeParse(event ?? {});
  const only = request.success ? request.data.shopId : undefined;
  const shops = (await loadShopIndex(shopsSecret)).config.shops.filter((shop) => only === undefined || shop.shopId === only);
  const now = new Date();
  let digests = 0;
  for (const shop of shops) {
    const opsEmail = shop.notifications?.opsEmail;
    if (!opsEmail || !(await delaySettings.inEffect(shop.shopId, shop.delays)).settings.enabled) continue;
    const { watches, complete } = await queries.allOpen(shop.shopId, maxWatches);
    const alert = delayDigestAlert({ shopId: shop.shopId, opsEmail, timeZone: shop.timeZone, locale: shop.defaultLocale }, watches, now, complete);
    if (!alert) continue;
    // One event per shop and day: a second run the same day writes nothing new.
    await store.publish({ eventId: alert.deduplicationKey.replace(/:/g, '-'), definition: NotificationRequested, detail: alert }, now);
    digests += 1;
    logger.info('Delay digest published', { shopId: shop.shopId, orders: watches.length, complete });
  }
  metrics.addMetric('Delay_digest', MetricUnit.Count, digests);
  return { shops: shops.length, digests };
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
