// The order ledger's arithmetic: what may still go back, movements within and past what was paid,
// releases, entry states, and opening a ledger on an order that already has storefront refunds.
import { describe, expect, it } from 'vitest';
import {
  applyMovement,
  entryTransition,
  openSummary,
  paidFor,
  releaseMovement,
  remaining,
  statesBefore,
  totalsOf,
  type LedgerEntry,
  type LedgerSummary,
} from '../../../shared/refunds/ledger.ts';
import type { NormalizedOrder, NormalizedRefund } from '../../../shared/storefronts/normalized.ts';

const now = '2026-11-25T10:00:00.000Z';
const usd = (amount: number) => ({ amount, currency: 'USD' });
const jpy = (amount: number) => ({ amount, currency: 'JPY' });

function summary(paid = usd(30322), refunded = 0, credited = 0): LedgerSummary {
  return { shopId: 'acme', orderId: 'o1', paid, refunded: { amount: refunded, currency: paid.currency }, credited: { amount: credited, currency: paid.currency }, overRefunded: false, version: 3, openedAt: now, updatedAt: now };
}

const order = (financialStatus: NormalizedOrder['financialStatus'], total = usd(30322)) => ({ financialStatus, totals: { total } }) as NormalizedOrder;

const storefrontRefund = (refundId: string, amount: number): NormalizedRefund => ({ shopId: 'acme', refundId, orderId: 'o1', createdAt: '2026-11-21T09:00:00Z', amount: usd(amount), lines: [], note: 'Staff refund' });

describe('paidFor', () => {
  it("is the order's total once the payment was captured", () => {
    for (const status of ['paid', 'partially_paid', 'partially_refunded', 'refunded'] as const) expect(paidFor(order(status))).toEqual(usd(30322));
  });

  it('is zero while the payment is only pending or authorized, and after a void', () => {
    for (const status of ['pending', 'authorized', 'voided'] as const) expect(paidFor(order(status))).toEqual(usd(0));
  });
});

describe('remaining', () => {
  it('is paid less refunds and credits', () => {
    expect(remaining(summary(usd(30322), 10000, 5000))).toEqual(usd(15322));
  });

  it('never goes below zero on an over-refunded order', () => {
    expect(remaining(summary(usd(1000), 1500, 0))).toEqual(usd(0));
  });
});

describe('applyMovement', () => {
  it('adds a refund to refunded and bumps the version', () => {
    const check = applyMovement(summary(), { kind: 'refund', amount: usd(24900) }, now);
    expect(check).toMatchObject({ ok: true, overRefunded: false, next: { refunded: usd(24900), credited: usd(0), version: 4 } });
  });

  it('adds store credit to credited, not refunded', () => {
    const check = applyMovement(summary(), { kind: 'store_credit', amount: usd(5000) }, now);
    expect(check).toMatchObject({ ok: true, next: { refunded: usd(0), credited: usd(5000) } });
  });

  it('accepts exactly what remains and refuses one minor unit more, naming what remains', () => {
    expect(applyMovement(summary(usd(30322), 10000, 322), { kind: 'refund', amount: usd(20000) }, now).ok).toBe(true);
    expect(applyMovement(summary(usd(30322), 10000, 322), { kind: 'refund', amount: usd(20001) }, now)).toEqual({ ok: false, outcome: 'exceeds_paid', remaining: usd(20000) });
  });

  it('sums several partial refunds and credits up to what was paid, then refuses', () => {
    let current = summary(usd(10000));
    for (const [kind, amount] of [['refund', 3333], ['store_credit', 3333], ['refund', 3334]] as const) {
      const check = applyMovement(current, { kind, amount: usd(amount) }, now);
      if (!check.ok) throw new Error(`refused ${kind} ${amount}`);
      current = check.next;
    }
    expect(current).toMatchObject({ refunded: usd(6667), credited: usd(3333), version: 6 });
    expect(applyMovement(current, { kind: 'refund', amount: usd(1) }, now)).toEqual({ ok: false, outcome: 'exceeds_paid', remaining: usd(0) });
  });

  it('works in minor units of a zero-decimal currency', () => {
    const check = applyMovement(summary(jpy(12800), 2800), { kind: 'refund', amount: jpy(10000) }, now);
    expect(check).toMatchObject({ ok: true, next: { refunded: jpy(12800) } });
    expect(applyMovement(summary(jpy(12800), 2800), { kind: 'refund', amount: jpy(10001) }, now)).toMatchObject({ ok: false, outcome: 'exceeds_paid', remaining: jpy(10000) });
  });

  it('refuses an amount in another currency than the order was paid in', () => {
    expect(applyMovement(summary(), { kind: 'refund', amount: { amount: 100, currency: 'EUR' } }, now)).toEqual({ ok: false, outcome: 'currency_mismatch', expected: 'USD' });
  });

  it('counts an external refund past what was paid when allowed, and flags the order', () => {
    const check = applyMovement(summary(usd(10000), 9000), { kind: 'external_refund', amount: usd(2000) }, now, { allowOverRefund: true });
    expect(check).toMatchObject({ ok: true, overRefunded: true, next: { refunded: usd(11000), overRefunded: true } });
    if (!check.ok) return;
    expect(remaining(check.next)).toEqual(usd(0));
    // Nothing of ours goes back on an order already over-refunded, not even nothing.
    expect(applyMovement(check.next, { kind: 'refund', amount: usd(0) }, now)).toMatchObject({ ok: false, outcome: 'exceeds_paid' });
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => applyMovement(summary(), { kind: 'refund', amount: usd(10.5) }, now)).toThrow(RangeError);
  });
});

describe('releaseMovement', () => {
  it('gives a declined refund back to what may still go back', () => {
    const next = releaseMovement(summary(usd(30322), 24900, 0), { kind: 'refund', amount: usd(24900) }, now);
    expect(next).toMatchObject({ refunded: usd(0), version: 4 });
    expect(remaining(next)).toEqual(usd(30322));
  });

  it('gives released store credit back from credited', () => {
    expect(releaseMovement(summary(usd(30322), 1000, 5000), { kind: 'store_credit', amount: usd(5000) }, now)).toMatchObject({ refunded: usd(1000), credited: usd(0) });
  });
});

describe('entry states', () => {
  it('moves a held refund to issued, declined or unknown, and an unknown one to issued or declined', () => {
    expect(entryTransition({ state: 'pending' }, 'issued')).toBe('apply');
    expect(entryTransition({ state: 'pending' }, 'unknown')).toBe('apply');
    expect(entryTransition({ state: 'unknown' }, 'declined')).toBe('apply');
    expect(entryTransition({ state: 'unknown' }, 'issued')).toBe('apply');
  });

  it('answers a repeated step as already done and refuses to leave a final state', () => {
    expect(entryTransition({ state: 'issued' }, 'issued')).toBe('already');
    expect(entryTransition({ state: 'issued' }, 'declined')).toBe('invalid');
    expect(entryTransition({ state: 'declined' }, 'issued')).toBe('invalid');
    expect(entryTransition({ state: 'unknown' }, 'pending')).toBe('invalid');
  });

  it('names the states a transition starts from, for the write condition', () => {
    expect(statesBefore('issued')).toEqual(['pending', 'unknown']);
    expect(statesBefore('unknown')).toEqual(['pending']);
    expect(statesBefore('pending')).toEqual([]);
  });
});

describe('openSummary', () => {
  it('opens with the storefront refunds the order already lists, as issued external refunds', () => {
    const { summary: opened, entries } = openSummary('acme', 'o1', usd(30322), [storefrontRefund('r1', 1000), storefrontRefund('r2', 2500)], now);
    expect(opened).toMatchObject({ paid: usd(30322), refunded: usd(3500), credited: usd(0), version: 1 });
    expect(opened.overRefunded).toBe(false);
    expect(entries.map((entry) => [entry.kind, entry.key, entry.state, entry.platformRefundId])).toEqual([
      ['external_refund', 'r1', 'issued', 'r1'],
      ['external_refund', 'r2', 'issued', 'r2'],
    ]);
  });

  it('flags an order whose storefront refunds already exceed what was paid', () => {
    const { summary: opened, entries } = openSummary('acme', 'o1', usd(1000), [storefrontRefund('r1', 800), storefrontRefund('r2', 800)], now);
    expect(opened.overRefunded).toBe(true);
    expect(entries.every((entry) => entry.overRefunded)).toBe(true);
  });
});

describe('totalsOf', () => {
  it('adds what the entries hold; declined entries hold nothing', () => {
    const entry = (kind: LedgerEntry['kind'], amount: number, state: LedgerEntry['state']): LedgerEntry => ({ shopId: 'acme', orderId: 'o1', kind, key: `${kind}-${amount}`, amount: usd(amount), state, createdAt: now, updatedAt: now });
    const totals = totalsOf([entry('refund', 1000, 'issued'), entry('refund', 2000, 'declined'), entry('refund', 300, 'unknown'), entry('external_refund', 400, 'issued'), entry('store_credit', 500, 'pending')], 'USD');
    expect(totals).toEqual({ refunded: usd(1700), credited: usd(500) });
  });
});
