// Exchanges through the local stack and its fake storefront (/_local/storefront/demo-shopify): a
// dearer replacement shows the charge and, once approved, is reserved and the difference charged;
// a cheaper one shows the refund; an out-of-stock or foreign-currency one is refused naming the
// rule; when the items pass inspection the replacement order is created, announced and the case
// resolved.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, endpoints, eventually, opsToken, sendShopify, settle } from './support.ts';

const shopId = 'demo-shopify';
const base = 9_300_000 + Math.floor(Math.random() * 90_000);
const orders = [0, 1].map((offset) => ({ orderId: base + offset, number: String((base + offset) % 100_000), email: `exch-${randomUUID().slice(0, 8)}@example.com` }));
const tentOf = (order: (typeof orders)[number]) => String(order.orderId * 10 + 1);
const stakesOf = (order: (typeof orders)[number]) => String(order.orderId * 10 + 2);
const variants = { tent3p: '808950830', tent1p: '808950840', tentOrange: '808950850', tentEuro: '808950860', stakes4: '808950813' };

const requestExchange = (order: (typeof orders)[number], lines: { lineItemId: string; quantity: number; exchangeVariantId: string }[]) =>
  api('/returns', { method: 'POST', json: { shopId, orderNumber: order.number, email: order.email, lines: lines.map((line) => ({ ...line, reason: 'too_small', resolution: 'exchange' })) } });
const storefront = async () => (await api(`/_local/storefront/${shopId}`)).body as { reservations: any[]; orders: any[]; charges: any[] };
const eventsOf = async (detailType: string, returnId: string) => ((await api(`/_local/events?detailType=${detailType}`)).body.events as any[]).filter((event) => event.detail.returnId === returnId);

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const order of orders) {
    await sendShopify('orders/create', shopifyOrder({ orderId: order.orderId, email: order.email, createdAt: iso(6) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: order.orderId + 5, orderId: order.orderId, shipmentStatus: 'delivered', createdAt: iso(5), updatedAt: iso(3) }));
  }
  await settle();
});

describe('exchanges', () => {
  let dearer: { id: string };

  it('shows the charge for a dearer replacement, then reserves it and charges the difference once approved', async () => {
    const { status, body } = await requestExchange(orders[0]!, [{ lineItemId: tentOf(orders[0]!), quantity: 1, exchangeVariantId: variants.tent3p }]);
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.status).toBe('approved');
    // 299.00 for the 3P tent against 249.00 paid for the 2P.
    expect(body.lines[0]).toMatchObject({ resolution: 'exchange', exchangeVariantId: variants.tent3p, exchange: { variantId: variants.tent3p, title: 'Trail tent 3P - Green', unitPrice: { amount: 29900, currency: 'USD' }, priceDifference: { amount: 5000, currency: 'USD', direction: 'charge' } } });
    dearer = body;

    await settle();
    const state = await eventually(async () => {
      const found = await storefront();
      return found.charges.some((charge) => charge.key === `${dearer.id}:difference`) ? found : undefined;
    }, { what: 'the difference charged' });
    expect(state.reservations.filter((r) => r.key.startsWith(`${dearer.id}:`))).toEqual([expect.objectContaining({ key: `${dearer.id}:${tentOf(orders[0]!)}`, variantId: variants.tent3p, quantity: 1, status: 'reserved' })]);
    expect(state.charges.filter((c) => c.key.startsWith(`${dearer.id}:`))).toEqual([expect.objectContaining({ amount: { amount: 5000, currency: 'USD' } })]);

    const ops = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const { data } = await ops.GET('/ops/returns/{caseId}', { params: { path: { caseId: dearer.id }, query: { shopId } } });
    expect(data?.exchange).toMatchObject({ instant: false, reservations: [{ status: 'reserved' }], differenceCharge: { amount: { amount: 5000, currency: 'USD' } } });
    expect(data?.history.map((entry) => entry.action)).toContain('exchange_reserved');
  });

  it('shows the refund for a cheaper replacement, and charges nothing', async () => {
    const { status, body } = await requestExchange(orders[0]!, [{ lineItemId: stakesOf(orders[0]!), quantity: 2, exchangeVariantId: variants.stakes4 }]);
    expect(status, JSON.stringify(body)).toBe(201);
    // Two packs of 4 at 7.00 against two packs of 8 listed at 12.50.
    expect(body.lines[0].exchange).toMatchObject({ title: 'Tent stakes - Pack of 4', priceDifference: { amount: 1100, currency: 'USD', direction: 'refund' } });
    await settle();
    const state = await eventually(async () => {
      const found = await storefront();
      return found.reservations.some((r) => r.key.startsWith(`${body.id}:`)) ? found : undefined;
    }, { what: 'the cheaper replacement reserved' });
    expect(state.charges.filter((c) => c.key.startsWith(`${body.id}:`))).toEqual([]);
  });

  it('refuses an out-of-stock replacement and one priced in another currency with 422, naming the rules', async () => {
    const before = (await storefront()).reservations.length;
    const { status, body } = await requestExchange(orders[1]!, [
      { lineItemId: tentOf(orders[1]!), quantity: 1, exchangeVariantId: variants.tentOrange },
      { lineItemId: stakesOf(orders[1]!), quantity: 1, exchangeVariantId: variants.tentEuro },
    ]);
    expect(status).toBe(422);
    expect(body.detail).toContain('exchange.unavailable');
    expect(body.errors).toEqual([
      { path: 'body.lines[0]', message: expect.stringMatching(/^exchange\.unavailable: .+/) },
      { path: 'body.lines[1]', message: expect.stringMatching(/^exchange\.currency: .+/) },
    ]);
    expect((await storefront()).reservations).toHaveLength(before);
  });

  it('creates the replacement order when the items pass inspection, announces it and resolves the case', async () => {
    const agent = createApiClient({ baseUrl: endpoints.api, token: await opsToken('agent') });
    const path = { caseId: dearer.id };
    const received = await agent.POST('/ops/returns/{caseId}/receipt', { params: { path, query: { shopId } }, body: {} });
    expect(received.response.status, JSON.stringify(received.error)).toBe(200);
    const inspected = await agent.POST('/ops/returns/{caseId}/inspection', { params: { path, query: { shopId } }, body: { lines: [{ lineItemId: tentOf(orders[0]!), condition: 'as_new' }] } });
    expect(inspected.response.status, JSON.stringify(inspected.error)).toBe(200);
    await settle();

    const [created] = await eventually(async () => {
      const found = await eventsOf('ExchangeOrderCreated', dearer.id);
      return found.length > 0 ? found : undefined;
    }, { what: 'ExchangeOrderCreated' });
    const order = (await storefront()).orders.find((o) => o.key === dearer.id);
    expect(order).toMatchObject({ orderNumberOfOriginal: `#${orders[0]!.number}`, customer: { email: orders[0]!.email }, lines: [{ variantId: variants.tent3p, quantity: 1, reservationKey: `${dearer.id}:${tentOf(orders[0]!)}` }] });
    expect(created.detail).toMatchObject({ exchangeOrderId: order.orderId, exchangeOrderNumber: order.orderNumber, priceDifference: { amount: 5000, currency: 'USD' }, lines: [{ variantId: variants.tent3p, quantity: 1, unitPrice: { amount: 29900, currency: 'USD' } }] });

    const resolved = await eventually(async () => {
      const { data } = await agent.GET('/ops/returns/{caseId}', { params: { path, query: { shopId } } });
      return data?.status === 'resolved' ? data : undefined;
    }, { what: 'the case resolved' });
    expect(resolved.exchange).toMatchObject({ order: { orderId: order.orderId, shippedEarly: false }, reservations: [{ status: 'ordered' }] });
    // ReturnResolved leaves through the outbox after the case is written.
    const [resolution] = await eventually(async () => {
      const found = await eventsOf('ReturnResolved', dearer.id);
      return found.length > 0 ? found : undefined;
    }, { what: 'ReturnResolved' });
    expect(resolution?.detail).toMatchObject({ resolution: 'exchange', exchangeOrderId: order.orderId, resolvedBy: { kind: 'system' } });
    // The difference was charged once, at approval.
    expect((await storefront()).charges.filter((c) => c.key.startsWith(`${dearer.id}:`))).toHaveLength(1);
  });
});
