// One return from end to end through the local stack, the way a customer and the warehouse live it:
// a delivered Shopify order; an exchange requested with only the order number and email (the
// contract's body); the customer's tracking number; the carrier's first scan; receipt and
// inspection by an agent; the replacement order on the storefront and the original back in stock;
// the case resolved; and the customer's mailbox, one message per step, with the survey after the
// resolution.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from './notification-support.ts';
import { api, eventually, opsToken, sendShopify, settle } from './support.ts';

const shopId = 'demo-shopify';
const orderId = 9_500_000 + Math.floor(Math.random() * 90_000);
const order = { number: String(orderId % 100_000), email: `life-${randomUUID().slice(0, 8)}@example.com` };
const tent = String(orderId * 10 + 1);
// The same tent in sand, at the same price (the fake storefront's catalogue).
const sandTent = '808950820';
const trackingNumber = `1Z${randomUUID().replaceAll('-', '').slice(0, 14).toUpperCase()}`;

const clockNow = async () => new Date((await api('/_local/clock')).body.now);
const subjects = async () => (await emailsTo(order.email)).map((mail) => String(mail.subject));
const asStaff = async (role: 'viewer' | 'agent') => ({ authorization: `Bearer ${await opsToken(role)}` });
const readCase = async (id: string) => (await api(`/ops/returns/${id}?shopId=${shopId}`, { headers: await asStaff('viewer') })).body;
const eventsOf = async (detailType: string, id: string) => ((await api(`/_local/events?detailType=${detailType}`)).body.events as any[]).filter((event) => event.detail.returnId === id);
// Events leave through the outbox after the state is written: wait for them.
const eventOf = (detailType: string, id: string) => eventually(async () => (await eventsOf(detailType, id))[0], { what: `${detailType} of ${id}` });
const statusBecomes = (id: string, status: string) => eventually(async () => ((await readCase(id)).status === status ? true : undefined), { what: `the return ${status}` });

let returnId: string;
let session: string;

beforeAll(async () => {
  const now = (await clockNow()).getTime();
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await sendShopify('orders/create', shopifyOrder({ orderId, email: order.email, createdAt: iso(9) }));
  await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: orderId + 5, orderId, shipmentStatus: 'delivered', createdAt: iso(8), updatedAt: iso(6) }));
  await settle();
});

describe('a return from request to resolution', () => {
  it('accepts the request made with the order number and email alone, and approves it', async () => {
    const { status, body } = await api('/returns', { method: 'POST', json: { orderNumber: `#${order.number}`, email: order.email, lines: [{ lineItemId: tent, quantity: 1, reason: 'not_as_described', resolution: 'exchange', exchangeVariantId: sandTent }] } });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ status: 'approved', shipBy: expect.any(String), lines: [{ lineItemId: tent, decision: 'accepted', exchange: { variantId: sandTent, priceDifference: { amount: 0, direction: 'none' } } }] });
    returnId = body.id;
    session = (await api('/customer/sessions', { method: 'POST', json: { shopId, orderNumber: order.number, email: order.email } })).body.token;
  });

  it('takes the tracking number from the customer, then the carrier’s first scan moves it in transit', async () => {
    const declared = await api(`/returns/${returnId}/shipment`, { method: 'POST', headers: { authorization: `Bearer ${session}` }, json: { carrierCode: 'ups', trackingNumber } });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    expect(declared.body.status).toBe('awaiting_shipment');

    const now = await clockNow();
    const body = JSON.stringify({ trackingNumber, carrierCode: 'ups', status: 'in_transit', occurredAt: now.toISOString() });
    const scanned = await api(`/webhooks/carriers/${shopId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aftersales-signature': signGeneric(body, 'local-webhook-secret', Math.floor(now.getTime() / 1000)) }, body });
    expect(scanned.status, JSON.stringify(scanned.body)).toBeLessThan(300);
    await statusBecomes(returnId, 'in_transit');
    await eventOf('ReturnShipped', returnId);
    expect(await eventsOf('ReturnShipped', returnId)).toHaveLength(1);
  });

  it('records the receipt and the inspection, then the replacement order resolves the case', async () => {
    const received = await api(`/ops/returns/${returnId}/receipt?shopId=${shopId}`, { method: 'POST', headers: await asStaff('agent'), json: {} });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    const inspected = await api(`/ops/returns/${returnId}/inspection?shopId=${shopId}`, { method: 'POST', headers: await asStaff('agent'), json: { lines: [{ lineItemId: tent, condition: 'as_new' }] } });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
    expect(inspected.body.lines[0]).toMatchObject({ condition: 'as_new', restock: true });

    await settle();
    await statusBecomes(returnId, 'resolved');
    const created = await eventOf('ExchangeOrderCreated', returnId);
    const resolved = await eventOf('ReturnResolved', returnId);
    expect(resolved.detail).toMatchObject({ resolution: 'exchange', exchangeOrderId: created.detail.exchangeOrderId });
    const storefront = (await api(`/_local/storefront/${shopId}`)).body;
    expect(storefront.orders.filter((placed: any) => placed.key === returnId)).toHaveLength(1);
    // The tent that came back as new is on the shelf again, once.
    const restocked = await eventually(async () => (await readCase(returnId)).lines[0].restocked, { what: 'the restock' });
    expect(restocked).toMatchObject({ adjustmentId: expect.any(String) });
    const adjustments = (await api(`/_local/storefront/${shopId}`)).body.adjustments.filter((adjustment: any) => adjustment.key === `${returnId}:restock:${tent}`);
    expect(adjustments).toMatchObject([{ variantId: '808950810', quantity: 1 }]);

    const c = await readCase(returnId);
    expect(c.history.map((entry: any) => entry.to)).toEqual(expect.arrayContaining(['approved', 'awaiting_shipment', 'in_transit', 'received', 'inspected', 'resolved']));
    expect(c.owner).toBeDefined();
  });

  it('told the customer at every step, once each, naming the item, and asked how it went', async () => {
    await settle();
    const expected = [
      `We've received your return request for order #${order.number}`,
      `Your return for order #${order.number} is approved`,
      `We've received your returned items for order #${order.number}`,
      `Your returned items for order #${order.number} have been checked`,
    ];
    const mailbox = await eventually(async () => {
      const found = await subjects();
      return expected.every((subject) => found.includes(subject)) && found.some((subject) => subject.startsWith('How did we do')) ? found : undefined;
    }, { what: 'every message of the return' });
    for (const subject of expected) expect(mailbox.filter((found) => found === subject), subject).toHaveLength(1);
    // No reminder: the parcel was on its way before the first one was due.
    expect(mailbox.filter((subject) => subject.startsWith('Reminder'))).toEqual([]);
    const approved = (await emailsTo(order.email)).find((mail) => String(mail.subject).includes('is approved'));
    expect(approved.body.text).toContain('Trail tent 2P');

    const own = await api(`/returns/${returnId}`, { headers: { authorization: `Bearer ${session}` } });
    expect(own.body.status).toBe('resolved');
  });
});
