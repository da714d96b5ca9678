// A reship through the local stack: the customer of a delivered Shopify order reports a missing
// item and picks a replacement; the saga places one free replacement order at the fake storefront
// (idempotent on the decision's key), and the customer is emailed that it is on its way, with the
// new order number. No money moves.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from './notification-support.ts';
import { api, clients, eventually, resourceName, sendShopify, settle } from './support.ts';

const shopId = 'demo-shopify';
const orderId = 9_500_000 + Math.floor(Math.random() * 90_000);
const number = String(orderId % 100_000);
const email = `reship-${randomUUID().slice(0, 8)}@example.com`;
const stakes = String(orderId * 10 + 2);
const decisionOf = async (decisionId: string) => (await clients.dynamo.send(new GetCommand({ TableName: resourceName('BackboneStateTable'), Key: { pk: `REFUNDDEC#${shopId}#${decisionId}`, sk: 'DECISION' } }))).Item?.record;
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

describe('a reship', () => {
  it('places one free replacement order and tells the customer its number', async () => {
    const filed = await api('/claims', { method: 'POST', headers: session, json: { orderNumber: number, kind: 'missing_item', lines: [{ lineId: stakes, quantity: 1 }] } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(202);
    const { decisionId, statusUrl } = filed.body;
    await eventually(async () => ((await api(statusUrl, { headers: session })).body?.status === 'awaiting_customer' ? true : undefined), { what: 'the claim offered' });
    const chosen = await api(`${statusUrl}/choice`, { method: 'POST', headers: session, json: { kind: 'reship' } });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);

    const record = await eventually(async () => {
      const found = await decisionOf(decisionId);
      return found?.status === 'completed' ? found : undefined;
    }, { what: 'the reship saga completed' });
    const orders = ((await api(`/_local/storefront/${shopId}`)).body.orders as any[]).filter((order) => order.key === record.refundId);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ orderNumberOfOriginal: `#${number}`, lines: [{ variantId: '808950811', quantity: 1 }], customer: { email } });
    expect(record.steps.money).toMatchObject({ exchangeOrderId: orders[0].orderId, exchangeOrderNumber: orders[0].orderNumber });
    expect(((await api(`/_local/payments/${shopId}`)).body.refunds as any[]).filter((refund) => refund.key === record.refundId)).toEqual([]);

    const mail = await eventually(async () => (await emailsTo(email)).find((m) => String(m.subject).startsWith('A replacement for order')), { what: 'the replacement email' });
    expect(mail.subject).toBe(`A replacement for order #${number} is on its way`);
    expect(mail.body.text).toContain(orders[0].orderNumber);
  });
});
