// Finding a customer through the ops API on the local stack, as the console's customer view does:
// by email, by phone (E.164) or by the number of an order they placed; and narrowing the return
// cases to that customer. Two customers are seeded so that a filter that matched everyone fails.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { api, endpoints, opsToken, settle } from './support.ts';

const shopId = 'demo-generic';
const money = (amount: number) => ({ amount, currency: 'USD' });
const viewer = async () => createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });

interface Seeded {
  customerId: string;
  email: string;
  phone: string;
  orderNumber: string;
}

async function placeOrder(now: Date): Promise<Seeded> {
  const orderId = `CS-${randomUUID().slice(0, 8)}`;
  const customer = { customerId: `cus_${orderId}`, email: `search-${randomUUID().slice(0, 8)}@example.com`, phone: `+1444${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`, orderNumber: `#${orderId}` };
  const lineId = `${orderId}-1`;
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const body = JSON.stringify({
    id: `evt_${randomUUID()}`,
    type: 'order.placed',
    occurredAt: now.toISOString(),
    data: {
      orderId,
      orderNumber: customer.orderNumber,
      createdAt: daysAgo(6),
      currency: 'USD',
      customer: { id: customer.customerId, email: customer.email, phone: customer.phone, firstName: 'Grace', locale: 'en-US' },
      lines: [{ lineId, title: 'Camp stove', quantity: 1, unitPrice: money(2000), discount: money(0), tax: money(0), total: money(2000), requiresShipping: true }],
      totals: { subtotal: money(2000), discounts: money(0), shipping: money(0), tax: money(0), total: money(2000) },
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      fulfillments: [{ fulfillmentId: `SHP-${orderId}`, status: 'success', shipmentStatus: 'delivered', trackingNumbers: [], trackingUrls: [], lines: [{ lineId, quantity: 1 }], createdAt: daysAgo(5), deliveredAt: daysAgo(3) }],
    },
  });
  const response = await fetch(`${endpoints.api}/webhooks/generic`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aftersales-source': 'demo-shop', 'x-aftersales-signature': signGeneric(body, 'local-webhook-secret', Math.floor(now.getTime() / 1000)) },
    body,
  });
  expect(response.status, await response.text()).toBe(200);
  return customer;
}

let ada: Seeded;
let grace: Seeded;

beforeAll(async () => {
  const now = new Date((await api('/_local/clock')).body.now);
  [ada, grace] = await Promise.all([placeOrder(now), placeOrder(now)]);
  await settle();
  const created = await api('/returns', { method: 'POST', json: { shopId, orderNumber: ada.orderNumber, email: ada.email, lines: [{ lineItemId: `${ada.orderNumber.slice(1)}-1`, quantity: 1, reason: 'too_small', resolution: 'refund' }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
});

describe('listCustomers', () => {
  it('finds the customer who placed an order by its number, with or without the #', async () => {
    const client = await viewer();
    for (const orderNumber of [ada.orderNumber, ada.orderNumber.slice(1).toLowerCase()]) {
      const { data } = await client.GET('/ops/customers', { params: { query: { shopId, orderNumber } } });
      expect(data?.items.map((customer) => customer.customerId)).toEqual([ada.customerId]);
    }
    const { data } = await client.GET('/ops/customers', { params: { query: { shopId, orderNumber: '#NO-SUCH-ORDER' } } });
    expect(data?.items).toEqual([]);
  });

  it('finds a customer by phone number, following the pages', async () => {
    const client = await viewer();
    const found: string[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await client.GET('/ops/customers', { params: { query: { shopId, phone: grace.phone, limit: 100, cursor } } });
      found.push(...(data?.items ?? []).map((customer) => customer.customerId));
      cursor = data?.nextCursor;
    } while (cursor);
    expect(found).toEqual([grace.customerId]);
  });

  it('refuses a phone number without its country code and two searches at once, naming the field', async () => {
    const client = await viewer();
    const local = await client.GET('/ops/customers', { params: { query: { shopId, phone: '4445551234' } } });
    expect([local.response.status, local.error?.errors?.map((issue) => issue.path)]).toEqual([400, ['query.phone']]);
    const both = await client.GET('/ops/customers', { params: { query: { shopId, email: ada.email, orderNumber: ada.orderNumber } } });
    expect([both.response.status, both.error?.errors?.map((issue) => issue.path)]).toEqual([400, ['query.email']]);
  });
});

describe('listReturns by customer', () => {
  it('lists only that customer’s cases', async () => {
    const client = await viewer();
    const cases = async (customerId: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await client.GET('/ops/returns', { params: { query: { shopId, customerId, limit: 100, cursor } } });
        ids.push(...(data?.items ?? []).map((item) => item.customer.id));
        cursor = data?.nextCursor;
      } while (cursor);
      return ids;
    };
    expect(await cases(ada.customerId)).toEqual([ada.customerId]);
    expect(await cases(grace.customerId)).toEqual([]);
  });
});
