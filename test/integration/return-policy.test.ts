// The return policy routes on the local stack: the default policy reads as version 0; a dry run of
// a narrower window over the shop's latest orders lists the lines it would refuse and writes
// nothing; only a supervisor publishes, each version conditionally on the one read (a stale or
// concurrent publication gets 409), every version is kept and audited; a return request is then
// decided by the published policy.
//
// The shop is one only this file uses (`it-policy-<random>`): other files request returns at the
// demo shops in parallel, and a narrower window there would refuse theirs. The demo shops are the
// only ones whose webhooks the stack accepts, so its orders are written with the ingest store
// itself (states computed by the real Shopify mapping, with no events, so no flow sees a shop the
// stack does not serve).
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestStore } from '../../shared/adapters/ingest-store.ts';
import { returnPolicyVersionKey } from '../../shared/adapters/return-policy-store.ts';
import { returnPolicyKey } from '../../shared/adapters/return-store.ts';
import { createApiClient } from '../../shared/api/client.ts';
import { applyFulfillment, applyOrder, emptyOrderState } from '../../shared/ingest/order-state.ts';
import { defaultReturnPolicy } from '../../shared/returns/policy.ts';
import { normalizeShopify } from '../../shared/storefronts/shopify.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, opsToken, resourceName } from './support.ts';

const shopId = `it-policy-${randomUUID().slice(0, 8)}`;
const table = resourceName('BackboneStateTable');
const clientFor = async (role: 'viewer' | 'agent' | 'supervisor') => createApiClient({ baseUrl: endpoints.api, token: await opsToken(role) });
const base = 9_300_000 + Math.floor(Math.random() * 90_000);
/** Delivered 8 days ago: returnable under the default 30 days, not under 5. */
const older = { orderId: base, email: `pol-old-${randomUUID().slice(0, 8)}@example.com` };
/** Delivered 3 days ago: returnable under both. */
const newer = { orderId: base + 1, email: `pol-new-${randomUUID().slice(0, 8)}@example.com` };
const lineOf = (order: typeof older, n: 1 | 2) => String(order.orderId * 10 + n);
const fiveDays = { ...defaultReturnPolicy, windowDays: 5 };
// Marshalled as the functions' client does (normalized orders leave optional fields undefined).
const ingest = new IngestStore(DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } }), table);

/** Stores the order as ingest would after its orders/create and delivered fulfilment webhooks. */
async function storeOrder(order: typeof older, now: number, days: { placed: number; delivered: number }) {
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const context = { shopId, defaultLocale: 'en', receivedAt: iso(0) };
  const placed = normalizeShopify('orders/create', shopifyOrder({ orderId: order.orderId, email: order.email, createdAt: iso(days.placed) }), context);
  const shipped = normalizeShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: order.orderId + 5, orderId: order.orderId, shipmentStatus: 'delivered', createdAt: iso(days.placed - 1), updatedAt: iso(days.delivered) }), context);
  if (placed.kind !== 'order' || shipped.kind !== 'fulfillment') throw new Error('unexpected mapping');
  const state = applyFulfillment(applyOrder(emptyOrderState(shopId, String(order.orderId)), placed.order)!.next, shipped.fulfillment)!.next;
  // The ingest store commits a change with the delivery it came from.
  const deliveryKey = `DELIVERY#${shopId}#shopify#${randomUUID()}`;
  await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: deliveryKey, sk: 'DELIVERY', status: 'received' } }));
  await ingest.commit({ order: state, events: [], deliveryKey });
}

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  await storeOrder(older, now, { placed: 10, delivered: 8 });
  await storeOrder(newer, now, { placed: 6, delivered: 3 });
});

describe('the return policy routes', () => {
  it('read the default policy as version 0, never published', async () => {
    const viewer = await clientFor('viewer');
    const { data, response } = await viewer.GET('/ops/returns/policy', { params: { query: { shopId } } });
    expect(response.status).toBe(200);
    expect(data).toEqual({ shopId, version: 0, policy: defaultReturnPolicy });
  });

  it('dry-run a narrower window over the latest orders: the lines it would refuse, and nothing written', async () => {
    const supervisor = await clientFor('supervisor');
    // Without `orders`: the latest 100 (the typed client would send the default itself).
    const { status, body: data } = await api(`/ops/returns/policy/dry-run?shopId=${shopId}`, { method: 'POST', headers: { authorization: `Bearer ${await opsToken('supervisor')}` }, json: { policy: fiveDays } });
    expect(status, JSON.stringify(data)).toBe(200);
    expect(data).toMatchObject({ shopId, currentVersion: 0, draftVersion: 1, totals: { orders: 2, lines: 4, becomeReturnable: 0, becomeNotReturnable: 2 } });
    const refused = (data.changes as Array<{ orderId: string; lineItemId: string; changed: string[]; before: unknown; after: unknown }>).filter((change) => change.changed.includes('returnable'));
    expect(refused.map((change) => [change.orderId, change.lineItemId]).sort()).toEqual([[String(older.orderId), lineOf(older, 1)], [String(older.orderId), lineOf(older, 2)]]);
    for (const change of refused) {
      expect(change.before).toMatchObject({ returnable: true, rules: [] });
      expect(change.after).toMatchObject({ returnable: false, maxQuantity: 0, rules: ['window.expired'] });
    }
    // The newest order only: its lines stay returnable, with an earlier deadline.
    const latest = await supervisor.POST('/ops/returns/policy/dry-run', { params: { query: { shopId } }, body: { policy: fiveDays, orders: 1 } });
    expect(latest.data?.totals).toEqual({ orders: 1, lines: 2, changed: 2, becomeReturnable: 0, becomeNotReturnable: 0 });
    expect(latest.data?.changes.map((change) => change.changed)).toEqual([['deadline'], ['deadline']]);
    expect((await supervisor.GET('/ops/returns/policy', { params: { query: { shopId } } })).data?.version).toBe(0);
  });

  it('refuse an agent, a supervisor of other shops, and an invalid policy naming the field', async () => {
    const agent = await clientFor('agent');
    const byAgent = await agent.PUT('/ops/returns/policy', { params: { query: { shopId } }, body: { policy: fiveDays, expectedVersion: 0, reason: 'Shorter window' } });
    expect(byAgent.response.status).toBe(403);
    expect((await agent.POST('/ops/returns/policy/dry-run', { params: { query: { shopId } }, body: { policy: fiveDays, orders: 100 } })).response.status).toBe(403);
    const { body: elsewhere } = await api('/_local/token', { method: 'POST', json: { role: 'supervisor', shopIds: ['demo-shopify'] } });
    const outsider = createApiClient({ baseUrl: endpoints.api, token: elsewhere.token });
    expect((await outsider.PUT('/ops/returns/policy', { params: { query: { shopId } }, body: { policy: fiveDays, expectedVersion: 0, reason: 'Not my shop' } })).response.status).toBe(403);

    const supervisor = await clientFor('supervisor');
    const invalid = await supervisor.PUT('/ops/returns/policy', { params: { query: { shopId } }, body: { policy: { ...defaultReturnPolicy, windowDays: 400 }, expectedVersion: 0, reason: 'A long window' } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.errors).toEqual([{ path: 'body.policy.windowDays', message: expect.stringMatching(/365/) }]);
    expect((await supervisor.GET('/ops/returns/policy', { params: { query: { shopId } } })).data?.version).toBe(0);
  });

  it('publish version 1, refuse a stale expectedVersion, and let one of two concurrent publications win', async () => {
    const supervisor = await clientFor('supervisor');
    const publish = (body: { policy: typeof fiveDays; expectedVersion: number; reason: string }) => supervisor.PUT('/ops/returns/policy', { params: { query: { shopId } }, body });
    const first = await publish({ policy: fiveDays, expectedVersion: 0, reason: 'Five days from delivery' });
    expect(first.response.status).toBe(200);
    expect(first.data).toMatchObject({ shopId, version: 1, policy: { ...fiveDays, version: 1 }, publishedAt: expect.any(String), publishedBy: { role: 'supervisor' }, reason: 'Five days from delivery' });

    const stale = await publish({ policy: defaultReturnPolicy, expectedVersion: 0, reason: 'Back to 30 days' });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.detail).toMatch(/version 1, not 0/);

    const racing = await Promise.all([10, 20].map((bonus) => publish({ policy: { ...fiveDays, storeCreditBonusPercent: bonus }, expectedVersion: 1, reason: `A ${bonus}% credit bonus` })));
    expect(racing.map((answer) => answer.response.status).sort()).toEqual([200, 409]);
    const winner = racing.find((answer) => answer.response.status === 200)!.data!;
    expect(winner).toMatchObject({ version: 2, policy: { windowDays: 5 } });

    const read = await (await clientFor('viewer')).GET('/ops/returns/policy', { params: { query: { shopId } } });
    expect(read.data).toEqual(winner);
    // Every version stays in the table; CURRENT holds the one in effect where return requests read it.
    const item = async (key: Record<string, string>) => (await clients.dynamo.send(new GetCommand({ TableName: table, Key: key }))).Item;
    expect(await item(returnPolicyVersionKey(shopId, 1))).toMatchObject({ version: 1, policy: { windowDays: 5 }, reason: 'Five days from delivery' });
    expect(await item(returnPolicyVersionKey(shopId, 2))).toMatchObject({ version: 2, policy: { storeCreditBonusPercent: winner.policy.storeCreditBonusPercent } });
    expect(await item(returnPolicyKey(shopId))).toMatchObject({ version: 2, policy: winner.policy });
  });

  it('audit each publication with what it changed and why', async () => {
    const { data } = await (await clientFor('viewer')).GET('/ops/audit', { params: { query: { shopId, subjectType: 'policy', subjectId: 'returns' } } });
    expect(data?.items.map((record) => [record.action, record.before, record.after])).toEqual([
      ['returnPolicy.publish', { version: 1 }, { version: 2, storeCreditBonusPercent: expect.any(Number) }],
      ['returnPolicy.publish', { version: 0, windowDays: 30 }, { version: 1, windowDays: 5 }],
    ]);
    expect(data?.items[1]).toMatchObject({ reason: 'Five days from delivery', actor: { role: 'supervisor' }, subjects: [{ type: 'policy', id: 'returns' }] });
  });

  it('decide a return request by the published policy', async () => {
    const { status, body } = await api('/returns', {
      method: 'POST',
      json: { shopId, orderNumber: String(older.orderId % 100_000), email: older.email, lines: [{ lineItemId: lineOf(older, 1), quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] },
    });
    expect(status, JSON.stringify(body)).toBe(422);
    expect(body.detail).toContain('window.expired');
    expect(body.errors).toEqual([{ path: 'body.lines[0]', message: expect.stringMatching(/^window\.expired: .+/) }]);
  });
});
