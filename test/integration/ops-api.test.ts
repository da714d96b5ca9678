// The ops API through the local stack, driven by the typed client generated from openapi.json:
// every ops operation refuses callers without a valid token, and a viewer reads what the webhooks
// stored.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { signBase64BodyHmac } from '../../shared/webhooks/signatures.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { api, endpoints, settle } from './support.ts';

const document = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../openapi.json'), 'utf8'));

async function token(role: string): Promise<string> {
  const { status, body } = await api('/_local/token', { method: 'POST', json: { role } });
  expect(status).toBe(200);
  return body.token;
}

async function sendOrder(orderId: number, email: string, createdAt: string) {
  const body = JSON.stringify(shopifyOrder({ orderId, email, createdAt, customerId: orderId - (orderId % 10) + 9 }));
  const response = await fetch(`${endpoints.api}/webhooks/shopify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'demo-shop.myshopify.com', 'x-shopify-event-id': randomUUID(), 'x-shopify-hmac-sha256': signBase64BodyHmac(body, 'local-webhook-secret') },
    body,
  });
  expect(response.status).toBe(200);
}

const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([route, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), route, operationId: op.operationId as string, access: op['x-access'] as string, role: op['x-required-role'] as string | undefined })),
);
const roleOrder = ['viewer', 'agent', 'supervisor', 'admin'];

function request(op: (typeof operations)[number], token?: string) {
  const url = `${endpoints.api}${op.route.replace(/\{[^}]+\}/g, 'x-1')}?shopId=demo-shopify`;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return fetch(url, { method: op.method, headers, ...(op.method === 'GET' ? {} : { body: '{}' }) });
}

describe('authorization of every operation in the OpenAPI document', () => {
  it('serves every documented operation', async () => {
    const served = new Set((await api('/_local/wiring')).body.routes.map((route: { routeKey: string }) => route.routeKey));
    expect(operations.filter((op) => !served.has(`${op.method} ${op.route}`)).map((op) => op.operationId)).toEqual([]);
  });

  it('refuses each ops operation without a token, with a tampered one, and to every role below the one it requires', async () => {
    const tokens = Object.fromEntries(await Promise.all(roleOrder.map(async (role) => [role, await token(role)] as const)));
    const ops = operations.filter((op) => op.access === 'ops');
    expect(ops.length).toBeGreaterThanOrEqual(11);
    for (const op of ops) {
      expect((await request(op)).status, `${op.operationId} without a token`).toBe(401);
      expect((await request(op, `${tokens.admin!.slice(0, -4)}AAAA`)).status, `${op.operationId} with a tampered token`).toBe(401);
      const required = roleOrder.indexOf(op.role!);
      expect(required, `${op.operationId} names a known role`).toBeGreaterThanOrEqual(0);
      for (const [index, role] of roleOrder.entries()) {
        const response = await request(op, tokens[role]);
        const body = (await response.json()) as { status?: number };
        if (index < required) expect([response.status, body.status], `${op.operationId} as ${role}`).toEqual([403, 403]);
        else expect([401, 403], `${op.operationId} as ${role}`).not.toContain(response.status);
      }
    }
  });

  it('refuses each customer operation without a session, or with an ops token', async () => {
    const customerOps = operations.filter((op) => op.access === 'customer');
    expect(customerOps.length).toBeGreaterThanOrEqual(1);
    for (const op of customerOps) {
      expect((await request(op)).status, `${op.operationId} without a token`).toBe(401);
      expect((await request(op, await token('admin'))).status, `${op.operationId} with an ops token`).toBe(401);
    }
  });

  it('refuses each webhook without a signature, and lets public operations through without credentials', async () => {
    for (const op of operations.filter((candidate) => candidate.access === 'webhook')) {
      expect((await request(op)).status, `${op.operationId} unsigned`).toBe(401);
    }
    for (const op of operations.filter((candidate) => candidate.access === 'public')) {
      expect([401, 403], `${op.operationId} is public`).not.toContain((await request(op)).status);
    }
  });
});

describe('ops API reads', () => {
  it('lists, pages through and reads orders and customers the webhooks stored', async () => {
    const client = createApiClient({ baseUrl: endpoints.api, token: await token('viewer') });
    const email = `ops-${randomUUID().slice(0, 8)}@example.com`;
    const base = 6_600_000 + Math.floor(Math.random() * 100_000) * 10;
    const created = ['2031-01-01T10:00:00Z', '2031-01-01T11:00:00Z', '2031-01-01T12:00:00Z'];
    for (const [i, createdAt] of created.entries()) await sendOrder(base + i, email, createdAt);
    await settle();

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { data, error } = await client.GET('/ops/orders', { params: { query: { shopId: 'demo-shopify', from: '2031-01-01T00:00:00Z', to: '2031-01-02T00:00:00Z', limit: 1, cursor, sort: 'createdAt' } } });
      expect(error).toBeUndefined();
      seen.push(...data!.items.map((item) => item.orderId));
      cursor = data!.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => Number(id) >= base && Number(id) < base + 3)).toEqual([String(base), String(base + 1), String(base + 2)]);

    const order = await client.GET('/ops/orders/{orderId}', { params: { path: { orderId: String(base) }, query: { shopId: 'demo-shopify' } } });
    expect(order.data?.order.customer.email).toBe(email);
    const timeline = await client.GET('/ops/orders/{orderId}/timeline', { params: { path: { orderId: String(base) }, query: { shopId: 'demo-shopify' } } });
    expect(timeline.data?.items.map((entry) => entry.detailType)).toContain('OrderPlaced');

    const customers = await client.GET('/ops/customers', { params: { query: { shopId: 'demo-shopify', email } } });
    expect(customers.data?.items).toHaveLength(1);
    expect(customers.data!.items[0]!.orderCount).toBe(3);
    const customer = await client.GET('/ops/customers/{customerId}', { params: { path: { customerId: customers.data!.items[0]!.customerId }, query: { shopId: 'demo-shopify' } } });
    expect(customer.data?.email).toBe(email);
  });

  it('names the invalid field, and answers 404 for an unknown order, as problem details', async () => {
    const client = createApiClient({ baseUrl: endpoints.api, token: await token('viewer') });
    const invalid = await client.GET('/ops/orders', { params: { query: { shopId: 'demo-shopify', limit: 0 } } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error).toMatchObject({ status: 400, errors: [expect.objectContaining({ path: 'query.limit' })] });
    const missing = await client.GET('/ops/orders/{orderId}', { params: { path: { orderId: 'no-such-order' }, query: { shopId: 'demo-shopify' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ status: 404, requestId: expect.any(String) });
  });
});

describe('GET /ops/health', () => {
  it('reports every dead-letter queue of the stack with its depth, and the open dead letters', async () => {
    const client = createApiClient({ baseUrl: endpoints.api, token: await token('viewer') });
    const { data, error } = await client.GET('/ops/health');
    expect(error).toBeUndefined();
    const names = data!.deadLetterQueues.map((queue) => queue.name);
    expect(names).toEqual(expect.arrayContaining(['OpsApi/JournalQueue/DeadLetters', 'Ingest/DeliveryQueue/DeadLetters', 'Outbox/DeadLetters']));
    expect(data!.openDeadLetters).toBeGreaterThanOrEqual(0);
    expect(data!.status).toBe(data!.openDeadLetters > 0 || data!.deadLetterQueues.some((queue) => queue.messages > 0) ? 'attention' : 'ok');
  });
});
