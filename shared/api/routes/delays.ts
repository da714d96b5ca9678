// The ops view of order delays: the orders with an open delay (the duty team's list) and the
// measures of the delay flow (told the customer first? how fast? which carriers and destinations
// are late?).
import * as z from 'zod';
import { CountryCode, EmailAddress, EntityId, IsoDateTime, ShopId } from '../../events/common.ts';
import { genericSignatureHeader } from '../../webhooks/signatures.ts';
import { DelayReason, DelaySeverity } from '../../events/delays.ts';
import { DelayMessageType, WatchPhase } from '../../delays/watch.ts';
import { defineRoute } from '../define.ts';
import { Cursor, page } from '../schemas.ts';
import { limit, shopQuery } from './common.ts';
import { CustomerTierView } from '../schemas-queue.ts';

export const OpenDelayView = z.object({
  delayId: EntityId,
  reason: DelayReason,
  severity: DelaySeverity,
  detectedAt: IsoDateTime,
  promisedBy: IsoDateTime.optional().describe('The deadline it missed'),
  estimatedAt: IsoDateTime.optional().describe('When the order is now expected'),
  carrier: z.string().optional().describe('The carrier code of the late parcel, when the delay is about one'),
});

export const DelayedOrder = z
  .object({
    orderId: EntityId,
    orderNumber: z.string().optional(),
    placedAt: IsoDateTime,
    phase: WatchPhase,
    carrier: z.string().optional().describe('Carrier code of the latest shipment'),
    destinationCountry: CountryCode.optional(),
    openDelays: z.array(OpenDelayView).describe('The order’s open delays, earliest detection first'),
    customerNotified: z.boolean().describe('Whether the customer was told about a delay of the order'),
    customerNotifiedAt: IsoDateTime.optional().describe('When the customer was first told'),
    lastNotice: z.object({ messageType: DelayMessageType, at: IsoDateTime }).optional().describe('The latest delay message the customer got'),
    customerContactedAt: IsoDateTime.optional().describe('When the customer first contacted the shop about the order (their parcel claim or return, a helpdesk ticket)'),
    tier: CustomerTierView.nullable().describe('The customer’s VIP tier now; null when none (or the customer is not known)'),
  })
  .meta({ id: 'DelayedOrder', description: 'An order with at least one open delay' });

export const listDelayedOrders = defineRoute({
  method: 'get',
  path: '/ops/delays',
  operationId: 'listDelayedOrders',
  summary: 'List delayed orders',
  description:
    'The shop’s orders with an open delay, oldest detection first. The filters apply to each page read (an order matches `reason` or `severity` when one of its open delays does), so a page may hold fewer than `limit`: follow `nextCursor`.',
  tags: ['Delays'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      reason: DelayReason.optional().describe('Orders with an open delay of this reason'),
      severity: DelaySeverity.optional().describe('Orders with an open delay of this severity'),
      carrier: z.string().trim().min(1).max(40).optional().describe('Carrier code (any case), of the late parcel or else the latest shipment'),
      destination: CountryCode.optional().describe('Destination country'),
      sort: z.enum(['sla', 'tier']).default('sla').describe('`sla` (default): the oldest detection first; `tier`: the highest customer tier first on each page read'),
      limit,
      cursor: Cursor.optional(),
    }),
  },
  responses: { 200: { description: 'A page of delayed orders', schema: page(DelayedOrder, 'DelayedOrderPage') } },
});

const RateRow = z.object({
  key: z.string().describe('The carrier code or destination country; `unknown` when not known'),
  shippedOrders: z.int().nonnegative().describe('Orders of the period that shipped or were delayed'),
  delayedOrders: z.int().nonnegative(),
  rate: z.number().nullable().describe('delayed / shipped (4 decimals); null when none'),
});

export const DelayMetricsView = z
  .object({
    shopId: ShopId,
    from: IsoDateTime,
    to: IsoDateTime,
    ordersPlaced: z.int().nonnegative().describe('Orders placed in the period (the population measured)'),
    complete: z.boolean().describe('False when the period held more orders than one request reads: narrow the period'),
    delayedOrders: z.int().nonnegative().describe('Orders of the period with at least one delay, open or resolved'),
    toldFirst: z
      .object({ orders: z.int().nonnegative(), share: z.number().nullable().describe('Of the delayed orders, 4 decimals; null when none') })
      .describe('Delayed orders whose customer was told before contacting the shop (or never had to)'),
    notifiedOrders: z.int().nonnegative(),
    detectionToNotificationMinutes: z.object({ count: z.int().nonnegative(), p50: z.number().nullable(), p90: z.number().nullable() }).describe('From the first detection to the first notice, per notified order'),
    byReason: z.array(z.object({ reason: DelayReason, orders: z.int().nonnegative() })),
    byCarrier: z.array(RateRow).describe('Delay rate per carrier, highest first'),
    byDestination: z.array(RateRow).describe('Delay rate per destination country, highest first'),
  })
  .meta({ id: 'DelayMetrics', description: 'The measures of the delay flow over the orders placed in a period' });

export const getDelayMetrics = defineRoute({
  method: 'get',
  path: '/ops/delays/metrics',
  operationId: 'getDelayMetrics',
  summary: 'Delay measures',
  description:
    'Over the orders placed in [`from`, `to`) (default: the 30 days before now; at most 366 days): how many were delayed (open or resolved delays), the share whose customer heard from us first, the time from detection to the first notice, and the delay rate per carrier and destination (delayed orders over the orders of the period that shipped or were delayed). A customer’s first contact is their own parcel claim or return request on the order, or a helpdesk ticket naming it (`receiveHelpdeskTicket`), while the order was late or on its way.',
  tags: ['Delays'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      from: IsoDateTime.optional().describe('Orders placed at or after (UTC)'),
      to: IsoDateTime.optional().describe('Orders placed before (UTC)'),
    }),
  },
  responses: { 200: { description: 'The measures', schema: DelayMetricsView }, 400: { description: '`from` is not before `to`, or the period is longer than 366 days' } },
});

export const HelpdeskTicket = z
  .object({
    ticketId: z.string().trim().min(1).max(200).describe('The helpdesk’s id of the ticket'),
    createdAt: IsoDateTime.describe('When the customer opened the ticket'),
    orderNumber: z.string().trim().min(1).max(50).optional().describe('The order the ticket is about, as the customer knows it (#1001 or 1001)'),
    email: EmailAddress.optional().describe('The customer’s email: picks the order when two share a number'),
  })
  .meta({ id: 'HelpdeskTicket', description: 'A ticket a customer opened in the shop’s helpdesk' });

export const HelpdeskTicketAck = z
  .object({
    status: z.enum(['recorded', 'ignored']),
    orderId: EntityId.optional(),
    detail: z.string().optional().describe('Why nothing was recorded'),
  })
  .meta({ id: 'HelpdeskTicketAck' });

export const receiveHelpdeskTicket = defineRoute({
  method: 'post',
  path: '/webhooks/helpdesk/{shopId}',
  operationId: 'receiveHelpdeskTicket',
  summary: 'Receive a helpdesk ticket',
  description:
    'For the shop’s helpdesk (a webhook on ticket creation, or a small relay in front of it), signed like the generic webhook with the shop’s webhook secret. A ticket naming an order the delay flow watches, while that order is late or on its way, records when the customer first contacted the shop: the “told first” measure of `getDelayMetrics`. Only the earliest contact counts; repeats change nothing.',
  tags: ['Webhooks'],
  access: { kind: 'webhook' },
  request: {
    params: z.object({ shopId: ShopId }),
    headers: z.object({ [genericSignatureHeader]: z.string().describe('`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the shop’s webhook secret, as for the generic webhook') }),
    body: HelpdeskTicket,
  },
  responses: {
    200: { description: 'The first contact about the order was recorded', schema: HelpdeskTicketAck },
    202: { description: 'Authentic, nothing to record: no order number, no such order, the order is not watched or late, or an earlier contact is known', schema: HelpdeskTicketAck },
    400: { description: 'Invalid body: `errors` names each field' },
    401: { description: 'Unknown shop, or a missing, expired or forged signature' },
    409: { description: 'The order’s delay watch changed at the same moment: retry' },
  },
});
