// Reconciling a refund the storefront reports (`RefundRecorded`, from Shopify's `refunds/create` or
// a refund embedded in an order) with the order ledger. Either it is the echo of a refund we issued
// (the provider's refund id is the storefront's: the ledger's provider index finds our entry) and
// our entry is confirmed, or it was made outside us and is recorded as an `external_refund`, keyed
// by the storefront's id so a redelivered event records nothing twice. An external refund is
// counted even when it takes the order past what was paid (the storefront already did it): the
// entry and the summary are flagged `overRefunded` for ops.
import type { Money } from '../events/common.ts';
import type { EntryOutcome, EntryRef, MovementOutcome } from '../adapters/refund-ledger-store.ts';
import type { LedgerEntry } from '../refunds/ledger.ts';

/** What reconciliation needs of the ledger store (RefundLedgerStore implements it). */
export interface ReconciliationLedger {
  entryByProviderRefund(shopId: string, orderId: string, providerRefundId: string): Promise<LedgerEntry | undefined>;
  confirmByStorefront(ref: EntryRef, platformRefundId: string, reportedAt: string): Promise<EntryOutcome>;
  recordExternalRefund(refund: { shopId: string; orderId: string; platformRefundId: string; amount: Money; note?: string }): Promise<MovementOutcome>;
}

export interface StorefrontRefund {
  shopId: string;
  orderId: string;
  platformRefundId: string;
  amount: Money;
  note?: string;
  /** When the storefront made the refund. */
  refundedAt: string;
}

export type ReconcileOutcome =
  /** Our refund, now confirmed by the storefront; `amountDiffers` when the storefront refunded another amount. */
  | { outcome: 'confirmed'; entry: LedgerEntry; amountDiffers: boolean }
  | { outcome: 'already_confirmed'; entry: LedgerEntry }
  | { outcome: 'recorded_external'; entry: LedgerEntry; overRefunded: boolean }
  /** This storefront refund was recorded before (a redelivered event, or one the ledger opened with). */
  | { outcome: 'duplicate'; entry: LedgerEntry }
  /** The order has not arrived yet: nothing tells what was paid. Retry later. */
  | { outcome: 'order_unknown' }
  | { outcome: 'currency_mismatch'; expected: string };

export async function reconcileStorefrontRefund(ledger: ReconciliationLedger, refund: StorefrontRefund): Promise<ReconcileOutcome> {
  const { shopId, orderId, platformRefundId, amount, note, refundedAt } = refund;
  const ours = await ledger.entryByProviderRefund(shopId, orderId, platformRefundId);
  // A declined entry gave its money back to the ledger: a storefront refund under its id is new money.
  if (ours && ours.state !== 'declined') {
    const confirmed = await ledger.confirmByStorefront({ shopId, orderId, kind: ours.kind, key: ours.key }, platformRefundId, refundedAt);
    if (confirmed.outcome === 'updated') return { outcome: 'confirmed', entry: confirmed.entry, amountDiffers: confirmed.entry.amount.amount !== amount.amount || confirmed.entry.amount.currency !== amount.currency };
    if (confirmed.outcome === 'already') return { outcome: 'already_confirmed', entry: confirmed.entry };
  }
  const recorded = await ledger.recordExternalRefund({ shopId, orderId, platformRefundId, amount, note });
  switch (recorded.outcome) {
    case 'recorded':
      return { outcome: 'recorded_external', entry: recorded.entry, overRefunded: recorded.overRefunded };
    case 'duplicate':
      return { outcome: 'duplicate', entry: recorded.entry };
    case 'order_unknown':
      return { outcome: 'order_unknown' };
    case 'currency_mismatch':
      return { outcome: 'currency_mismatch', expected: recorded.expected };
    case 'exceeds_paid':
      // External refunds are recorded past what was paid; the store never answers this for them.
      throw new Error(`The ledger refused storefront refund ${platformRefundId} of order ${orderId} as exceeding what was paid`);
  }
}
