// The fake payment provider's state, in memory, per shop: its refunds by idempotency key and the
// control settings tests use to make it decline, answer `pending` or hold its answers.
import type { Money } from '../../../shared/events/common.ts';

export interface PaymentsControl {
  /** Declines every new refund with this code (null: decide by amount). */
  decline: string | null;
  /** New refunds are accepted as `pending` instead of `succeeded`. */
  pending: boolean;
  /** Holds the answer to every refund request this long, after recording it (a slow provider). */
  delayMs: number;
}

export interface RefundParameters {
  orderId: string;
  amount: Money;
  reason: string;
}

export interface StoredRefund extends RefundParameters {
  id: string;
  key: string;
  status: 'succeeded' | 'declined' | 'pending';
  declineCode?: string;
  createdAt: string;
  /** How many requests carried this key (the first and the replays). */
  requests: number;
}

export type RefundAnswer = { kind: 'created' | 'replayed'; refund: StoredRefund } | { kind: 'key_reused'; refund: StoredRefund };

/** Amounts ending in 13 minor units are declined, as test cards do with magic numbers. */
export const declinedAmountEnding = 13;

export const defaultControl = (): PaymentsControl => ({ decline: null, pending: false, delayMs: 0 });

class Account {
  control = defaultControl();
  readonly refunds = new Map<string, StoredRefund>();
}

const sameParameters = (a: RefundParameters, b: RefundParameters) =>
  a.orderId === b.orderId && a.amount.amount === b.amount.amount && a.amount.currency === b.amount.currency && a.reason === b.reason;

export class PaymentsState {
  private readonly accounts = new Map<string, Account>();
  private sequence = 0;

  constructor(private readonly now: () => Date) {}

  private account(shop: string): Account {
    let account = this.accounts.get(shop);
    if (!account) this.accounts.set(shop, (account = new Account()));
    return account;
  }

  control(shop: string): PaymentsControl {
    return this.account(shop).control;
  }

  setControl(shop: string, change: Partial<PaymentsControl>): PaymentsControl {
    const account = this.account(shop);
    account.control = { ...account.control, ...change };
    return account.control;
  }

  /** The refund under `key`: made once, then the same answer for every request with that key. */
  refund(shop: string, key: string, parameters: RefundParameters): RefundAnswer {
    const { refunds, control } = this.account(shop);
    const existing = refunds.get(key);
    if (existing) {
      existing.requests += 1;
      return sameParameters(existing, parameters) ? { kind: 'replayed', refund: existing } : { kind: 'key_reused', refund: existing };
    }
    this.sequence += 1;
    const declineCode = control.decline ?? (parameters.amount.amount % 100 === declinedAmountEnding ? 'card_declined' : undefined);
    const refund: StoredRefund = {
      ...parameters,
      id: `re_local_${String(this.sequence).padStart(6, '0')}`,
      key,
      status: declineCode ? 'declined' : control.pending ? 'pending' : 'succeeded',
      ...(declineCode ? { declineCode } : {}),
      createdAt: this.now().toISOString(),
      requests: 1,
    };
    refunds.set(key, refund);
    return { kind: 'created', refund };
  }

  byKey(shop: string, key: string): StoredRefund | undefined {
    return this.account(shop).refunds.get(key);
  }

  /** Everything the shop's account holds, for tests and for a look by hand. */
  snapshot(shop: string) {
    const { control, refunds } = this.account(shop);
    return { control, refunds: [...refunds.values()] };
  }
}
