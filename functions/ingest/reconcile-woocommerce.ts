// WooCommerce never retries a failed webhook. Every few minutes this job reads the orders each
// WooCommerce shop changed since its last run and feeds them through the same path as webhooks:
// an order change already delivered has the same deduplication key and changes nothing.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import { DeliveryStore } from '#shared/adapters/delivery-store.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { WooCommerceApi } from '#shared/adapters/woocommerce-api.ts';
import { logger, metrics } from '#shared/observability.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';
import { reconciliationDrafts, reconciliationWindowStart } from '#shared/webhooks/reconcile.ts';

const tableName = requiredEnv('STATE_TABLE_NAME');
const documents = dynamoDocumentClient();
const deliveries = new DeliveryStore(documents, tableName);
const sqs = new SQSClient({});
const queueUrl = requiredEnv('DELIVERY_QUEUE_URL');
const maxPagesPerRun = 20;

async function reconcileShop(shop: { shopId: string; apiUrl: string; consumerKey: string; consumerSecret: string }, now: Date): Promise<number> {
  const checkpointKey = { pk: `RECONCILE#${shop.shopId}`, sk: 'WOOCOMMERCE' };
  const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: checkpointKey }));
  const after = reconciliationWindowStart(Item?.lastModified as string | undefined, now);
  const api = new WooCommerceApi(shop.apiUrl, shop);
  let recovered = 0;
  let lastModified = Item?.lastModified as string | undefined;
  for (let page = 1; page <= maxPagesPerRun; page++) {
    const { orders, totalPages } = await api.ordersModifiedAfter(after, page);
    for (const draft of reconciliationDrafts(shop.shopId, orders, now)) {
      const stored = await deliveries.accept(draft);
      if (stored.created) {
        await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ deliveryKey: stored.pk }) }));
        recovered++;
      }
      lastModified = draft.meta['date-modified-gmt'] ?? lastModified;
    }
    if (page >= totalPages) break;
  }
  if (lastModified) await documents.send(new PutCommand({ TableName: tableName, Item: { ...checkpointKey, lastModified, ranAt: now.toISOString() } }));
  return recovered;
}

export const handler = middy(async (): Promise<{ recovered: Record<string, number> }> => {
  const index = await loadShopIndex(requiredEnv('SHOPS_SECRET_ARN'));
  const now = new Date();
  const recovered: Record<string, number> = {};
  for (const shop of index.config.shops) {
    const woo = shop.woocommerce;
    if (!woo?.consumerKey || !woo.consumerSecret) continue;
    try {
      recovered[shop.shopId] = await reconcileShop(
        { shopId: shop.shopId, apiUrl: woo.apiUrl ?? `${woo.source.replace(/\/+$/, '')}/wp-json/wc/v3`, consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret },
        now,
      );
      metrics.addMetric('WooOrdersRecovered', MetricUnit.Count, recovered[shop.shopId]!);
    } catch (error) {
      // One unreachable store must not stop the others; the next run covers the same window.
      logger.error('WooCommerce reconciliation failed', { shopId: shop.shopId, error: error as Error });
      metrics.addMetric('WooReconciliationFailed', MetricUnit.Count, 1);
    }
  }
  return { recovered };
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
