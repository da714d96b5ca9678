// The refunds desk of the ops API: the review queue (decisions waiting for a person), a person's
// decision on one (approve, override, deny, retry: always with a reason, audited), the money
// ledger of an order, and the explanation of a decision (every rule the engine evaluated).
import * as z from 'zod';
import { CustomerRef, EntityId, IsoDateTime, Money, ShopId } from '../../events/common.ts';
import { Decision, DecisionKind, ResolutionKind, ResolutionOption, RuleCode } from '../../refunds/decision.ts';
import { DecisionRecord, DecisionStatus } from '../../refunds/decision-record.ts';
import { defineRoute } from '../define.ts';
import { Cursor, page } from '../schemas.ts';
import { limit, shopQuery } from './common.ts';
import { CustomerTierView } from '../schemas-queue.ts';

/** The engine's decision, with its explanation: named so the record and the queue share it. */
export const RefundDecisionView = Decision.meta({
  id: 'RefundDecision',
  description: 'The refund engine’s decision: what the customer gets, the options offered, and every rule evaluated with its inputs',
});

export const RefundDecisionRecordView = DecisionRecord.extend({ decision: RefundDecisionView }).meta({
  id: 'RefundDecisionRecord',
  description: 'A refund decision as kept and worked: the engine’s decision, its status, what is executed (`outcome`), the saga’s steps, a failure, and who did what when and why',
});

export const RefundReviewItem = z
  .object({
    decisionId: EntityId,
    orderId: EntityId,
    orderNumber: z.string().optional(),
    returnId: EntityId.optional(),
    customer: CustomerRef,
    status: DecisionStatus.describe('`awaiting_review` (manual review: an agent), `awaiting_supervisor` (above the supervisor threshold) or `awaiting_customer` (a parcel claim whose customer has not chosen yet; a person may still settle it)'),
    version: z.int().nonnegative().describe('Pass as `expectedVersion` to decide only on what you saw'),
    kind: DecisionKind.describe('What the engine decided'),
    proposedKind: ResolutionKind.optional().describe('For manual review: what the engine would have done'),
    amount: Money.optional(),
    options: z.array(ResolutionOption).describe('The ranked resolutions the customer may be offered'),
    needsSupervisor: z.boolean(),
    createdAt: IsoDateTime,
    firedRules: z.array(z.object({ code: RuleCode, detail: z.string() })).describe('The rules that fired; GET /ops/refunds/{decisionId} has every rule with its inputs'),
    tier: CustomerTierView.nullable().describe('The customer’s VIP tier now; null when none'),
  })
  .meta({ id: 'RefundReviewItem', description: 'A refund decision waiting for a person' });

export const LedgerEntryView = z.object({
  kind: z.enum(['refund', 'store_credit', 'external_refund']).describe('Our refund, our store credit, or a refund made on the storefront'),
  key: z.string().describe('Our idempotency key (the decision’s `refundId`) or the storefront’s refund id'),
  amount: Money,
  state: z.enum(['pending', 'issued', 'declined', 'unknown']).describe('`pending`: held while the provider is asked; `unknown`: the provider did not say, the money stays held'),
  decisionId: EntityId.optional(),
  reason: z.string().optional(),
  providerRefundId: z.string().optional(),
  declineCode: z.string().optional(),
  platformRefundId: z.string().optional().describe('The storefront’s refund id: an external refund’s own, or the echo that confirmed ours'),
  confirmedAt: IsoDateTime.optional().describe('When the storefront reported this money as refunded'),
  overRefunded: z.boolean().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const OrderLedger = z
  .object({
    shopId: ShopId,
    orderId: EntityId,
    summary: z
      .object({
        paid: Money,
        refunded: Money.describe('Refunds to the original payment, ours (held or issued) and the storefront’s'),
        credited: Money,
        remaining: Money.describe('What may still go back: paid − refunded − credited'),
        overRefunded: z.boolean().describe('A storefront refund took the order past what was paid'),
        version: z.int().nonnegative(),
        openedAt: IsoDateTime,
        updatedAt: IsoDateTime,
      })
      .optional()
      .describe('Absent until the first money movement opens the ledger'),
    entries: z.array(LedgerEntryView),
    decisions: z.array(
      z.object({
        decisionId: EntityId,
        refundId: EntityId,
        status: DecisionStatus,
        kind: DecisionKind.describe('What is executed (the outcome), or the engine’s decision while a person has not decided'),
        amount: Money.optional(),
        createdAt: IsoDateTime,
      }),
    ),
  })
  .meta({ id: 'OrderLedger', description: 'What was paid for an order, every refund and credit, and the refund decisions on it' });

const decisionParams = z.object({ decisionId: EntityId.describe('Id of the refund decision') });
const shopOf = z.object({ shopId: shopQuery });

export const DecideRefundRequest = z
  .object({
    action: z.enum(['approve', 'override', 'deny', 'retry']).describe('`approve` what the engine proposed; `override` with another resolution; `deny`; `retry` a failed decision'),
    kind: ResolutionKind.optional().describe('The resolution, for `override`'),
    amount: Money.optional().describe('For `override`: what the customer receives, at most what remains refundable'),
    reason: z.string().trim().min(1).max(1000).describe('Why, for the audit trail'),
    expectedVersion: z.int().nonnegative().optional().describe('The `version` you read: 409 if the decision changed since'),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'override' && !body.kind) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'an override needs the resolution kind' });
  })
  .meta({ id: 'DecideRefundRequest' });

export const listRefundReviews = defineRoute({
  method: 'get',
  path: '/ops/refunds/reviews',
  operationId: 'listRefundReviews',
  summary: 'List refund decisions waiting for review',
  description: 'The shop’s refund decisions waiting for a person (manual review, or supervisor approval), oldest first (`sla`: the longest waiting first), or by customer tier (`tier`: highest first on each page read, then the longest waiting).',
  tags: ['Refunds'],
  access: { kind: 'ops', role: 'viewer' },
  request: { query: z.object({ shopId: shopQuery, sort: z.enum(['sla', 'tier']).default('sla').describe('`sla` (default): the longest waiting first; `tier`: the highest customer tier first on each page read'), limit, cursor: Cursor.optional() }) },
  responses: { 200: { description: 'A page of decisions waiting for review', schema: page(RefundReviewItem, 'RefundReviewPage') } },
});

export const decideRefund = defineRoute({
  method: 'post',
  path: '/ops/refunds/{decisionId}/decision',
  operationId: 'decideRefund',
  summary: 'Decide a refund under review',
  description:
    'Approves what the engine proposed, overrides it with another resolution (supervisor), denies it, or retries a failed decision (supervisor); a decision above the supervisor threshold needs a supervisor for any action. The reason is required and kept with the decision and in the audit trail (subject `refund` with the decision’s `refundId`). An approval is executed at once: the refund saga runs it (RefundDecided).',
  tags: ['Refunds'],
  access: { kind: 'ops', role: 'agent' },
  request: { params: decisionParams, query: shopOf, body: DecideRefundRequest },
  responses: {
    200: { description: 'The decision after this action', schema: RefundDecisionRecordView },
    403: { description: 'Your role may not do this: a decision awaiting a supervisor, an override and a retry need a supervisor' },
    404: { description: 'No refund decision with this id in the shop' },
    409: { description: 'Not allowed in the decision’s status, the decision changed since `expectedVersion`, or someone decided it at the same moment' },
  },
});

export const getOrderLedger = defineRoute({
  method: 'get',
  path: '/ops/orders/{orderId}/ledger',
  operationId: 'getOrderLedger',
  summary: 'Get an order’s refund ledger',
  description: 'What was paid, refunded and credited on the order, every movement (ours and the storefront’s), and the refund decisions on it.',
  tags: ['Refunds'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: z.object({ orderId: EntityId.describe('Storefront order id') }), query: shopOf },
  responses: {
    200: { description: 'The order’s ledger and refund decisions', schema: OrderLedger },
    404: { description: 'The order has neither a ledger nor a refund decision' },
  },
});

export const getDecisionExplanation = defineRoute({
  method: 'get',
  path: '/ops/refunds/{decisionId}',
  operationId: 'getDecisionExplanation',
  summary: 'Explain a refund decision',
  description: 'The whole decision: what the engine decided and why (every rule, fired or not, with its inputs, and the rule set’s version), the options offered, the status and outcome, the saga’s steps, any failure, and its history.',
  tags: ['Refunds'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: decisionParams, query: shopOf },
  responses: { 200: { description: 'The decision with its explanation', schema: RefundDecisionRecordView }, 404: { description: 'No refund decision with this id in the shop' } },
});
