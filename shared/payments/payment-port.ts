// What the platform needs from whoever moves the money back: a refund under an idempotency key,
// and a lookup of what happened under that key. The key is the whole safety: the same key never
// refunds twice, so a refund whose answer was lost (a timeout) is resolved by asking the provider
// (`lookup`), and only when the provider has never heard of the key is it sent again, with the same
// key. shared/adapters/payment-provider.ts speaks this over HTTP to each shop's provider; a Shopify
// refunds adapter would implement the same port (Shopify refunds carry no idempotency key of ours,
// so its `lookup` would search the order's refunds for the key kept in the refund note).
import * as z from 'zod';
import { EntityId, Money, ShopId } from '../events/common.ts';

export const IdempotencyKey = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').describe('The same key never refunds twice');

export const RefundRequest = z.object({
  key: IdempotencyKey,
  shopId: ShopId,
  orderId: EntityId,
  amount: Money.refine((money) => money.amount > 0, 'must be more than zero'),
  reason: z.string().min(1).max(500),
});
export type RefundRequest = z.infer<typeof RefundRequest>;

export const RefundStatus = z.enum(['succeeded', 'declined', 'pending']);
export type RefundStatus = z.infer<typeof RefundStatus>;

/** The provider's answer: `pending` means accepted but not final (look it up later). */
export const RefundResult = z.object({
  status: RefundStatus,
  providerRefundId: EntityId.optional(),
  declineCode: z.string().min(1).max(100).optional(),
});
export type RefundResult = z.infer<typeof RefundResult>;

export type LookupResult = RefundResult | { status: 'not_found' };

export interface PaymentPort {
  /** Refunds under `request.key`; the same key answers the first refund's result, never a second refund. */
  refund(request: RefundRequest): Promise<RefundResult>;
  /** What happened under `key`: the refund's result, or `not_found` when the provider never recorded it. `orderId` for providers that keep refunds on the order (Shopify). */
  lookup(request: { shopId: string; key: string; orderId?: string }): Promise<LookupResult>;
}

/** No answer in time: the refund may or may not have been made. Resolve it with `lookup`, never by paying again under a new key. */
export class PaymentTimeoutError extends Error {
  override readonly name = 'PaymentTimeoutError';
}

/** The provider could not be reached or answered outside its contract. Retrying with the same key is safe. */
export class PaymentProviderError extends Error {
  override readonly name = 'PaymentProviderError';
}

/** The shop has no payment provider configured (`payments` in its shop configuration). */
export class PaymentsNotConfiguredError extends Error {
  override readonly name = 'PaymentsNotConfiguredError';
}
