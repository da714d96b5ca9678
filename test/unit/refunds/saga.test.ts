import { describe, expect, it } from 'vitest';
import type { EntryRef, MovementOutcome } from '../../../shared/adapters/refund-ledger-store.ts';
import { newDecisionRecord, type DecisionRecord } from '../../../shared/refunds/decision-record.ts';
import { decideRefund } from '../../../shared/refunds/engine.ts';
import { PaymentsNotConfiguredError } from '../../../shared/payments/payment-port.ts';
import { runSaga, RefundOutcomeUnknownError, type SagaPorts } from '../../../shared/refunds/saga.ts';
import type { OutboxEvent } from '../../../shared/returns/messages.ts';
import { input, line, order, returnClaim } from './fixtures.ts';

const at = new Date('2024-06-01T12:00:00Z');

function approvedRecord(requested: 'refund' | 'store_credit' = 'refund'): DecisionRecord {
  const decision = decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'as_new']], requested), order([line('L1', 1, 5000)])));
  const record = newDecisionRecord(decision, { shopId: 'acme', customer: { id: 'c1', email: 'ada@example.com', firstName: 'Ada', locale: 'en' }, orderNumber: '#1001', now: at });
  expect(record.status).toBe('approved');
  return { ...record, returnId: 'ret_1' };
}

type Entry = { state: string; providerRefundId?: string };

function fakes(refund: SagaPorts['refund']) {
  const entries = new Map<string, Entry>();
  const saved: { record: DecisionRecord; events: OutboxEvent[] }[] = [];
  const calls = { refund: 0, resolve: 0 };
  const ports: SagaPorts = {
    ledger: {
      reserve: async (movement): Promise<MovementOutcome> => {
        const existing = entries.get(movement.key);
        if (existing) return { outcome: 'duplicate', entry: { ...existing } as never };
        entries.set(movement.key, { state: 'pending' });
        return { outcome: 'recorded', entry: {} as never, summary: {} as never, overRefunded: false };
      },
      confirm: async (ref: EntryRef, details) => (entries.set(ref.key, { state: 'issued', ...(details?.providerRefundId ? { providerRefundId: details.providerRefundId } : {}) }), { outcome: 'updated', entry: {} as never }),
      release: async (ref: EntryRef) => (entries.set(ref.key, { state: 'declined' }), { outcome: 'updated', entry: {} as never }),
      markUnknown: async (ref: EntryRef) => (entries.set(ref.key, { state: 'unknown' }), { outcome: 'updated', entry: {} as never }),
    },
    refund: async (request) => (calls.refund++, refund(request)),
    save: async (record, events) => void saved.push({ record, events }),
    resolveReturn: async () => (calls.resolve++, true),
    now: () => at,
    newId: (() => {
      let n = 0;
      return () => `id-${++n}`;
    })(),
  };
  return { ports, entries, saved, calls };
}

const succeeded = async () => ({ status: 'succeeded' as const, providerRefundId: 're_1', refundCalls: 1, resolvedByLookup: false });

describe('runSaga', () => {
  it('refunds, tells the customer and resolves the return, one recorded step at a time', async () => {
    const { ports, saved, calls, entries } = fakes(succeeded);
    const done = await runSaga(approvedRecord(), ports);
    expect(done.status).toBe('completed');
    expect(saved.map(({ record }) => record.version)).toEqual([1, 2, 3]);
    expect(saved.map(({ events }) => events.map((event) => event.definition.detailType))).toEqual([['RefundIssued'], ['NotificationRequested'], []]);
    expect(calls).toEqual({ refund: 1, resolve: 1 });
    expect(entries.get(done.refundId)).toEqual({ state: 'issued', providerRefundId: 're_1' });
    expect((saved[1]!.events[0]!.detail as { messageType: string }).messageType).toBe('refund_issued');
  });

  it('resumes after a crash without paying again: a refund already issued is only recorded', async () => {
    const { ports, calls, entries } = fakes(succeeded);
    const record = approvedRecord();
    entries.set(record.refundId, { state: 'issued', providerRefundId: 're_9' });
    const done = await runSaga(record, ports);
    expect(done.status).toBe('completed');
    expect(calls.refund).toBe(0);
    expect(done.steps.money).toMatchObject({ providerRefundId: 're_9' });
  });

  it('fails visibly and releases the hold when the provider declines', async () => {
    const { ports, saved, entries, calls } = fakes(async () => ({ status: 'declined', declineCode: 'card_expired', refundCalls: 1, resolvedByLookup: false }));
    const done = await runSaga(approvedRecord(), ports);
    expect(done).toMatchObject({ status: 'failed', failure: { step: 'money', code: 'card_expired', retryable: false } });
    expect(entries.get(done.refundId)?.state).toBe('declined');
    expect(saved.at(-1)!.events.map((event) => event.definition.detailType)).toEqual(['RefundFailed']);
    expect(calls.resolve).toBe(0);
  });

  it('keeps the money held and retries later when the provider cannot say whether it refunded', async () => {
    const { ports, entries, saved } = fakes(async () => ({ status: 'unknown', reason: 'timed out twice', refundCalls: 1, resolvedByLookup: false }));
    const record = approvedRecord();
    await expect(runSaga(record, ports)).rejects.toBeInstanceOf(RefundOutcomeUnknownError);
    expect(entries.get(record.refundId)?.state).toBe('unknown');
    expect(saved).toEqual([]);
  });

  it('credits the account for store credit, without the payment provider', async () => {
    const { ports, saved, calls } = fakes(succeeded);
    const done = await runSaga(approvedRecord('store_credit'), ports);
    expect(done.status).toBe('completed');
    expect(calls.refund).toBe(0);
    expect(saved[0]!.events.map((event) => event.definition.detailType)).toEqual(['StoreCreditIssued']);
    expect((saved[1]!.events[0]!.detail as { messageType: string }).messageType).toBe('store_credit_issued');
  });
  it('fails visibly and releases the hold when the shop has no payment provider', async () => {
    const { ports, entries } = fakes(async () => {
      throw new PaymentsNotConfiguredError('no payments for acme');
    });
    const done = await runSaga(approvedRecord(), ports);
    expect(done).toMatchObject({ status: 'failed', failure: { step: 'money', code: 'payments_not_configured' } });
    expect(entries.get(done.refundId)?.state).toBe('declined');
  });
});
