// Customer return requests through the local stack: a delivered Shopify order, a return requested
// with the order number and email, decided by the default policy, approved at once, with the
// customer's emails; refusals name the rule; customers read only their own returns.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from './notification-support.ts';
import { api, endpoints, eventually, settle, sendShopify } from './support.ts';

const base = 9_100_000 + Math.floor(Math.random() * 90_000);
const mine = { orderId: base, number: String(base % 100_000), email: `ret-${randomUUID().slice(0, 8)}@example.com` };
const theirs = { orderId: base + 1, number: String((base + 1) % 100_000), email: `other-${randomUUID().slice(0, 8)}@example.com` };
const tent = String(mine.orderId * 10 + 1);
const stakes = String(mine.orderId * 10 + 2);
const requestReturn = (json: Record<string, unknown>) => api('/returns', { method: 'POST', json });
const signIn = async (who: typeof mine) => (await api('/customer/sessions', { method: 'POST', json: { shopId: 'demo-shopify', orderNumber: who.number, email: who.email } })).body.token as string;

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const who of [mine, theirs]) {
    await sendShopify('orders/create', shopifyOrder({ orderId: who.orderId, email: who.email, createdAt: iso(6) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: who.orderId + 5, orderId: who.orderId, shipmentStatus: 'delivered', createdAt: iso(5), updatedAt: iso(3) }));
  }
  await settle();
});

describe('POST /returns', () => {
  let created: any;

  it('approves a return the default policy accepts, with a ship-by date', async () => {
    const { status, body } = await requestReturn({ shopId: 'demo-shopify', orderNumber: `#${mine.number}`, email: mine.email.toUpperCase(), lines: [{ lineItemId: tent, quantity: 1, reason: 'changed_mind', resolution: 'store_credit', comment: 'Too heavy' }] });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ id: expect.stringMatching(/^ret_/), status: 'approved', orderNumber: `#${mine.number}`, shipBy: expect.any(String) });
    expect(body.lines).toEqual([{ lineItemId: tent, quantity: 1, returnReason: 'changed_mind', resolution: 'store_credit', decision: 'accepted' }]);
    expect(Date.parse(body.shipBy)).toBeGreaterThan(Date.now());
    created = body;
  });

  it('sends the return_received and return_approved emails', async () => {
    await settle();
    const emails = await eventually(async () => {
      const sent = await emailsTo(mine.email);
      return sent.length >= 2 ? sent : undefined;
    }, { what: 'two emails' });
    const subjects = emails.map((email) => email.subject as string);
    expect(subjects).toEqual(expect.arrayContaining([expect.stringContaining('received your return request'), expect.stringContaining('is approved')]));
  });

  it('refuses more units than were bought, naming the rule and the line', async () => {
    const { status, body } = await requestReturn({ shopId: 'demo-shopify', orderNumber: mine.number, email: mine.email, lines: [{ lineItemId: stakes, quantity: 3, reason: 'changed_mind', resolution: 'store_credit' }] });
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 422, title: 'Unprocessable Content', requestId: expect.any(String) });
    expect(body.detail).toContain('quantity.exceeds');
    expect(body.errors).toEqual([{ path: 'body.lines[0]', message: expect.stringMatching(/^quantity\.exceeds: .+/) }]);
  });

  it('refuses the units already in a return', async () => {
    const { status, body } = await requestReturn({ shopId: 'demo-shopify', orderNumber: mine.number, email: mine.email, lines: [{ lineItemId: tent, quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] });
    expect(status).toBe(422);
    expect(body.errors[0].message).toMatch(/^quantity\.exceeds: /);
  });

  it('answers a wrong email and an unknown order alike with 404', async () => {
    const wrongEmail = await requestReturn({ shopId: 'demo-shopify', orderNumber: mine.number, email: theirs.email, lines: [{ lineItemId: stakes, quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] });
    const unknownOrder = await requestReturn({ shopId: 'demo-shopify', orderNumber: 'no-such-order', email: mine.email, lines: [{ lineItemId: stakes, quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] });
    expect(wrongEmail.status).toBe(404);
    expect(unknownOrder.status).toBe(404);
    expect(unknownOrder.body.detail).toBe(wrongEmail.body.detail);
  });

  it('finds the order without shopId when only one shop has it', async () => {
    const { status, body } = await requestReturn({ orderNumber: theirs.number, email: theirs.email, lines: [{ lineItemId: String(theirs.orderId * 10 + 1), quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ status: 'approved', orderNumber: `#${theirs.number}` });
    const read = await api(`/returns/${body.id}`, { headers: { authorization: `Bearer ${await signIn(theirs)}` } });
    expect(read.status).toBe(200);
    const unknown = await requestReturn({ orderNumber: 'no-such-order', email: theirs.email, lines: [{ lineItemId: stakes, quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] });
    expect(unknown.status).toBe(404);
  });

  describe('GET /returns/{id}', () => {
    it('shows the customer their return, and nobody else', async () => {
      const path = `/returns/${created.id}`;
      const own = await api(path, { headers: { authorization: `Bearer ${await signIn(mine)}` } });
      expect(own.status).toBe(200);
      expect(own.body).toEqual(created);
      const other = await api(path, { headers: { authorization: `Bearer ${await signIn(theirs)}` } });
      expect(other.status).toBe(404);
      const anonymous = await api(path);
      expect(anonymous.status).toBe(401);
    });
  });
});
