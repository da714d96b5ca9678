// From inspection to the refund email through the local stack: a delivered Shopify order, a return
// for a refund, received and inspected by an agent; the refund engine decides (explained), the saga
// refunds once through the payment provider (the local fake), records it in the order ledger,
// emails the customer and resolves the return. A provider decline fails the decision visibly and
// releases the money held, without resolving the return.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from './notification-support.ts';
import { api, clients, eventually, opsToken, resourceName, sendShopify, settle } from './support.ts';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

const shopId = 'demo-shopify';
const base = 9_700_000 + Math.floor(Math.random() * 90_000);
const customers = [0, 1].map((n) => ({ orderId: base + n, number: String((base + n) % 100_000), email: `saga-${n}-${randomUUID().slice(0, 8)}@example.com` }));
// The stakes (12.50): under the default rules' auto-approval limit, so no person needs to review.
const stakesOf = (who: { orderId: number }) => String(who.orderId * 10 + 2);
const asAgent = async () => ({ authorization: `Bearer ${await opsToken('agent')}` });
const table = () => resourceName('BackboneStateTable');
const decisionOf = async (returnId: string) => (await clients.dynamo.send(new GetCommand({ TableName: table(), Key: { pk: `REFUNDDEC#${shopId}#dec_${returnId}`, sk: 'DECISION' } }))).Item?.record;
const ledgerOf = async (orderId: number) => (await clients.dynamo.send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `LEDGER#${shopId}#${orderId}` } }))).Items ?? [];
const eventsOf = async (detailType: string, key: string, value: string) => ((await api(`/_local/events?detailType=${detailType}`)).body.events as any[]).filter((event) => event.detail[key] === value);

async function returnedAndInspected(who: (typeof customers)[number]) {
  const { status, body } = await api('/returns', { method: 'POST', json: { shopId, orderNumber: who.number, email: who.email, lines: [{ lineItemId: stakesOf(who), quantity: 1, reason: 'not_as_described', resolution: 'refund' }] } });
  expect(status, JSON.stringify(body)).toBe(201);
  const headers = await asAgent();
  expect((await api(`/ops/returns/${body.id}/receipt?shopId=${shopId}`, { method: 'POST', headers, json: {} })).status).toBe(200);
  const inspected = await api(`/ops/returns/${body.id}/inspection?shopId=${shopId}`, { method: 'POST', headers, json: { lines: [{ lineItemId: stakesOf(who), condition: 'as_new' }] } });
  expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
  await settle();
  return body.id as string;
}

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const who of customers) {
    await sendShopify('orders/create', shopifyOrder({ orderId: who.orderId, email: who.email, createdAt: iso(8) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: who.orderId + 5, orderId: who.orderId, shipmentStatus: 'delivered', createdAt: iso(7), updatedAt: iso(5) }));
  }
  await settle();
});

describe('the refund of an inspected return', () => {
  it('decides, refunds once, records it in the ledger, emails the customer and resolves the return', async () => {
    const returnId = await returnedAndInspected(customers[0]!);
    const record = await eventually(async () => {
      const found = await decisionOf(returnId);
      return found?.status === 'completed' ? found : undefined;
    }, { what: 'the refund saga completed' });
    expect(record.decision.kind).toBe('full_refund');
    expect(record.decision.reasons.length).toBeGreaterThan(10);
    expect(Object.keys(record.steps).sort()).toEqual(['money', 'notify', 'resolve']);

    const refunds = ((await api(`/_local/payments/${shopId}`)).body.refunds as any[]).filter((refund) => refund.key === record.refundId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: record.outcome.amount });

    const entries = await ledgerOf(customers[0]!.orderId);
    const summary = entries.find((item) => item.sk === 'SUMMARY');
    expect(summary?.refunded).toEqual(record.outcome.amount);
    expect(entries.filter((item) => String(item.sk).startsWith('ENTRY#refund#'))).toEqual([expect.objectContaining({ state: 'issued' })]);

    const issued = await eventually(async () => (await eventsOf('RefundIssued', 'decisionId', record.decisionId))[0], { what: 'RefundIssued' });
    expect(issued.detail.amount).toEqual(record.outcome.amount);
    const c = await eventually(async () => {
      const found = (await api(`/ops/returns/${returnId}?shopId=${shopId}`, { headers: await asAgent() })).body;
      return found.status === 'resolved' ? found : undefined;
    }, { what: 'the return resolved' });
    expect(c.history.at(-1)).toMatchObject({ action: 'resolve', actor: { kind: 'system' } });
    const mail = await eventually(async () => (await emailsTo(customers[0]!.email)).find((m) => String(m.subject).startsWith('Your refund of')), { what: 'the refund email' });
    expect(mail.subject).toContain(`for order #${customers[0]!.number} is on its way`);
  });

  it('fails the decision visibly when the provider declines, and releases the money held', async () => {
    // The fake provider declines every refund of this shop while the control is set.
    const control = await api(`/_local/payments/${shopId}/control`, { method: 'POST', json: { decline: 'card_expired' } });
    expect(control.status).toBeLessThan(300);
    try {
      const returnId = await returnedAndInspected(customers[1]!);
      const record = await eventually(async () => {
        const found = await decisionOf(returnId);
        return found?.status === 'failed' ? found : undefined;
      }, { what: 'the decision failed' });
      expect(record.failure).toMatchObject({ step: 'money', code: 'card_expired', retryable: false });
      const summary = (await ledgerOf(customers[1]!.orderId)).find((item) => item.sk === 'SUMMARY');
      expect(summary?.refunded.amount).toBe(0);
      await eventually(async () => (await eventsOf('RefundFailed', 'decisionId', record.decisionId))[0], { what: 'RefundFailed' });
      expect((await api(`/ops/returns/${returnId}?shopId=${shopId}`, { headers: await asAgent() })).body.status).toBe('inspected');
    } finally {
      await api(`/_local/payments/${shopId}/control`, { method: 'POST', json: { decline: null } });
    }
  });
});
