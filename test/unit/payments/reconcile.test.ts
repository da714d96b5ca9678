// Reconciling storefront refunds with the ledger: our echoed refund is confirmed, anything else is
// recorded as an external refund, and a declined refund of ours does not swallow a real one.
import { describe, expect, it } from 'vitest';
import type { EntryOutcome, EntryRef, MovementOutcome } from '../../../shared/adapters/refund-ledger-store.ts';
import { reconcileStorefrontRefund, type ReconciliationLedger, type StorefrontRefund } from '../../../shared/payments/reconcile.ts';
import type { LedgerEntry } from '../../../shared/refunds/ledger.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const now = '2026-11-25T10:00:00.000Z';
const report: StorefrontRefund = { shopId: 'acme', orderId: 'o1', platformRefundId: '990001', amount: usd(24900), refundedAt: now };

const ours = (state: LedgerEntry['state'], extra: Partial<LedgerEntry> = {}): LedgerEntry => ({ shopId: 'acme', orderId: 'o1', kind: 'refund', key: 'rf_1', amount: usd(24900), state, providerRefundId: '990001', createdAt: now, updatedAt: now, ...extra });

function ledger(options: { indexed?: LedgerEntry; confirm?: EntryOutcome; record?: MovementOutcome }) {
  const calls = { confirm: [] as EntryRef[], record: [] as unknown[] };
  const fake: ReconciliationLedger = {
    entryByProviderRefund: async () => options.indexed,
    confirmByStorefront: async (ref) => (calls.confirm.push(ref), options.confirm ?? { outcome: 'not_found' }),
    recordExternalRefund: async (refund) => (calls.record.push(refund), options.record ?? { outcome: 'order_unknown' }),
  };
  return { fake, calls };
}

describe('reconcileStorefrontRefund', () => {
  it('confirms our refund the storefront echoes, and records nothing', async () => {
    const confirmed = ours('issued', { platformRefundId: '990001', confirmedAt: now });
    const { fake, calls } = ledger({ indexed: ours('issued'), confirm: { outcome: 'updated', entry: confirmed } });
    expect(await reconcileStorefrontRefund(fake, report)).toEqual({ outcome: 'confirmed', entry: confirmed, amountDiffers: false });
    expect(calls.confirm).toEqual([{ shopId: 'acme', orderId: 'o1', kind: 'refund', key: 'rf_1' }]);
    expect(calls.record).toHaveLength(0);
  });

  it('says when the storefront refunded another amount than we issued', async () => {
    const { fake } = ledger({ indexed: ours('issued'), confirm: { outcome: 'updated', entry: ours('issued', { amount: usd(20000) }) } });
    expect(await reconcileStorefrontRefund(fake, report)).toMatchObject({ outcome: 'confirmed', amountDiffers: true });
  });

  it('answers a second echo as already confirmed', async () => {
    const { fake, calls } = ledger({ indexed: ours('issued'), confirm: { outcome: 'already', entry: ours('issued', { confirmedAt: now }) } });
    expect(await reconcileStorefrontRefund(fake, report)).toMatchObject({ outcome: 'already_confirmed' });
    expect(calls.record).toHaveLength(0);
  });

  it('records a refund made on the storefront as an external refund', async () => {
    const entry = ours('issued', { kind: 'external_refund', key: '990001' });
    const { fake, calls } = ledger({ record: { outcome: 'recorded', entry, summary: {} as never, overRefunded: false } });
    expect(await reconcileStorefrontRefund(fake, { ...report, note: 'Staff' })).toEqual({ outcome: 'recorded_external', entry, overRefunded: false });
    expect(calls.confirm).toHaveLength(0);
    expect(calls.record).toEqual([{ shopId: 'acme', orderId: 'o1', platformRefundId: '990001', amount: usd(24900), note: 'Staff' }]);
  });

  it('records the storefront refund as new money when our refund under that id was declined', async () => {
    const entry = ours('issued', { kind: 'external_refund', key: '990001' });
    const { fake, calls } = ledger({ indexed: ours('declined'), record: { outcome: 'recorded', entry, summary: {} as never, overRefunded: true } });
    expect(await reconcileStorefrontRefund(fake, report)).toMatchObject({ outcome: 'recorded_external', overRefunded: true });
    expect(calls.confirm).toHaveLength(0);
  });

  it('passes duplicates, unknown orders and currency mismatches through', async () => {
    const entry = ours('issued', { kind: 'external_refund', key: '990001' });
    expect(await reconcileStorefrontRefund(ledger({ record: { outcome: 'duplicate', entry } }).fake, report)).toEqual({ outcome: 'duplicate', entry });
    expect(await reconcileStorefrontRefund(ledger({ record: { outcome: 'order_unknown' } }).fake, report)).toEqual({ outcome: 'order_unknown' });
    expect(await reconcileStorefrontRefund(ledger({ record: { outcome: 'currency_mismatch', expected: 'EUR' } }).fake, report)).toEqual({ outcome: 'currency_mismatch', expected: 'EUR' });
  });
});
