// The fake storefront's discount codes, through the HTTP adapter the delay flow's courtesy discount
// (and nudges) use: one code per idempotency key, unique codes, listable, errors the caller retries.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpStorefrontDiscounts } from '../../../shared/adapters/storefront-discounts.ts';
import { DiscountsNotConfiguredError, StorefrontDiscountError } from '../../../shared/storefronts/discount-port.ts';
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
  const port = new HttpStorefrontDiscounts((shopId) => (shopId === 'unconfigured' ? undefined : { apiUrl: `${base}/${shopId}`, apiKey: 'local-key' }), recordingFetch);
  const listed = async (shop = 'demo-shopify') => ((await (await fetch(`${base}/${shop}/discounts`)).json()) as { discounts: any[] }).discounts;
  return { base, port, seen, listed };
}

const request = (key: string) => ({ key, value: { type: 'percent' as const, percent: 10 }, expiresAt: '2030-05-01T12:00:00.000Z', codePrefix: 'Sorry', customerEmail: 'ada@example.com', reason: 'Courtesy for the delay of order #1001' });

describe('storefront discount codes', () => {
  it('creates one code per key: the same key answers the same code, another key a different one', async () => {
    const { port, seen, listed } = await start();
    const first = await port.createDiscount('demo-shopify', request('delay-courtesy:demo-shopify:1'));
    expect(first).toEqual({ discountId: expect.any(String), code: expect.stringMatching(/^Sorry-[0-9a-f]{8}$/) });
    expect(await port.createDiscount('demo-shopify', request('delay-courtesy:demo-shopify:1'))).toEqual(first);
    const second = await port.createDiscount('demo-shopify', { ...request('delay-courtesy:demo-shopify:2'), value: { type: 'fixed_amount', amount: { amount: 500, currency: 'EUR' } } });
    expect(second.code).not.toBe(first.code);
    expect((seen[0]!.headers as Record<string, string>).authorization).toBe('Bearer local-key');
    // Listable, with what was asked: a personal code, one use by default.
    expect(await listed()).toEqual([
      expect.objectContaining({ key: 'delay-courtesy:demo-shopify:1', code: first.code, usageLimit: 1, value: { type: 'percent', percent: 10 }, customerEmail: 'ada@example.com', expiresAt: '2030-05-01T12:00:00.000Z' }),
      expect.objectContaining({ key: 'delay-courtesy:demo-shopify:2', code: second.code, value: { type: 'fixed_amount', amount: { amount: 500, currency: 'EUR' } } }),
    ]);
    // Each store keeps its own.
    expect(await listed('demo-generic')).toEqual([]);
  });

  it('refuses an invalid request naming the field, and says when a shop has no discount service', async () => {
    const { base, port } = await start();
    const response = await fetch(`${base}/demo-shopify/discounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...request('k'), value: { type: 'percent', percent: 0 } }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^value\.percent/);
    await expect(port.createDiscount('unconfigured', request('k'))).rejects.toBeInstanceOf(DiscountsNotConfiguredError);
  });

  it('turns an unreachable or misbehaving service into an error to retry', async () => {
    const down = new HttpStorefrontDiscounts(() => ({ apiUrl: 'http://127.0.0.1:9/nowhere' }), fetch, 2_000);
    await expect(down.createDiscount('demo-shopify', request('k'))).rejects.toBeInstanceOf(StorefrontDiscountError);
    const odd = new HttpStorefrontDiscounts(() => ({ apiUrl: 'https://discounts.example' }), async () => new Response(JSON.stringify({ code: 'x' }), { status: 201 }));
    await expect(odd.createDiscount('demo-shopify', request('k'))).rejects.toThrow(/invalid body at discountId/);
    const failing = new HttpStorefrontDiscounts(() => ({ apiUrl: 'https://discounts.example' }), async () => new Response('busy', { status: 503 }));
    await expect(failing.createDiscount('demo-shopify', request('k'))).rejects.toThrow(/answered 503/);
  });
});
