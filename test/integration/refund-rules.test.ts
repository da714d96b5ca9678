// The refund rules routes on the local stack: the default rules read as version 0; only a
// supervisor publishes, each version conditionally on the one read (a stale one gets 409), kept and
// audited; an invalid rule set is refused naming the field; a dry run decides the shop's inspected
// returns again under the rules in effect and a draft, lists the decisions that change, and writes
// nothing.
//
// The shop is one only this file uses (`it-rules-<random>`), so its latest orders are these. As in
// return-policy.test.ts, its orders are written with the ingest store (the stack accepts webhooks
// only for the demo shops) and its returns with the return store, already inspected and without
// events, so no flow decides or pays them.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestStore } from '../../shared/adapters/ingest-store.ts';
import { refundRulesKey, refundRulesVersionKey } from '../../shared/adapters/refund-rules-store.ts';
import { ReturnStore } from '../../shared/adapters/return-store.ts';
import { createApiClient } from '../../shared/api/client.ts';
import { applyFulfillment, applyOrder, emptyOrderState } from '../../shared/ingest/order-state.ts';
import { defaultRefundRules, type RefundRules } from '../../shared/refunds/rules.ts';
import { ReturnCase } from '../../shared/returns/case.ts';
import { normalizeShopify } from '../../shared/storefronts/shopify.ts';
import { customerIdOf, shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, opsToken, resourceName } from './support.ts';

const shopId = `it-rules-${randomUUID().slice(0, 8)}`;
const table = resourceName('BackboneStateTable');
const clientFor = async (role: 'viewer' | 'agent' | 'supervisor') => createApiClient({ baseUrl: endpoints.api, token: await opsToken(role) });
const base = 9_700_000 + Math.floor(Math.random() * 90_000);
/** Its two packs of stakes came back as new: about 24 USD, refunded in full under the default limit of 200 USD. */
const returned = { orderId: base, email: `rules-${randomUUID().slice(0, 8)}@example.com` };
/** Its tent is on its way back, not inspected: no decision to take again. */
const inTransit = { orderId: base + 1, email: `rules-${randomUUID().slice(0, 8)}@example.com` };
const stakesOf = (order: typeof returned) => String(order.orderId * 10 + 2);
const tentOf = (order: typeof returned) => String(order.orderId * 10 + 1);
const returnId = `ret-${randomUUID().slice(0, 8)}`;
const usd = (amount: number) => ({ amount, currency: 'USD' });
/** Version 1: a larger store-credit bonus, nothing that changes the return's decision. */
const biggerBonus: RefundRules = { ...defaultRefundRules, storeCredit: { enabled: true, bonusPercent: 15 } };
/** Only up to 10 USD without a person. */
const lowerLimit: RefundRules = { ...biggerBonus, approval: { autoApproveUpTo: [usd(1000)], supervisorAbove: [usd(100000)] } };
// Marshalled as the functions' client does (normalized orders leave optional fields undefined).
const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } });

/** Stores the order as ingest would after its orders/create and delivered fulfilment webhooks. */
async function storeOrder(order: typeof returned, now: number) {
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const context = { shopId, defaultLocale: 'en', receivedAt: iso(0) };
  const placed = normalizeShopify('orders/create', shopifyOrder({ orderId: order.orderId, email: order.email, createdAt: iso(10) }), context);
  const shipped = normalizeShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: order.orderId + 5, orderId: order.orderId, shipmentStatus: 'delivered', createdAt: iso(9), updatedAt: iso(7) }), context);
  if (placed.kind !== 'order' || shipped.kind !== 'fulfillment') throw new Error('unexpected mapping');
  const state = applyFulfillment(applyOrder(emptyOrderState(shopId, String(order.orderId)), placed.order)!.next, shipped.fulfillment)!.next;
  const deliveryKey = `DELIVERY#${shopId}#shopify#${randomUUID()}`;
  await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: deliveryKey, sk: 'DELIVERY', status: 'received' } }));
  await new IngestStore(dynamo, table).commit({ order: state, events: [], deliveryKey });
}

/** Stores a return of one line of the order, as the return store keeps it, with no events. */
async function storeReturn(order: typeof returned, id: string, line: { lineItemId: string; quantity: number; condition?: 'as_new' }, now: number) {
  const at = new Date(now - 2 * 86_400_000).toISOString();
  const returnCase = ReturnCase.parse({
    id,
    shopId,
    orderId: String(order.orderId),
    orderNumber: String(order.orderId % 100_000),
    customer: { id: String(customerIdOf(order.orderId)), email: order.email, locale: 'en-US' },
    status: line.condition ? 'inspected' : 'in_transit',
    lines: [{ ...line, reason: 'changed_mind', resolution: 'refund' }],
    createdAt: at,
    updatedAt: at,
    version: 4,
    deadlines: { slaDueAt: new Date(now + 86_400_000).toISOString() },
    history: [],
    timers: [],
  });
  await new ReturnStore(dynamo, table).create(returnCase, 0, []);
}

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  await storeOrder(returned, now);
  await storeOrder(inTransit, now);
  await storeReturn(returned, returnId, { lineItemId: stakesOf(returned), quantity: 2, condition: 'as_new' }, now);
  await storeReturn(inTransit, `ret-${randomUUID().slice(0, 8)}`, { lineItemId: tentOf(inTransit), quantity: 1 }, now);
});

describe('the refund rules routes', () => {
  it('read the default rules as version 0, never published', async () => {
    const { data, response } = await (await clientFor('viewer')).GET('/ops/refunds/rules', { params: { query: { shopId } } });
    expect(response.status).toBe(200);
    expect(data).toEqual({ shopId, version: 0, rules: defaultRefundRules });
  });

  it('refuse an agent, and an invalid rule set naming the field', async () => {
    const agent = await clientFor('agent');
    expect((await agent.PUT('/ops/refunds/rules', { params: { query: { shopId } }, body: { rules: biggerBonus, expectedVersion: 0, reason: 'Bigger bonus' } })).response.status).toBe(403);
    expect((await agent.POST('/ops/refunds/rules/dry-run', { params: { query: { shopId } }, body: { rules: lowerLimit, orders: 100 } })).response.status).toBe(403);

    const supervisor = await clientFor('supervisor');
    const publish = (rules: RefundRules) => supervisor.PUT('/ops/refunds/rules', { params: { query: { shopId } }, body: { rules, expectedVersion: 0, reason: 'Try this' } });
    const outOfRange = await publish({ ...defaultRefundRules, risk: { ...defaultRefundRules.risk, maxReturnRatePercent: 150 } });
    expect(outOfRange.response.status).toBe(400);
    expect(outOfRange.error?.errors).toEqual([{ path: 'body.rules.risk.maxReturnRatePercent', message: expect.stringMatching(/100/) }]);
    const inverted = await publish({ ...defaultRefundRules, approval: { autoApproveUpTo: [usd(5000)], supervisorAbove: [usd(1000)] } });
    expect(inverted.response.status).toBe(400);
    expect(inverted.error?.errors).toEqual([{ path: 'body.rules.approval.supervisorAbove[0].amount', message: 'below the auto-approve limit in USD' }]);
    expect((await supervisor.GET('/ops/refunds/rules', { params: { query: { shopId } } })).data?.version).toBe(0);
  });

  it('publish version 1 as a supervisor, keep it, and refuse a stale expectedVersion', async () => {
    const supervisor = await clientFor('supervisor');
    const first = await supervisor.PUT('/ops/refunds/rules', { params: { query: { shopId } }, body: { rules: biggerBonus, expectedVersion: 0, reason: 'A 15% bonus on store credit' } });
    expect(first.response.status).toBe(200);
    expect(first.data).toMatchObject({ shopId, version: 1, rules: { ...biggerBonus, version: 1 }, publishedAt: expect.any(String), publishedBy: { role: 'supervisor' }, reason: 'A 15% bonus on store credit' });

    const stale = await supervisor.PUT('/ops/refunds/rules', { params: { query: { shopId } }, body: { rules: defaultRefundRules, expectedVersion: 0, reason: 'Back to the default' } });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.detail).toMatch(/version 1, not 0/);

    expect((await (await clientFor('viewer')).GET('/ops/refunds/rules', { params: { query: { shopId } } })).data).toEqual(first.data);
    const item = async (key: Record<string, string>) => (await clients.dynamo.send(new GetCommand({ TableName: table, Key: key }))).Item;
    expect(await item(refundRulesKey(shopId))).toMatchObject({ version: 1, rules: { version: 1, storeCredit: { bonusPercent: 15 } } });
    expect(await item(refundRulesVersionKey(shopId, 1))).toMatchObject({ version: 1, rules: { version: 1 }, reason: 'A 15% bonus on store credit' });

    const { data: audit } = await (await clientFor('viewer')).GET('/ops/audit', { params: { query: { shopId, subjectType: 'policy', subjectId: 'refunds' } } });
    expect(audit?.items.map((record) => [record.action, record.before, record.after, record.reason])).toEqual([
      ['refundRules.publish', { version: 0, storeCredit: { enabled: true, bonusPercent: 10 } }, { version: 1, storeCredit: { enabled: true, bonusPercent: 15 } }, 'A 15% bonus on store credit'],
    ]);
  });

  it('dry-run a lower auto-approval limit: the inspected return goes to a person, and nothing is written', async () => {
    const supervisor = await clientFor('supervisor');
    const same = await supervisor.POST('/ops/refunds/rules/dry-run', { params: { query: { shopId } }, body: { rules: biggerBonus, orders: 100 } });
    expect(same.response.status).toBe(200);
    expect(same.data).toMatchObject({ shopId, currentVersion: 1, draftVersion: 2, changes: [], totals: { orders: 2, claims: 1, changed: 0 } });

    // Without `orders`: the latest 100 (the typed client would send the default itself).
    const { status, body } = await api(`/ops/refunds/rules/dry-run?shopId=${shopId}`, { method: 'POST', headers: { authorization: `Bearer ${await opsToken('supervisor')}` }, json: { rules: lowerLimit } });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ shopId, currentVersion: 1, draftVersion: 2, totals: { orders: 2, claims: 1, changed: 1, becomeManualReview: 1, leaveManualReview: 0, amountDelta: [] } });
    expect(body.changes).toEqual([
      {
        decisionId: `dec_${returnId}`,
        orderId: String(returned.orderId),
        returnId,
        changed: ['kind'],
        before: expect.objectContaining({ kind: 'full_refund', amount: { amount: expect.any(Number), currency: 'USD' }, fired: expect.arrayContaining(['auto_approve']) }),
        after: expect.objectContaining({ kind: 'manual_review', proposedKind: 'full_refund', fired: expect.not.arrayContaining(['auto_approve']) }),
      },
    ]);
    expect(body.changes[0].after.amount).toEqual(body.changes[0].before.amount);

    expect((await supervisor.GET('/ops/refunds/rules', { params: { query: { shopId } } })).data?.version).toBe(1);
    expect((await supervisor.GET('/ops/refunds/{decisionId}', { params: { path: { decisionId: `dec_${returnId}` }, query: { shopId } } })).response.status).toBe(404);
  });
});
