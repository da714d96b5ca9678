// What the refund engine decides on: a claim (a return and what inspection found, or a parcel
// that did not arrive whole), the order as the storefront charged it, the money already gone back,
// the customer's history and the shop's rules. Plain data: the caller loads it, the engine only reads.
import * as z from 'zod';
import { EntityId, IsoDateTime, Money } from '../events/common.ts';
import { ItemCondition, ReturnReason } from '../events/returns.ts';
import type { ReturnCase } from '../returns/case.ts';
import type { ReturnPolicy } from '../returns/policy.ts';
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import { ParcelClaimKind, type RefundRules } from './rules.ts';

const Quantity = z.int().positive().max(10_000);

/** A returned line. No `condition`: not inspected yet (an early refund at label scan or carrier delivery). */
export const ReturnedLine = z.object({
  lineId: EntityId,
  quantity: Quantity,
  reason: ReturnReason,
  condition: ItemCondition.optional(),
  missingParts: z.boolean().default(false).describe('Inspection found parts missing'),
  /** What the customer asked for; `keep`: a returnless line the return policy approved. */
  requested: z.enum(['refund', 'store_credit', 'keep']).default('refund'),
});
export type ReturnedLine = z.infer<typeof ReturnedLine>;

export const ClaimedLine = z.object({ lineId: EntityId, quantity: Quantity });
export type ClaimedLine = z.infer<typeof ClaimedLine>;

export const ReturnClaim = z.object({
  kind: z.literal('return_inspection'),
  returnId: EntityId,
  lines: z.array(ReturnedLine).min(1).max(100),
});

export const ParcelClaim = z.object({
  kind: ParcelClaimKind,
  caseId: EntityId.optional(),
  /** Absent: every unit of the lines that ship and are not refunded yet (a whole parcel lost). */
  lines: z.array(ClaimedLine).min(1).max(100).optional(),
});

export const Claim = z.discriminatedUnion('kind', [ReturnClaim, ParcelClaim]);
export type Claim = z.infer<typeof Claim>;
export type ClaimInput = z.input<typeof Claim>;
export type ClaimKind = Claim['kind'];

/** The order's money so far (the ledger summary): paid, refunded to the payment, given as store credit. */
export const LedgerTotals = z.object({ paid: Money, refunded: Money, credited: Money });
export type LedgerTotals = z.infer<typeof LedgerTotals>;

/**
 * Money that went back on lines outside the storefront's own refunds (store credit, or one of our
 * refunds the storefront has not echoed yet). One the storefront echoed (`platformRefundId` among
 * the order's refunds) is counted once, from the storefront.
 */
export const EarlierSettlement = z.object({
  platformRefundId: EntityId.optional(),
  lines: z.array(z.object({ lineId: EntityId, quantity: Quantity, amount: Money })).max(250),
  shipping: Money.optional(),
});
export type EarlierSettlement = z.infer<typeof EarlierSettlement>;

/** The customer's history before this claim (this claim not counted). */
export const CustomerHistory = z.object({
  orders: z.int().nonnegative(),
  returns: z.int().nonnegative(),
  /** When the customer's earlier claims (returns and parcel claims) were made. */
  claimDates: z.array(IsoDateTime).max(1000).default([]),
  tier: z.string().max(40).optional(),
});
export type CustomerHistory = z.infer<typeof CustomerHistory>;
export type CustomerHistoryInput = z.input<typeof CustomerHistory>;

export interface RefundInput {
  /** Given by the caller (idempotency: the same claim decided twice keeps its id). */
  decisionId: string;
  /** The decision time (ISO 8601 UTC), for recent claims. */
  now: string;
  claim: Claim;
  order: NormalizedOrder;
  /** Absent: paid is the order total once captured, refunded the storefront's refunds, nothing credited. */
  ledger?: LedgerTotals;
  earlier?: readonly EarlierSettlement[];
  history: CustomerHistory;
  rules: RefundRules;
  /** The shop's return policy, for what the refund rules leave to it (fees, bonus, keep-it, who pays shipping). */
  returnPolicy?: ReturnPolicy;
}

/**
 * The claim of a return case, lines to exchange left out (the exchange flow settles them).
 * Undefined when every line is an exchange.
 */
export function claimFromReturnCase(c: Pick<ReturnCase, 'id' | 'lines'>): Claim | undefined {
  const lines = c.lines
    .filter((line) => line.resolution !== 'exchange')
    .map(
      (line): ReturnedLine => ({
        lineId: line.lineItemId,
        quantity: line.quantity,
        reason: line.reason,
        ...(line.condition ? { condition: line.condition } : {}),
        missingParts: false,
        requested: line.resolution === 'exchange' ? 'refund' : line.resolution,
      }),
    );
  return lines.length ? { kind: 'return_inspection', returnId: c.id, lines } : undefined;
}
