// The refund engine's answer, as zod schemas so it can be stored, served to ops and published.
// A decision carries what the customer gets (kind, amount, lines, deductions), the choice they
// may be offered (options, ranked), and why: every rule evaluated, fired or not, with its inputs.
import * as z from 'zod';
import { EntityId, LineQuantity, Money } from '../events/common.ts';
import { ItemCondition, ReturnReason } from '../events/returns.ts';

/** What the customer can end up with. */
export const ResolutionKind = z.enum(['full_refund', 'partial_refund', 'store_credit', 'keep_it', 'reship']);
export type ResolutionKind = z.infer<typeof ResolutionKind>;

export const DecisionKind = z.enum([...ResolutionKind.options, 'manual_review', 'deny']);
export type DecisionKind = z.infer<typeof DecisionKind>;

/** Kinds that give money or credit back (and so need a refund id when published). */
export const moneyResolutions: readonly ResolutionKind[] = ['full_refund', 'partial_refund', 'store_credit', 'keep_it'];

export const DeductionCode = z.enum(['restocking_fee', 'damaged_goods', 'used_goods', 'missing_parts', 'inspection_failed', 'refundable_cap']);
export type DeductionCode = z.infer<typeof DeductionCode>;

export const Deduction = z.object({ code: DeductionCode, amount: Money });
export type Deduction = z.infer<typeof Deduction>;

/** One claimed line: what its units cost (goods with tax, and their shipping share), what is taken off, what goes back. */
export const DecisionLine = z.object({
  lineId: EntityId,
  quantity: z.int().nonnegative().describe('Units decided on (claimed units not yet refunded)'),
  reason: ReturnReason.optional(),
  condition: ItemCondition.optional(),
  accepted: z.boolean().describe('false: failed inspection, nothing goes back for it'),
  value: Money.describe('What these units cost the customer, discounts off, tax included'),
  tax: Money.describe('The tax in value'),
  shipping: Money.describe('Their share of shipping refunded, tax included'),
  deductions: z.array(Deduction),
  amount: Money.describe('value + shipping − deductions'),
});
export type DecisionLine = z.infer<typeof DecisionLine>;

export const Gift = z.object({ variantId: EntityId, title: z.string().max(200).optional() });

/** One way to settle the claim, as offered to the customer. */
export const ResolutionOption = z.object({
  kind: ResolutionKind,
  rank: z.int().positive().describe('1 = recommended first'),
  recommended: z.boolean(),
  amount: Money.optional().describe('What the customer receives; absent for reship'),
  bonus: Money.optional().describe('Store credit only: the part of amount given on top'),
  fromPaid: Money.optional().describe('What this takes from what the customer paid: amount − bonus'),
  deductions: z.array(Deduction),
  lines: z.array(DecisionLine),
  requiresItemBack: z.boolean().describe('The customer must send the item back first'),
  gift: Gift.optional(),
  why: z.string().max(300),
});
export type ResolutionOption = z.infer<typeof ResolutionOption>;

/** Stable codes of the rules, in the order they are evaluated. */
export const RuleCode = z.enum([
  'claimed_quantity',
  'inspection_failed',
  'all_lines_failed',
  'damaged_deduction',
  'used_deduction',
  'missing_parts_deduction',
  'restocking_fee',
  'shipping_refund',
  'store_credit',
  'keep_it',
  'reship',
  'refundable_cap',
  'risk_return_rate',
  'risk_recent_claims',
  'risk_blocklisted_email',
  'risk_blocklisted_address',
  'customer_choice',
  'auto_approve',
  'supervisor_approval',
  'refund_timing',
]);
export type RuleCode = z.infer<typeof RuleCode>;

export const ReasonInput = z.union([z.string(), z.number(), z.boolean(), z.null(), Money, z.array(z.string())]);
export type ReasonInput = z.infer<typeof ReasonInput>;

/** One rule's evaluation: whether it fired (changed or permitted something) and on what inputs. */
export const RuleOutcome = z.object({
  rule: RuleCode,
  fired: z.boolean(),
  inputs: z.record(z.string(), ReasonInput),
  detail: z.string().max(500),
});
export type RuleOutcome = z.infer<typeof RuleOutcome>;

/** `now`: the claim is settled when decided; otherwise the return's step at which money goes back. */
export const RefundTiming = z.enum(['now', 'label_scan', 'carrier_delivery', 'inspection']);
export type RefundTiming = z.infer<typeof RefundTiming>;

export const Decision = z.object({
  decisionId: EntityId,
  orderId: EntityId,
  claim: z.object({
    kind: z.enum(['return_inspection', 'not_delivered', 'damaged_in_transit', 'wrong_item', 'missing_item']),
    returnId: EntityId.optional(),
    caseId: EntityId.optional(),
  }),
  kind: DecisionKind,
  /** manual_review only: what the engine would have done, for the reviewer to approve or override. */
  proposedKind: ResolutionKind.optional(),
  amount: Money.optional().describe('What the customer receives (store credit: bonus included)'),
  bonus: Money.optional(),
  fromPaid: Money.optional().describe('What the decision takes from what remains refundable on the order'),
  claimed: Money.describe('What the claimed units cost, with the shipping share: before deductions'),
  remainingBefore: Money.describe('Paid − refunded − credited on the order, before this decision'),
  lines: z.array(DecisionLine),
  deductions: z.array(Deduction).describe('Per code, summed over lines'),
  options: z.array(ResolutionOption).describe('Empty, or two or more ranked resolutions the customer may choose from'),
  reship: z.object({ lines: z.array(LineQuantity), gift: Gift.optional() }).optional(),
  requiresItemBack: z.boolean(),
  needsSupervisor: z.boolean(),
  reasons: z.array(RuleOutcome),
  rulesVersion: z.int().min(1),
  timing: z.object({ refundAt: RefundTiming }),
});
export type Decision = z.infer<typeof Decision>;
