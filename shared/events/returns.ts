// Returns and exchanges. An exchange is a return whose resolution is `exchange`; when the
// replacement order exists, ExchangeOrderCreated follows.
//
// Lifecycle: Requested -> Approved | Rejected; Approved -> Shipped -> Received -> Inspected ->
// Resolved; Approved -> Expired (not shipped in time); Requested | Approved -> Cancelled.
// A returnless approval (requiresItemBack false) goes straight to Resolved.
import * as z from 'zod';
import { Actor, CustomerRef, EntityId, IsoDateTime, LineQuantity, Money, Note, OrderLine, SignedMoney, Tracking } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const ReturnResolution = z.enum(['refund', 'store_credit', 'exchange']);
export type ReturnResolution = z.infer<typeof ReturnResolution>;

export const ReturnReason = z.enum([
  'damaged',
  'defective',
  'wrong_item',
  'not_as_described',
  'missing_parts',
  'too_small',
  'too_large',
  'arrived_late',
  'changed_mind',
  'other',
]);
export type ReturnReason = z.infer<typeof ReturnReason>;

export const ReturnMethod = z.enum(['mail', 'drop_off', 'in_store']);

export const ReturnLine = z.object({
  lineId: EntityId.describe('The order line returned'),
  sku: z.string().max(64).optional(),
  title: z.string().max(200).optional(),
  quantity: z.int().positive().max(10_000),
  reason: ReturnReason,
  reasonNote: z.string().max(500).optional().describe("Customer's words"),
  exchangeFor: z
    .object({ variantId: EntityId, sku: z.string().max(64).optional(), title: z.string().max(200).optional() })
    .optional()
    .describe('Replacement variant, for exchanges'),
});
export type ReturnLine = z.infer<typeof ReturnLine>;

export const ItemCondition = z.enum(['as_new', 'used', 'damaged', 'defective', 'wrong_item', 'missing']);

const returnRef = { returnId: EntityId, orderId: EntityId, customer: CustomerRef };

const ex = {
  version: 1 as const,
  shopId: 'acme-outdoor',
  returnId: 'ret_01HX7Z3K4M',
  orderId: '5012345678901',
  customer: { id: '7012345678901', email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' },
};
const staff = { kind: 'staff' as const, id: 'staff-42' };
const system = { kind: 'system' as const };

export const ReturnRequested = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnRequested',
  version: 1,
  description: 'A customer (or staff on their behalf) asked to return items, for a refund, store credit or an exchange.',
  detail: {
    ...returnRef,
    orderNumber: z.string().min(1).max(50),
    lines: z.array(ReturnLine).min(1).max(100),
    resolution: ReturnResolution.describe('What the customer asked for'),
    method: ReturnMethod.optional(),
    channel: z.enum(['customer_portal', 'ops_console', 'storefront', 'api']),
    requestedBy: Actor,
  },
  refine: (detail, ctx) => {
    if (detail.resolution !== 'exchange') return;
    detail.lines.forEach((line, index) => {
      if (!line.exchangeFor) ctx.addIssue({ code: 'custom', path: ['lines', index, 'exchangeFor'], message: 'an exchange needs a replacement for every line' });
    });
  },
  example: {
    ...ex,
    occurredAt: '2024-05-10T08:00:00Z',
    orderNumber: '#1001',
    lines: [{ lineId: '13012345678901', sku: 'TENT-2P-GRN', title: 'Trail tent 2P', quantity: 1, reason: 'too_small', exchangeFor: { variantId: '45012345678902', sku: 'TENT-3P-GRN' } }],
    resolution: 'exchange',
    method: 'mail',
    channel: 'customer_portal',
    requestedBy: { kind: 'customer', id: '7012345678901' },
  },
});

export const ReturnApproved = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnApproved',
  version: 1,
  description: 'A return was accepted, automatically by policy or by staff. Starts the ship-by clock when the item must come back.',
  detail: {
    ...returnRef,
    resolution: ReturnResolution,
    lines: z.array(LineQuantity).min(1).max(100).describe('Approved quantities'),
    requiresItemBack: z.boolean().describe('false for a returnless ("keep it") approval'),
    shipBy: IsoDateTime.optional().describe('Deadline for sending the items back'),
    returnLabel: Tracking.extend({ labelId: EntityId.optional() }).optional().describe('Prepaid label; fetch the document by labelId'),
    approvedBy: Actor,
  },
  refine: (detail, ctx) => {
    if (detail.requiresItemBack && !detail.shipBy) ctx.addIssue({ code: 'custom', path: ['shipBy'], message: 'required when the item must come back' });
  },
  example: {
    ...ex,
    occurredAt: '2024-05-10T08:00:05Z',
    resolution: 'exchange',
    lines: [{ lineId: '13012345678901', quantity: 1 }],
    requiresItemBack: true,
    shipBy: '2024-05-24T23:59:59Z',
    returnLabel: { carrier: { code: 'usps' }, trackingNumber: '9400100000000000000000', labelId: 'lbl_9f2c' },
    approvedBy: system,
  },
});

export const ReturnRejected = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnRejected',
  version: 1,
  description: 'A return request was refused.',
  detail: {
    ...returnRef,
    reason: z.enum(['outside_window', 'final_sale', 'item_not_eligible', 'used_or_damaged', 'order_not_delivered', 'fraud_risk', 'other']),
    note: Note.optional().describe('Explanation, may be shown to the customer'),
    rejectedBy: Actor,
  },
  example: { ...ex, occurredAt: '2024-05-10T09:00:00Z', reason: 'outside_window', note: 'The 30-day window ended on 2024-05-08.', rejectedBy: staff },
});

export const ReturnShipped = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnShipped',
  version: 1,
  description: 'The customer sent the items back (carrier scan or customer confirmation).',
  detail: { ...returnRef, tracking: Tracking.optional() },
  example: { ...ex, occurredAt: '2024-05-12T15:20:00Z', tracking: { carrier: { code: 'usps' }, trackingNumber: '9400100000000000000000' } },
});

// Its own event rather than a status on ReturnShipped: ReturnShipped is the parcel's first scan,
// once per return; delivery is later news, and only the refund engine (timing `carrier_delivery`)
// listens for it, so the other ReturnShipped consumers need not filter it out.
export const ReturnDelivered = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnDelivered',
  version: 1,
  description: 'The carrier reports the return parcel delivered to the shop (before anyone records the receipt). Shops whose refund rules refund at carrier delivery refund then.',
  detail: { ...returnRef, tracking: Tracking.optional(), deliveredAt: IsoDateTime.describe('When the carrier says it delivered') },
  example: { ...ex, occurredAt: '2024-05-14T16:05:00Z', tracking: { carrier: { code: 'usps' }, trackingNumber: '9400100000000000000000' }, deliveredAt: '2024-05-14T16:00:00Z' },
});

export const ReturnReceived = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnReceived',
  version: 1,
  description: 'The returned items arrived at the warehouse or store.',
  detail: { ...returnRef, lines: z.array(LineQuantity).min(1).max(100), locationId: EntityId.optional(), receivedBy: Actor },
  example: { ...ex, occurredAt: '2024-05-15T10:00:00Z', lines: [{ lineId: '13012345678901', quantity: 1 }], locationId: 'wh-portland', receivedBy: staff },
});

export const ReturnInspected = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnInspected',
  version: 1,
  description: 'Staff checked the condition of the returned items.',
  detail: {
    ...returnRef,
    outcome: z.enum(['passed', 'partially_passed', 'failed']),
    lines: z
      .array(LineQuantity.extend({ condition: ItemCondition, restock: z.boolean(), note: z.string().max(500).optional() }))
      .min(1)
      .max(100),
    inspectedBy: Actor,
  },
  example: {
    ...ex,
    occurredAt: '2024-05-15T11:30:00Z',
    outcome: 'passed',
    lines: [{ lineId: '13012345678901', quantity: 1, condition: 'as_new', restock: true }],
    inspectedBy: staff,
  },
});

export const ReturnResolved = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnResolved',
  version: 1,
  description: 'The return is closed with its outcome: refunded, credited, exchanged, or declined after inspection.',
  detail: {
    ...returnRef,
    resolution: z.enum([...ReturnResolution.options, 'declined']),
    amount: Money.optional().describe('Value refunded or credited'),
    refundId: EntityId.optional(),
    storeCreditId: EntityId.optional(),
    exchangeOrderId: EntityId.optional(),
    resolvedBy: Actor,
  },
  refine: (detail, ctx) => {
    if (detail.resolution === 'declined') return;
    const link = ({ refund: 'refundId', store_credit: 'storeCreditId', exchange: 'exchangeOrderId' } as const)[detail.resolution];
    if (!detail[link]) ctx.addIssue({ code: 'custom', path: [link], message: `required for a ${detail.resolution} resolution` });
  },
  example: { ...ex, occurredAt: '2024-05-15T12:00:00Z', resolution: 'exchange', exchangeOrderId: '5012345679999', resolvedBy: system },
});

export const ReturnExpired = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnExpired',
  version: 1,
  description: 'An approved return was not shipped back before its deadline and was closed.',
  detail: { ...returnRef, shipBy: IsoDateTime, remindersSent: z.int().nonnegative().optional() },
  example: { ...ex, occurredAt: '2024-05-25T00:00:00Z', shipBy: '2024-05-24T23:59:59Z', remindersSent: 2 },
});

export const ReturnCancelled = defineEvent({
  source: eventSource.returns,
  detailType: 'ReturnCancelled',
  version: 1,
  description: 'A return was withdrawn before the items were received.',
  detail: {
    ...returnRef,
    reason: z.enum(['customer_request', 'duplicate', 'order_cancelled', 'other']),
    note: Note.optional(),
    cancelledBy: Actor,
  },
  example: { ...ex, occurredAt: '2024-05-11T08:00:00Z', reason: 'customer_request', cancelledBy: { kind: 'customer', id: '7012345678901' } },
});

export const ExchangeOrderCreated = defineEvent({
  source: eventSource.returns,
  detailType: 'ExchangeOrderCreated',
  version: 1,
  description: 'The replacement order of an exchange was created on the storefront.',
  detail: {
    ...returnRef,
    exchangeOrderId: EntityId,
    exchangeOrderNumber: z.string().min(1).max(50).optional(),
    lines: z.array(OrderLine).min(1).max(100),
    priceDifference: SignedMoney.describe('Positive: the customer pays the difference; negative: it is refunded to them'),
  },
  example: {
    ...ex,
    occurredAt: '2024-05-15T12:00:00Z',
    exchangeOrderId: '5012345679999',
    exchangeOrderNumber: '#1002-EX',
    lines: [
      {
        lineId: '13012345679999',
        variantId: '45012345678902',
        sku: 'TENT-3P-GRN',
        title: 'Trail tent 3P',
        quantity: 1,
        unitPrice: { amount: 29900, currency: 'USD' },
        total: { amount: 29900, currency: 'USD' },
      },
    ],
    priceDifference: { amount: 5000, currency: 'USD' },
  },
});
