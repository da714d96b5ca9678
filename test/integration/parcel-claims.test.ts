// A parcel claim through the local stack: a delivered Shopify order, its customer signs in and
// reports a missing item; the engine decides with a choice, the customer is emailed the options
// (recommended first, each with its link), reads them, picks a refund, and the saga refunds once
// through the fake payment provider. Choosing again answers 409 naming the first choice; an
// agent's claim is settled without asking the customer; lines not on the order are refused.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from './notification-support.ts';
import { api, clients, eventually, opsToken, resourceName, sendShopify, settle } from './support.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';

const shopId = 'demo-shopify';
const orderId = 9_600_000 + Math.floor(Math.random() * 90_000);
const number = String(orderId % 100_000);
const email = `claim-${randomUUID().slice(0, 8)}@example.com`;
// The stakes (12.50): under the default rules' auto-approval limit, so no person needs to review.
const stakes = String(orderId * 10 + 2);
const table = () => resourceName('BackboneStateTable');
const decisionOf = async (decisionId: string) => (await clients.dynamo.send(new GetCommand({ TableName: table(), Key: { pk: `REFUNDDEC#${shopId}#${decisionId}`, sk: 'DECISION' } }))).Item?.record;
let session: { authorization: string };

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await sendShopify('orders/create', shopifyOrder({ orderId, email, createdAt: iso(8) }));
  await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: orderId + 5, orderId, shipmentStatus: 'delivered', createdAt: iso(7), updatedAt: iso(5) }));
  await settle();
  const signedIn = await api('/customer/sessions', { method: 'POST', json: { shopId, orderNumber: number, email } });
  expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
  session = { authorization: `Bearer ${signedIn.body.token}` };
});

describe('a parcel claim and the customer’s choice', () => {
  it('emails the options, takes the customer’s pick once, and refunds it', async () => {
    const filed = await api('/claims', { method: 'POST', headers: session, json: { orderNumber: number, kind: 'missing_item', lines: [{ lineId: stakes, quantity: 1 }], comment: 'One pack of stakes was not in the box' } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(202);
    const { decisionId, statusUrl } = filed.body;
    expect(statusUrl).toBe(`/claims/${decisionId}`);
    await settle();

    const offer = await eventually(async () => {
      const read = await api(statusUrl, { headers: session });
      return read.status === 200 ? read.body : undefined;
    }, { what: 'the claim decided' });
    expect(offer).toMatchObject({ decisionId, status: 'awaiting_customer', claimKind: 'missing_item', recommended: 'reship' });
    expect(offer.options.map((option: { kind: string }) => option.kind)).toEqual(['reship', 'store_credit', 'full_refund']);
    const refund = offer.options.find((option: { kind: string }) => option.kind === 'full_refund');
    // Ops see it waiting for the customer in the review queue, where a person may still settle it.
    const queue = await api(`/ops/refunds/reviews?shopId=${shopId}&limit=100`, { headers: { authorization: `Bearer ${await opsToken('viewer')}` } });
    expect(queue.body.items.find((item: { decisionId: string }) => item.decisionId === decisionId)).toMatchObject({ status: 'awaiting_customer', kind: 'reship' });

    const mail = await eventually(async () => (await emailsTo(email)).find((m) => String(m.subject).includes('how should we make it right')), { what: 'the options email' });
    expect(mail.subject).toBe(`Order #${number}: how should we make it right?`);
    const text: string = mail.body.text;
    // Recommended first, each with its link naming the decision and the choice.
    expect(text.indexOf('Send a replacement')).toBeLessThan(text.indexOf('Store credit of'));
    expect(text.indexOf('Store credit of')).toBeLessThan(text.indexOf('Refund '));
    for (const kind of ['reship', 'store credit', 'full refund']) expect(text).toContain(encodeURIComponent(`Claim ${decisionId}: I choose ${kind}`));
    expect((await emailsTo(email)).filter((m) => String(m.subject).includes('how should we make it right'))).toHaveLength(1);

    const chosen = await api(`${statusUrl}/choice`, { method: 'POST', headers: session, json: { kind: 'full_refund' } });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body).toMatchObject({ status: 'approved', choice: { kind: 'full_refund', by: 'customer' } });

    const again = await api(`${statusUrl}/choice`, { method: 'POST', headers: session, json: { kind: 'reship' } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('full_refund was already chosen');

    await settle();
    const record = await eventually(async () => {
      const found = await decisionOf(decisionId);
      return found?.status === 'completed' ? found : undefined;
    }, { what: 'the refund saga completed' });
    expect(record.outcome).toEqual({ kind: 'full_refund', amount: refund.amount });
    expect(record.history.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['offer', 'customer_choice']));
    const paid = ((await api(`/_local/payments/${shopId}`)).body.refunds as any[]).filter((payment) => payment.key === record.refundId);
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ amount: refund.amount });
  });

  it('refuses a claim naming a line that is not on the order, and someone else’s decision', async () => {
    const refused = await api('/claims', { method: 'POST', headers: session, json: { orderNumber: number, kind: 'damaged_in_transit', lines: [{ lineId: 'not-a-line', quantity: 1 }] } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ path: 'body.lines[0].lineId', message: `is not a line of order #${number}` }]);
    expect((await api('/claims/dec_clm_nobody', { headers: session })).status).toBe(404);
    expect((await api('/claims', { method: 'POST', json: { orderNumber: number, kind: 'not_delivered' } })).status).toBe(401);
  });

  it('settles an agent’s claim without asking the customer', async () => {
    const headers = { authorization: `Bearer ${await opsToken('agent')}` };
    const filed = await api(`/ops/orders/${orderId}/claims?shopId=${shopId}`, { method: 'POST', headers, json: { kind: 'damaged_in_transit', lines: [{ lineId: stakes, quantity: 1 }], reason: 'Customer called: the pack arrived crushed' } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(202);
    expect(filed.body.statusUrl).toBe(`/ops/refunds/${filed.body.decisionId}?shopId=${shopId}`);
    await settle();
    const record = await eventually(async () => decisionOf(filed.body.decisionId), { what: 'the agent’s claim decided' });
    expect(record.status).not.toBe('awaiting_customer');
    expect(record.parcelClaim).toMatchObject({ source: 'ops' });
    expect(record.offer).toBeUndefined();
  });
});
