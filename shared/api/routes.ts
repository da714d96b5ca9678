// Every HTTP route of the platform, declared once. The OpenAPI document (`npm run openapi`), request
// validation (`parseRequest`), the TypeScript types and the typed client derive from these.
// The ops routes are contracts: their handlers come next.
import { z } from 'zod';
import { EntityId, IsoDateTime, ShopId } from '../events/common.ts';
import { genericSignatureHeader } from '../webhooks/signatures.ts';
import { defineRoute, queryInt, type Route } from './define.ts';
import {
  Cursor,
  Customer,
  DeadLetter,
  DeadLetterKind,
  EventCatalogue,
  GenericWebhookEnvelope,
  OpsHealth,
  Order,
  OrderSort,
  OrderStatusFilter,
  OrderSummary,
  RedriveResult,
  StorefrontPayload,
  TimelineEntry,
  WebhookAck,
  page,
} from './schemas.ts';

// ---- Public ----------------------------------------------------------------------------------

export const getEventCatalogue = defineRoute({
  method: 'get',
  path: '/events/catalogue',
  operationId: 'getEventCatalogue',
  summary: 'List every canonical event with its JSON Schema',
  description: 'The events the platform publishes on its EventBridge bus, each with the JSON Schema (draft 2020-12) of its detail and an example. Cacheable for five minutes.',
  tags: ['Events'],
  access: { kind: 'public', reason: 'The events catalogue is public documentation for integrators: schemas only, no shop data.' },
  responses: { 200: { description: 'The catalogue', schema: EventCatalogue } },
});

export const getOpenApiDocument = defineRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'Get this OpenAPI document',
  description: 'The OpenAPI 3.1 document of the whole API, generated from the same zod definitions the handlers validate with.',
  tags: ['Events'],
  access: { kind: 'public', reason: 'API documentation for integrators: no shop data.' },
  responses: { 200: { description: 'The OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' }) } },
});

// ---- Webhooks --------------------------------------------------------------------------------

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

// ---- Ops: orders -----------------------------------------------------------------------------

const shopQuery = ShopId.describe('The shop (tenant) to read');
const limit = queryInt(1, 100, 25).describe('Page size (1 to 100, default 25)');

export const listOrders = defineRoute({
  method: 'get',
  path: '/ops/orders',
  operationId: 'listOrders',
  summary: 'List orders',
  description: 'Orders of a shop, newest first unless sorted otherwise, filtered by status, customer and creation time.',
  tags: ['Orders'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      status: OrderStatusFilter.optional(),
      customerId: EntityId.optional().describe('Only this customer’s orders'),
      from: IsoDateTime.optional().describe('Created at or after (UTC)'),
      to: IsoDateTime.optional().describe('Created before (UTC)'),
      limit,
      cursor: Cursor.optional(),
      sort: OrderSort.default('-createdAt'),
    }),
  },
  responses: { 200: { description: 'A page of orders', schema: page(OrderSummary, 'OrderPage') } },
});

const orderParams = z.object({ orderId: EntityId.describe('Storefront order id') });

export const getOrder = defineRoute({
  method: 'get',
  path: '/ops/orders/{orderId}',
  operationId: 'getOrder',
  summary: 'Get an order',
  description: 'The order with its lines, totals, fulfillments and refunds, as normalized from the storefront.',
  tags: ['Orders'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: orderParams, query: z.object({ shopId: shopQuery }) },
  responses: { 200: { description: 'The order', schema: Order } },
});

export const getOrderTimeline = defineRoute({
  method: 'get',
  path: '/ops/orders/{orderId}/timeline',
  operationId: 'getOrderTimeline',
  summary: 'Get the timeline of an order',
  description: 'Every canonical event naming the order (placed, shipped, returned, refunded, messages), oldest first.',
  tags: ['Orders'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: orderParams, query: z.object({ shopId: shopQuery, limit, cursor: Cursor.optional() }) },
  responses: { 200: { description: 'A page of timeline entries', schema: page(TimelineEntry, 'TimelinePage') } },
});

// ---- Ops: customers --------------------------------------------------------------------------

export const listCustomers = defineRoute({
  method: 'get',
  path: '/ops/customers',
  operationId: 'listCustomers',
  summary: 'List customers',
  description: 'Customers of a shop, optionally only the one with an email address.',
  tags: ['Customers'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      email: z.email().optional().describe('Exact email address (case-insensitive)'),
      limit,
      cursor: Cursor.optional(),
    }),
  },
  responses: { 200: { description: 'A page of customers', schema: page(Customer, 'CustomerPage') } },
});

export const getCustomer = defineRoute({
  method: 'get',
  path: '/ops/customers/{customerId}',
  operationId: 'getCustomer',
  summary: 'Get a customer',
  description: 'Contact details, marketing consent and order totals (each order and refund counted once).',
  tags: ['Customers'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: z.object({ customerId: EntityId.describe('Storefront customer id') }), query: z.object({ shopId: shopQuery }) },
  responses: { 200: { description: 'The customer', schema: Customer } },
});

export const getOpsHealth = defineRoute({
  method: 'get',
  path: '/ops/health',
  operationId: 'getOpsHealth',
  summary: 'Get the health of the deployment',
  description: 'How many messages wait in each dead-letter queue of the stack; `attention` when any does.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'viewer' },
  responses: { 200: { description: 'The health report', schema: OpsHealth } },
});

// ---- Ops: dead letters -----------------------------------------------------------------------

export const listDeadLetters = defineRoute({
  method: 'get',
  path: '/ops/dead-letters',
  operationId: 'listDeadLetters',
  summary: 'List dead letters',
  description: 'Quarantined webhook deliveries and messages a consumer gave up on, newest first.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: ShopId.optional().describe('Only this shop'),
      kind: DeadLetterKind.optional(),
      limit,
      cursor: Cursor.optional(),
    }),
  },
  responses: { 200: { description: 'A page of dead letters', schema: page(DeadLetter, 'DeadLetterPage') } },
});

export const redriveDeadLetter = defineRoute({
  method: 'post',
  path: '/ops/dead-letters/{deadLetterId}/redrive',
  operationId: 'redriveDeadLetter',
  summary: 'Re-drive a dead letter',
  description: 'Puts the delivery or message back on its queue, once: re-driving it again answers `already_redriven`. The reason is kept for the audit trail.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'agent' },
  request: {
    params: z.object({ deadLetterId: z.string().min(1).max(512).describe('Id of the dead letter') }),
    body: z.object({ reason: z.string().trim().min(3).max(500).describe('Why it is safe to re-drive now, for the audit trail') }).meta({ id: 'RedriveRequest' }),
  },
  responses: { 200: { description: 'Re-driven (or already re-driven)', schema: RedriveResult } },
});

/** Every route, in the order the document lists them. */
export const routes: readonly Route[] = Object.freeze([
  getEventCatalogue,
  getOpenApiDocument,
  receiveShopifyWebhook,
  receiveWooCommerceWebhook,
  receiveGenericWebhook,
  listOrders,
  getOrder,
  getOrderTimeline,
  listCustomers,
  getCustomer,
  getOpsHealth,
  listDeadLetters,
  redriveDeadLetter,
]);
