// The helpdesk webhook on the local stack: a signed ticket naming an order the delay flow watches
// records the customer's first contact on its watch (the "told first" measure); a later ticket, an
// unknown order or a ticket without an order records nothing (202); a forged signature is refused
// (401) and an invalid body named field by field (400).
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DelayWatch } from '../../shared/delays/watch.ts';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, eventually, resourceName, sendShopify, settle } from './support.ts';

const shopId = 'demo-shopify';
const orderId = 9_700_000 + Math.floor(Math.random() * 90_000);
const number = orderId % 100_000;
const email = `helpdesk-${randomUUID().slice(0, 8)}@example.com`;

const watchOf = async () =>
  (await clients.dynamo.send(new GetCommand({ TableName: resourceName('BackboneStateTable'), Key: { pk: `DELAYWATCH#${shopId}#${orderId}`, sk: 'WATCH' } }))).Item?.watch as DelayWatch | undefined;
const clockSeconds = async () => Math.floor(Date.parse((await api('/_local/clock')).body.now) / 1000);

async function ticket(body: unknown, secret = 'local-webhook-secret', shop = shopId) {
  const raw = JSON.stringify(body);
  const response = await fetch(`${endpoints.api}/webhooks/helpdesk/${shop}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aftersales-signature': signGeneric(raw, secret, await clockSeconds()) },
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as any };
}

let placedAt = '';

beforeAll(async () => {
  placedAt = new Date((await clockSeconds()) * 1000).toISOString();
  await sendShopify('orders/create', shopifyOrder({ orderId, email, createdAt: placedAt.replace(/\.\d{3}Z$/, 'Z') }));
  await settle();
  await eventually(watchOf, { what: 'the order’s delay watch' });
});

describe('helpdesk tickets', () => {
  it('records the first contact about a watched order, found by its number', async () => {
    const openedAt = new Date((await clockSeconds()) * 1000).toISOString();
    const first = await ticket({ ticketId: `T-${orderId}`, createdAt: openedAt, orderNumber: `#${number}`, email });
    expect(first).toEqual({ status: 200, body: { status: 'recorded', orderId: String(orderId) } });
    expect(await watchOf()).toMatchObject({ firstCustomerContactAt: openedAt, firstCustomerContactBy: 'helpdesk' });
  });

  it('keeps the earliest: a later ticket changes nothing', async () => {
    const later = new Date((await clockSeconds()) * 1000 + 3_600_000).toISOString();
    const again = await ticket({ ticketId: `T-${orderId}-2`, createdAt: later, orderNumber: String(number) });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: 'ignored', orderId: String(orderId) });
    expect((await watchOf())!.firstCustomerContactAt).not.toBe(later);
  });

  it('answers 202 for a ticket without an order or about an unknown one', async () => {
    const at = new Date().toISOString();
    expect(await ticket({ ticketId: 'T-none', createdAt: at })).toMatchObject({ status: 202, body: { status: 'ignored', detail: 'The ticket names no order' } });
    expect(await ticket({ ticketId: 'T-unknown', createdAt: at, orderNumber: 'no-such-order' })).toMatchObject({ status: 202, body: { status: 'ignored', detail: 'No order has this number' } });
  });

  it('refuses a forged signature or an unknown shop, and names the invalid field', async () => {
    const at = new Date().toISOString();
    expect((await ticket({ ticketId: 'T-x', createdAt: at, orderNumber: String(number) }, 'not-the-secret')).status).toBe(401);
    expect((await ticket({ ticketId: 'T-x', createdAt: at }, 'local-webhook-secret', 'no-such-shop')).status).toBe(401);
    const invalid = await ticket({ ticketId: 'T-x', createdAt: 'yesterday', orderNumber: String(number) });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('createdAt');
  });
});
