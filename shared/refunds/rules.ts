// A shop's refund rules as data: one per shop, versioned like the return policy
// (shared/returns/policy.ts), validated here so a supervisor's draft is refused before it decides
// anything. The engine (engine.ts) reads them; the dry run (dry-run.ts) compares two versions on
// real claims before one is published. Amount thresholds are per currency: an order is compared
// with the threshold of the currency it was paid in, never a converted one.
import * as z from 'zod';
import { CountryCode, EntityId, Money } from '../events/common.ts';
import { ReturnReason } from '../events/returns.ts';
import { ParcelClaimKindName } from '../events/refunds.ts';

/** When money goes back for a return: when the carrier first scans the label, delivers it to us, or after inspection. */
export const RefundAt = z.enum(['label_scan', 'carrier_delivery', 'inspection']);
export type RefundAt = z.infer<typeof RefundAt>;

/** Claims about a parcel, made without sending anything back. */
export const ParcelClaimKind = ParcelClaimKindName;
export type ParcelClaimKind = z.infer<typeof ParcelClaimKind>;

/** What may be offered to the customer; `refund` is a full or partial refund to the original payment. */
export const OfferChoice = z.enum(['reship', 'store_credit', 'keep_it', 'refund']);
export type OfferChoice = z.infer<typeof OfferChoice>;

const Percent = z.number().min(0).max(100);

/** Amounts per currency, at most one per currency. */
const PerCurrency = z
  .array(Money)
  .max(50)
  .superRefine((amounts, ctx) => {
    const seen = new Set<string>();
    amounts.forEach((amount, index) => {
      if (seen.has(amount.currency)) ctx.addIssue({ code: 'custom', path: [index, 'currency'], message: `${amount.currency} is listed twice` });
      seen.add(amount.currency);
    });
  });

/** A blocked address: postal code and country, compared normalised (see normalizePostalCode). */
export const BlockedAddress = z.object({ postalCode: z.string().trim().min(1).max(20), countryCode: CountryCode });
export type BlockedAddress = z.infer<typeof BlockedAddress>;

export const RiskRules = z.object({
  /** Earlier returns over earlier orders, in percent, above which a person looks at the claim. */
  maxReturnRatePercent: Percent.default(50),
  /** Below this many orders a return rate says nothing (one order, one return: 100 %). */
  minOrdersForReturnRate: z.int().min(1).max(1000).default(3),
  /** More earlier claims than this within `recentClaimsDays` sends the claim to a person. */
  maxRecentClaims: z.int().min(0).max(100).default(2),
  recentClaimsDays: z.int().min(1).max(730).default(90),
  /** Loyalty tiers whose return rate and claim count are not held against them (a blocklist still is). */
  trustedTiers: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)).max(20).default([]),
  blocklist: z
    .object({
      emails: z.array(z.email().max(254)).max(5000).default([]),
      addresses: z.array(BlockedAddress).max(5000).default([]),
    })
    .prefault({}),
});
export type RiskRules = z.infer<typeof RiskRules>;

export const RefundRules = z
  .object({
    version: z.int().min(1),
    approval: z.object({
      /** Decisions whose money is at most this are taken without a person; no amount for the currency: every decision is reviewed. */
      autoApproveUpTo: PerCurrency,
      /** Above this a supervisor, not any agent, must approve. */
      supervisorAbove: PerCurrency,
    }),
    risk: RiskRules.prefault({}),
    timing: z
      .object({
        /** Return claims only: parcel claims are paid when decided. Early refunds wait for inspection when a person must review. */
        refundAt: RefundAt.default('inspection'),
      })
      .prefault({}),
    keepIt: z
      .object({
        /** Keep-it when the units claimed are worth less than this; absent: the return policy's `keepItBelow`. */
        below: PerCurrency.optional(),
        /** What a return label costs the shop; keep-it when it costs more than the units are worth. */
        returnShippingCost: PerCurrency.default([]),
        /** Parcel claims where the customer holds an item that could come back. */
        claims: z.array(z.enum(['damaged_in_transit', 'wrong_item'])).max(2).default(['damaged_in_transit', 'wrong_item']),
      })
      .prefault({}),
    storeCredit: z
      .object({
        enabled: z.boolean().default(true),
        /** Extra credit on the goods' value; absent: the return policy's `storeCreditBonusPercent`. */
        bonusPercent: Percent.optional(),
      })
      .prefault({}),
    /** Per return reason, refunds to the original payment only; absent: the return policy's reason fees. */
    restockingFeePercent: z.partialRecord(ReturnReason, Percent).optional(),
    deductions: z
      .object({
        /** Came back damaged, when the stated reason does not explain it. */
        damagedPercent: Percent.default(30),
        /** Came back used, when the stated reason does not explain it. */
        usedPercent: Percent.default(0),
        /** Came back with parts missing. */
        missingPartsPercent: Percent.default(20),
      })
      .prefault({}),
    shipping: z
      .object({ refundWhenMerchantFault: z.boolean().default(true).describe('Refund the units’ share of shipping when the shop is at fault') })
      .prefault({}),
    reship: z
      .object({
        claims: z.array(ParcelClaimKind).max(4).default(['not_delivered', 'damaged_in_transit', 'missing_item']),
        /** A small gift sent with the replacement (a variant of the shop's catalogue). */
        gift: z.object({ variantId: EntityId, title: z.string().max(200).optional() }).optional(),
      })
      .prefault({}),
    options: z
      .object({
        /** Offer the customer a ranked choice when two or more resolutions are possible. */
        offerChoice: z.boolean().default(true),
        /** Resolutions in the order they are recommended; one not listed is never offered. */
        ranking: z.array(OfferChoice).min(1).max(OfferChoice.options.length).default(['reship', 'store_credit', 'keep_it', 'refund']),
        /** Days a customer has to pick a parcel claim's option; then the recommended one applies. */
        choiceDays: z.int().min(1).max(60).default(7),
      })
      .prefault({}),
  })
  .superRefine((rules, ctx) => {
    if (new Set(rules.options.ranking).size !== rules.options.ranking.length) {
      ctx.addIssue({ code: 'custom', path: ['options', 'ranking'], message: 'resolutions must be unique' });
    }
    rules.approval.supervisorAbove.forEach((limit, index) => {
      const auto = rules.approval.autoApproveUpTo.find((amount) => amount.currency === limit.currency);
      if (auto && limit.amount < auto.amount) {
        ctx.addIssue({ code: 'custom', path: ['approval', 'supervisorAbove', index, 'amount'], message: `below the auto-approve limit in ${limit.currency}` });
      }
    });
  });
export type RefundRules = z.infer<typeof RefundRules>;
/** What a supervisor writes: defaults not yet applied. */
export type RefundRulesInput = z.input<typeof RefundRules>;

/** Lower case, and the `+tag` of the local part dropped: `Ada+shop@Example.com` is `ada@example.com`. */
export function normalizeEmail(email: string): string {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  return `${local.split('+')[0]}@${domain}`;
}

/** Upper case without spaces or dashes: `sw1a 1aa` and `SW1A-1AA` are the same postcode. */
export function normalizePostalCode(postalCode: string): string {
  return postalCode.toUpperCase().replace(/[\s-]/g, '');
}

const perCurrency = (amounts: Record<string, number>) => Object.entries(amounts).map(([currency, amount]) => ({ amount, currency }));

/**
 * What a new shop starts with: small claims (up to about 200 in the major currencies) decided
 * automatically, a supervisor above about 1000; refunds after inspection; keep-it when the return
 * label costs more than the item; 10 % bonus on store credit; a replacement offered first for
 * parcels that did not arrive whole.
 */
export const defaultRefundRules: RefundRules = RefundRules.parse({
  version: 1,
  approval: {
    autoApproveUpTo: perCurrency({ USD: 20000, EUR: 20000, GBP: 17500, CAD: 27500, AUD: 30000, JPY: 30000, KWD: 60000 }),
    supervisorAbove: perCurrency({ USD: 100000, EUR: 100000, GBP: 87500, CAD: 137500, AUD: 150000, JPY: 150000, KWD: 300000 }),
  },
  keepIt: {
    returnShippingCost: perCurrency({ USD: 800, EUR: 700, GBP: 600, CAD: 1100, AUD: 1200, JPY: 1000, KWD: 2500 }),
  },
  storeCredit: { bonusPercent: 10 },
});
