// The receiving decision for every kind of input: refuse (nothing kept), ping, quarantine, accept.
import { describe, expect, it } from 'vitest';
import { ShopIndex, demoShops } from '../../../shared/shops/config.ts';
import { maxWebhookBytes, receiveWebhook, type WebhookRequest } from '../../../shared/webhooks/receive.ts';
import { signBase64BodyHmac, signGeneric } from '../../../shared/webhooks/signatures.ts';

const secret = 'local-webhook-secret';
const shops = new ShopIndex(demoShops(secret));
const now = new Date('2026-11-22T10:00:00Z');

function shopify(body: string, headers: Record<string, string | undefined> = {}): WebhookRequest {
  return {
    provider: 'shopify',
    body: Buffer.from(body),
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': 'demo-shop.myshopify.com',
      'x-shopify-event-id': 'evt-1',
      'x-shopify-hmac-sha256': signBase64BodyHmac(body, secret),
      ...headers,
    },
  };
}

describe('receiveWebhook', () => {
  it('accepts an authentic Shopify delivery, keyed by its event id (or else its webhook id)', () => {
    expect(receiveWebhook(shopify('{"id":1}'), shops, now)).toMatchObject({ kind: 'accept', delivery: { shopId: 'demo-shopify', topic: 'orders/create', dedupeKey: 'evt-1' } });
    const noEvent = receiveWebhook(shopify('{"id":1}', { 'x-shopify-event-id': undefined, 'x-shopify-webhook-id': 'wh-9' }), shops, now);
    expect(noEvent).toMatchObject({ kind: 'accept', delivery: { dedupeKey: 'wh-9' } });
  });

  it.each([
    ['a wrong signature', { 'x-shopify-hmac-sha256': signBase64BodyHmac('{"id":2}', secret) }, /signature does not match/],
    ['no signature', { 'x-shopify-hmac-sha256': undefined }, /header is missing/],
    ['an unknown shop', { 'x-shopify-shop-domain': 'other.myshopify.com' }, /names no shop/],
    ['no shop domain', { 'x-shopify-shop-domain': undefined }, /header is missing/],
  ])('refuses %s with 401 and keeps nothing', (_, headers, detail) => {
    const decision = receiveWebhook(shopify('{"id":1}', headers), shops, now);
    expect(decision).toMatchObject({ kind: 'refuse', status: 401 });
    expect((decision as { detail: string }).detail).toMatch(detail);
  });

  it('refuses an oversized body before anything else', () => {
    expect(receiveWebhook(shopify('x'.repeat(maxWebhookBytes + 1)), shops, now)).toMatchObject({ kind: 'refuse', status: 413 });
  });

  it.each([
    ['malformed JSON', '{"id":', {}, 400, 'malformed_json'],
    ['an unsupported topic', '{"id":1}', { 'x-shopify-topic': 'products/create' }, 400, 'unsupported_topic'],
    ['the wrong content type', '{"id":1}', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
  ])('quarantines an authentic delivery with %s', (_, body, headers, status, reason) => {
    const decision = receiveWebhook(shopify(body as string, headers as Record<string, string>), shops, now);
    expect(decision).toMatchObject({ kind: 'quarantine', status, reason, delivery: { shopId: 'demo-shopify' } });
  });

  it('answers the WooCommerce ping and keys orders by id and modification time', () => {
    expect(receiveWebhook({ provider: 'woocommerce', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('webhook_id=7') }, shops, now)).toEqual({ kind: 'ping' });
    const body = JSON.stringify({ id: 42, date_modified_gmt: '2026-11-21T08:00:00' });
    const woo = (deliveryId: string): WebhookRequest => ({
      provider: 'woocommerce',
      body: Buffer.from(body),
      headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.updated', 'x-wc-webhook-source': 'https://demo-shop.example/', 'x-wc-webhook-delivery-id': deliveryId, 'x-wc-webhook-signature': signBase64BodyHmac(body, secret) },
    });
    const first = receiveWebhook(woo('d-1'), shops, now);
    const retry = receiveWebhook(woo('d-2'), shops, now);
    expect(first).toMatchObject({ kind: 'accept', delivery: { shopId: 'demo-woocommerce' } });
    expect((retry as { delivery: { dedupeKey: string } }).delivery.dedupeKey).toBe((first as { delivery: { dedupeKey: string } }).delivery.dedupeKey);
  });

  it('checks the generic signature and its replay window', () => {
    const body = JSON.stringify({ id: 'e-1', type: 'order.cancelled', occurredAt: '2026-11-22T09:00:00Z', data: {} });
    const generic = (signature: string): WebhookRequest => ({ provider: 'generic', body: Buffer.from(body), headers: { 'content-type': 'application/json', 'x-aftersales-source': 'demo-shop', 'x-aftersales-signature': signature } });
    const seconds = now.getTime() / 1000;
    expect(receiveWebhook(generic(signGeneric(body, secret, seconds)), shops, now)).toMatchObject({ kind: 'accept', delivery: { dedupeKey: 'e-1', topic: 'order.cancelled' } });
    expect(receiveWebhook(generic(signGeneric(body, secret, seconds - 600)), shops, now)).toMatchObject({ kind: 'refuse', status: 401 });
  });
});
