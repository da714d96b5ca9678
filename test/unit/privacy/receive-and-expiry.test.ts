// Privacy webhooks are received like every Shopify webhook (signed, deduplicated, kept), and every
// kept delivery, accepted or quarantined, carries the expiry the state table's TTL reads.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DeliveryStore, deliveryRetentionDays } from '../../../shared/adapters/delivery-store.ts';
import { shopifyPrivacyTopics } from '../../../shared/privacy/requests.ts';
import { ShopIndex, demoShops } from '../../../shared/shops/config.ts';
import { receiveWebhook, type DeliveryDraft } from '../../../shared/webhooks/receive.ts';
import { signBase64BodyHmac } from '../../../shared/webhooks/signatures.ts';

const secret = 'local-webhook-secret';
const shops = new ShopIndex(demoShops(secret));
const now = new Date('2026-11-22T10:00:00Z');

function privacyWebhook(topic: string, body: string, signature = signBase64BodyHmac(body, secret)) {
  return {
    provider: 'shopify' as const,
    body: Buffer.from(body),
    headers: { 'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-shop-domain': 'demo-shop.myshopify.com', 'x-shopify-webhook-id': `wh-${topic}`, 'x-shopify-hmac-sha256': signature },
  };
}

describe('receiving Shopify privacy webhooks', () => {
  it.each(shopifyPrivacyTopics)('accepts an authentic %s', (topic) => {
    expect(receiveWebhook(privacyWebhook(topic, '{"shop_id":1}'), shops, now)).toMatchObject({ kind: 'accept', delivery: { shopId: 'demo-shopify', topic, dedupeKey: `wh-${topic}` } });
  });

  it('refuses a forged one and keeps nothing', () => {
    expect(receiveWebhook(privacyWebhook('customers/redact', '{"shop_id":1}', signBase64BodyHmac('{}', secret)), shops, now)).toMatchObject({ kind: 'refuse', status: 401 });
  });
});

describe('raw delivery expiry', () => {
  function recordingStore() {
    const items: Record<string, unknown>[] = [];
    const client = { send: async (command: { input: { Item: Record<string, unknown> } }) => (items.push(command.input.Item), {}) } as unknown as DynamoDBDocumentClient;
    return { items, store: new DeliveryStore(client, 'state') };
  }
  const draft: DeliveryDraft = { provider: 'shopify', shopId: 'demo-shopify', topic: 'customers/redact', dedupeKey: 'wh-1', receivedAt: now.toISOString(), meta: {}, body: Buffer.from('{}') };
  const expiry = Math.floor(now.getTime() / 1000) + deliveryRetentionDays * 86_400;

  it('sets expiresAt on an accepted delivery and on a quarantined (rejected) one', async () => {
    const { items, store } = recordingStore();
    await store.accept(draft);
    await store.quarantine({ ...draft, dedupeKey: 'rejected:1' }, 'malformed_json', 'not JSON');
    expect(items.map((item) => item.expiresAt)).toEqual([expiry, expiry]);
  });
});
