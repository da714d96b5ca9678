// The fake storefront exchange service, through the HTTP adapter the exchange consumer uses.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpStorefrontExchange } from '../../../shared/adapters/storefront-exchange.ts';
import { ExchangesNotConfiguredError, StorefrontExchangeError } from '../../../shared/storefronts/exchange-port.ts';
import { FakeStorefront } from '../../../infra/local/storefront/index.ts';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function start() {
  const fake = new FakeStorefront({ now: () => new Date('2030-03-01T12:00:00Z') });
  const server = http.createServer(async (req, res) => {
    if (!(await fake.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')))) {
      res.writeHead(418);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_local/storefront`;
  const seen: RequestInit[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    seen.push(init ?? {});
    return fetch(input, init);
  };
  const port = new HttpStorefrontExchange((shopId) => (shopId === 'unconfigured' ? undefined : { apiUrl: `${base}/${shopId}/`, apiKey: 'local-key' }), recordingFetch);
  const snapshot = async (shop = 'demo-shopify') => (await (await fetch(`${base}/${shop}`)).json()) as any;
  return { fake, base, port, seen, snapshot };
}

describe('the fake storefront through the HTTP adapter', () => {
  it('answers variants with price and stock, and undefined for an unknown one', async () => {
    const { port, seen } = await start();
    expect(await port.variant('demo-shopify', '808950830')).toEqual({ variantId: '808950830', productId: '632910394', title: 'Trail tent 3P - Green', sku: 'TENT-3P', price: { amount: 29900, currency: 'USD' }, available: 100 });
    expect(await port.variant('demo-shopify', 'no-such-variant')).toBeUndefined();
    expect((seen[0]!.headers as Record<string, string>).authorization).toBe('Bearer local-key');
  });

  it('reserves once per key, takes the units from what is available, and releases them', async () => {
    const { port, snapshot } = await start();
    const first = await port.reserve('demo-shopify', { key: 'ret_1:L1', variantId: '808950830', quantity: 2 });
    const again = await port.reserve('demo-shopify', { key: 'ret_1:L1', variantId: '808950830', quantity: 2 });
    expect(first).toEqual({ ok: true, reservationId: expect.stringMatching(/^rsv_/) });
    expect(again).toEqual(first);
    expect((await port.variant('demo-shopify', '808950830'))?.available).toBe(98);
    await port.release('demo-shopify', 'ret_1:L1');
    await port.release('demo-shopify', 'never-reserved');
    expect((await port.variant('demo-shopify', '808950830'))?.available).toBe(100);
    expect((await snapshot()).reservations).toEqual([expect.objectContaining({ key: 'ret_1:L1', status: 'released' })]);
  });

  it('says out of stock with what is available', async () => {
    const { port } = await start();
    expect(await port.reserve('demo-shopify', { key: 'k-orange', variantId: '808950850', quantity: 1 })).toEqual({ ok: false, reason: 'out_of_stock', available: 0 });
    expect(await port.reserve('demo-shopify', { key: 'k-many', variantId: '808950840', quantity: 101 })).toEqual({ ok: false, reason: 'out_of_stock', available: 100 });
  });

  it('creates one exchange order per key, consuming the reservation it names', async () => {
    const { port, snapshot } = await start();
    await port.reserve('demo-shopify', { key: 'ret_2:L1', variantId: '808950840', quantity: 1 });
    const request = { key: 'ret_2', orderNumberOfOriginal: '#1001', customer: { email: 'ada@example.com' }, lines: [{ variantId: '808950840', quantity: 1, reservationKey: 'ret_2:L1' }], note: 'Exchange for return ret_2' };
    const order = await port.createExchangeOrder('demo-shopify', request);
    expect(order).toEqual({ orderId: expect.stringMatching(/^EX/), orderNumber: expect.stringMatching(/^#1001-EX/) });
    expect(await port.createExchangeOrder('demo-shopify', request)).toEqual(order);
    const state = await snapshot();
    expect(state.orders).toHaveLength(1);
    expect(state.reservations[0]).toMatchObject({ key: 'ret_2:L1', status: 'ordered' });
    expect(state.variants.find((v: any) => v.variantId === '808950840')).toMatchObject({ stock: 99, available: 99 });
  });

  it('charges once per key', async () => {
    const { port, snapshot } = await start();
    const charge = await port.charge('demo-shopify', { key: 'ret_3:difference', amount: { amount: 5000, currency: 'USD' }, reason: 'Exchange price difference' });
    expect(await port.charge('demo-shopify', { key: 'ret_3:difference', amount: { amount: 5000, currency: 'USD' }, reason: 'Exchange price difference' })).toEqual(charge);
    expect((await snapshot()).charges).toEqual([expect.objectContaining({ key: 'ret_3:difference', chargeId: charge.chargeId, amount: { amount: 5000, currency: 'USD' } })]);
  });

  it('keeps stores apart, and lets a test set a variant’s stock', async () => {
    const { base, port } = await start();
    const response = await fetch(`${base}/demo-generic/variants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ variantId: 'STOVE-1', productId: 'STOVE', title: 'Camp stove', price: { amount: 2000, currency: 'USD' }, stock: 1 }) });
    expect(response.status).toBe(200);
    expect((await port.variant('demo-generic', 'STOVE-1'))?.available).toBe(1);
    expect(await port.variant('demo-shopify', 'STOVE-1')).toBeUndefined();
  });

  it('refuses a shop without an exchange service, and reports a contract breach', async () => {
    const { port, base } = await start();
    await expect(port.variant('unconfigured', '808950830')).rejects.toThrow(ExchangesNotConfiguredError);
    await expect(port.reserve('demo-shopify', { key: 'k', variantId: 'no-such-variant', quantity: 1 })).rejects.toThrow(StorefrontExchangeError);
    const bad = await fetch(`${base}/demo-shopify/charges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'k', amount: { amount: 0, currency: 'USD' }, reason: 'x' }) });
    expect(bad.status).toBe(400);
  });
});
