// What the platform needs from a storefront to carry out an exchange: the replacement variant's
// price and stock, a reservation of it while the original travels back, the replacement order, and
// a charge for what the customer owes (a dearer replacement, or an original never sent back); and
// to put returned items that passed inspection back on the shelf (a restock).
// Every write names a `key` and is idempotent on it: a retried step never reserves, orders or
// charges twice. The JSON contract below is what shared/adapters/storefront-exchange.ts speaks and
// infra/local/storefront serves; a shop's own service implements it in front of its storefront.
import * as z from 'zod';
import { EmailAddress, EntityId, Money } from '../events/common.ts';

const Key = z.string().min(1).max(200).describe('Idempotency key: the same key always names the same reservation, order or charge');

export const ExchangeVariant = z.object({
  variantId: EntityId,
  productId: EntityId,
  title: z.string().min(1).max(200),
  sku: z.string().max(64).optional(),
  price: Money.describe('One unit, in integer minor units'),
  available: z.int().nonnegative().describe('Units in stock and not reserved'),
});
export type ExchangeVariant = z.infer<typeof ExchangeVariant>;

export const ReservationRequest = z.object({ key: Key, variantId: EntityId, quantity: z.int().positive().max(10_000) });
export type ReservationRequest = z.infer<typeof ReservationRequest>;

/** `POST reservations`: 200/201 `{reservationId}`, or 409 `{error: 'out_of_stock', available}`. */
export const Reservation = z.object({ reservationId: EntityId });
export const OutOfStock = z.object({ error: z.literal('out_of_stock'), available: z.int().nonnegative() });
export type ReserveResult = { ok: true; reservationId: string } | { ok: false; reason: 'out_of_stock'; available: number };

export const ExchangeOrderRequest = z.object({
  key: Key,
  orderNumberOfOriginal: z.string().min(1).max(50),
  customer: z.object({ id: EntityId.optional(), email: EmailAddress.optional() }),
  lines: z
    .array(z.object({ variantId: EntityId, quantity: z.int().positive().max(10_000), reservationKey: Key.optional().describe('The reservation the line consumes') }))
    .min(1)
    .max(100),
  note: z.string().max(500),
});
export type ExchangeOrderRequest = z.infer<typeof ExchangeOrderRequest>;
export const ExchangeOrder = z.object({ orderId: EntityId, orderNumber: z.string().min(1).max(50) });
export type ExchangeOrder = z.infer<typeof ExchangeOrder>;

export const ChargeRequest = z.object({ key: Key, amount: Money.refine((money) => money.amount > 0, 'must be more than zero'), reason: z.string().min(1).max(200) });
export type ChargeRequest = z.infer<typeof ChargeRequest>;
export const Charge = z.object({ chargeId: EntityId });
export type Charge = z.infer<typeof Charge>;

/** `POST inventory/adjustments`: returned units back in stock. 200/201 `{adjustmentId}`; 404/422 for a variant the storefront no longer has. */
export const RestockRequest = z.object({ key: Key, variantId: EntityId, quantity: z.int().positive().max(10_000), reason: z.string().min(1).max(200) });
export type RestockRequest = z.infer<typeof RestockRequest>;
export const Restock = z.object({ adjustmentId: EntityId });
export type Restock = z.infer<typeof Restock>;

export interface StorefrontExchangePort {
  /** The variant, or undefined when the storefront has no such variant. */
  variant(shopId: string, variantId: string): Promise<ExchangeVariant | undefined>;
  reserve(shopId: string, request: ReservationRequest): Promise<ReserveResult>;
  /** Gives a reservation's units back; releasing an unknown or released key does nothing. */
  release(shopId: string, key: string): Promise<void>;
  createExchangeOrder(shopId: string, request: ExchangeOrderRequest): Promise<ExchangeOrder>;
  /** Charges the customer's payment method on file. */
  charge(shopId: string, request: ChargeRequest): Promise<Charge>;
  /** Puts returned units back in stock. */
  restock(shopId: string, request: RestockRequest): Promise<Restock>;
}

/** The shop has no exchange service configured (`exchanges` in its shop configuration). */
export class ExchangesNotConfiguredError extends Error {}

/** The storefront answered something the contract does not allow, or could not be reached. */
export class StorefrontExchangeError extends Error {}

/** The storefront refused the request itself (a 4xx other than 408/429): sending it again will not help. */
export class StorefrontRefusedError extends StorefrontExchangeError {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}
