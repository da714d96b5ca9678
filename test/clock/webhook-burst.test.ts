// Issue 12 at CI size: a burst of signed Shopify deliveries sent as fast as the client can, some of
// them twice, in the serial project so that it has the stack to itself. Every answer is 2xx, or 429/503 with Retry-After and problem details; once the refused
// ones are sent again (as Shopify does), every delivery is stored, mapped and its OrderPlaced
// published exactly once. The 10,000-delivery variant is `npm run bench -- burst`.
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { expect, it } from 'vitest';
import { burstDeliveries, sendBurst, withDuplicates, type BurstDelivery } from '../support/webhook-burst.ts';
import { api, clients, endpoints, eventually, resourceName, settle } from '../integration/support.ts';

// Each accepted order also runs every downstream consumer before `settle` returns: on two busy cores
// about 4 orders a second, so CI sends 200 (and 20 again); the 10,000 burst is the bench's.
const deliveryCount = 200;
const stateTable = resourceName('BackboneStateTable');

async function deliveryStatuses(deliveries: readonly BurstDelivery[]): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  for (let i = 0; i < deliveries.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = deliveries.slice(i, i + 100).map((delivery) => ({ pk: `DELIVERY#demo-shopify#shopify#${delivery.webhookId}`, sk: 'DELIVERY' }));
    while (keys?.length) {
      const answer: BatchGetCommandOutput = await clients.dynamo.send(new BatchGetCommand({ RequestItems: { [stateTable]: { Keys: keys, ProjectionExpression: '#status', ExpressionAttributeNames: { '#status': 'status' } } } }));
      for (const item of answer.Responses?.[stateTable] ?? []) statuses[item.status] = (statuses[item.status] ?? 0) + 1;
      keys = answer.UnprocessedKeys?.[stateTable]?.Keys;
    }
  }
  return statuses;
}

it('answers every delivery of a burst clearly and loses none', { timeout: 330_000 }, async () => {
  const firstOrderId = 30_000_000 + Math.floor(Math.random() * 1_000) * 10_000;
  // Earlier files of this project moved the clock weeks ahead: the orders are placed at its time.
  const createdAt = new Date((await api('/_local/clock')).body.now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const deliveries = burstDeliveries(deliveryCount, { secret: 'local-webhook-secret', firstOrderId, createdAt });
  const sends = withDuplicates(deliveries, 10);

  const burst = await sendBurst({ baseUrl: endpoints.api, sends, spreadMs: 0, maxSockets: 128, maxRetryDelayMs: 1_000 });
  console.log(`burst of ${sends.length} sends: answers ${JSON.stringify(burst.answers)}, refusals ${JSON.stringify(burst.refusalKinds)}, all answered in ${Math.round(burst.elapsedMs)} ms`);

  expect(burst.unclear).toEqual([]);
  expect(burst.abandoned).toEqual([]);
  expect(Object.keys(burst.answers).every((status) => ['200', '202', '429', '503'].includes(status))).toBe(true);
  expect(burst.acknowledged).toBe(sends.length);

  // Each order runs every downstream consumer: wait for the mapping itself, then for the rest.
  await eventually(async () => ((await deliveryStatuses(deliveries)).processed === deliveryCount ? true : undefined), { what: 'every delivery mapped', timeoutMs: 200_000 });
  await settle();
  expect(await deliveryStatuses(deliveries)).toEqual({ processed: deliveryCount });
  const { body } = await api<{ events: { detail: { orderId: string } }[] }>('/_local/events?detailType=OrderPlaced');
  const wanted = new Set(deliveries.map((delivery) => String(delivery.orderId)));
  const placed = body.events.filter((event) => wanted.has(event.detail.orderId)).map((event) => event.detail.orderId);
  expect(placed).toHaveLength(deliveryCount);
  expect(new Set(placed).size).toBe(deliveryCount);
});
