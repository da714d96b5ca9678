// The customer's history in refund decisions, and refunds at carrier delivery, through the local stack.
//
// History: a customer of a shop only this file uses (`it-history-<random>`, orders written with the
// ingest store as return-policy.test.ts does: the stack accepts webhooks only for the demo shops)
// asks for three returns; the shop's rules allow one recent claim. Their third return, inspected,
// goes to a person with `risk_recent_claims` fired on the two earlier ones, as the ops explanation
// shows; their first, inspected afterwards, counts none (nothing before it). Another customer's
// parcel claim, decided (written with the decision store, as refund-ops.test.ts does), counts as an
// earlier claim of their return, not as a return.
//
// Carrier delivery: the demo Shopify shop (the carrier webhook serves only the demo shops) refunds
// at carrier delivery. A small return is not refunded at the carrier's first scan, is refunded once
// when the carrier reports it delivered, and resolves when the warehouse inspects it. Only returns
// the engine refunds without a person are refunded early, so the other files' returns at this shop
// (decided at inspection, or too large) are not affected by the rules published here.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestStore } from '../../shared/adapters/ingest-store.ts';
import { RefundDecisionStore } from '../../shared/adapters/refund-decision-store.ts';
import { createApiClient } from '../../shared/api/client.ts';
import { countOrder } from '../../shared/ingest/customer-state.ts';
import { applyFulfillment, applyOrder, emptyOrderState } from '../../shared/ingest/order-state.ts';
import { Claim, CustomerHistory } from '../../shared/refunds/claim.ts';
import { newDecisionRecord } from '../../shared/refunds/decision-record.ts';
import { decideRefund } from '../../shared/refunds/engine.ts';
import { defaultRefundRules, type RefundRules } from '../../shared/refunds/rules.ts';
import { normalizeShopify } from '../../shared/storefronts/shopify.ts';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, eventually, opsToken, resourceName, sendShopify, settle } from './support.ts';

const table = resourceName('BackboneStateTable');
const clientFor = async (role: 'viewer' | 'agent' | 'supervisor') => createApiClient({ baseUrl: endpoints.api, token: await opsToken(role) });
const asAgent = async () => ({ authorization: `Bearer ${await opsToken('agent')}` });
const clockNow = async () => Date.parse((await api('/_local/clock')).body.now);
const isoDaysAgo = (now: number, days: number) => new Date(now - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const stakesOf = (orderId: number) => String(orderId * 10 + 2);
// Marshalled as the functions' client does (normalized orders leave optional fields undefined).
const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } });

/** Publishes `rules` for the shop over the version in effect, as a supervisor. */
async function publishRules(shopId: string, rules: (current: RefundRules) => RefundRules, reason: string) {
  const supervisor = await clientFor('supervisor');
  const current = await supervisor.GET('/ops/refunds/rules', { params: { query: { shopId } } });
  expect(current.response.status).toBe(200);
  const { response, error } = await supervisor.PUT('/ops/refunds/rules', { params: { query: { shopId } }, body: { rules: rules(current.data!.rules as RefundRules), expectedVersion: current.data!.version, reason } });
  expect(response.status, JSON.stringify(error)).toBe(200);
}

async function receiveAndInspect(shopId: string, returnId: string, lineItemId: string) {
  const headers = await asAgent();
  const received = await api(`/ops/returns/${returnId}/receipt?shopId=${shopId}`, { method: 'POST', headers, json: {} });
  expect(received.status, JSON.stringify(received.body)).toBe(200);
  const inspected = await api(`/ops/returns/${returnId}/inspection?shopId=${shopId}`, { method: 'POST', headers, json: { lines: [{ lineItemId, condition: 'as_new' }] } });
  expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
}

const explanation = async (shopId: string, decisionId: string) =>
  eventually(async () => {
    const { data, response } = await (await clientFor('viewer')).GET('/ops/refunds/{decisionId}', { params: { path: { decisionId }, query: { shopId } } });
    return response.status === 200 ? data : undefined;
  }, { what: `decision ${decisionId}` });

describe('the customer’s earlier claims in a refund decision', () => {
  const shopId = `it-history-${randomUUID().slice(0, 8)}`;
  const base = 9_200_000 + Math.floor(Math.random() * 90_000);
  const customerId = 8_100_000_000 + Math.floor(Math.random() * 1_000_000);
  const email = `history-${randomUUID().slice(0, 8)}@example.com`;
  const orderIds = [base, base + 1, base + 2];
  const returnIds: string[] = [];
  const claimant = { orderId: base + 3, customerId: customerId + 1, email: `claimant-${randomUUID().slice(0, 8)}@example.com` };

  /** Stores the order (placed, delivered) and counts it on the customer, as ingest would after its webhooks; answers the order the engine decides on. */
  async function storeOrder(orderId: number, now: number, who = { customerId, email }) {
    const context = { shopId, defaultLocale: 'en', receivedAt: isoDaysAgo(now, 0) };
    const placed = normalizeShopify('orders/create', shopifyOrder({ orderId, email: who.email, customerId: who.customerId, createdAt: isoDaysAgo(now, 10) }), context);
    const shipped = normalizeShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: orderId + 5, orderId, shipmentStatus: 'delivered', createdAt: isoDaysAgo(now, 9), updatedAt: isoDaysAgo(now, 7) }), context);
    if (placed.kind !== 'order' || shipped.kind !== 'fulfillment') throw new Error('unexpected mapping');
    const state = applyFulfillment(applyOrder(emptyOrderState(shopId, String(orderId)), placed.order)!.next, shipped.fulfillment)!.next;
    const store = new IngestStore(dynamo, table);
    const customer = countOrder(await store.customer(shopId, String(who.customerId)), placed.order);
    const deliveryKey = `DELIVERY#${shopId}#shopify#${randomUUID()}`;
    await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: deliveryKey, sk: 'DELIVERY', status: 'received' } }));
    await store.commit({ order: state, customer, events: [], deliveryKey });
    return { ...state.order!, fulfillments: Object.values(state.fulfillments), refunds: Object.values(state.refunds) };
  }

  /** The engine's decision on a parcel that never arrived, written as the claims flow writes it (no events: nothing runs on it). */
  async function decideParcelClaim(order: Awaited<ReturnType<typeof storeOrder>>, decidedAt: Date) {
    const decisionId = `dec_clm_${randomUUID().slice(0, 8)}`;
    const decision = decideRefund({ decisionId, now: decidedAt.toISOString(), claim: Claim.parse({ kind: 'not_delivered' }), order, history: CustomerHistory.parse({ orders: 0, returns: 0 }), rules: defaultRefundRules });
    const record = newDecisionRecord(decision, { shopId, customer: { id: String(claimant.customerId), email: claimant.email, locale: 'en' }, orderNumber: order.orderNumber, now: decidedAt });
    expect(record.returnId).toBeUndefined();
    expect(await new RefundDecisionStore(dynamo, table).create(record, [])).toBe(true);
  }

  beforeAll(async () => {
    const now = await clockNow();
    for (const orderId of orderIds) await storeOrder(orderId, now);
    await decideParcelClaim(await storeOrder(claimant.orderId, now, claimant), new Date(now - 60_000));
    // One earlier claim is fine, two in 90 days send the next to a person.
    await publishRules(shopId, (current) => ({ ...current, risk: { ...current.risk, maxRecentClaims: 1 } }), 'One recent claim at most');
    for (const [orderId, who] of [...orderIds.map((id) => [id, email] as const), [claimant.orderId, claimant.email] as const]) {
      const { status, body } = await api('/returns', { method: 'POST', json: { shopId, orderNumber: String(orderId % 100_000), email: who, lines: [{ lineItemId: stakesOf(orderId), quantity: 1, reason: 'changed_mind', resolution: 'refund' }] } });
      expect(status, JSON.stringify(body)).toBe(201);
      returnIds.push(body.id);
    }
  });

  it('sends the third return to a person: two earlier claims within the window', async () => {
    await receiveAndInspect(shopId, returnIds[2]!, stakesOf(orderIds[2]!));
    const decision = await explanation(shopId, `dec_${returnIds[2]}`);
    expect(decision!.status).toBe('awaiting_review');
    expect(decision!.decision).toMatchObject({ kind: 'manual_review', proposedKind: 'full_refund' });
    const reasons = decision!.decision.reasons;
    expect(reasons.find((reason) => reason.rule === 'risk_recent_claims')).toMatchObject({ fired: true, inputs: { recentClaims: 2, days: 90, max: 1 } });
    // Three orders, this one not counted: too few for a return rate, but they are counted from the customer.
    expect(reasons.find((reason) => reason.rule === 'risk_return_rate')).toMatchObject({ fired: false, inputs: { orders: 2, returns: 2 } });
  });

  it('counts no claim made after the one decided', async () => {
    await receiveAndInspect(shopId, returnIds[0]!, stakesOf(orderIds[0]!));
    const decision = await explanation(shopId, `dec_${returnIds[0]}`);
    expect(decision!.decision.reasons.find((reason) => reason.rule === 'risk_recent_claims')).toMatchObject({ fired: false, inputs: { recentClaims: 0 } });
    expect(decision!.decision.kind).toBe('full_refund');
  });

  it('counts an earlier parcel claim as a claim, not as a return', async () => {
    await receiveAndInspect(shopId, returnIds[3]!, stakesOf(claimant.orderId));
    const decision = await explanation(shopId, `dec_${returnIds[3]}`);
    const reasons = decision!.decision.reasons;
    expect(reasons.find((reason) => reason.rule === 'risk_recent_claims')).toMatchObject({ fired: false, inputs: { recentClaims: 1, max: 1 } });
    expect(reasons.find((reason) => reason.rule === 'risk_return_rate')).toMatchObject({ inputs: { orders: 0, returns: 0 } });
  });
});

describe('a refund at carrier delivery', () => {
  const shopId = 'demo-shopify';
  const orderId = 9_600_000 + Math.floor(Math.random() * 90_000);
  const number = String(orderId % 100_000);
  const email = `delivery-${randomUUID().slice(0, 8)}@example.com`;
  // Its own customer: the payloads' default ids are shared by one order in a thousand.
  const customerId = 8_200_000_000 + Math.floor(Math.random() * 1_000_000);
  const trackingNumber = `1Z${randomUUID().replaceAll('-', '').slice(0, 14).toUpperCase()}`;
  let returnId: string;

  const decisionOf = async () => (await clients.dynamo.send(new GetCommand({ TableName: table, Key: { pk: `REFUNDDEC#${shopId}#dec_${returnId}`, sk: 'DECISION' }, ConsistentRead: true }))).Item?.record;
  const caseOf = async () => (await (await clientFor('viewer')).GET('/ops/returns/{caseId}', { params: { path: { caseId: returnId }, query: { shopId } } })).data!;
  async function sendCarrier(status: string) {
    const now = await clockNow();
    const body = JSON.stringify({ trackingNumber, carrierCode: 'ups', status, occurredAt: new Date(now).toISOString() });
    const answer = await api(`/webhooks/carriers/${shopId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aftersales-signature': signGeneric(body, 'local-webhook-secret', Math.floor(now / 1000)) }, body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }

  beforeAll(async () => {
    const now = await clockNow();
    await sendShopify('orders/create', shopifyOrder({ orderId, email, customerId, createdAt: isoDaysAgo(now, 8) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: orderId + 5, orderId, shipmentStatus: 'delivered', createdAt: isoDaysAgo(now, 7), updatedAt: isoDaysAgo(now, 5) }));
    await settle();
    await publishRules(shopId, (current) => ({ ...current, timing: { refundAt: 'carrier_delivery' } }), 'Refund when the carrier delivers the return');
    const { status, body } = await api('/returns', { method: 'POST', json: { shopId, orderNumber: number, email, lines: [{ lineItemId: stakesOf(orderId), quantity: 1, reason: 'not_as_described', resolution: 'refund' }] } });
    expect(status, JSON.stringify(body)).toBe(201);
    returnId = body.id;
    const token = (await api('/customer/sessions', { method: 'POST', json: { shopId, orderNumber: number, email } })).body.token as string;
    const declared = await api(`/returns/${returnId}/shipment`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, json: { carrierCode: 'ups', trackingNumber } });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
  });

  it('does not refund at the carrier’s first scan', async () => {
    await sendCarrier('in_transit');
    await settle();
    expect((await caseOf()).status).toBe('in_transit');
    expect(await decisionOf()).toBeUndefined();
  });

  it('refunds once when the carrier reports the parcel delivered, before inspection', async () => {
    await sendCarrier('delivered');
    const record = await eventually(async () => {
      const found = await decisionOf();
      return found?.status === 'completed' ? found : undefined;
    }, { what: 'the refund at carrier delivery completed' });
    expect(record.decision).toMatchObject({ kind: 'full_refund', timing: { refundAt: 'carrier_delivery' } });
    expect(record.decision.reasons.find((reason: { rule: string }) => reason.rule === 'refund_timing')).toMatchObject({ fired: true, inputs: { configured: 'carrier_delivery', inspected: false } });
    const refunds = ((await api(`/_local/payments/${shopId}`)).body.refunds as { key: string; amount: unknown }[]).filter((refund) => refund.key === record.refundId);
    expect(refunds).toEqual([expect.objectContaining({ amount: record.outcome.amount })]);
    // The return is still on its way to being received: it resolves after inspection.
    expect((await caseOf()).status).toBe('in_transit');
  });

  it('resolves the return with that refund once inspected, paying nothing more', async () => {
    await receiveAndInspect(shopId, returnId, stakesOf(orderId));
    const resolved = await eventually(async () => {
      const found = await caseOf();
      return found.status === 'resolved' ? found : undefined;
    }, { what: 'the return resolved' });
    const record = await decisionOf();
    expect(resolved.history.at(-1)).toMatchObject({ action: 'resolve', actor: { kind: 'system' } });
    await settle();
    const refunds = ((await api(`/_local/payments/${shopId}`)).body.refunds as { key: string }[]).filter((refund) => refund.key === record.refundId);
    expect(refunds).toHaveLength(1);
  });
});

// Leaves the demo shop refunding at inspection again for whatever runs after this file.
afterAll(async () => {
  await publishRules('demo-shopify', (current) => ({ ...current, timing: { refundAt: 'inspection' } }), 'Back to refunds after inspection');
});
