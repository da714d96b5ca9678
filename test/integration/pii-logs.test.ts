// Personal data stays out of the logs: a Shopify order with the customer's email, phone and address
// goes through the whole after-sales path on the local stack (order, delivery, return, receipt,
// inspection, refund decision, refund, email, resolution), then every line the functions wrote
// meanwhile, and every invocation error (Lambda logs those too), is searched for them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from './notification-support.ts';
import { api, eventually, opsToken, sendShopify, settle } from './support.ts';

const shopId = 'demo-shopify';
const orderId = 9_600_000 + Math.floor(Math.random() * 90_000);
const orderNumber = String(orderId % 100_000);
const stakes = String(orderId * 10 + 2);
const unique = randomUUID().slice(0, 8);
const customer = {
  email: `pii-${unique}@example.com`,
  // E.164, as Shopify sends it, and the national form a message might show.
  phone: `+1617555${String(orderId % 10_000).padStart(4, '0')}`,
  street: `${orderId % 1000} Kittiwake ${unique} Street`,
  name: `Grace-${unique}`,
};
const personal = [customer.email, customer.phone, customer.phone.slice(2), customer.street, customer.name];

interface LogLine {
  seq: number;
  functionName: string;
  line: string;
}

async function logLinesAfter(after: number): Promise<LogLine[]> {
  return (await api<{ lines: LogLine[] }>(`/_local/logs?after=${after}`)).body.lines;
}

function orderWithPersonalData(createdAt: string) {
  const order = shopifyOrder({ orderId, email: customer.email, createdAt });
  const address = { ...order.shipping_address, first_name: customer.name, name: `${customer.name} Lovelace`, address1: customer.street, phone: customer.phone };
  return { ...order, phone: customer.phone, shipping_address: address, billing_address: address, customer: { ...order.customer, first_name: customer.name, phone: customer.phone, default_address: address } };
}

describe('the logs of an after-sales path', () => {
  it('hold no email, phone number or street address of the customer', async () => {
    const cursor = Math.max(0, ...(await logLinesAfter(0)).map((entry) => entry.seq));
    const startedAt = new Date().toISOString();

    const now = Date.parse((await api('/_local/clock')).body.now);
    const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await sendShopify('orders/create', orderWithPersonalData(iso(8)));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: orderId + 5, orderId, shipmentStatus: 'delivered', createdAt: iso(7), updatedAt: iso(5) }));
    await settle();

    const requested = await api('/returns', { method: 'POST', json: { shopId, orderNumber, email: customer.email, lines: [{ lineItemId: stakes, quantity: 1, reason: 'not_as_described', resolution: 'refund' }] } });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const returnId = requested.body.id as string;
    const headers = { authorization: `Bearer ${await opsToken('agent')}` };
    expect((await api(`/ops/returns/${returnId}/receipt?shopId=${shopId}`, { method: 'POST', headers, json: {} })).status).toBe(200);
    const inspected = await api(`/ops/returns/${returnId}/inspection?shopId=${shopId}`, { method: 'POST', headers, json: { lines: [{ lineItemId: stakes, condition: 'as_new' }] } });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);

    await eventually(async () => {
      const found = (await api(`/ops/returns/${returnId}?shopId=${shopId}`, { headers })).body;
      return found.status === 'resolved' ? found : undefined;
    }, { what: 'the return refunded and resolved', timeoutMs: 40_000 });
    const mail = await eventually(async () => (await emailsTo(customer.email)).find((message) => String(message.subject).startsWith('Your refund of')), { what: 'the refund email' });
    expect(mail).toBeDefined();
    await settle();

    const lines = await logLinesAfter(cursor);
    // The scan saw the path: the functions that handled this order and return logged about it.
    const aboutThisPath = lines.filter((entry) => entry.line.includes(returnId));
    expect(new Set(aboutThisPath.map((entry) => entry.functionName)).size).toBeGreaterThanOrEqual(2);

    const leaks = lines.filter((entry) => personal.some((value) => entry.line.includes(value))).map((entry) => `${entry.functionName}: ${entry.line}`);
    expect(leaks).toEqual([]);

    const errors = ((await api(`/_local/invocations`)).body.invocations as { startedAt: string; functionName: string; error?: string }[])
      .filter((invocation) => invocation.startedAt >= startedAt && invocation.error)
      .filter((invocation) => personal.some((value) => invocation.error!.includes(value)));
    expect(errors).toEqual([]);
  });
});
