// The refunds desk on the local stack: two decisions the engine left to a person (one above the
// supervisor threshold, one a risk review) wait in the queue, oldest first; an agent may not
// approve the supervisor's, nobody decides without a reason; a supervisor's approval is audited,
// publishes RefundDecided as staff and runs the saga; the same approval twice is refused; the
// explanation shows every rule with its inputs, the ledger the order's decisions.
//
// The shop is one only this file uses (`it-refund-<random>`), so its queue holds only these
// decisions. The stack accepts webhooks only for the demo shops, so the order is written with the
// ingest store (as return-policy.test.ts does) and the decisions with the decision store, made by
// the real engine.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestStore } from '../../shared/adapters/ingest-store.ts';
import { RefundDecisionStore } from '../../shared/adapters/refund-decision-store.ts';
import { RefundLedgerStore } from '../../shared/adapters/refund-ledger-store.ts';
import { createApiClient } from '../../shared/api/client.ts';
import { applyFulfillment, applyOrder, emptyOrderState } from '../../shared/ingest/order-state.ts';
import { Claim, CustomerHistory } from '../../shared/refunds/claim.ts';
import { RuleCode } from '../../shared/refunds/decision.ts';
import { newDecisionRecord, type DecisionRecord } from '../../shared/refunds/decision-record.ts';
import { decideRefund } from '../../shared/refunds/engine.ts';
import { RefundRules } from '../../shared/refunds/rules.ts';
import { normalizeShopify } from '../../shared/storefronts/shopify.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, eventually, opsToken, resourceName, settle } from './support.ts';

const shopId = `it-refund-${randomUUID().slice(0, 8)}`;
const table = resourceName('BackboneStateTable');
const clientFor = async (role: 'viewer' | 'agent' | 'supervisor') => createApiClient({ baseUrl: endpoints.api, token: await opsToken(role) });
const orderId = 9_500_000 + Math.floor(Math.random() * 90_000);
const email = `refund-ops-${randomUUID().slice(0, 8)}@example.com`;
const tent = String(orderId * 10 + 1);
const stakes = String(orderId * 10 + 2);
const usd = (amount: number) => ({ amount, currency: 'USD' });
// Marshalled as the functions' client does (normalized orders leave optional fields undefined).
const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } });
// A person approves anything above 50.00, a supervisor anything above 100.00; this customer's email is blocklisted.
const rules = RefundRules.parse({ version: 4, approval: { autoApproveUpTo: [usd(5000)], supervisorAbove: [usd(10000)] }, keepIt: { returnShippingCost: [usd(800)] } });
const riskyRules = RefundRules.parse({ ...rules, risk: { blocklist: { emails: [email] } } });

let large: DecisionRecord;
let risky: DecisionRecord;

/** Stores the order as ingest would after its orders/create and delivered fulfilment webhooks; answers the order the engine decides on. */
async function storeOrder(now: number) {
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const context = { shopId, defaultLocale: 'en', receivedAt: iso(0) };
  const placed = normalizeShopify('orders/create', shopifyOrder({ orderId, email, createdAt: iso(10) }), context);
  const shipped = normalizeShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: orderId + 5, orderId, shipmentStatus: 'delivered', createdAt: iso(9), updatedAt: iso(7) }), context);
  if (placed.kind !== 'order' || shipped.kind !== 'fulfillment') throw new Error('unexpected mapping');
  const state = applyFulfillment(applyOrder(emptyOrderState(shopId, String(orderId)), placed.order)!.next, shipped.fulfillment)!.next;
  const deliveryKey = `DELIVERY#${shopId}#shopify#${randomUUID()}`;
  await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: deliveryKey, sk: 'DELIVERY', status: 'received' } }));
  await new IngestStore(dynamo, table).commit({ order: state, events: [], deliveryKey });
  return { ...state.order!, fulfillments: Object.values(state.fulfillments), refunds: Object.values(state.refunds) };
}

/** The engine's decision on the return of one line, as the decide step would record it. */
function recordOf(order: Awaited<ReturnType<typeof storeOrder>>, lineId: string, quantity: number, decidedAt: Date, refundRules: RefundRules): DecisionRecord {
  const returnId = `ret-${randomUUID().slice(0, 8)}`;
  const decision = decideRefund({
    decisionId: `dec_${returnId}`,
    now: decidedAt.toISOString(),
    claim: Claim.parse({ kind: 'return_inspection', returnId, lines: [{ lineId, quantity, reason: 'not_as_described', condition: 'as_new', requested: 'refund' }] }),
    order,
    history: CustomerHistory.parse({ orders: 5, returns: 0 }),
    rules: refundRules,
  });
  return newDecisionRecord(decision, { shopId, customer: { id: order.customer!.id!, email, locale: 'en' }, orderNumber: order.orderNumber, now: decidedAt });
}

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  const order = await storeOrder(now);
  large = recordOf(order, tent, 1, new Date(now - 120_000), rules);
  risky = recordOf(order, stakes, 2, new Date(now - 60_000), riskyRules);
  const store = new RefundDecisionStore(dynamo, table);
  for (const record of [large, risky]) expect(await store.create(record, [])).toBe(true);
});

const decide = async (role: 'agent' | 'supervisor', decisionId: string, body: { action: 'approve' | 'override' | 'deny' | 'retry'; reason: string; expectedVersion?: number }) =>
  (await clientFor(role)).POST('/ops/refunds/{decisionId}/decision', { params: { path: { decisionId }, query: { shopId } }, body });

describe('the refunds desk', () => {
  it('lists the decisions waiting for a person, oldest first, with the rules that fired', async () => {
    expect(large).toMatchObject({ status: 'awaiting_supervisor', decision: { kind: 'manual_review', proposedKind: 'full_refund', needsSupervisor: true } });
    expect(risky).toMatchObject({ status: 'awaiting_review', decision: { kind: 'manual_review', needsSupervisor: false } });
    const viewer = await clientFor('viewer');
    const { data, response } = await viewer.GET('/ops/refunds/reviews', { params: { query: { shopId } } });
    expect(response.status).toBe(200);
    expect(data!.items.map((item) => [item.decisionId, item.status])).toEqual([
      [large.decisionId, 'awaiting_supervisor'],
      [risky.decisionId, 'awaiting_review'],
    ]);
    expect(data!.items[0]).toMatchObject({ orderId: String(orderId), orderNumber: large.orderNumber, returnId: large.returnId, kind: 'manual_review', proposedKind: 'full_refund', needsSupervisor: true, version: 0, customer: { email } });
    expect(data!.items[0]!.options.length).toBeGreaterThanOrEqual(2);
    expect(data!.items[0]!.firedRules.map((rule) => rule.code)).toContain('supervisor_approval');
    expect(data!.items[1]!.firedRules.map((rule) => rule.code)).toContain('risk_blocklisted_email');

    // Paged: one at a time, the cursor leads to the next.
    const first = await viewer.GET('/ops/refunds/reviews', { params: { query: { shopId, limit: 1 } } });
    expect(first.data!.items.map((item) => item.decisionId)).toEqual([large.decisionId]);
    const second = await viewer.GET('/ops/refunds/reviews', { params: { query: { shopId, limit: 1, cursor: first.data!.nextCursor } } });
    expect(second.data!.items.map((item) => item.decisionId)).toEqual([risky.decisionId]);
  });

  it('refuses an agent on a decision awaiting a supervisor, and anyone without a reason', async () => {
    const byAgent = await decide('agent', large.decisionId, { action: 'approve', reason: 'customer is a regular' });
    expect(byAgent.response.status).toBe(403);
    expect(byAgent.error?.detail).toContain('supervisor');
    const noReason = await decide('supervisor', large.decisionId, { action: 'approve', reason: '  ' });
    expect(noReason.response.status).toBe(400);
    expect(noReason.error?.errors?.map((error) => error.path)).toEqual(['body.reason']);
    const stale = await decide('supervisor', large.decisionId, { action: 'approve', reason: 'checked', expectedVersion: 3 });
    expect(stale.response.status).toBe(409);
    const unknown = await decide('supervisor', `dec_${randomUUID()}`, { action: 'approve', reason: 'checked' });
    expect(unknown.response.status).toBe(404);
    const viewer = await clientFor('viewer');
    expect((await viewer.GET('/ops/refunds/{decisionId}', { params: { path: { decisionId: large.decisionId }, query: { shopId } } })).data).toMatchObject({ status: 'awaiting_supervisor', version: 0 });
  });

  it('lets a supervisor approve with a reason: audited, published as staff, and only once', async () => {
    const { data, response } = await decide('supervisor', large.decisionId, { action: 'approve', reason: 'Photos show the tent unused', expectedVersion: 0 });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ status: 'approved', version: 1, outcome: { kind: 'full_refund', amount: large.decision.amount } });
    expect(data!.history.at(-1)).toMatchObject({ action: 'approve', from: 'awaiting_supervisor', to: 'approved', by: { role: 'supervisor' }, reason: 'Photos show the tent unused' });

    const viewer = await clientFor('viewer');
    const audit = await viewer.GET('/ops/audit', { params: { query: { shopId, subjectType: 'refund', subjectId: large.refundId } } });
    expect(audit.data!.items).toHaveLength(1);
    expect(audit.data!.items[0]).toMatchObject({
      action: 'refund.approve',
      actor: { role: 'supervisor' },
      reason: 'Photos show the tent unused',
      before: { status: 'awaiting_supervisor' },
      after: { status: 'approved', outcome: { kind: 'full_refund' } },
      subjects: [
        { type: 'refund', id: large.refundId },
        { type: 'order', id: String(orderId) },
        { type: 'return', id: large.returnId },
        { type: 'customer', id: large.customer.id },
      ],
    });

    const published = await eventually(async () => {
      const events = ((await api('/_local/events?detailType=RefundDecided')).body.events as Array<{ detail: Record<string, any> }>).filter((event) => event.detail.decisionId === large.decisionId);
      return events.length ? events : undefined;
    }, { what: 'RefundDecided of the approval' });
    expect(published).toHaveLength(1);
    expect(published[0]!.detail).toMatchObject({ shopId, kind: 'full_refund', refundId: large.refundId, amount: large.decision.amount, trigger: 'return', decidedBy: { kind: 'staff' } });

    const again = await decide('supervisor', large.decisionId, { action: 'approve', reason: 'Approving twice' });
    expect(again.response.status).toBe(409);
    // No longer in the queue.
    const queue = await viewer.GET('/ops/refunds/reviews', { params: { query: { shopId } } });
    expect(queue.data!.items.map((item) => item.decisionId)).toEqual([risky.decisionId]);
  });

  it('shows a refund that cannot be paid as failed at the money step, with nothing held in the ledger', async () => {
    // This private shop has no payment provider: the approved refund cannot go out.
    const viewer = await clientFor('viewer');
    const failed = await eventually(async () => {
      const { data } = await viewer.GET('/ops/refunds/{decisionId}', { params: { path: { decisionId: large.decisionId }, query: { shopId } } });
      return data?.status === 'failed' ? data : undefined;
    }, { what: 'the decision failed' });
    expect(failed.failure).toMatchObject({ step: 'money', code: 'payments_not_configured', retryable: false });
    const { data: ledger } = await viewer.GET('/ops/orders/{orderId}/ledger', { params: { path: { orderId: String(orderId) }, query: { shopId } } });
    expect(ledger!.summary).toMatchObject({ refunded: { amount: 0 } });
  });

  it('lets an agent deny a risk review with a reason, publishing nothing', async () => {
    const { data, response } = await decide('agent', risky.decisionId, { action: 'deny', reason: 'Blocklisted after chargebacks' });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ status: 'denied', version: 1 });
    expect(data!.outcome).toBeUndefined();
    await settle();
    const events = ((await api('/_local/events?detailType=RefundDecided')).body.events as Array<{ detail: Record<string, any> }>).filter((event) => event.detail.decisionId === risky.decisionId);
    expect(events).toEqual([]);
    const queue = await (await clientFor('viewer')).GET('/ops/refunds/reviews', { params: { query: { shopId } } });
    expect(queue.data!.items).toEqual([]);
  });

  it('explains a decision: every rule, fired or not, with its inputs', async () => {
    const { data, response } = await (await clientFor('viewer')).GET('/ops/refunds/{decisionId}', { params: { path: { decisionId: large.decisionId }, query: { shopId } } });
    expect(response.status).toBe(200);
    expect(data!.decision.reasons.map((reason) => reason.rule)).toEqual(RuleCode.options);
    expect(data!.decision.reasons.find((reason) => reason.rule === 'supervisor_approval')).toMatchObject({ fired: true, inputs: { above: usd(10000) } });
    expect(data!.decision.reasons.find((reason) => reason.rule === 'risk_blocklisted_email')).toMatchObject({ fired: false });
    expect(data!.decision).toMatchObject({ rulesVersion: 4, timing: { refundAt: 'now' }, lines: [{ lineId: tent, quantity: 1, accepted: true }] });
    expect(data!.history.map((entry) => entry.action).slice(0, 2)).toEqual(['decide', 'approve']);
    const missing = await (await clientFor('viewer')).GET('/ops/refunds/{decisionId}', { params: { path: { decisionId: 'dec_nope' }, query: { shopId } } });
    expect(missing.response.status).toBe(404);
  });

  it('shows the order’s ledger and decisions, and 404 for an order with neither', async () => {
    const viewer = await clientFor('viewer');
    const { data, response } = await viewer.GET('/ops/orders/{orderId}/ledger', { params: { path: { orderId: String(orderId) }, query: { shopId } } });
    expect(response.status).toBe(200);
    expect(data!.decisions.map((decision) => [decision.decisionId, decision.status])).toEqual([
      [large.decisionId, expect.stringMatching(/^(approved|completed|failed)$/)],
      [risky.decisionId, 'denied'],
    ]);
    expect(data!.decisions[0]).toMatchObject({ kind: 'full_refund', amount: large.decision.amount, refundId: large.refundId });

    // A refund made on the storefront is a ledger entry too, and counts against what remains.
    const platformRefundId = `sf-${randomUUID().slice(0, 8)}`;
    expect(await new RefundLedgerStore(dynamo, table).recordExternalRefund({ shopId, orderId: String(orderId), platformRefundId, amount: usd(1000) })).toMatchObject({ outcome: 'recorded' });
    const after = (await viewer.GET('/ops/orders/{orderId}/ledger', { params: { path: { orderId: String(orderId) }, query: { shopId } } })).data!;
    expect(after.entries).toContainEqual(expect.objectContaining({ kind: 'external_refund', key: platformRefundId, platformRefundId, amount: usd(1000), state: 'issued' }));
    const { paid, refunded, credited, remaining } = after.summary!;
    expect(paid).toEqual(usd(30322));
    expect(refunded.amount).toBeGreaterThanOrEqual(1000);
    expect(remaining).toEqual(usd(paid.amount - refunded.amount - credited.amount));
    const unknown = await viewer.GET('/ops/orders/{orderId}/ledger', { params: { path: { orderId: `nope-${randomUUID()}` }, query: { shopId } } });
    expect(unknown.response.status).toBe(404);
  });
});
