// The fake WooCommerce store, over HTTP with fetch, as reconciliation reads it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeWooCommerce } from '../../../infra/local/woocommerce/index.ts';

const START = new Date('2030-03-01T12:00:00Z');
const auth = { authorization: `Basic ${Buffer.from('ck_local:cs_local').toString('base64')}` };

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function start() {
  // A clock that moves only when told, so stamped times are exact.
  let nowMs = START.getTime();
  const clock = { now: () => new Date(nowMs), advance: (ms: number) => void (nowMs += ms) };
  const woo = new FakeWooCommerce({ now: () => clock.now() });
  const server = http.createServer(async (req, res) => {
    if (!(await woo.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')))) {
      res.writeHead(418);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_local/woocommerce`;
  const api = `${base}/demo-woocommerce/wp-json/wc/v3`;
  const post = async (order: Record<string, unknown>, store = 'demo-woocommerce') => {
    const response = await fetch(`${base}/${store}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(order) });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const get = async (path: string, headers: Record<string, string> = auth) => {
    const response = await fetch(`${api}/${path}`, { headers });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  return { clock, woo, base, post, get };
}

describe('the fake WooCommerce store', () => {
  it('takes orders through the control route, stamping date_modified_gmt with the local clock', async () => {
    const { clock, post, base } = await start();
    const created = await post({ id: 101, status: 'processing', total: '20.00' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 101, status: 'processing', date_modified_gmt: '2030-03-01T12:00:00', date_created_gmt: '2030-03-01T12:00:00' });

    clock.advance(60_000);
    const updated = await post({ id: 101, status: 'completed' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: 101, status: 'completed', total: '20.00', date_modified_gmt: '2030-03-01T12:01:00', date_created_gmt: '2030-03-01T12:00:00' });

    const explicit = await post({ id: 102, date_modified_gmt: '2030-02-01T08:00:00Z' });
    expect(explicit.body.date_modified_gmt).toBe('2030-02-01T08:00:00');

    const listed = (await fetch(`${base}/demo-woocommerce/orders`).then((response) => response.json())) as { orders: { id: number }[] };
    expect(listed.orders.map((order) => order.id)).toEqual([101, 102]);
    const other = (await fetch(`${base}/another-store/orders`).then((response) => response.json())) as { orders: unknown[] };
    expect(other.orders).toEqual([]);
  });

  it('refuses an order without a numeric id, or a body that is not JSON', async () => {
    const { post, base } = await start();
    expect((await post({ status: 'processing' })).status).toBe(400);
    const response = await fetch(`${base}/demo-woocommerce/orders`, { method: 'POST', body: 'not json' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('rest_invalid_json');
  });

  it('wants a consumer key and secret on the REST API', async () => {
    const { post, get } = await start();
    await post({ id: 1 });
    for (const headers of [{} as Record<string, string>, { authorization: `Basic ${Buffer.from('ck_only:').toString('base64')}` }, { authorization: 'Bearer x' }]) {
      const { status, body } = await get('orders', headers);
      expect(status).toBe(401);
      expect(body).toMatchObject({ code: 'woocommerce_rest_cannot_view', data: { status: 401 } });
    }
    expect((await get('orders/1', {})).status).toBe(401);
    expect((await get('orders?consumer_key=ck&consumer_secret=cs', {})).status).toBe(200);
    expect((await get('orders')).status).toBe(200);
  });

  it('lists orders modified after a time, oldest change first, page by page with X-WP-Total headers', async () => {
    const { clock, post, get } = await start();
    for (let id = 1; id <= 7; id++) {
      await post({ id, status: 'processing' });
      clock.advance(60_000);
    }
    // Order 2 changes last.
    await post({ id: 2, status: 'completed' });

    const query = 'orders?modified_after=2030-03-01T12:02:00&orderby=modified&order=asc&per_page=3&dates_are_gmt=true';
    const first = await get(`${query}&page=1`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-wp-total')).toBe('5');
    expect(first.headers.get('x-wp-totalpages')).toBe('2');
    expect(first.body.map((order: { id: number }) => order.id)).toEqual([4, 5, 6]);
    const second = await get(`${query}&page=2`);
    expect(second.body.map((order: { id: number }) => order.id)).toEqual([7, 2]);
    expect((await get(`${query}&page=3`)).body).toEqual([]);

    const all = await get('orders?per_page=100');
    expect(all.headers.get('x-wp-totalpages')).toBe('1');
    // WooCommerce's default order: newest created first.
    expect(all.body.map((order: { id: number }) => order.id)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect((await get('orders?status=completed')).body.map((order: { id: number }) => order.id)).toEqual([2]);

    const none = await get('orders?modified_after=2031-01-01T00:00:00Z');
    expect(none.body).toEqual([]);
    expect(none.headers.get('x-wp-totalpages')).toBe('0');
  });

  it('answers bad query parameters as WordPress does', async () => {
    const { get } = await start();
    const tooMany = await get('orders?per_page=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ code: 'rest_invalid_param', data: { status: 400, params: { per_page: expect.any(String) } } });
    expect((await get('orders?modified_after=yesterday')).body.code).toBe('rest_invalid_param');
    expect((await get('orders?orderby=title')).status).toBe(400);
  });

  it('reads one order by id', async () => {
    const { post, get } = await start();
    await post({ id: 55, number: '55', line_items: [{ id: 1, quantity: 2 }] });
    const found = await get('orders/55');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: 55, line_items: [{ id: 1, quantity: 2 }] });
    const missing = await get('orders/56');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('woocommerce_rest_shop_order_invalid_id');
    expect((await get('products')).body.code).toBe('rest_no_route');
  });

  it('leaves other paths to the caller', async () => {
    const { base } = await start();
    const response = await fetch(base.replace('/_local/woocommerce', '/elsewhere'));
    expect(response.status).toBe(418);
  });
});
