// Storefront webhooks: authenticated by their HMAC signatures, not tokens.
import * as z from 'zod';
import { genericSignatureHeader } from '../../webhooks/signatures.ts';
import { defineRoute } from '../define.ts';
import { GenericWebhookEnvelope, StorefrontPayload, WebhookAck } from '../schemas.ts';

const webhookResponses = {
  200: { description: 'Accepted (stored and queued), a duplicate of a stored delivery, or a ping', schema: WebhookAck },
  400: { description: 'Authentic but unusable (malformed JSON, unsupported topic, missing id): kept in quarantine for ops; `detail` names the problem' },
  401: { description: 'Unknown shop, or a missing or forged signature: nothing is kept' },
  413: { description: 'The body exceeds 1 MiB (or 350 KiB once compressed for storage): nothing is kept' },
  415: { description: 'Content-Type is not application/json: kept in quarantine for ops' },
} as const;

const webhookNote = 'Answers within milliseconds; mapping to orders, shipments, refunds and customers happens behind a queue. Retries of a delivery are recognised and acknowledged as `duplicate`.';

export const receiveShopifyWebhook = defineRoute({
  method: 'post',
  path: '/webhooks/shopify',
  operationId: 'receiveShopifyWebhook',
  summary: 'Receive a Shopify webhook',
  description: `Subscribe in JSON format to orders/*, fulfillments/*, refunds/create and customers/update. Signed with the shop's webhook secret (base64 HMAC-SHA256 of the raw body). ${webhookNote}`,
  tags: ['Webhooks'],
  access: { kind: 'webhook' },
  request: {
    headers: z.object({
      'x-shopify-shop-domain': z.string().describe('The shop, as listed under `shopify.domain` in the shops secret'),
      'x-shopify-hmac-sha256': z.string().describe('Base64 HMAC-SHA256 of the raw body with the webhook secret'),
      'x-shopify-topic': z.string().describe('`orders/create`, `fulfillments/update`, `refunds/create`...'),
      'x-shopify-event-id': z.string().optional().describe('Identifies the event across retries (preferred for deduplication)'),
      'x-shopify-webhook-id': z.string().optional().describe('Identifies the delivery; used when the event id is absent'),
      'x-shopify-triggered-at': z.string().optional(),
      'x-shopify-api-version': z.string().optional(),
    }),
    body: StorefrontPayload,
    bodyDescription: 'The Shopify resource (order, fulfillment, refund or customer)',
  },
  responses: webhookResponses,
});

export const receiveWooCommerceWebhook = defineRoute({
  method: 'post',
  path: '/webhooks/woocommerce',
  operationId: 'receiveWooCommerceWebhook',
  summary: 'Receive a WooCommerce webhook',
  description: `One webhook per order topic (created, updated, deleted, restored), API version 3. A new webhook's unsigned form-encoded ping is answered \`pong\`. ${webhookNote}`,
  tags: ['Webhooks'],
  access: { kind: 'webhook' },
  request: {
    headers: z.object({
      'x-wc-webhook-source': z.string().describe('The store URL, as listed under `woocommerce.source` in the shops secret'),
      'x-wc-webhook-signature': z.string().describe('Base64 HMAC-SHA256 of the raw body with the webhook secret'),
      'x-wc-webhook-topic': z.string().describe('`order.created`, `order.updated`, `order.deleted` or `order.restored`'),
      'x-wc-webhook-id': z.string().optional(),
      'x-wc-webhook-delivery-id': z.string().optional(),
      'x-wc-webhook-resource': z.string().optional(),
      'x-wc-webhook-event': z.string().optional(),
    }),
    body: StorefrontPayload,
    bodyDescription: 'The WooCommerce order (REST API v3 shape)',
  },
  responses: webhookResponses,
});

export const receiveGenericWebhook = defineRoute({
  method: 'post',
  path: '/webhooks/generic',
  operationId: 'receiveGenericWebhook',
  summary: 'Receive a signed generic webhook',
  description: `For storefronts without a connector: our envelope \`{id, type, occurredAt, data}\` with \`data\` in the normalized model, signed with the shop's secret (see shared/storefronts/GENERIC.md). ${webhookNote}`,
  tags: ['Webhooks'],
  access: { kind: 'webhook' },
  request: {
    headers: z.object({
      'x-aftersales-source': z.string().describe('The integration, as listed under `generic.source` in the shops secret'),
      [genericSignatureHeader]: z.string().describe('`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`; checked within a tolerance window'),
    }),
    body: GenericWebhookEnvelope,
  },
  responses: webhookResponses,
});
