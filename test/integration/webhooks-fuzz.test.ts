// Several hundred mutated and forged deliveries against the webhook endpoints: never a 5xx, and
// none of them changes order state or puts an event on the bus.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signBase64BodyHmac } from '../../shared/webhooks/signatures.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, resourceName, settle } from './support.ts';

const secret = 'local-webhook-secret';
const baseOrderId = 8_100_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;

type Mutation =
  | { kind: 'flip-byte'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'wrong-secret'; secret: string }
  | { kind: 'drop-header'; header: string }
  | { kind: 'garbage-signature'; value: string }
  | { kind: 'replace-header'; header: string; value: string };

const headerNames = ['x-shopify-hmac-sha256', 'x-shopify-shop-domain', 'x-shopify-topic', 'x-shopify-event-id', 'content-type'];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip-byte' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('wrong-secret' as const), secret: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s !== secret) }),
  fc.record({ kind: fc.constant('drop-header' as const), header: fc.constantFrom('x-shopify-hmac-sha256', 'x-shopify-shop-domain') }),
  fc.record({ kind: fc.constant('garbage-signature' as const), value: fc.string({ maxLength: 100 }) }),
  fc.record({ kind: fc.constant('replace-header' as const), header: fc.constantFrom(...headerNames), value: fc.string({ maxLength: 200 }) }),
);

/** Applies a mutation to a correctly signed delivery. Every mutation leaves it forged or unusable. */
function mutate(orderId: number, m: Mutation) {
  let body = Buffer.from(JSON.stringify(shopifyOrder({ orderId })));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': 'demo-shop.myshopify.com',
    'x-shopify-event-id': randomUUID(),
    'x-shopify-hmac-sha256': signBase64BodyHmac(body, secret),
  };
  switch (m.kind) {
    case 'flip-byte': {
      const at = m.at % body.length;
      body = Buffer.from(body);
      body[at] = body[at]! ^ 0x20 || 0x41;
      break;
    }
    case 'truncate':
      body = body.subarray(0, m.at % body.length);
      break;
    case 'wrong-secret':
      headers['x-shopify-hmac-sha256'] = signBase64BodyHmac(body, m.secret);
      break;
    case 'drop-header':
      delete headers[m.header];
      break;
    case 'garbage-signature':
      headers['x-shopify-hmac-sha256'] = m.value.replace(/[^\x20-\x7e]/g, '');
      break;
    case 'replace-header':
      // Only headers that make the delivery forged or unusable: shop, signature, topic, type.
      if (m.header === 'x-shopify-event-id') headers['x-shopify-hmac-sha256'] = 'forged';
      headers[m.header] = m.value.replace(/[^\x20-\x7e]/g, '') || 'x';
      if (m.header === 'x-shopify-topic' && headers[m.header] === 'orders/create') headers[m.header] = 'orders/unknown';
      if (m.header === 'content-type' && headers[m.header] === 'application/json') headers[m.header] = 'text/plain';
      if (m.header === 'x-shopify-shop-domain' && headers[m.header] === 'demo-shop.myshopify.com') headers[m.header] = 'other.myshopify.com';
      break;
  }
  return { body, headers };
}

describe('webhook fuzzing', () => {
  it('answers every mutated or forged delivery with a 4xx problem and changes no state', async () => {
    const statuses: Record<number, number> = {};
    let index = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const orderId = baseOrderId + index++;
        const { body, headers } = mutate(orderId, m);
        const response = await fetch(`${endpoints.api}/webhooks/shopify`, { method: 'POST', headers, body });
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        expect(response.status, JSON.stringify(m)).toBeGreaterThanOrEqual(400);
        expect(response.status, JSON.stringify(m)).toBeLessThan(500);
        const problem = (await response.json()) as { title?: string; detail?: string; status?: number };
        expect(problem.status).toBe(response.status);
        expect(problem.detail).toBeTruthy();
      }),
      { numRuns: 300 },
    );
    await settle();
    for (let i = 0; i < index; i += 37) {
      const { Item } = await clients.dynamo.send(new GetCommand({ TableName: resourceName('BackboneStateTable'), Key: { pk: `ORDER#demo-shopify#${baseOrderId + i}`, sk: 'STATE' } }));
      expect(Item).toBeUndefined();
    }
    const { body } = await api('/_local/events?detailType=OrderPlaced');
    const touched = body.events.filter((event: any) => Number(event.detail.orderId) >= baseOrderId && Number(event.detail.orderId) < baseOrderId + index);
    expect(touched).toEqual([]);
    expect(Object.keys(statuses).every((status) => Number(status) < 500)).toBe(true);
  });
});
