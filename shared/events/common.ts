// Building blocks shared by every canonical event. Conventions:
// - money is an integer amount in the currency's minor unit (ISO 4217 exponent: cents for EUR,
//   yen for JPY, fils for KWD) with its ISO 4217 code; never floats;
// - timestamps are ISO 8601 in UTC (`Z`), so they compare as strings; normalisers convert offsets;
// - ids are opaque strings (storefront ids such as `gid://shopify/Order/1` or `1001` alike);
// - contact details (email, phone, address) are personal data, not secrets: they appear only
//   where a consumer needs them. Secrets (tokens, gift card codes, signed URLs) never appear.
import * as z from 'zod';

/** A storefront or platform id: opaque, never parsed. */
export const EntityId = z.string().min(1).max(100).describe('Opaque id (storefront or platform generated)');

/** The shop the event belongs to: every event carries one, the platform is multi-shop. */
export const ShopId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes (max 63)')
  .describe('Platform id of the shop (tenant)');

/** ISO 8601 date-time in UTC (`2024-05-01T10:00:00Z`, fractional seconds allowed). */
export const IsoDateTime = z.iso.datetime().describe('ISO 8601 date-time in UTC');

/** ISO 4217 alphabetic currency code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').describe('ISO 4217 currency code');

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FR').describe('ISO 3166-1 alpha-2 country code');

/** BCP 47 language tag (`en`, `en-GB`, `zh-Hant-TW`). */
export const Locale = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en-GB')
  .describe('BCP 47 language tag');

export const EmailAddress = z.email().max(254);

/** E.164 phone number (`+447700900123`). */
export const PhoneNumber = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +447700900123');

/** A short machine code, e.g. a message type or a decision reason: `return_approved`. */
export const Code = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be snake_case (max 64)');

/** Free text shown to staff; kept short so details stay small. */
export const Note = z.string().max(1000);

/** A non-negative amount in minor units of `currency`. */
export const Money = z
  .object({
    amount: z.int().nonnegative().describe('Amount in the minor unit of the currency (e.g. cents)'),
    currency: CurrencyCode,
  })
  .describe('Money: integer minor units and ISO 4217 currency');
export type Money = z.infer<typeof Money>;

/** A signed amount in minor units, for differences and adjustments. */
export const SignedMoney = z
  .object({ amount: z.int().describe('Signed amount in the minor unit of the currency'), currency: CurrencyCode })
  .describe('Signed money: integer minor units and ISO 4217 currency');
export type SignedMoney = z.infer<typeof SignedMoney>;

export const StorePlatform = z.enum(['shopify', 'woocommerce', 'generic']);
export type StorePlatform = z.infer<typeof StorePlatform>;

export const Channel = z.enum(['email', 'sms']);
export type Channel = z.infer<typeof Channel>;

export const Address = z.object({
  name: z.string().max(200).optional(),
  company: z.string().max(200).optional(),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).optional(),
  city: z.string().min(1).max(100),
  region: z.string().max(100).optional().describe('State, province or county (code when known)'),
  postalCode: z.string().max(20).optional(),
  countryCode: CountryCode,
  phone: PhoneNumber.optional(),
});
export type Address = z.infer<typeof Address>;

/**
 * Who the event is about, with what follow-ups need to address them. `locale` is always set:
 * normalisers fall back to the shop's default language. Guests get a stable derived id.
 */
export const CustomerRef = z.object({
  id: EntityId,
  email: EmailAddress.optional(),
  phone: PhoneNumber.optional(),
  firstName: z.string().max(100).optional(),
  locale: Locale,
});
export type CustomerRef = z.infer<typeof CustomerRef>;

/** One line of an order, priced in the order currency. */
export const OrderLine = z.object({
  lineId: EntityId,
  productId: EntityId.optional(),
  variantId: EntityId.optional(),
  sku: z.string().max(64).optional(),
  title: z.string().min(1).max(200),
  variantTitle: z.string().max(100).optional(),
  quantity: z.int().positive().max(10_000),
  unitPrice: Money.describe('Price of one unit before discounts'),
  discount: Money.optional().describe('Discount on the whole line'),
  total: Money.describe('Line total after discounts, before tax'),
  requiresShipping: z.boolean().optional(),
  finalSale: z.boolean().optional().describe('Excluded from returns by the shop'),
});
export type OrderLine = z.infer<typeof OrderLine>;

/** A quantity of an order line (shipped, received, refunded...). */
export const LineQuantity = z.object({ lineId: EntityId, quantity: z.int().positive().max(10_000) });
export type LineQuantity = z.infer<typeof LineQuantity>;

/** Who did it: the customer, a staff member (console), the platform itself, or an integration. */
export const Actor = z.object({
  kind: z.enum(['customer', 'staff', 'system', 'integration']),
  id: EntityId.optional().describe('Staff or integration id; omitted for system'),
});
export type Actor = z.infer<typeof Actor>;

export const Carrier = z.object({
  code: z.string().regex(/^[a-z0-9_-]{1,40}$/).describe('Lowercase carrier code: ups, dhl_express, colissimo...'),
  name: z.string().max(100).optional(),
  service: z.string().max(100).optional(),
});
export type Carrier = z.infer<typeof Carrier>;

export const Tracking = z.object({
  carrier: Carrier,
  trackingNumber: z.string().min(1).max(100).optional(),
  trackingUrl: z.url().max(500).optional().describe('Public tracking page; never a signed URL'),
});
export type Tracking = z.infer<typeof Tracking>;

/** Optional ids that link an event to other entities (and put it on their timelines). */
export const relatedIds = {
  orderId: EntityId.optional(),
  returnId: EntityId.optional(),
  shipmentId: EntityId.optional(),
  refundId: EntityId.optional(),
  caseId: EntityId.optional(),
  nudgeId: EntityId.optional(),
  surveyId: EntityId.optional(),
};

/** Names of object fields that changed, for `...Updated` events (`shippingAddress`, `status`). */
export const ChangedFields = z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]{0,63}$/)).min(1).max(50);

/** Every amount in `moneys` uses `currency`; reports the first offending path. */
export function sameCurrency(
  ctx: { addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[] }): void },
  currency: string,
  moneys: [path: PropertyKey[], money: Money | undefined][],
): void {
  for (const [path, money] of moneys) {
    if (money && money.currency !== currency) {
      ctx.addIssue({ code: 'custom', path, message: `currency ${money.currency} differs from ${currency}` });
      return;
    }
  }
}
