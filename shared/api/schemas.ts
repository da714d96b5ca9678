// Response and parameter schemas of the HTTP API, reusing the normalized model and the event
// building blocks so the API shows what the platform stores. Schemas with a `meta.id` become
// `components/schemas` in the OpenAPI document.
import * as z from 'zod';
import { EntityId, IsoDateTime, Money, ShopId, StorePlatform } from '../events/common.ts';
import { OrderFinancialStatus, OrderFulfillmentStatus } from '../events/orders.ts';
import { GenericEnvelope } from '../storefronts/generic.ts';
import { ChannelConsent, NormalizedCustomer, NormalizedOrder } from '../storefronts/normalized.ts';
import { CustomerTierView } from './schemas-queue.ts';

/** Opaque pagination cursor: pass `nextCursor` back unchanged; never parse it. */
export const Cursor = z.string().min(1).max(2048).describe('Opaque cursor from `nextCursor` of the previous page');

/** A page of a list: `nextCursor` is absent on the last page. */
export function page<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: Cursor.optional().describe('Pass as `cursor` for the next page; absent on the last page'),
    })
    .meta({ id, description: 'One page of results, in the requested order' });
}

// ---- Events catalogue ------------------------------------------------------------------------

export const EventCatalogueEntry = z
  .object({
    source: z.string().describe('EventBridge source, `aftersales.<context>`'),
    detailType: z.string().describe('EventBridge detail-type, unique across the catalogue'),
    version: z.int().positive().describe('Version of the detail schema'),
    description: z.string(),
    schema: z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) of the detail, with an example'),
  })
  .meta({ id: 'EventCatalogueEntry' });

export const EventCatalogue = z.object({ events: z.array(EventCatalogueEntry) }).meta({ id: 'EventCatalogue' });

// ---- Webhooks --------------------------------------------------------------------------------

export const WebhookAck = z
  .object({
    status: z.enum(['accepted', 'duplicate', 'pong']).describe('`accepted`: stored and queued; `duplicate`: a retry of a stored delivery; `pong`: a WooCommerce ping'),
    deliveryKey: z.string().optional().describe('Where the delivery is kept, for ops (absent for pings)'),
  })
  .meta({ id: 'WebhookAck' });

/** Storefront payloads are verified by their signature, then mapped behind a queue: any JSON object. */
export const StorefrontPayload = z.record(z.string(), z.unknown()).meta({ id: 'StorefrontPayload', description: 'The storefront resource as the storefront sends it' });

export const GenericWebhookEnvelope = GenericEnvelope.meta({ id: 'GenericWebhookEnvelope', description: 'Our signed envelope; `data` is the normalized model (see GENERIC.md)' });

// ---- Orders ----------------------------------------------------------------------------------

/** An order as stored: the normalized order plus what the platform knows about it. */
export const Order = z
  .object({
    order: NormalizedOrder,
    deletedAt: IsoDateTime.optional().describe('When the storefront deleted the order (WooCommerce); it then counts as cancelled'),
    version: z.int().nonnegative().describe('Changes with every stored update'),
  })
  .meta({ id: 'Order', description: 'An order with its fulfillments and refunds, in the normalized model' });

/** One order in a list: enough to show a row and to filter, without lines. */
export const OrderSummary = z
  .object({
    shopId: ShopId,
    orderId: EntityId,
    orderNumber: z.string(),
    platform: StorePlatform,
    createdAt: IsoDateTime,
    sourceUpdatedAt: IsoDateTime,
    customerId: EntityId.optional(),
    customerEmail: z.email().optional(),
    currency: z.string(),
    total: Money.describe('What the customer was charged at checkout'),
    financialStatus: OrderFinancialStatus,
    fulfillmentStatus: OrderFulfillmentStatus,
    cancelledAt: IsoDateTime.optional(),
  })
  .meta({ id: 'OrderSummary' });

export const OrderStatusFilter = z
  .enum(['open', 'cancelled', ...OrderFulfillmentStatus.options, ...OrderFinancialStatus.options])
  .describe('`open` (not cancelled), `cancelled`, a fulfillment status or a financial status');

export const OrderSort = z.enum(['createdAt', '-createdAt']).describe('Sort by creation time; `-` for newest first');

export const TimelineEntry = z
  .object({
    eventId: z.string(),
    source: z.string().describe('EventBridge source of the canonical event'),
    detailType: z.string().describe('Its detail-type: see GET /events/catalogue for the detail schema'),
    time: IsoDateTime,
    detail: z.record(z.string(), z.unknown()).describe('The canonical event detail'),
  })
  .meta({ id: 'TimelineEntry', description: 'One canonical event on an entity timeline' });

// ---- Customers -------------------------------------------------------------------------------

export const Customer = z
  .object({
    shopId: ShopId,
    customerId: EntityId,
    platform: StorePlatform.optional(),
    email: NormalizedCustomer.shape.email,
    phone: NormalizedCustomer.shape.phone,
    firstName: NormalizedCustomer.shape.firstName,
    lastName: NormalizedCustomer.shape.lastName,
    locale: NormalizedCustomer.shape.locale,
    timeZone: NormalizedCustomer.shape.timeZone,
    emailMarketingConsent: ChannelConsent.optional(),
    smsMarketingConsent: ChannelConsent.optional(),
    orderCount: z.int().nonnegative().describe('Orders placed, each counted once'),
    netSpend: z.record(z.string(), z.int()).describe('Spend net of refunds per ISO 4217 currency, in minor units'),
    firstOrderAt: IsoDateTime.optional(),
    lastOrderAt: IsoDateTime.optional(),
    profileUpdatedAt: IsoDateTime.optional().describe('Storefront time of the profile held'),
    tier: CustomerTierView.nullable().describe('The VIP tier the customer holds now; null when none'),
  })
  .meta({ id: 'Customer', description: 'A customer: contact, consent and totals' });

// ---- Dead letters ----------------------------------------------------------------------------

export const DeadLetterKind = z.enum(['quarantined_delivery', 'failed_message']);
export const DeadLetterStatus = z.enum(['open', 'redriven', 'discarded']).describe('`open` until someone re-drives or discards it');

const Resolution = z.object({
  status: z.enum(['redriven', 'discarded']),
  at: IsoDateTime,
  by: z.string().describe('Who resolved it (their email, or their user id)'),
  reason: z.string(),
});

export const DeadLetter = z
  .object({
    deadLetterId: z.string().describe('Opaque id of the dead letter'),
    kind: DeadLetterKind.describe('`quarantined_delivery`: an authentic webhook we could not use; `failed_message`: a message a consumer gave up on'),
    status: DeadLetterStatus,
    shopId: ShopId.optional(),
    source: z.string().describe('Where it failed: a storefront (`shopify`) or a dead-letter queue of the stack'),
    topic: z.string().optional().describe('Storefront topic or canonical detail-type'),
    reason: z.string().describe('Machine code: `unsupported_topic`, `malformed_json`, `max_receives`...'),
    detail: z.string().optional().describe('What went wrong, for humans'),
    receivedAt: IsoDateTime,
    attempts: z.int().nonnegative().optional(),
    redrivable: z.boolean().describe('Whether re-driving can put it back where it failed'),
    resolution: Resolution.optional().describe('Who re-drove or discarded it, when and why'),
  })
  .meta({ id: 'DeadLetter' });

export const DeadLetterDetail = DeadLetter.extend({
  payload: z.string().describe('The delivery body or the message body, as received (UTF-8)'),
  payloadTruncated: z.boolean().describe('Whether `payload` stops at 256 KiB'),
  metadata: z.record(z.string(), z.string()).describe('Storefront delivery headers, or the failure attributes SQS, EventBridge and Lambda recorded'),
  redriveNote: z.string().optional().describe('Why it cannot be re-driven, when it cannot'),
}).meta({ id: 'DeadLetterDetail', description: 'A dead letter with its payload, for inspection' });

export const ResolveDeadLetterRequest = z
  .object({ reason: z.string().trim().min(3).max(500).describe('Why, for the audit trail') })
  .meta({ id: 'ResolveDeadLetterRequest' });

export const RedriveResult = z
  .object({
    deadLetterId: z.string(),
    status: z.enum(['requeued', 'already_redriven']),
    redrivenAt: IsoDateTime,
  })
  .meta({ id: 'RedriveResult' });

// ---- Audit -----------------------------------------------------------------------------------

export const AuditSubjectType = z.enum(['order', 'customer', 'case', 'return', 'refund', 'deadLetter', 'shop', 'policy']);

export const AuditRecord = z
  .object({
    auditId: z.string(),
    scope: z.string().describe('The shop, or `deployment` for stack-wide records'),
    at: IsoDateTime,
    action: z.string().describe('`deadLetter.redrive`, `deadLetter.discard`...'),
    actor: z.object({ sub: z.string(), email: z.string().optional(), role: z.enum(['viewer', 'agent', 'supervisor', 'admin']) }),
    subjects: z.array(z.object({ type: AuditSubjectType, id: z.string() })).describe('The entity acted on first, then those it belongs to'),
    reason: z.string().optional(),
    before: z.record(z.string(), z.unknown()).optional().describe('The fields the action changed, before'),
    after: z.record(z.string(), z.unknown()).optional().describe('The same fields, after'),
    requestId: z.string().describe('The API request that did it'),
  })
  .meta({ id: 'AuditRecord', description: 'Who did what, when, to what, and why' });

// ---- Health ----------------------------------------------------------------------------------

export const OpsHealth = z
  .object({
    status: z.enum(['ok', 'attention']).describe('`attention` when a dead letter waits for ops or a dead-letter queue holds messages'),
    checkedAt: IsoDateTime,
    deadLetterQueues: z.array(z.object({ name: z.string().describe('Where the queue sits in the stack'), messages: z.int().nonnegative() })),
    openDeadLetters: z.int().nonnegative().describe('Dead letters waiting for ops (quarantined deliveries and archived messages), counted up to 1000'),
  })
  .meta({ id: 'OpsHealth', description: 'The deployment as ops see it: what is waiting in each dead-letter queue' });
