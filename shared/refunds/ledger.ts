// The money ledger of an order, as plain domain code: what the customer paid, what went back
// (our refunds, store credit, refunds made on the storefront), and the rule that the sum of
// refunds and credits never exceeds what was paid. The store (shared/adapters/refund-ledger-store.ts)
// writes each movement conditionally on the summary's version, so this arithmetic decides and
// DynamoDB guarantees that no concurrent movement slipped in between.
//
// Our refunds and credits are held before the provider is called (`pending`), then confirmed
// (`issued`) or released (`declined`, the amount given back). A provider that timed out leaves the
// entry `unknown`: the money stays held until a lookup settles it.
import type { Money } from '../events/common.ts';
import type { NormalizedOrder, NormalizedRefund } from '../storefronts/normalized.ts';

export type LedgerEntryKind = 'refund' | 'store_credit' | 'external_refund';
export type LedgerEntryState = 'pending' | 'issued' | 'declined' | 'unknown';

export interface LedgerSummary {
  shopId: string;
  orderId: string;
  /** What the customer paid: the order's total once captured. */
  paid: Money;
  /** Refunds to the original payment, ours (held or issued) and the storefront's. */
  refunded: Money;
  credited: Money;
  /** True once an external refund took the order past what was paid (the storefront already did it). */
  overRefunded: boolean;
  /** Optimistic lock: every movement expects the version it read. */
  version: number;
  openedAt: string;
  updatedAt: string;
}

export interface LedgerEntry {
  shopId: string;
  orderId: string;
  kind: LedgerEntryKind;
  /** Our idempotency key (refund, store credit) or the storefront's refund id (external refund). */
  key: string;
  amount: Money;
  state: LedgerEntryState;
  decisionId?: string;
  reason?: string;
  /** The payment provider's refund id, once it accepted. */
  providerRefundId?: string;
  declineCode?: string;
  /** The storefront's refund id: an external refund's own id, or the echo that confirmed ours. */
  platformRefundId?: string;
  /** When the storefront reported this money as refunded (our refund seen on the storefront). */
  confirmedAt?: string;
  overRefunded?: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Movement {
  shopId: string;
  orderId: string;
  kind: LedgerEntryKind;
  key: string;
  amount: Money;
  decisionId?: string;
  reason?: string;
  platformRefundId?: string;
}

export type MovementCheck =
  | { ok: true; next: LedgerSummary; overRefunded: boolean }
  | { ok: false; outcome: 'exceeds_paid'; remaining: Money }
  | { ok: false; outcome: 'currency_mismatch'; expected: string };

const money = (amount: number, currency: string): Money => ({ amount, currency });

/** Statuses in which the customer's payment was captured; before (or voided) nothing can go back. */
const capturedStatuses: ReadonlySet<NormalizedOrder['financialStatus']> = new Set(['paid', 'partially_paid', 'partially_refunded', 'refunded']);

/** What the customer paid for the order: its total once the payment was captured, else zero. */
export function paidFor(order: NormalizedOrder): Money {
  return money(capturedStatuses.has(order.financialStatus) ? order.totals.total.amount : 0, order.totals.total.currency);
}

/** What may still go back: paid less refunds and credits, never below zero. */
export function remaining(summary: Pick<LedgerSummary, 'paid' | 'refunded' | 'credited'>): Money {
  return money(Math.max(0, summary.paid.amount - summary.refunded.amount - summary.credited.amount), summary.paid.currency);
}

/** The entry key in the table's sort key space: one entry per kind and key. */
export function entrySortKey(kind: LedgerEntryKind, key: string): string {
  return `ENTRY#${kind}#${key}`;
}

/**
 * A new summary for an order, with the storefront refunds already known (kept as external refund
 * entries by the store) counted, so a ledger opened late does not forget money already returned.
 */
export function openSummary(shopId: string, orderId: string, paid: Money, knownRefunds: readonly NormalizedRefund[], now: string): { summary: LedgerSummary; entries: LedgerEntry[] } {
  const refunds = knownRefunds.filter((refund) => refund.amount.currency === paid.currency);
  const refunded = refunds.reduce((sum, refund) => sum + refund.amount.amount, 0);
  const overRefunded = refunded > paid.amount;
  const entries = refunds.map(
    (refund): LedgerEntry => ({
      shopId,
      orderId,
      kind: 'external_refund',
      key: refund.refundId,
      amount: refund.amount,
      state: 'issued',
      platformRefundId: refund.refundId,
      ...(refund.note ? { reason: refund.note } : {}),
      confirmedAt: refund.createdAt,
      ...(overRefunded ? { overRefunded } : {}),
      createdAt: now,
      updatedAt: now,
    }),
  );
  const summary: LedgerSummary = { shopId, orderId, paid, refunded: money(refunded, paid.currency), credited: money(0, paid.currency), overRefunded, version: 1, openedAt: now, updatedAt: now };
  return { summary, entries };
}

/**
 * The summary after `movement`, or why it cannot be recorded. External refunds already happened on
 * the storefront: with `allowOverRefund` they are counted even past what was paid, and flagged.
 */
export function applyMovement(summary: LedgerSummary, movement: Pick<Movement, 'kind' | 'amount'>, now: string, options: { allowOverRefund?: boolean } = {}): MovementCheck {
  const { currency } = summary.paid;
  if (movement.amount.currency !== currency) return { ok: false, outcome: 'currency_mismatch', expected: currency };
  if (!Number.isSafeInteger(movement.amount.amount) || movement.amount.amount < 0) throw new RangeError(`Not an amount in minor units: ${movement.amount.amount}`);
  const left = remaining(summary);
  const exceeds = movement.amount.amount > left.amount || summary.refunded.amount + summary.credited.amount > summary.paid.amount;
  if (exceeds && !options.allowOverRefund) return { ok: false, outcome: 'exceeds_paid', remaining: left };
  const credit = movement.kind === 'store_credit';
  const next: LedgerSummary = {
    ...summary,
    refunded: credit ? summary.refunded : money(summary.refunded.amount + movement.amount.amount, currency),
    credited: credit ? money(summary.credited.amount + movement.amount.amount, currency) : summary.credited,
    overRefunded: summary.overRefunded || exceeds,
    version: summary.version + 1,
    updatedAt: now,
  };
  return { ok: true, next, overRefunded: exceeds };
}

/** The summary once a held movement is released (the provider declined): its amount may go back again. */
export function releaseMovement(summary: LedgerSummary, entry: Pick<LedgerEntry, 'kind' | 'amount'>, now: string): LedgerSummary {
  if (entry.amount.currency !== summary.paid.currency) throw new Error(`Entry in ${entry.amount.currency} on a ledger in ${summary.paid.currency}`);
  const { currency } = summary.paid;
  const credit = entry.kind === 'store_credit';
  const less = (held: Money) => money(Math.max(0, held.amount - entry.amount.amount), currency);
  return {
    ...summary,
    refunded: credit ? summary.refunded : less(summary.refunded),
    credited: credit ? less(summary.credited) : summary.credited,
    version: summary.version + 1,
    updatedAt: now,
  };
}

/** The states an entry may move to from each state. `issued` and `declined` are final. */
const transitions: Readonly<Record<LedgerEntryState, readonly LedgerEntryState[]>> = {
  pending: ['issued', 'declined', 'unknown'],
  unknown: ['issued', 'declined'],
  issued: [],
  declined: [],
};

export type EntryTransition = 'apply' | 'already' | 'invalid';

/** Whether `entry` may move to `to`: `already` when it is there (a retried step), `invalid` when it cannot. */
export function entryTransition(entry: Pick<LedgerEntry, 'state'>, to: LedgerEntryState): EntryTransition {
  if (entry.state === to) return 'already';
  return transitions[entry.state].includes(to) ? 'apply' : 'invalid';
}

/** The states a transition to `to` may start from, for the store's write condition. */
export function statesBefore(to: LedgerEntryState): LedgerEntryState[] {
  return (Object.keys(transitions) as LedgerEntryState[]).filter((from) => transitions[from].includes(to));
}

/** Totals of the entries, for checking a summary against its entries (declined entries hold nothing). */
export function totalsOf(entries: readonly LedgerEntry[], currency: string): { refunded: Money; credited: Money } {
  const held = entries.filter((entry) => entry.state !== 'declined' && entry.amount.currency === currency);
  const sum = (kinds: LedgerEntryKind[]) => held.filter((entry) => kinds.includes(entry.kind)).reduce((total, entry) => total + entry.amount.amount, 0);
  return { refunded: money(sum(['refund', 'external_refund']), currency), credited: money(sum(['store_credit']), currency) };
}
