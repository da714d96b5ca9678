// What the platform needs from whoever holds store credit (a gift card service, Shopify gift cards):
// credit issued under an idempotency key, and a lookup of what was issued under that key. As with
// refunds (payment-port.ts) the key is the whole safety: a credit whose answer was lost (a timeout)
// is found by asking (`lookup`), and only a key the provider never recorded is sent again.
// The full code of a gift card is secret: it is handed back once, to be put in the customer's
// message, and never published on the bus or logged (events carry `codeLastCharacters`).
import * as z from 'zod';
import { EmailAddress, EntityId, IsoDateTime, Money, ShopId } from '../events/common.ts';
import { IdempotencyKey, PaymentProviderError, PaymentTimeoutError } from './payment-port.ts';

export const StoreCreditRequest = z.object({
  key: IdempotencyKey,
  shopId: ShopId,
  orderId: EntityId,
  customer: z.object({ id: EntityId.optional(), email: EmailAddress.optional() }),
  amount: Money.refine((money) => money.amount > 0, 'must be more than zero'),
  reason: z.string().min(1).max(500),
});
export type StoreCreditRequest = z.infer<typeof StoreCreditRequest>;

export const CodeLastCharacters = z.string().regex(/^[A-Za-z0-9]{4}$/);

/** A credit that exists at the provider. `code` only when the provider still tells it (Shopify: at creation only). */
export const IssuedCredit = z.object({
  status: z.literal('issued'),
  creditId: EntityId,
  kind: z.enum(['gift_card', 'account_credit']),
  code: z.string().min(4).max(100).optional(),
  codeLastCharacters: CodeLastCharacters.optional(),
  expiresAt: IsoDateTime.optional(),
});
export type IssuedCredit = z.infer<typeof IssuedCredit>;

export type StoreCreditResult = IssuedCredit | { status: 'declined'; declineCode: string };
export type StoreCreditLookup = StoreCreditResult | { status: 'not_found' };

export interface StoreCreditPort {
  /** Issues the credit under `request.key`; the same key answers the first credit, never a second one. */
  issue(request: StoreCreditRequest): Promise<StoreCreditResult>;
  /** What was issued under `key`, or `not_found`. */
  lookup(request: { shopId: string; key: string }): Promise<StoreCreditLookup>;
}

/** The shop has no store credit provider (`storeCredit` in its shop configuration). */
export class StoreCreditNotConfiguredError extends Error {
  override readonly name = 'StoreCreditNotConfiguredError';
}

export type IssueCreditOutcome = StoreCreditResult | { status: 'unknown'; reason: string };

/**
 * Issues the credit once: the provider's answer, or after a timeout what `lookup(key)` finds, sending
 * the same key again only when the provider never recorded it. `unknown` when neither tells.
 */
export async function issueCreditOnce(port: StoreCreditPort, request: StoreCreditRequest, maxCalls = 2): Promise<IssueCreditOutcome> {
  for (let calls = 1; ; calls += 1) {
    try {
      return await port.issue(request);
    } catch (error) {
      if (!(error instanceof PaymentTimeoutError)) throw error;
    }
    let found: StoreCreditLookup;
    try {
      found = await port.lookup({ shopId: request.shopId, key: request.key });
    } catch (error) {
      if (error instanceof PaymentTimeoutError || error instanceof PaymentProviderError) return { status: 'unknown', reason: `the credit timed out and the lookup failed: ${error.message}` };
      throw error;
    }
    if (found.status !== 'not_found') return found;
    if (calls >= maxCalls) return { status: 'unknown', reason: `the credit timed out ${calls} times and the provider has no record of key ${request.key}` };
  }
}

/** The last four characters of a code, for messages and events that must not carry the code. */
export function lastCharactersOf(code: string): string | undefined {
  const tail = code.replace(/[^A-Za-z0-9]/g, '').slice(-4);
  return tail.length === 4 ? tail : undefined;
}
