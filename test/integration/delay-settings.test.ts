// The delay settings routes on the local stack: a shop that never published reads the defaults as
// version 0; a dry run of longer handling times over the shop's latest open orders says which
// ship-by deadlines move and which order is no longer late, and writes nothing; only a supervisor
// tries and publishes, each version conditionally on the one read (a stale publication gets 409),
// every version is kept with its reason.
//
// The shop is one only this file uses (`it-delays-<random>`), so publishing does not change the
// demo shops' delay flow other files watch; its orders are written with the ingest store itself,
// with no events, as in return-policy.test.ts.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { delaySettingsVersionKey } from '../../shared/adapters/delay-settings-store.ts';
import { IngestStore } from '../../shared/adapters/ingest-store.ts';
import { createApiClient } from '../../shared/api/client.ts';
import { defaultDelaySettings } from '../../shared/delays/settings.ts';
import { applyOrder, emptyOrderState } from '../../shared/ingest/order-state.ts';
import { normalizeShopify } from '../../shared/storefronts/shopify.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, opsToken, resourceName } from './support.ts';

const shopId = `it-delays-${randomUUID().slice(0, 8)}`;
const table = resourceName('BackboneStateTable');
const clientFor = async (role: 'viewer' | 'agent' | 'supervisor') => createApiClient({ baseUrl: endpoints.api, token: await opsToken(role) });
const base = 9_500_000 + Math.floor(Math.random() * 90_000);
/** Placed 20 days ago, not shipped: late (to ship and to deliver) under the default two handling days, not under twenty. */
const late = base;
/** Placed a day ago, not shipped: on time under both. */
const recent = base + 1;
const slower = { ...defaultDelaySettings, handling: { ...defaultDelaySettings.handling, defaultDays: 20 } };
const ingest = new IngestStore(DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } }), table);

/** Stores the order as ingest would after its orders/create webhook. */
async function storeOrder(orderId: number, now: number, daysAgo: number) {
  const createdAt = new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const placed = normalizeShopify('orders/create', shopifyOrder({ orderId, email: `dly-${orderId}@example.com`, createdAt }), { shopId, defaultLocale: 'en' });
  if (placed.kind !== 'order') throw new Error('unexpected mapping');
  const deliveryKey = `DELIVERY#${shopId}#shopify#${randomUUID()}`;
  await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: deliveryKey, sk: 'DELIVERY', status: 'received' } }));
  await ingest.commit({ order: applyOrder(emptyOrderState(shopId, String(orderId)), placed.order)!.next, events: [], deliveryKey });
}

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  await storeOrder(late, now, 20);
  await storeOrder(recent, now, 1);
});

describe('the delay settings routes', () => {
  it('read the defaults as version 0 while the shop has published none', async () => {
    const { data, response } = await (await clientFor('viewer')).GET('/ops/delays/settings', { params: { query: { shopId } } });
    expect(response.status).toBe(200);
    expect(data).toEqual({ shopId, version: 0, settings: defaultDelaySettings });
  });

  it('dry-run longer handling times: the ship-by deadlines that move and the order no longer late, nothing written', async () => {
    const supervisor = await clientFor('supervisor');
    const { data, response } = await supervisor.POST('/ops/delays/settings/dry-run', { params: { query: { shopId } }, body: { settings: slower, orders: 50 } });
    expect(response.status, JSON.stringify(data)).toBe(200);
    expect(data).toMatchObject({ shopId, currentVersion: 0, draftVersion: 1, totals: { orders: 2, open: 2, changed: 2, shipByMoved: 2, becomeLate: 0, noLongerLate: 1 } });
    const byOrder = new Map(data!.changes.map((change) => [change.orderId, change]));
    expect(byOrder.get(String(late))).toMatchObject({ phase: 'awaiting_shipment', before: { late: ['not_shipped_in_time', 'delivery_overdue'] }, after: { late: [] } });
    expect(Date.parse(byOrder.get(String(recent))!.after.shipBy!)).toBeGreaterThan(Date.parse(byOrder.get(String(recent))!.before.shipBy!));
    expect((await supervisor.GET('/ops/delays/settings', { params: { query: { shopId } } })).data?.version).toBe(0);
  });

  it('refuse a draft naming the field, and a dry run or publication by anyone but a supervisor', async () => {
    const supervisor = await clientFor('supervisor');
    const invalid = await supervisor.POST('/ops/delays/settings/dry-run', { params: { query: { shopId } }, body: { settings: { ...slower, transit: { ...slower.transit, defaultDays: -1 } }, orders: 10 } });
    expect(invalid.response.status).toBe(400);
    expect((invalid.error as { errors: Array<{ path: string }> }).errors.map((issue) => issue.path)).toContain('body.settings.transit.defaultDays');
    const agent = await clientFor('agent');
    expect((await agent.POST('/ops/delays/settings/dry-run', { params: { query: { shopId } }, body: { settings: slower, orders: 10 } })).response.status).toBe(403);
    expect((await agent.PUT('/ops/delays/settings', { params: { query: { shopId } }, body: { settings: slower, expectedVersion: 0, reason: 'Not mine to change' } })).response.status).toBe(403);
  });

  it('publish as the next version, conditionally on the version read, keeping each version with its reason', async () => {
    const supervisor = await clientFor('supervisor');
    const published = await supervisor.PUT('/ops/delays/settings', { params: { query: { shopId } }, body: { settings: slower, expectedVersion: 0, reason: 'The workshop is backed up' } });
    expect(published.response.status, JSON.stringify(published.error)).toBe(200);
    expect(published.data).toMatchObject({ shopId, version: 1, settings: { version: 1, handling: { defaultDays: 20 } }, reason: 'The workshop is backed up', publishedBy: { role: 'supervisor' } });

    const stale = await supervisor.PUT('/ops/delays/settings', { params: { query: { shopId } }, body: { settings: defaultDelaySettings, expectedVersion: 0, reason: 'Back to normal' } });
    expect(stale.response.status).toBe(409);
    const read = await (await clientFor('viewer')).GET('/ops/delays/settings', { params: { query: { shopId } } });
    expect(read.data).toMatchObject({ version: 1, settings: { handling: { defaultDays: 20 } } });
    const { Item } = await clients.dynamo.send(new GetCommand({ TableName: table, Key: delaySettingsVersionKey(shopId, 1) }));
    expect(Item).toMatchObject({ version: 1, reason: 'The workshop is backed up', settings: { handling: { defaultDays: 20 } } });

    // The dry run now compares with version 1: going back to the defaults makes the old order late again.
    const back = await supervisor.POST('/ops/delays/settings/dry-run', { params: { query: { shopId } }, body: { settings: defaultDelaySettings, orders: 50 } });
    expect(back.data).toMatchObject({ currentVersion: 1, draftVersion: 2, totals: { becomeLate: 1, noLongerLate: 0 } });
  });
});
