// Signed storefront deliveries through the local stack's HTTP API, to order state in DynamoDB and
// canonical events on the bus.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { signBase64BodyHmac, signGeneric } from '../../shared/webhooks/signatures.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, eventually, resourceName, settle } from './support.ts';

const secret = 'local-webhook-secret';
const stateTable = resourceName('BackboneStateTable');
let nextOrderId = 5_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
const newOrderId = () => (nextOrderId += 10);

async function sendShopify(topic: string, payload: unknown, { eventId = randomUUID(), signature }: { eventId?: string; signature?: string } = {}) {
  const body = JSON.stringify(payload);
  const response = await fetch(`${endpoints.api}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': 'demo-shop.myshopify.com',
      'x-shopify-event-id': eventId,
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-hmac-sha256': signature ?? signBase64BodyHmac(body, secret),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function orderState(orderId: number) {
  const { Item } = await clients.dynamo.send(new GetCommand({ TableName: stateTable, Key: { pk: `ORDER#demo-shopify#${orderId}`, sk: 'STATE' } }));
  return Item?.state;
}

async function eventsFor(detailType: string, orderId: number) {
  const { body } = await api(`/_local/events?detailType=${detailType}`);
  return body.events.filter((event: any) => event.detail.orderId === String(orderId));
}

describe('Shopify webhooks end to end', () => {
  it('takes a delivery once however often it is sent', async () => {
    const orderId = newOrderId();
    const eventId = randomUUID();
    const first = await sendShopify('orders/create', shopifyOrder({ orderId }), { eventId });
    expect(first).toMatchObject({ status: 200, body: { status: 'accepted' } });
    for (let i = 0; i < 2; i++) expect(await sendShopify('orders/create', shopifyOrder({ orderId }), { eventId })).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    await settle();
    expect(await eventsFor('OrderPlaced', orderId)).toHaveLength(1);
    expect((await orderState(orderId)).order.orderNumber).toBeDefined();
  });

  it('follows an order from creation through fulfilment to delivery', async () => {
    const orderId = newOrderId();
    const fulfillmentId = orderId + 1;
    expect((await sendShopify('orders/create', shopifyOrder({ orderId, createdAt: '2026-11-20T10:00:00Z' }))).status).toBe(200);
    expect((await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId, orderId, shipmentStatus: 'in_transit', updatedAt: '2026-11-21T09:00:00Z' }))).status).toBe(200);
    expect((await sendShopify('fulfillments/update', shopifyFulfillment({ fulfillmentId, orderId, shipmentStatus: 'delivered', updatedAt: '2026-11-23T15:30:00Z', createdAt: '2026-11-21T09:00:00Z' }))).status).toBe(200);
    await settle();

    const state = await orderState(orderId);
    expect(state.fulfillments[String(fulfillmentId)]).toMatchObject({ shipmentStatus: 'delivered' });
    await eventually(async () => ((await eventsFor('ShipmentDelivered', orderId)).length === 1 ? true : undefined), { what: 'ShipmentDelivered on the bus' });
    expect(await eventsFor('OrderPlaced', orderId)).toHaveLength(1);
    expect(await eventsFor('ShipmentCreated', orderId)).toHaveLength(1);
  });

  it('keeps the newest state when updates arrive out of order', async () => {
    const orderId = newOrderId();
    await sendShopify('orders/cancelled', shopifyOrder({ orderId, updatedAt: '2026-11-20T12:00:00Z', cancelledAt: '2026-11-20T12:00:00Z' }));
    await settle();
    await sendShopify('orders/create', shopifyOrder({ orderId, updatedAt: '2026-11-20T10:00:00Z' }));
    await settle();
    const state = await orderState(orderId);
    expect(state.order.cancelledAt).toBe('2026-11-20T12:00:00Z');
    expect(await eventsFor('OrderPlaced', orderId)).toHaveLength(1);
    expect(await eventsFor('OrderCancelled', orderId)).toHaveLength(1);
  });

  it('refuses a forged delivery with 401 and keeps nothing', async () => {
    const orderId = newOrderId();
    const { status, body } = await sendShopify('orders/create', shopifyOrder({ orderId }), { signature: signBase64BodyHmac('{}', secret) });
    expect(status).toBe(401);
    expect(body.detail).toMatch(/signature/);
    expect(JSON.stringify(body)).not.toContain(String(orderId));
    await settle();
    expect(await orderState(orderId)).toBeUndefined();
  });

  it('quarantines an authentic delivery on an unsupported topic, naming it', async () => {
    const { status, body } = await sendShopify('products/create', { id: 1 });
    expect(status).toBe(400);
    expect(body.detail).toMatch(/products\/create/);
    const { Item } = await clients.dynamo.send(new GetCommand({ TableName: stateTable, Key: { pk: body.deliveryKey, sk: 'DELIVERY' } }));
    expect(Item).toMatchObject({ status: 'quarantined', reason: 'unsupported_topic' });
  });
});

describe('generic webhooks', () => {
  it('accepts a signed envelope and refuses a replayed one', async () => {
    const body = JSON.stringify({ id: randomUUID(), type: 'customer.updated', occurredAt: '2026-11-20T10:00:00Z', data: { customerId: `c-${randomUUID()}`, email: 'grace@example.com', sourceUpdatedAt: '2026-11-20T10:00:00Z' } });
    const post = (signature: string) =>
      fetch(`${endpoints.api}/webhooks/generic`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aftersales-source': 'demo-shop', 'x-aftersales-signature': signature }, body });
    const clock = (await api('/_local/clock')).body.now;
    const now = Math.floor(Date.parse(clock) / 1000);
    expect((await post(signGeneric(body, secret, now))).status).toBe(200);
    expect((await post(signGeneric(body, secret, now - 3600))).status).toBe(401);
  });
});

describe('WooCommerce webhooks', () => {
  it('answers the ping sent when a webhook is created', async () => {
    const response = await fetch(`${endpoints.api}/webhooks/woocommerce`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'webhook_id=42' });
    expect(response.status).toBe(200);
  });
});
