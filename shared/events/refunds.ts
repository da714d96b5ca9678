// Refund decisions and the money they move. A decision that gives money back carries the
// `refundId` the executor then uses (as its idempotency key with the storefront); RefundIssued
// or RefundFailed follow with the same id. Store credit is issued as a gift card or account
// credit; its code is a secret and never travels on the bus.
import * as z from 'zod';
import { Actor, Code, CustomerRef, EntityId, IsoDateTime, LineQuantity, Money, Note, sameCurrency } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

/** `keep_it`: money back and the customer keeps the item; `reship`: a replacement is sent, no money moves. */
export const RefundDecisionKind = z.enum(['full_refund', 'partial_refund', 'store_credit', 'exchange', 'deny', 'manual_review', 'keep_it', 'reship']);
export type RefundDecisionKind = z.infer<typeof RefundDecisionKind>;

/** Why a decision was taken: a rule's code (`within_return_window`, `repeat_returner`) and details. */
export const DecisionReason = z.object({ code: Code, detail: z.string().max(300).optional() });

const moneyKinds: readonly RefundDecisionKind[] = ['full_refund', 'partial_refund', 'store_credit', 'keep_it'];

const ex = {
  version: 1 as const,
  shopId: 'acme-outdoor',
  orderId: '5012345678901',
  returnId: 'ret_01HX7Z3K4M',
  customer: { id: '7012345678901', email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' },
};
const usd = (amount: number) => ({ amount, currency: 'USD' });

export const RefundDecided = defineEvent({
  source: eventSource.refunds,
  detailType: 'RefundDecided',
  version: 1,
  description: 'The refund policy (or staff) decided what the customer gets back, with the reasons.',
  detail: {
    decisionId: EntityId,
    refundId: EntityId.optional().describe('Set when the decision gives money or credit back'),
    orderId: EntityId,
    returnId: EntityId.optional(),
    caseId: EntityId.optional(),
    delayId: EntityId.optional(),
    customer: CustomerRef,
    trigger: z.enum(['return', 'delay', 'case', 'cancellation', 'manual']),
    kind: RefundDecisionKind,
    amount: Money.optional().describe('Required for full_refund, partial_refund, store_credit and keep_it'),
    lines: z.array(LineQuantity).max(100).optional(),
    reasons: z.array(DecisionReason).min(1).max(20),
    policyVersion: z.string().max(50).optional(),
    decidedBy: Actor.describe('system for automatic decisions'),
  },
  refine: (detail, ctx) => {
    if (!moneyKinds.includes(detail.kind)) return;
    if (!detail.amount) ctx.addIssue({ code: 'custom', path: ['amount'], message: `required for ${detail.kind}` });
    if (!detail.refundId) ctx.addIssue({ code: 'custom', path: ['refundId'], message: `required for ${detail.kind}` });
  },
  example: {
    ...ex,
    occurredAt: '2024-05-15T11:31:00Z',
    decisionId: 'dec_01HXA1',
    refundId: 'rf_01HXA1',
    trigger: 'return',
    kind: 'full_refund',
    amount: usd(24900),
    lines: [{ lineId: '13012345678901', quantity: 1 }],
    reasons: [{ code: 'within_return_window' }, { code: 'inspection_passed' }],
    policyVersion: '2024-04',
    decidedBy: { kind: 'system' },
  },
});

const refundRef = {
  refundId: EntityId,
  decisionId: EntityId.optional(),
  orderId: EntityId,
  returnId: EntityId.optional(),
  customer: CustomerRef,
  amount: Money,
};

export const RefundIssued = defineEvent({
  source: eventSource.refunds,
  detailType: 'RefundIssued',
  version: 1,
  description: 'Money went back to the customer through the storefront or payment gateway.',
  detail: {
    ...refundRef,
    method: z.enum(['original_payment', 'manual']),
    platformRefundId: EntityId.optional().describe('Refund id on the storefront'),
    lines: z.array(LineQuantity).max(100).optional(),
  },
  example: { ...ex, occurredAt: '2024-05-15T11:32:00Z', refundId: 'rf_01HXA1', decisionId: 'dec_01HXA1', amount: usd(24900), method: 'original_payment', platformRefundId: '9912345678901' },
});

export const RefundFailed = defineEvent({
  source: eventSource.refunds,
  detailType: 'RefundFailed',
  version: 1,
  description: 'A refund could not be issued. `retryable` says whether trying again may work.',
  detail: {
    ...refundRef,
    errorCode: Code.describe('e.g. gateway_declined, order_not_found, platform_unavailable'),
    message: z.string().max(500).optional().describe('Sanitised error message'),
    retryable: z.boolean(),
    attempts: z.int().positive(),
  },
  example: {
    ...ex,
    occurredAt: '2024-05-15T11:32:00Z',
    refundId: 'rf_01HXA1',
    decisionId: 'dec_01HXA1',
    amount: usd(24900),
    errorCode: 'gateway_declined',
    message: 'The payment gateway declined the refund',
    retryable: false,
    attempts: 1,
  },
});

export const StoreCreditIssued = defineEvent({
  source: eventSource.refunds,
  detailType: 'StoreCreditIssued',
  version: 1,
  description: 'Store credit (gift card or account credit) was given to the customer.',
  detail: {
    storeCreditId: EntityId,
    refundId: EntityId.optional(),
    decisionId: EntityId.optional(),
    orderId: EntityId.optional(),
    returnId: EntityId.optional(),
    customer: CustomerRef,
    amount: Money,
    kind: z.enum(['gift_card', 'account_credit']),
    codeLastCharacters: z.string().regex(/^[A-Za-z0-9]{4}$/).optional().describe('Last 4 characters of the gift card code; the code itself is never published'),
    expiresAt: IsoDateTime.optional(),
  },
  example: {
    ...ex,
    occurredAt: '2024-05-15T11:32:00Z',
    storeCreditId: 'gc_01HXA2',
    refundId: 'rf_01HXA2',
    amount: usd(24900),
    kind: 'gift_card',
    codeLastCharacters: 'X7Q2',
    expiresAt: '2025-05-15T23:59:59Z',
  },
});

export const RefundRecorded = defineEvent({
  source: eventSource.refunds,
  detailType: 'RefundRecorded',
  version: 1,
  description:
    'The storefront recorded a refund, made there by staff or echoing one we issued; matched to order lines. Consumers reconcile it with RefundIssued by platformRefundId.',
  detail: {
    orderId: EntityId,
    platformRefundId: EntityId.describe('Refund id on the storefront'),
    customer: CustomerRef.optional().describe('Set when the order is known; otherwise look the order up'),
    amount: Money.describe('What went back to the customer'),
    lines: z
      .array(LineQuantity.extend({ amount: Money.describe('Refunded for these units, tax included') }))
      .max(250)
      .describe('Refunded order lines; empty for an amount-only refund'),
    shipping: Money.optional().describe('Shipping refunded, tax included'),
    note: Note.optional().describe('Reason entered on the storefront'),
  },
  refine: (detail, ctx) =>
    sameCurrency(ctx, detail.amount.currency, [
      ...detail.lines.map((line, index): [PropertyKey[], z.infer<typeof Money>] => [['lines', index, 'amount'], line.amount]),
      [['shipping'], detail.shipping],
    ]),
  example: {
    version: 1,
    shopId: 'acme-outdoor',
    occurredAt: '2024-05-15T11:32:05Z',
    orderId: '5012345678901',
    platformRefundId: '9912345678901',
    customer: ex.customer,
    amount: usd(27887),
    lines: [{ lineId: '13012345678901', quantity: 1, amount: usd(26892) }],
    shipping: usd(995),
    note: 'Returned: wrong size',
  },
});

/** Parcel claims the refund engine decides without a return (shared/refunds/rules.ts uses this list). */
export const ParcelClaimKindName = z.enum(['not_delivered', 'damaged_in_transit', 'wrong_item', 'missing_item']);

export const ParcelClaimFiled = defineEvent({
  source: eventSource.refunds,
  detailType: 'ParcelClaimFiled',
  version: 1,
  description:
    'A parcel did not arrive whole (not delivered, damaged in transit, wrong or missing item), claimed by the customer, by ops, or by the delay ladder. The refund engine decides it; the claim id is its idempotency key.',
  detail: {
    claimId: EntityId.describe('Unique per claim; the same claim filed twice is decided once'),
    orderId: EntityId,
    customer: CustomerRef,
    kind: ParcelClaimKindName,
    lines: z.array(LineQuantity).min(1).max(100).optional().describe('Absent: every shipped unit not refunded yet (a whole parcel)'),
    source: z.enum(['customer', 'ops', 'delay_ladder']),
    delayId: EntityId.optional().describe('Set when the delay ladder filed it'),
    comment: Note.optional(),
    photos: z.array(z.string().max(500)).max(10).optional().describe('Photo references the customer uploaded'),
  },
  example: {
    version: 1,
    shopId: ex.shopId,
    orderId: ex.orderId,
    customer: ex.customer,
    occurredAt: '2024-06-02T09:00:00Z',
    claimId: 'clm_01HY2',
    kind: 'not_delivered',
    source: 'delay_ladder',
    delayId: 'dly_5012345678901',
  },
});
