// The fake payment provider's state, in memory, per shop: its refunds and store credits (gift cards)
// by idempotency key and the control settings tests use to make it decline, answer `pending` or
// hold its answers.
import { randomBytes } from 'node:crypto';
import type { Money } from '../../../shared/events/common.ts';
import { Journal } from '../journal.ts';

export interface PaymentsControl {
  /** Declines every new refund with this code (null: decide by amount). */
  decline: string | null;
  /** New refunds are accepted as `pending` instead of `succeeded`. */
  pending: boolean;
  /** Holds the answer to every refund request this long, after recording it (a slow provider). */
  delayMs: number;
  /** Declines every new store credit with this code (null: issue it). A declined credit is not recorded. */
  declineCredit: string | null;
}

export interface CreditParameters {
  orderId: string;
  customer: { id?: string; email?: string };
  amount: Money;
  reason: string;
}

export interface StoredCredit extends CreditParameters {
  id: string;
  key: string;
  status: 'issued';
  kind: 'gift_card';
  code: string;
  codeLastCharacters: string;
  createdAt: string;
  /** How many requests carried this key (the first and the replays). */
  requests: number;
}

export type CreditAnswer = { kind: 'created' | 'replayed' | 'key_reused'; credit: StoredCredit } | { kind: 'declined'; declineCode: string };

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

export const defaultControl = (): PaymentsControl => ({ decline: null, pending: false, delayMs: 0, declineCredit: null });

class Account {
  control = defaultControl();
  readonly refunds = new Map<string, StoredRefund>();
  readonly credits = new Map<string, StoredCredit>();
}

const sameCredit = (a: CreditParameters, b: CreditParameters) => a.orderId === b.orderId && a.amount.amount === b.amount.amount && a.amount.currency === b.amount.currency;
/** A gift card code as real ones look: four groups of four, no look-alike characters. */
const newCode = () => Array.from(randomBytes(16), (byte) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[byte % 32]).join('').replace(/(.{4})(?!$)/g, '$1-');

const sameParameters = (a: RefundParameters, b: RefundParameters) =>
  a.orderId === b.orderId && a.amount.amount === b.amount.amount && a.amount.currency === b.amount.currency && a.reason === b.reason;

export class PaymentsState {
  private readonly accounts = new Map<string, Account>();
  private sequence = 0;
  /** Persistent mode: each refund and credit made, so a replayed key after a hard kill moves no money twice. */
  private readonly journal: Journal<{ shop: string; refund?: StoredRefund; credit?: StoredCredit }>;

  constructor(private readonly now: () => Date, file?: string) {
    this.journal = new Journal(file);
    for (const { shop, refund, credit } of this.journal.read()) {
      if (refund) this.account(shop).refunds.set(refund.key, refund);
      if (credit) this.account(shop).credits.set(credit.key, credit);
      this.sequence += 1;
    }
  }

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
    this.journal.append({ shop, refund });
    return { kind: 'created', refund };
  }

  /** The credit under `key`: issued once, then the same credit for every request with that key. */
  credit(shop: string, key: string, parameters: CreditParameters): CreditAnswer {
    const { credits, control } = this.account(shop);
    const existing = credits.get(key);
    if (existing) {
      existing.requests += 1;
      return { kind: sameCredit(existing, parameters) ? 'replayed' : 'key_reused', credit: existing };
    }
    if (control.declineCredit) return { kind: 'declined', declineCode: control.declineCredit };
    this.sequence += 1;
    const code = newCode();
    const credit: StoredCredit = {
      ...parameters,
      id: `gc_local_${String(this.sequence).padStart(6, '0')}`,
      key,
      status: 'issued',
      kind: 'gift_card',
      code,
      codeLastCharacters: code.slice(-4),
      createdAt: this.now().toISOString(),
      requests: 1,
    };
    credits.set(key, credit);
    this.journal.append({ shop, credit });
    return { kind: 'created', credit };
  }

  creditByKey(shop: string, key: string): StoredCredit | undefined {
    return this.account(shop).credits.get(key);
  }

  byKey(shop: string, key: string): StoredRefund | undefined {
    return this.account(shop).refunds.get(key);
  }

  /** Everything the shop's account holds, for tests and for a look by hand. */
  snapshot(shop: string) {
    const { control, refunds, credits } = this.account(shop);
    return { control, refunds: [...refunds.values()], credits: [...credits.values()] };
  }
}
