// What the platform needs from a storefront to give a customer a discount code: one unique code,
// created under an idempotency key (a retried step answers the same code), worth a percentage or
// a fixed amount, with an expiry and a usage limit. Used by the delay flow's courtesy discount and
// by nudges. The JSON contract below is what shared/adapters/storefront-discounts.ts speaks and
// infra/local/storefront serves; a shop's own service implements it in front of its storefront.
import * as z from 'zod';
import { EmailAddress, EntityId, IsoDateTime, Money } from '../events/common.ts';

/** What the code takes off: a percentage of the order, or a fixed amount in minor units. */
export const DiscountValue = z.discriminatedUnion('type', [
  z.object({ type: z.literal('percent'), percent: z.int().min(1).max(100) }),
  z.object({ type: z.literal('fixed_amount'), amount: Money.refine((money) => money.amount > 0, 'must be more than zero') }),
]);
export type DiscountValue = z.infer<typeof DiscountValue>;

export const DiscountRequest = z.object({
  key: z.string().min(1).max(200).describe('Idempotency key: the same key always answers the same code'),
  value: DiscountValue,
  expiresAt: IsoDateTime.describe('The code stops working then'),
  usageLimit: z.int().min(1).max(10_000).default(1).describe('How many orders may use it; 1 for a personal code'),
  codePrefix: z
    .string()
    .regex(/^[A-Za-z0-9]{1,12}$/, 'letters and digits (1 to 12)')
    .optional()
    .describe('The code starts with it, e.g. Sorry; the storefront makes the rest unique'),
  customerEmail: EmailAddress.optional().describe('Only this customer may use it, when the storefront supports that'),
  reason: z.string().min(1).max(200).describe('Why it was given, for the storefront admin'),
});
export type DiscountRequest = z.input<typeof DiscountRequest>;

/** `POST discounts`: 201 created, or 200 the code already created under that key. */
export const DiscountCode = z.object({
  discountId: EntityId,
  code: z.string().regex(/^[A-Za-z0-9_-]{3,40}$/, 'letters, digits, dashes and underscores (3 to 40)'),
});
export type DiscountCode = z.infer<typeof DiscountCode>;

export interface StorefrontDiscountPort {
  /** Creates the code, or answers the one already created under `request.key`. */
  createDiscount(shopId: string, request: DiscountRequest): Promise<DiscountCode>;
}

/** The shop has no discount service configured (`discounts` in its shop configuration). */
export class DiscountsNotConfiguredError extends Error {}

/** The storefront answered something the contract does not allow, or could not be reached: retry. */
export class StorefrontDiscountError extends Error {}
