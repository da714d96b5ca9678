// Issuing a refund exactly once through a PaymentPort. A timeout leaves us not knowing whether the
// provider refunded: we ask it (`lookup` under the same key) instead of paying again. Only when the
// provider has no record of the key is the refund sent again, with the same key, so even a first
// request still in flight at the provider cannot turn into a second refund.
import { PaymentProviderError, PaymentTimeoutError, type LookupResult, type PaymentPort, type RefundRequest, type RefundResult } from './payment-port.ts';

export type IssueOutcome =
  | (RefundResult & { refundCalls: number; resolvedByLookup: boolean })
  /** Still not known after every attempt: keep the money held and look the key up later. */
  | { status: 'unknown'; refundCalls: number; resolvedByLookup: false; reason: string };

export interface IssueOptions {
  /** Refund calls at most (the first and the retries after a lookup found nothing); 2 by default. */
  maxRefundCalls?: number;
}

/**
 * Refunds `request` once: the provider's answer, or after a timeout the answer `lookup(key)` finds
 * (`resolvedByLookup`), or `unknown` when neither tells. Errors other than a timeout propagate
 * (PaymentProviderError: retrying later with the same key is safe).
 */
export async function issueRefundOnce(port: PaymentPort, request: RefundRequest, options: IssueOptions = {}): Promise<IssueOutcome> {
  const maxRefundCalls = Math.max(1, options.maxRefundCalls ?? 2);
  let refundCalls = 0;
  for (;;) {
    refundCalls += 1;
    try {
      return { ...(await port.refund(request)), refundCalls, resolvedByLookup: false };
    } catch (error) {
      if (!(error instanceof PaymentTimeoutError)) throw error;
    }
    let found: LookupResult;
    try {
      found = await port.lookup({ shopId: request.shopId, key: request.key, orderId: request.orderId });
    } catch (error) {
      if (error instanceof PaymentTimeoutError || error instanceof PaymentProviderError) {
        return { status: 'unknown', refundCalls, resolvedByLookup: false, reason: `the refund timed out and the lookup failed: ${error.message}` };
      }
      throw error;
    }
    if (found.status !== 'not_found') return { ...found, refundCalls, resolvedByLookup: true };
    // The provider never recorded the key: sending the same key again cannot refund twice.
    if (refundCalls >= maxRefundCalls) {
      return { status: 'unknown', refundCalls, resolvedByLookup: false, reason: `the refund timed out ${refundCalls} times and the provider has no record of key ${request.key}` };
    }
  }
}
