// The campaign routes on the local stack: the default settings read as version 0; only a
// supervisor publishes, conditionally on the version read (a stale one gets 409), kept and
// audited; an invalid draft is refused naming the field; the preview finds a delivered order's
// replenishment nudge at the end of its cycle, and suppresses another customer's for an open return.
//
// The shop is one only this file uses (`it-campaigns-<random>`). As in refund-rules.test.ts its
// orders are written with the ingest store (the stack accepts webhooks only for the demo shops),
// its return with the return store, without events.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaignSettingsKey, campaignSettingsVersionKey } from '../../shared/adapters/campaign-settings-store.ts';
import { IngestStore } from '../../shared/adapters/ingest-store.ts';
import { ReturnStore } from '../../shared/adapters/return-store.ts';
import { countOrder, emptyCustomerState } from '../../shared/ingest/customer-state.ts';
import { applyFulfillment, applyOrder, emptyOrderState } from '../../shared/ingest/order-state.ts';
import { defaultCampaignSettings } from '../../shared/nudges/settings.ts';
import { ReturnCase } from '../../shared/returns/case.ts';
import { normalizeShopify } from '../../shared/storefronts/shopify.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, opsToken, resourceName } from './support.ts';

const shopId = `it-campaigns-${randomUUID().slice(0, 8)}`;
const table = resourceName('BackboneStateTable');
const base = 9_800_000 + Math.floor(Math.random() * 90_000);
const happy = { orderId: base, customerId: 8_100_000 + (base % 1000), email: `happy-${randomUUID().slice(0, 8)}@example.com` };
const returning = { orderId: base + 1, customerId: 8_200_000 + (base % 1000), email: `returning-${randomUUID().slice(0, 8)}@example.com` };
/** The tent stakes of shopifyOrder: a 30-day cycle. */
const stakes = '632910393';
const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } });
let now = 0;
/** Delivered 7 days ago: with a 30-day cycle, the nudge falls due in 23 days. */
const deliveredDaysAgo = 7;

const call = async (role: 'viewer' | 'agent' | 'supervisor', path: string, init: RequestInit & { json?: unknown } = {}) => api(path, { ...init, headers: { authorization: `Bearer ${await opsToken(role)}` } });

/** Stores the order and its customer (consenting to email marketing) as ingest would after its webhooks. */
async function storeCustomerOrder(who: typeof happy) {
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const context = { shopId, defaultLocale: 'en', receivedAt: iso(0) };
  const placed = normalizeShopify('orders/create', shopifyOrder({ orderId: who.orderId, customerId: who.customerId, email: who.email, createdAt: iso(10) }), context);
  const shipped = normalizeShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: who.orderId + 5, orderId: who.orderId, shipmentStatus: 'delivered', createdAt: iso(9), updatedAt: iso(deliveredDaysAgo) }), context);
  if (placed.kind !== 'order' || shipped.kind !== 'fulfillment') throw new Error('unexpected mapping');
  const order = applyFulfillment(applyOrder(emptyOrderState(shopId, String(who.orderId)), placed.order)!.next, shipped.fulfillment)!.next;
  const customer = { ...countOrder(emptyCustomerState(shopId, String(who.customerId)), placed.order), email: who.email, emailMarketingConsent: { state: 'subscribed' as const } };
  const deliveryKey = `DELIVERY#${shopId}#shopify#${randomUUID()}`;
  await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: deliveryKey, sk: 'DELIVERY', status: 'received' } }));
  await new IngestStore(dynamo, table).commit({ order, customer, events: [], deliveryKey });
}

beforeAll(async () => {
  now = Date.parse((await api('/_local/clock')).body.now);
  await storeCustomerOrder(happy);
  await storeCustomerOrder(returning);
  const at = new Date(now - 86_400_000).toISOString();
  const returnCase = ReturnCase.parse({
    id: `ret-${randomUUID().slice(0, 8)}`,
    shopId,
    orderId: String(returning.orderId),
    orderNumber: String(returning.orderId % 100_000),
    customer: { id: String(returning.customerId), email: returning.email, locale: 'en-US' },
    status: 'in_transit',
    lines: [{ lineItemId: String(returning.orderId * 10 + 1), quantity: 1, reason: 'changed_mind', resolution: 'refund' }],
    createdAt: at,
    updatedAt: at,
    version: 2,
    deadlines: { slaDueAt: new Date(now + 86_400_000).toISOString() },
    history: [],
    timers: [],
  });
  await new ReturnStore(dynamo, table).create(returnCase, 0, []);
});

describe('the campaign settings routes', () => {
  it('read the defaults as version 0, never published', async () => {
    const { status, body } = await call('viewer', `/ops/campaigns/settings?shopId=${shopId}`);
    expect(status).toBe(200);
    expect(body).toEqual({ shopId, version: 0, settings: defaultCampaignSettings });
  });

  it('refuse an agent, and an invalid draft naming the field', async () => {
    const draft = { settings: { version: 1 }, expectedVersion: 0, reason: 'Try this' };
    expect((await call('agent', `/ops/campaigns/settings?shopId=${shopId}`, { method: 'PUT', json: draft })).status).toBe(403);
    const tiers = [{ id: 'gold', name: 'Gold', minPoints: 1000 }, { id: 'silver', name: 'Silver', minPoints: 500 }];
    const invalid = await call('supervisor', `/ops/campaigns/settings?shopId=${shopId}`, { method: 'PUT', json: { ...draft, settings: { version: 1, vip: { tiers } } } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([{ path: 'body.settings.vip.tiers[1].minPoints', message: 'must be above gold\'s 1000' }]);
  });

  it('publish version 1 as a supervisor, keep it, audit it, and refuse a stale expectedVersion', async () => {
    const settings = { version: 1, replenishment: { cycles: [{ productId: stakes, days: 30 }] } };
    const first = await call('supervisor', `/ops/campaigns/settings?shopId=${shopId}`, { method: 'PUT', json: { settings, expectedVersion: 0, reason: 'Stakes run out in a month' } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ shopId, version: 1, settings: { version: 1, replenishment: { cycles: [{ productId: stakes, days: 30 }] } }, publishedBy: { role: 'supervisor' }, reason: 'Stakes run out in a month' });

    const stale = await call('supervisor', `/ops/campaigns/settings?shopId=${shopId}`, { method: 'PUT', json: { settings: { version: 1 }, expectedVersion: 0, reason: 'Back to the defaults' } });
    expect(stale.status).toBe(409);

    const item = async (key: Record<string, string>) => (await clients.dynamo.send(new GetCommand({ TableName: table, Key: key }))).Item;
    expect(await item(campaignSettingsKey(shopId))).toMatchObject({ version: 1, settings: { version: 1 } });
    expect(await item(campaignSettingsVersionKey(shopId, 1))).toMatchObject({ version: 1, reason: 'Stakes run out in a month' });
    const audit = await call('viewer', `/ops/audit?shopId=${shopId}&subjectType=policy&subjectId=campaigns`);
    expect(audit.body.items.map((record: { action: string; reason: string }) => [record.action, record.reason])).toEqual([['campaignSettings.publish', 'Stakes run out in a month']]);
  });
});

describe('the preview and results', () => {
  it('nudge the stakes at the end of their cycle, not in the week before, and suppress the customer with an open return', async () => {
    const day = 86_400_000;
    const dueAt = now - deliveredDaysAgo * day + 30 * day;
    const from = new Date(dueAt - 3 * day).toISOString();
    const { status, body } = await call('viewer', `/ops/campaigns/preview?shopId=${shopId}&from=${from}&days=7`);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.basis).toMatchObject({ orders: 2, customers: 2, truncated: false });
    const byCustomer = Object.fromEntries(body.nudges.map((nudge: { customerId: string }) => [nudge.customerId, nudge]));
    expect(byCustomer[String(happy.customerId)]).toMatchObject({ kind: 'replenishment', productId: stakes, orderId: String(happy.orderId), decision: 'send', channel: 'email', cycle: { days: 30, source: 'product' } });
    expect(Date.parse(byCustomer[String(happy.customerId)].dueAt)).toBe(Math.floor(dueAt / 1000) * 1000);
    expect(byCustomer[String(returning.customerId)]).toMatchObject({ decision: 'suppress', reason: 'open_return' });
    expect(body.summary).toEqual({ toSend: 1, suppressed: 1, byReason: { open_return: 1 } });

    const weekBefore = new Date(dueAt - 8 * day).toISOString();
    expect((await call('viewer', `/ops/campaigns/preview?shopId=${shopId}&from=${weekBefore}&days=7`)).body.nudges).toEqual([]);
  });

  it('report no results while no nudge was sent, and refuse an inverted period', async () => {
    const { status, body } = await call('viewer', `/ops/campaigns/results?shopId=${shopId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ shopId, windowDays: 7, totals: { sent: 0, converted: 0, orders: 0, revenue: [] }, byCampaign: [] });
    const inverted = await call('viewer', `/ops/campaigns/results?shopId=${shopId}&from=2024-06-02T00:00:00Z&to=2024-06-01T00:00:00Z`);
    expect(inverted.status).toBe(400);
  });
});
