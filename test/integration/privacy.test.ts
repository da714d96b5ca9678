// Shopify's privacy webhooks against the local stack: a customer with an order, a return and the
// emails about it asks for their data (an export for the duty team naming the order and the
// return), then to be forgotten (afterwards no item of any table holds their email, phone, name or
// address, and the order keeps its amounts); a throwaway shop asks to be erased (nothing of it
// is left but the record of the erasure).
import { randomUUID } from 'node:crypto';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { signBase64BodyHmac } from '../../shared/webhooks/signatures.ts';
import { customerIdOf, shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from './notification-support.ts';
import { api, clients, endpoints, eventually, opsToken, resourceName, settle } from './support.ts';

const stateTable = resourceName('BackboneStateTable');
const letters = () => randomUUID().replace(/[^a-f]/g, '').slice(0, 6).padEnd(6, 'x');
const orderId = 9_600_000 + Math.floor(Math.random() * 90_000);
const customerId = customerIdOf(orderId);
const person = {
  email: `forget-${randomUUID().slice(0, 8)}@example.com`,
  phone: `+1617${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`,
  firstName: `Ottoline${letters()}`,
  lastName: `Quillfeather${letters()}`,
  street: `${Math.floor(Math.random() * 900) + 100} Privacy Lane ${letters()}`,
};
const secrets = [person.email, person.phone, person.firstName, person.lastName, person.street];

/** Sends a signed Shopify webhook for a shop's domain; answers the stored delivery's key. */
async function sendShopifyAs(domain: string, topic: string, payload: unknown): Promise<string> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${endpoints.api}/webhooks/shopify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-shop-domain': domain, 'x-shopify-webhook-id': randomUUID(), 'x-shopify-hmac-sha256': signBase64BodyHmac(body, 'local-webhook-secret') },
    body,
  });
  const answer = (await response.json()) as { deliveryKey: string };
  expect(response.status, JSON.stringify(answer)).toBe(200);
  return answer.deliveryKey;
}

async function processed(deliveryKey: string): Promise<void> {
  await eventually(async () => {
    const { Item } = await clients.dynamo.send(new GetCommand({ TableName: stateTable, Key: { pk: deliveryKey, sk: 'DELIVERY' }, ConsistentRead: true }));
    return Item?.status === 'processed' ? true : undefined;
  }, { what: `privacy request ${deliveryKey} processed`, timeoutMs: 45_000 });
  await settle();
}

/** Every item of every table of the local DynamoDB, serialized. */
async function everyItem(): Promise<Array<{ table: string; item: Record<string, any>; text: string }>> {
  const { TableNames = [] } = await clients.dynamo.send(new ListTablesCommand({}));
  const out: Array<{ table: string; item: Record<string, any>; text: string }> = [];
  for (const table of TableNames) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await clients.dynamo.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) out.push({ table, item, text: JSON.stringify(item) });
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return out;
}

const holding = (items: Awaited<ReturnType<typeof everyItem>>) =>
  items.filter(({ text }) => secrets.some((secret) => text.toLowerCase().includes(secret.toLowerCase()))).map(({ table, item }) => `${table}: ${item.pk ?? item.subject ?? item.id} ${item.sk ?? item.at ?? ''}`);

let returnId: string;

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const order = shopifyOrder({ orderId, email: person.email, createdAt: iso(6) });
  const named = { first_name: person.firstName, last_name: person.lastName, phone: person.phone };
  await sendShopifyAs('demo-shop.myshopify.com', 'orders/create', {
    ...order,
    phone: person.phone,
    note: `Leave it with the neighbour of ${person.firstName}`,
    customer: { ...order.customer, ...named },
    shipping_address: { ...order.shipping_address, ...named, name: `${person.firstName} ${person.lastName}`, address1: person.street },
  });
  await sendShopifyAs('demo-shop.myshopify.com', 'fulfillments/create', shopifyFulfillment({ fulfillmentId: orderId + 5, orderId, shipmentStatus: 'delivered', createdAt: iso(5), updatedAt: iso(3) }));
  await settle();
  const { status, body } = await api('/returns', { method: 'POST', json: { shopId: 'demo-shopify', orderNumber: String(orderId % 100_000), email: person.email, lines: [{ lineItemId: String(orderId * 10 + 1), quantity: 1, reason: 'changed_mind', resolution: 'store_credit', comment: `Call me on ${person.phone}` }] } });
  expect(status, JSON.stringify(body)).toBe(201);
  returnId = body.id;
  await settle();
  await eventually(async () => ((await emailsTo(person.email)).length >= 1 ? true : undefined), { what: 'an email to the customer' });
  await settle();
}, 120_000);

describe('customers/data_request', () => {
  it('gathers an export naming the customer’s order and return, for supervisors only', async () => {
    const deliveryKey = await sendShopifyAs('demo-shop.myshopify.com', 'customers/data_request', { shop_id: 1, shop_domain: 'demo-shop.myshopify.com', orders_requested: [orderId], customer: { id: customerId, email: person.email, phone: person.phone }, data_request: { id: 42 } });
    await processed(deliveryKey);
    const supervisor = { authorization: `Bearer ${await opsToken('supervisor')}` };
    const listed = await api(`/ops/privacy-exports?shopId=demo-shopify&limit=100`, { headers: supervisor });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const summary = listed.body.items.find((item: any) => item.customerId === String(customerId));
    expect(summary).toMatchObject({ orderIds: [String(orderId)], returnIds: [returnId] });

    const { status, body } = await api(`/ops/privacy-exports/${summary.exportId}?shopId=demo-shopify`, { headers: supervisor });
    expect(status).toBe(200);
    const kinds = new Set(body.data.records.map((record: any) => record.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['ORDER', 'RETURN', 'CUSTOMER', 'DELIVERY']));
    expect(JSON.stringify(body.data)).toContain(person.street);

    const agent = await api(`/ops/privacy-exports/${summary.exportId}?shopId=demo-shopify`, { headers: { authorization: `Bearer ${await opsToken('agent')}` } });
    expect(agent.status).toBe(403);
    // The duty team hears of it, without the customer's data in the message.
    const alerts = await eventually(async () => {
      const sent = await emailsTo('duty@demo-shopify.example');
      const found = sent.filter((email) => String(email.subject).includes(summary.exportId));
      return found.length ? found : undefined;
    }, { what: 'the export alert to the duty team' });
    expect(JSON.stringify(alerts)).not.toContain(person.email);
  });
});

describe('customers/redact', () => {
  it('leaves no item holding the customer’s email, phone, name or address, and keeps the order’s amounts', async () => {
    expect(holding(await everyItem()).length).toBeGreaterThan(0);
    const deliveryKey = await sendShopifyAs('demo-shop.myshopify.com', 'customers/redact', { shop_id: 1, shop_domain: 'demo-shop.myshopify.com', customer: { id: customerId, email: person.email, phone: person.phone }, orders_to_redact: [orderId] });
    await processed(deliveryKey);

    expect(holding(await everyItem())).toEqual([]);
    const { Item: order } = await clients.dynamo.send(new GetCommand({ TableName: stateTable, Key: { pk: `ORDER#demo-shopify#${orderId}`, sk: 'STATE' } }));
    expect(order?.state.order).toMatchObject({ orderId: String(orderId), totals: { total: { amount: 30322, currency: 'USD' } }, financialStatus: 'paid', customer: { id: String(customerId) } });
    const { Item: returned } = await clients.dynamo.send(new GetCommand({ TableName: stateTable, Key: { pk: `RETURN#demo-shopify#${returnId}`, sk: 'CASE' } }));
    expect(returned).toBeDefined();

    const audit = await api(`/ops/audit?shopId=demo-shopify&subjectType=customer&subjectId=${customerId}`, { headers: { authorization: `Bearer ${await opsToken('admin')}` } });
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    expect(audit.body.items.map((record: any) => record.action)).toEqual(expect.arrayContaining(['privacy.customerRedact', 'privacy.dataRequest']));
  });

  it('does nothing more when Shopify sends the request again', async () => {
    const again = await sendShopifyAs('demo-shop.myshopify.com', 'customers/redact', { shop_id: 1, customer: { id: customerId, email: person.email, phone: person.phone }, orders_to_redact: [orderId] });
    await processed(again);
    expect(holding(await everyItem())).toEqual([]);
  });
});

describe('shop/redact', () => {
  it('erases everything of the shop but the record of the erasure', async () => {
    const shopId = 'throwaway-shopify';
    const domain = 'throwaway-shop.myshopify.com';
    const throwawayOrder = orderId + 1;
    await sendShopifyAs(domain, 'orders/create', shopifyOrder({ orderId: throwawayOrder, email: `gone-${randomUUID().slice(0, 8)}@example.com` }));
    await settle();
    const ofShop = (items: Awaited<ReturnType<typeof everyItem>>) => items.filter(({ text }) => text.includes(shopId));
    expect(ofShop(await everyItem()).some(({ item }) => item.pk === `ORDER#${shopId}#${throwawayOrder}`)).toBe(true);

    const deliveryKey = await sendShopifyAs(domain, 'shop/redact', { shop_id: 2, shop_domain: domain });
    await processed(deliveryKey);

    const left = ofShop(await everyItem()).filter(({ item }) => {
      if (item.pk === deliveryKey) return false; // the request itself, ids only, expiring
      if (typeof item.pk === 'string' && item.pk.startsWith(`AUDIT#deployment#shop#${shopId}`)) return false;
      const detailType = item.detailType ?? item['detail-type'];
      return !['ShopDataErased', 'OpsActionRecorded'].includes(detailType);
    });
    expect(left.map(({ table, item }) => `${table}: ${item.pk ?? item.subject} ${item.sk ?? item.at}`)).toEqual([]);
  });
});

describe('a quarantined privacy request', () => {
  it('is re-driven to the privacy consumer, not to the order normalizer', async () => {
    // No customer: the privacy consumer cannot act on it and quarantines it; the normalizer would call the topic unsupported.
    const deliveryKey = await sendShopifyAs('demo-shop.myshopify.com', 'customers/data_request', { shop_domain: 'demo-shop.myshopify.com', orders_requested: [] });
    const deliveryStatus = async () => (await clients.dynamo.send(new GetCommand({ TableName: stateTable, Key: { pk: deliveryKey, sk: 'DELIVERY' }, ConsistentRead: true }))).Item;
    await eventually(async () => ((await deliveryStatus())?.status === 'quarantined' ? true : undefined), { what: 'the invalid request quarantined' });
    expect((await deliveryStatus())?.reason).toBe('invalid_privacy_request');

    const deadLetterId = Buffer.from(deliveryKey).toString('base64url');
    const redrive = await api(`/ops/dead-letters/${deadLetterId}/redrive`, { method: 'POST', headers: { authorization: `Bearer ${await opsToken('supervisor')}` }, json: { reason: 'Privacy consumer fixed' } });
    expect(redrive.status, JSON.stringify(redrive.body)).toBe(200);
    await eventually(async () => {
      const item = await deliveryStatus();
      return item?.status === 'quarantined' && item.reason === 'invalid_privacy_request' ? true : undefined;
    }, { what: 'the re-driven request handled by the privacy consumer again' });
  });
});
