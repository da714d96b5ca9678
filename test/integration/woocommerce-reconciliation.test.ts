// WooCommerce never retries a failed webhook: the reconciliation job reads the store's changed
// orders and takes in what a lost webhook missed, without doubling what did arrive.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { signBase64BodyHmac } from '../../shared/webhooks/signatures.ts';
import { api, clients, endpoints, resourceName, settle } from './support.ts';

const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../unit/storefronts/fixtures/woo-order.json'), 'utf8'));

function wooOrder(id: number, modified: string) {
  return { ...fixture, id, number: String(id), date_modified_gmt: modified, date_modified: modified };
}

async function orderState(id: number) {
  const { Item } = await clients.dynamo.send(new GetCommand({ TableName: resourceName('BackboneStateTable'), Key: { pk: `ORDER#demo-woocommerce#${id}`, sk: 'STATE' } }));
  return Item?.state;
}

async function placedEvents(id: number) {
  const { body } = await api('/_local/events?detailType=OrderPlaced');
  return body.events.filter((event: any) => event.detail.orderId === String(id));
}

describe('WooCommerce reconciliation', () => {
  it('recovers an order whose webhook was lost, and does not double one that arrived', async () => {
    const { body: clock } = await api('/_local/clock');
    const modified = new Date(Date.parse(clock.now) - 60_000).toISOString().slice(0, 19);
    const lost = 70_000 + Math.floor(Math.random() * 10_000) * 2;
    const delivered = lost + 1;

    // Both orders are in the store; only one webhook reached us.
    for (const id of [lost, delivered]) {
      const response = await api('/_local/woocommerce/demo-woocommerce/orders', { method: 'POST', json: wooOrder(id, modified) });
      expect(response.status).toBeLessThan(300);
    }
    const body = JSON.stringify(wooOrder(delivered, modified));
    const webhook = await fetch(`${endpoints.api}/webhooks/woocommerce`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wc-webhook-topic': 'order.created',
        'x-wc-webhook-source': 'https://demo-shop.example/',
        'x-wc-webhook-delivery-id': '1',
        'x-wc-webhook-signature': signBase64BodyHmac(body, 'local-webhook-secret'),
      },
      body,
    });
    expect(webhook.status).toBe(200);
    await settle();

    // The reconciliation schedule runs every 15 minutes (and once when the stack starts).
    const fired = await api('/_local/clock', { method: 'POST', json: { advance: 'PT16M' } });
    expect(fired.status).toBe(200);
    await settle();
    expect((await orderState(lost))?.order.orderId).toBe(String(lost));
    expect(await placedEvents(lost)).toHaveLength(1);
    expect(await placedEvents(delivered)).toHaveLength(1);
  });
});
