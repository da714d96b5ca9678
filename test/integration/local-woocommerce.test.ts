// The fake WooCommerce store is mounted on the local stack's API: orders added through its control
// route are read back through the WooCommerce REST API v3 with a consumer key and secret.
import { describe, expect, it } from 'vitest';
import { api, endpoints, uniqueId } from './support.ts';

const auth = { authorization: `Basic ${Buffer.from('ck_it:cs_it').toString('base64')}` };

describe('the fake WooCommerce store on the local stack', () => {
  it('serves the orders added to it, newest change last when asked', async () => {
    // A store of its own, so reconciliation of the demo shop is not affected.
    const store = uniqueId('it-store');
    for (const id of [11, 12]) {
      const { status } = await api(`/_local/woocommerce/${store}/orders`, { method: 'POST', json: { id, status: 'processing', currency: 'USD' } });
      expect(status).toBe(201);
    }
    const { body: clock } = await api('/_local/clock');
    const after = new Date(new Date(clock.now).getTime() - 60_000).toISOString().slice(0, 19);

    const base = `${endpoints.api}/_local/woocommerce/${store}/wp-json/wc/v3`;
    const response = await fetch(`${base}/orders?modified_after=${after}&orderby=modified&order=asc&per_page=1&page=2&dates_are_gmt=true`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-wp-total')).toBe('2');
    expect(response.headers.get('x-wp-totalpages')).toBe('2');
    expect(((await response.json()) as { id: number }[]).map((order) => order.id)).toHaveLength(1);

    const one = await fetch(`${base}/orders/12`, { headers: auth });
    expect(await one.json()).toMatchObject({ id: 12, status: 'processing', date_modified_gmt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/) });
    expect((await fetch(`${base}/orders`)).status).toBe(401);
    expect((await api(`/_local/woocommerce/${store}/orders`)).body.orders).toHaveLength(2);
  });
});
