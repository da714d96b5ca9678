// Issuing a refund once: a timeout is resolved by looking the key up, never by paying under a new
// key; only a provider with no record of the key gets the same key again.
import { describe, expect, it } from 'vitest';
import { issueRefundOnce } from '../../../shared/payments/issue-once.ts';
import { PaymentProviderError, PaymentTimeoutError, type LookupResult, type PaymentPort, type RefundRequest, type RefundResult } from '../../../shared/payments/payment-port.ts';

const request: RefundRequest = { key: 'rf_01HXA1', shopId: 'acme', orderId: 'o1', amount: { amount: 24900, currency: 'USD' }, reason: 'Return inspected' };

type Step<T> = T | Error;

/** A port that answers each call with the next scripted answer and records every call. */
function scripted(refunds: Step<RefundResult>[], lookups: Step<LookupResult>[] = []) {
  const calls: { refund: RefundRequest[]; lookup: { shopId: string; key: string }[] } = { refund: [], lookup: [] };
  const next = async <T>(queue: Step<T>[], what: string): Promise<T> => {
    const answer = queue.shift();
    if (answer === undefined) throw new Error(`unexpected ${what} call`);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const port: PaymentPort = {
    refund: async (req) => (calls.refund.push(req), next(refunds, 'refund')),
    lookup: async (req) => (calls.lookup.push(req), next(lookups, 'lookup')),
  };
  return { port, calls };
}

describe('issueRefundOnce', () => {
  it("returns the provider's answer when it answers in time, without a lookup", async () => {
    const { port, calls } = scripted([{ status: 'succeeded', providerRefundId: 're_1' }]);
    expect(await issueRefundOnce(port, request)).toEqual({ status: 'succeeded', providerRefundId: 're_1', refundCalls: 1, resolvedByLookup: false });
    expect(calls.lookup).toHaveLength(0);
  });

  it('passes a decline through as an answer, not an error', async () => {
    const { port } = scripted([{ status: 'declined', declineCode: 'card_declined' }]);
    expect(await issueRefundOnce(port, request)).toMatchObject({ status: 'declined', declineCode: 'card_declined', refundCalls: 1 });
  });

  it('resolves a timeout with the lookup when the provider made the refund: no second refund call', async () => {
    const { port, calls } = scripted([new PaymentTimeoutError('no answer')], [{ status: 'succeeded', providerRefundId: 're_1' }]);
    expect(await issueRefundOnce(port, request)).toEqual({ status: 'succeeded', providerRefundId: 're_1', refundCalls: 1, resolvedByLookup: true });
    expect(calls.refund).toHaveLength(1);
    expect(calls.lookup).toEqual([{ shopId: 'acme', key: 'rf_01HXA1', orderId: request.orderId }]);
  });

  it('resolves a timeout to the decline the provider recorded', async () => {
    const { port, calls } = scripted([new PaymentTimeoutError('no answer')], [{ status: 'declined', declineCode: 'do_not_honor' }]);
    expect(await issueRefundOnce(port, request)).toMatchObject({ status: 'declined', declineCode: 'do_not_honor', resolvedByLookup: true });
    expect(calls.refund).toHaveLength(1);
  });

  it('sends the same key again when the provider has no record of it', async () => {
    const { port, calls } = scripted([new PaymentTimeoutError('no answer'), { status: 'succeeded', providerRefundId: 're_2' }], [{ status: 'not_found' }]);
    expect(await issueRefundOnce(port, request)).toEqual({ status: 'succeeded', providerRefundId: 're_2', refundCalls: 2, resolvedByLookup: false });
    expect(calls.refund.map((call) => call.key)).toEqual(['rf_01HXA1', 'rf_01HXA1']);
    expect(calls.refund[1]).toEqual(request);
  });

  it('gives up as unknown after the last refund call timed out and the key is still not found', async () => {
    const { port, calls } = scripted([new PaymentTimeoutError('no answer'), new PaymentTimeoutError('no answer')], [{ status: 'not_found' }, { status: 'not_found' }]);
    expect(await issueRefundOnce(port, request)).toMatchObject({ status: 'unknown', refundCalls: 2, resolvedByLookup: false });
    expect(calls.refund).toHaveLength(2);
    expect(calls.lookup).toHaveLength(2);
  });

  it('calls refund once only when told so', async () => {
    const { port, calls } = scripted([new PaymentTimeoutError('no answer')], [{ status: 'not_found' }]);
    expect(await issueRefundOnce(port, request, { maxRefundCalls: 1 })).toMatchObject({ status: 'unknown', refundCalls: 1 });
    expect(calls.refund).toHaveLength(1);
  });

  it('answers unknown when the lookup itself fails, without refunding again', async () => {
    const { port, calls } = scripted([new PaymentTimeoutError('no answer')], [new PaymentProviderError('503')]);
    expect(await issueRefundOnce(port, request)).toMatchObject({ status: 'unknown', refundCalls: 1 });
    expect(calls.refund).toHaveLength(1);
  });

  it('lets other provider errors through (retrying later with the same key is safe)', async () => {
    const { port, calls } = scripted([new PaymentProviderError('connection refused')]);
    await expect(issueRefundOnce(port, request)).rejects.toBeInstanceOf(PaymentProviderError);
    expect(calls.lookup).toHaveLength(0);
  });
});
