// A merchant's return policy as data: one per shop, versioned, validated here so a supervisor's
// draft is refused before it can decide anything. Eligibility (eligibility.ts) reads it; the dry
// run (dry-run.ts) compares two versions on real orders before one is published.
import * as z from 'zod';
import { ReminderConfig } from './reminders.ts';
import { CurrencyCode, EntityId, Money } from '../events/common.ts';
import { ReturnReason } from '../events/returns.ts';

/** What a customer can be offered. `keep`: refunded without sending the item back (returnless). */
export const OfferResolution = z.enum(['refund', 'store_credit', 'exchange', 'keep']);
export type OfferResolution = z.infer<typeof OfferResolution>;

const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD, in the shop time zone');
const Tag = z.string().trim().min(1).max(50);

/** Orders delivered between `from` and `to` (inclusive) may be returned until `extendUntil`. */
export const HolidayExtension = z.object({ from: IsoDate, to: IsoDate, extendUntil: IsoDate });
export type HolidayExtension = z.infer<typeof HolidayExtension>;

export const ReasonRule = z.object({
  code: ReturnReason,
  photosRequired: z.boolean().default(false),
  resolutions: z.array(OfferResolution).min(1, 'offer at least one resolution'),
  shippingPaidBy: z.enum(['merchant', 'customer']),
  /** Deducted from refunds to the original payment only: credit and exchanges keep the sale. */
  restockingFeePercent: z.number().min(0).max(100).optional(),
});
export type ReasonRule = z.infer<typeof ReasonRule>;

export const ReturnExclusions = z.object({
  productIds: z.array(EntityId).max(1000).default([]),
  variantIds: z.array(EntityId).max(1000).default([]),
  /** Product tags, compared case-insensitively (storefront tags are). */
  tags: z.array(Tag).max(100).default([]),
  /** The normalized order line carries no final-sale flag, only product tags: these mark it. */
  finalSale: z.boolean().default(true),
  finalSaleTags: z.array(Tag).max(20).default(['final-sale']),
});
export type ReturnExclusions = z.infer<typeof ReturnExclusions>;

/**
 * How exchanges are carried out. `instant`: the replacement ships when the return is approved, and
 * the original items are charged if they are not sent back by the ship-by date; otherwise it ships
 * when the returned items pass inspection. `priceDifference`: what happens when the replacement
 * costs more (charged) or less (refunded) than the item returned; `charge_only` keeps what a cheaper
 * replacement saves, `refund_only` absorbs what a dearer one costs, `waive` does neither.
 */
export const ExchangePolicy = z.object({
  instant: z.boolean().default(false),
  priceDifference: z.enum(['charge_or_refund', 'charge_only', 'refund_only', 'waive']).default('charge_or_refund'),
});
export type ExchangePolicy = z.infer<typeof ExchangePolicy>;

export const ReturnPolicy = z
  .object({
    version: z.int().min(1),
    windowDays: z.int().min(0).max(365),
    windowStartsAt: z.literal('delivery').default('delivery'),
    /** When the carrier never confirmed delivery: the fulfilment date plus these days. */
    fulfillmentFallbackDays: z.int().min(0).max(60).default(5),
    holidayExtensions: z.array(HolidayExtension).max(20).default([]),
    exclusions: ReturnExclusions.prefault({}),
    reasons: z.array(ReasonRule).min(1).max(ReturnReason.options.length),
    storeCreditBonusPercent: z.number().min(0).max(100).optional(),
    /** `keep` is offered only when the value of the units returned is below the amount of its currency. */
    keepItBelow: z.array(Money).max(50).optional(),
    /** Lines the storefront never fulfils (pickup, services) may be returned this long after the order; absent: refused. */
    maxDaysAfterOrderWithoutFulfillment: z.int().min(1).max(365).optional(),
    /** Whether an accepted request is approved at once; false: it waits, `requested`, for an agent. */
    autoApprove: z.boolean().default(true),
    exchanges: ExchangePolicy.prefault({}),
    /** When an approved return not yet sent is reminded, and when it expires (days after approval). */
    reminders: ReminderConfig.optional(),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.reasons.forEach((reason, index) => {
      if (seen.has(reason.code)) ctx.addIssue({ code: 'custom', path: ['reasons', index, 'code'], message: `reason ${reason.code} is listed twice` });
      seen.add(reason.code);
      if (new Set(reason.resolutions).size !== reason.resolutions.length) {
        ctx.addIssue({ code: 'custom', path: ['reasons', index, 'resolutions'], message: 'resolutions must be unique' });
      }
      // A resolution that can never be offered is a configuration mistake, not a silent no-op.
      if (reason.resolutions.includes('keep') && !policy.keepItBelow?.length) {
        ctx.addIssue({ code: 'custom', path: ['reasons', index, 'resolutions'], message: 'keep needs a keepItBelow threshold' });
      }
    });
    policy.holidayExtensions.forEach((extension, index) => {
      if (extension.from > extension.to) ctx.addIssue({ code: 'custom', path: ['holidayExtensions', index, 'to'], message: 'must not be before from' });
      if (extension.extendUntil < extension.to) ctx.addIssue({ code: 'custom', path: ['holidayExtensions', index, 'extendUntil'], message: 'must not be before to' });
    });
    const currencies = new Set<string>();
    policy.keepItBelow?.forEach((threshold, index) => {
      if (currencies.has(threshold.currency)) ctx.addIssue({ code: 'custom', path: ['keepItBelow', index, 'currency'], message: `${threshold.currency} is listed twice` });
      currencies.add(threshold.currency);
    });
  });
export type ReturnPolicy = z.infer<typeof ReturnPolicy>;
/** What a merchant writes: defaults not yet applied. */
export type ReturnPolicyInput = z.input<typeof ReturnPolicy>;

/** The keep-it threshold for `currency`, when the policy has one. */
export function keepItThreshold(policy: ReturnPolicy, currency: z.infer<typeof CurrencyCode>): Money | undefined {
  return policy.keepItBelow?.find((threshold) => threshold.currency === currency);
}

/**
 * What a new shop starts with: 30 days from delivery; faults (damaged, defective, wrong item) are
 * on the merchant and need photos; fit and change of mind are on the customer, who is steered to
 * an exchange or store credit first.
 */
export const defaultReturnPolicy: ReturnPolicy = ReturnPolicy.parse({
  version: 1,
  windowDays: 30,
  fulfillmentFallbackDays: 5,
  reasons: [
    { code: 'damaged', photosRequired: true, resolutions: ['refund', 'exchange', 'store_credit', 'keep'], shippingPaidBy: 'merchant' },
    { code: 'defective', photosRequired: true, resolutions: ['refund', 'exchange', 'store_credit', 'keep'], shippingPaidBy: 'merchant' },
    { code: 'wrong_item', photosRequired: true, resolutions: ['exchange', 'refund', 'store_credit', 'keep'], shippingPaidBy: 'merchant' },
    { code: 'missing_parts', photosRequired: true, resolutions: ['refund', 'exchange', 'store_credit'], shippingPaidBy: 'merchant' },
    { code: 'not_as_described', resolutions: ['refund', 'exchange', 'store_credit'], shippingPaidBy: 'merchant' },
    { code: 'arrived_late', resolutions: ['refund', 'store_credit'], shippingPaidBy: 'merchant' },
    { code: 'too_small', resolutions: ['exchange', 'store_credit', 'refund'], shippingPaidBy: 'customer' },
    { code: 'too_large', resolutions: ['exchange', 'store_credit', 'refund'], shippingPaidBy: 'customer' },
    { code: 'changed_mind', resolutions: ['store_credit', 'exchange', 'refund'], shippingPaidBy: 'customer' },
    { code: 'other', resolutions: ['refund', 'exchange', 'store_credit'], shippingPaidBy: 'customer' },
  ],
  keepItBelow: [
    { amount: 1500, currency: 'USD' },
    { amount: 1500, currency: 'EUR' },
    { amount: 1200, currency: 'GBP' },
  ],
});
