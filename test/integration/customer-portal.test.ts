// The customer portal through the local stack: a customer signs in with an order number and the
// email on the order, then reads their own orders and nobody else's.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { signBase64BodyHmac } from '../../shared/webhooks/signatures.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { api, endpoints, settle } from './support.ts';

async function sendOrder(orderId: number, email: string, createdAt: string) {
  const body = JSON.stringify(shopifyOrder({ orderId, email, createdAt }));
  const response = await fetch(`${endpoints.api}/webhooks/shopify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'demo-shop.myshopify.com', 'x-shopify-event-id': randomUUID(), 'x-shopify-hmac-sha256': signBase64BodyHmac(body, 'local-webhook-secret') },
    body,
  });
  expect(response.status).toBe(200);
}

const signIn = (json: Record<string, unknown>) => api('/customer/sessions', { method: 'POST', json });

// Shopify order numbers are the id modulo 100 000 here (`#12345`): ids 100 000 apart share one.
const base = 8_000_000 + Math.floor(Math.random() * 90_000);
const mine = { orderId: base, number: String(base % 100_000), email: `ada-${randomUUID().slice(0, 8)}@example.com` };
const theirs = { orderId: base + 1, number: String((base + 1) % 100_000), email: `eve-${randomUUID().slice(0, 8)}@example.com` };
const sameNumber = { orderId: base + 100_000, number: mine.number, email: `bob-${randomUUID().slice(0, 8)}@example.com` };

beforeAll(async () => {
  await sendOrder(mine.orderId, mine.email, '2031-02-01T10:00:00Z');
  await sendOrder(theirs.orderId, theirs.email, '2031-02-01T11:00:00Z');
  await sendOrder(sameNumber.orderId, sameNumber.email, '2031-02-01T12:00:00Z');
  await settle();
});

describe('POST /customer/sessions', () => {
  it('opens a one-hour session with the order number, with or without #, and the email in any case', async () => {
    for (const orderNumber of [`#${mine.number}`, mine.number, ` ${mine.number} `]) {
      const { status, body } = await signIn({ shopId: 'demo-shopify', orderNumber, email: mine.email.toUpperCase() });
      expect(status, orderNumber).toBe(200);
      expect(body.token.split('.')).toHaveLength(3);
      expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(59 * 60_000);
      expect(body.order).toMatchObject({ orderNumber: `#${mine.number}`, createdAt: '2031-02-01T10:00:00Z', currency: 'USD' });
      expect(body.order.lines).toHaveLength(2);
      expect(body.order).not.toHaveProperty('version');
    }
  });

  it('picks, among orders sharing a number, the one placed with the email', async () => {
    const { status, body } = await signIn({ shopId: 'demo-shopify', orderNumber: sameNumber.number, email: sameNumber.email });
    expect(status).toBe(200);
    expect(body.order.createdAt).toBe('2031-02-01T12:00:00Z');
  });

  it('refuses a wrong email, an unknown order and an unknown shop alike', async () => {
    const wrongEmail = await signIn({ shopId: 'demo-shopify', orderNumber: mine.number, email: theirs.email });
    const unknownOrder = await signIn({ shopId: 'demo-shopify', orderNumber: 'no-such-order', email: mine.email });
    const unknownShop = await signIn({ shopId: 'no-such-shop', orderNumber: mine.number, email: mine.email });
    for (const answer of [wrongEmail, unknownOrder, unknownShop]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ status: 401, title: 'Unauthorized', requestId: expect.any(String) });
    }
    expect(unknownOrder.body.detail).toBe(wrongEmail.body.detail);
    expect(unknownShop.body.detail).toBe(wrongEmail.body.detail);
  });

  it('names the invalid field', async () => {
    const { status, body } = await signIn({ shopId: 'demo-shopify', orderNumber: mine.number });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ path: 'body.email', message: 'is required' }]);
  });
});

describe('GET /customer/orders/{orderNumber}', () => {
  let token: string;
  beforeAll(async () => {
    token = (await signIn({ shopId: 'demo-shopify', orderNumber: mine.number, email: mine.email })).body.token;
  });

  it('returns my order to the typed client', async () => {
    const client = createApiClient({ baseUrl: endpoints.api, token });
    const { data, error, response } = await client.GET('/customer/orders/{orderNumber}', { params: { path: { orderNumber: `#${mine.number}` } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.orderNumber).toBe(`#${mine.number}`);
    expect(data?.lines.map((line) => line.sku)).toEqual(['TENT-2P', 'STAKE-8']);
    expect(data?.totals.total).toEqual({ amount: 30322, currency: 'USD' });
  });

  it('answers 404, not 403, for another customer’s order and for an unknown one', async () => {
    const client = createApiClient({ baseUrl: endpoints.api, token });
    for (const orderNumber of [theirs.number, 'no-such-order']) {
      const { error, response } = await client.GET('/customer/orders/{orderNumber}', { params: { path: { orderNumber } } });
      expect(response.status, orderNumber).toBe(404);
      expect(error).toMatchObject({ status: 404, requestId: expect.any(String) });
    }
  });

  it('refuses a request without a token, or with a tampered one, as problem details', async () => {
    const url = `${endpoints.api}/customer/orders/${mine.number}`;
    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toMatchObject({ status: 401, detail: expect.stringContaining('POST /customer/sessions') });

    const [header, payload, signature] = token.split('.') as [string, string, string];
    const otherEmail = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), email: theirs.email })).toString('base64url');
    for (const tampered of [`${header}.${payload}.${signature.slice(0, -4)}AAAA`, `${header}.${otherEmail}.${signature}`, 'not-a-token']) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${tampered}` } });
      expect(response.status, tampered).toBe(401);
    }
  });
});
