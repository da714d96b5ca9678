import { describe, expect, it } from 'vitest';
import type { EntryRef, MovementOutcome } from '../../../shared/adapters/refund-ledger-store.ts';
import { newDecisionRecord, type DecisionRecord } from '../../../shared/refunds/decision-record.ts';
import { decideRefund } from '../../../shared/refunds/engine.ts';
import { PaymentsNotConfiguredError } from '../../../shared/payments/payment-port.ts';
import { runSaga, RefundOutcomeUnknownError, type SagaPorts } from '../../../shared/refunds/saga.ts';
import { StoreCreditNotConfiguredError, type IssueCreditOutcome } from '../../../shared/payments/store-credit-port.ts';
import { ExchangesNotConfiguredError, StorefrontExchangeError, StorefrontRefusedError } from '../../../shared/storefronts/exchange-port.ts';
import type { OutboxEvent } from '../../../shared/returns/messages.ts';
import { input, line, order, returnClaim } from './fixtures.ts';

const at = new Date('2024-06-01T12:00:00Z');

function approvedRecord(requested: 'refund' | 'store_credit' = 'refund'): DecisionRecord {
  const decision = decideRefund(input(returnClaim([['L1', 1, 'changed_mind', 'as_new']], requested), order([line('L1', 1, 5000)])));
  const record = newDecisionRecord(decision, { shopId: 'acme', customer: { id: 'c1', email: 'ada@example.com', firstName: 'Ada', locale: 'en' }, orderNumber: '#1001', now: at });
  expect(record.status).toBe('approved');
  return { ...record, returnId: 'ret_1' };
}

function reshipRecord(): DecisionRecord {
  const record = approvedRecord();
  return { ...record, outcome: { kind: 'reship' }, decision: { ...record.decision, reship: { lines: [{ lineId: 'L1', quantity: 1 }], gift: { variantId: 'v-gift', title: 'Mug' } } } };
}

type Entry = { state: string; providerRefundId?: string };

const giftCard: IssueCreditOutcome = { status: 'issued', creditId: 'gc_1', kind: 'gift_card', code: 'ABCD-EFGH-JKLM-WXYZ', codeLastCharacters: 'WXYZ' };

function fakes(refund: SagaPorts['refund'], credit: () => Promise<IssueCreditOutcome> = async () => giftCard) {
  const entries = new Map<string, Entry>();
  const saved: { record: DecisionRecord; events: OutboxEvent[] }[] = [];
  const calls = { refund: 0, resolve: 0 };
  const credits: { issued: unknown[]; codes: string[]; orders: unknown[] } = { issued: [], codes: [], orders: [] };
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
    storeCredit: {
      issue: async (request) => (credits.issued.push(request), credit()),
      lookup: async () => ({ ...giftCard, code: undefined }) as never,
    },
    keepCode: async (_shopId, _creditId, code) => void credits.codes.push(code),
    reship: {
      orderLines: async () => order([line('L1', 1, 5000)]).lines,
      createOrder: async (_shopId, request) => (credits.orders.push(request), { orderId: 'ex_1', orderNumber: '#1001-R' }),
    },
    save: async (record, events) => void saved.push({ record, events }),
    resolveReturn: async () => (calls.resolve++, true),
    now: () => at,
    newId: (() => {
      let n = 0;
      return () => `id-${++n}`;
    })(),
  };
  return { ports, entries, saved, calls, credits };
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

  it('issues store credit once as a gift card, keeps its code off the bus and tells the customer', async () => {
    const { ports, saved, calls, credits, entries } = fakes(succeeded);
    const done = await runSaga(approvedRecord('store_credit'), ports);
    expect(done.status).toBe('completed');
    expect(calls.refund).toBe(0);
    expect(credits.issued).toEqual([expect.objectContaining({ key: done.refundId, amount: done.outcome!.amount, customer: { id: 'c1', email: 'ada@example.com' } })]);
    expect(credits.codes).toEqual(['ABCD-EFGH-JKLM-WXYZ']);
    expect(entries.get(done.refundId)).toEqual({ state: 'issued', providerRefundId: 'gc_1' });
    expect(done.steps.money).toMatchObject({ storeCreditId: 'gc_1', codeLastCharacters: 'WXYZ' });
    const [issued] = saved[0]!.events;
    expect(issued!.definition.detailType).toBe('StoreCreditIssued');
    expect(issued!.detail).toMatchObject({ storeCreditId: 'gc_1', kind: 'gift_card', codeLastCharacters: 'WXYZ' });
    const message = saved[1]!.events[0]!.detail as { messageType: string; templateData: Record<string, unknown> };
    expect(message.messageType).toBe('store_credit_issued');
    expect(message.templateData).toMatchObject({ kind: 'gift_card', codeLastCharacters: 'WXYZ', storeCreditId: 'gc_1' });
    // The code itself is in no event: the sender reads it when it renders the message.
    expect(JSON.stringify(saved.map(({ events }) => events))).not.toContain('ABCD-EFGH');
  });

  it('resumes a store credit confirmed before a crash from the provider, without issuing again', async () => {
    const { ports, credits, entries } = fakes(succeeded);
    const record = approvedRecord('store_credit');
    entries.set(record.refundId, { state: 'issued', providerRefundId: 'gc_1' });
    const done = await runSaga(record, ports);
    expect(done.status).toBe('completed');
    expect(credits.issued).toEqual([]);
    expect(done.steps.money).toMatchObject({ storeCreditId: 'gc_1', codeLastCharacters: 'WXYZ' });
  });

  it('fails visibly and releases the hold when the store credit is declined', async () => {
    const { ports, saved, entries, calls } = fakes(succeeded, async () => ({ status: 'declined', declineCode: 'gift_cards_disabled' }));
    const done = await runSaga(approvedRecord('store_credit'), ports);
    expect(done).toMatchObject({ status: 'failed', failure: { step: 'money', code: 'gift_cards_disabled', retryable: false } });
    expect(entries.get(done.refundId)?.state).toBe('declined');
    expect(saved.at(-1)!.events.map((event) => event.definition.detailType)).toEqual(['RefundFailed']);
    expect(calls.resolve).toBe(0);
  });

  it('fails visibly when the shop has no store credit provider', async () => {
    const { ports, entries } = fakes(succeeded, async () => {
      throw new StoreCreditNotConfiguredError('no storeCredit for acme');
    });
    const done = await runSaga(approvedRecord('store_credit'), ports);
    expect(done).toMatchObject({ status: 'failed', failure: { code: 'store_credit_not_configured' } });
    expect(entries.get(done.refundId)?.state).toBe('declined');
  });

  it('keeps the credit held and retries later when the provider cannot say whether it issued it', async () => {
    const { ports, entries, saved } = fakes(succeeded, async () => ({ status: 'unknown', reason: 'timed out twice' }));
    const record = approvedRecord('store_credit');
    await expect(runSaga(record, ports)).rejects.toBeInstanceOf(RefundOutcomeUnknownError);
    expect(entries.get(record.refundId)?.state).toBe('unknown');
    expect(saved).toEqual([]);
  });

  it('places a free replacement order for a reship, with the gift, and tells the customer its number', async () => {
    const { ports, saved, credits, calls, entries } = fakes(succeeded);
    const done = await runSaga(reshipRecord(), ports);
    expect(done.status).toBe('completed');
    expect(calls.refund).toBe(0);
    expect(entries.size).toBe(0);
    expect(credits.orders).toEqual([
      expect.objectContaining({ key: done.refundId, orderNumberOfOriginal: '#1001', lines: [{ variantId: 'v-L1', quantity: 1 }, { variantId: 'v-gift', quantity: 1 }] }),
    ]);
    expect(done.steps.money).toMatchObject({ exchangeOrderId: 'ex_1', exchangeOrderNumber: '#1001-R' });
    const message = saved[1]!.events[0]!.detail as { messageType: string; templateData: Record<string, unknown> };
    expect(message).toMatchObject({ messageType: 'replacement_on_its_way', templateData: { replacementOrderNumber: '#1001-R', giftTitle: 'Mug' } });
  });

  it('fails a reship visibly when the shop has no exchange service', async () => {
    const { ports } = fakes(succeeded);
    ports.reship.createOrder = async () => {
      throw new ExchangesNotConfiguredError('no exchanges for acme');
    };
    const done = await runSaga(reshipRecord(), ports);
    expect(done).toMatchObject({ status: 'failed', failure: { step: 'money', code: 'reship_not_configured' } });
  });

  it('fails a reship visibly when the storefront refuses the replacement order, and retries when it is only unreachable', async () => {
    const refusing = fakes(succeeded);
    refusing.ports.reship.createOrder = async () => {
      throw new StorefrontRefusedError('POST orders answered 422: unknown variant', 422);
    };
    expect(await runSaga(reshipRecord(), refusing.ports)).toMatchObject({ status: 'failed', failure: { step: 'money', code: 'reship_refused' } });

    const unreachable = fakes(succeeded);
    unreachable.ports.reship.createOrder = async () => {
      throw new StorefrontExchangeError('POST orders failed: timeout');
    };
    await expect(runSaga(reshipRecord(), unreachable.ports)).rejects.toThrow(StorefrontExchangeError);
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
