// A shop's campaign settings: replenishment cycles, win-back, VIP tiers, suppression and
// attribution, as one document versioned like the return policy (shared/shops/versioned-settings.ts):
// a supervisor publishes a draft, the version it becomes is kept with an audit record. Validated
// here so a bad draft is refused (with the field) before it nudges anyone. Durations are whole days.
import * as z from 'zod';
import { CurrencyCode, EntityId } from '../events/common.ts';
import type { SettingsVersion } from '../shops/versioned-settings.ts';

const Days = (max: number) => z.int().min(1).max(max);
const TierId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be a lowercase slug (letters, digits, - and _)');
const ProductTag = z.string().trim().min(1).max(255);

/** A personal discount code created with the nudge: percent off, valid for some days after sending. */
export const NudgeDiscount = z.object({
  percent: z.int().min(1).max(90),
  expiresAfterDays: Days(365).default(14),
});
export type NudgeDiscount = z.infer<typeof NudgeDiscount>;

/** How long a product lasts: by product id, or by a storefront tag for a whole range. */
export const ReplenishmentCycle = z.union([
  z.object({ productId: EntityId, days: Days(730) }).strict(),
  z.object({ tag: ProductTag, days: Days(730) }).strict(),
]);
export type ReplenishmentCycle = z.infer<typeof ReplenishmentCycle>;

export const ReplenishmentSettings = z.object({
  enabled: z.boolean().default(true),
  /** A product's own cycle beats its tags'; among tags, the shortest applies. Without either (or a learned cycle) a product is not nudged. */
  cycles: z.array(ReplenishmentCycle).max(1000).default([]),
  learned: z
    .object({
      /** The median interval between orders replaces the configured cycle once there is enough history. */
      enabled: z.boolean().default(true),
      /** The customer's own orders of the product needed before their median is used (3 orders: 2 intervals). */
      minCustomerOrders: z.int().min(2).max(50).default(3),
      /** Intervals across all customers needed before the product's median is used. */
      minProductIntervals: z.int().min(1).max(1000).default(10),
    })
    .prefault({}),
  discount: NudgeDiscount.optional(),
});

export const WinbackStep = z.object({
  /** Days after the previous step (the first step: after the customer became lapsed). */
  waitDays: z.int().min(0).max(365),
  discount: NudgeDiscount.optional(),
});
export type WinbackStep = z.infer<typeof WinbackStep>;

export const WinbackSettings = z.object({
  enabled: z.boolean().default(true),
  /** A customer with no order for this long is lapsed. */
  afterDaysWithoutOrder: z.int().min(14).max(1095).default(120),
  steps: z
    .array(WinbackStep)
    .min(2)
    .max(3)
    .default([{ waitDays: 0 }, { waitDays: 14, discount: { percent: 10, expiresAfterDays: 14 } }]),
});

export const TierBenefits = z.object({
  /** A standing personal discount. */
  discountPercent: z.int().min(0).max(90).default(0),
  birthdayMessage: z.boolean().default(false),
  /** Cases of this tier are due within these hours (faster care); absent: the shop's usual SLA. */
  caseSlaHours: z.int().min(1).max(720).optional(),
  /** SMS as well as email, where the customer consented to it. */
  sms: z.boolean().default(false),
});
export type TierBenefits = z.infer<typeof TierBenefits>;

export const TierSettings = z.object({
  id: TierId,
  name: z.string().trim().min(1).max(60),
  /** Points needed to hold the tier. */
  minPoints: z.int().min(0).max(100_000_000),
  benefits: TierBenefits.prefault({}),
});
export type TierSettings = z.infer<typeof TierSettings>;

export const VipSettings = z
  .object({
    enabled: z.boolean().default(true),
    /** Points per major unit of net spend (1 point per dollar, euro, yen...). */
    pointsPerUnit: z.number().min(0).max(1000).default(1),
    /** Overrides for currencies whose unit is worth much more or less (JPY: 0.01). */
    pointsPerUnitByCurrency: z.record(CurrencyCode, z.number().min(0).max(1000)).default({}),
    /** Only orders placed within these last days count; absent: lifetime spend. */
    windowDays: Days(3650).optional(),
    /** In ascending order of minPoints; the rank of a tier is its position (0 = entry tier). */
    tiers: z
      .array(TierSettings)
      .max(10)
      .default([
        { id: 'silver', name: 'Silver', minPoints: 500, benefits: { discountPercent: 5, birthdayMessage: false, sms: false } },
        { id: 'gold', name: 'Gold', minPoints: 1500, benefits: { discountPercent: 10, birthdayMessage: true, caseSlaHours: 24, sms: false } },
        { id: 'platinum', name: 'Platinum', minPoints: 5000, benefits: { discountPercent: 15, birthdayMessage: true, caseSlaHours: 8, sms: true } },
      ]),
  })
  .superRefine((vip, ctx) => {
    vip.tiers.forEach((tier, index) => {
      if (vip.tiers.findIndex((other) => other.id === tier.id) !== index) ctx.addIssue({ code: 'custom', path: ['tiers', index, 'id'], message: `${tier.id} is listed twice` });
      const previous = vip.tiers[index - 1];
      if (previous && tier.minPoints <= previous.minPoints) ctx.addIssue({ code: 'custom', path: ['tiers', index, 'minPoints'], message: `must be above ${previous.id}'s ${previous.minPoints}` });
    });
  });

export const SuppressionSettings = z.object({
  /** At most `count` nudges per customer in any `days`. */
  frequencyCap: z.object({ count: z.int().min(1).max(50), days: Days(365) }).default({ count: 2, days: 14 }),
  /** No nudge for this many days after a survey score of 1 or 2 (0: not at all). */
  lowScoreDays: z.int().min(0).max(365).default(60),
  /** Local hours (customer's time zone, else the shop's) during which nudges wait: start inclusive, end exclusive, wrapping midnight. */
  quietHours: z
    .object({ start: z.int().min(0).max(23), end: z.int().min(0).max(23) })
    .refine((hours) => hours.start !== hours.end, { message: 'start and end must differ', path: ['end'] })
    .optional(),
});

export const CampaignSettings = z.object({
  version: z.int().min(1),
  replenishment: ReplenishmentSettings.prefault({}),
  winback: WinbackSettings.prefault({}),
  vip: VipSettings.prefault({}),
  suppression: SuppressionSettings.prefault({}),
  attribution: z
    .object({
      /** An order placed within these days after a nudge is attributed to it. */
      windowDays: Days(90).default(7),
    })
    .prefault({}),
});
export type CampaignSettings = z.infer<typeof CampaignSettings>;
/** What a supervisor writes: defaults not yet applied. */
export type CampaignSettingsInput = z.input<typeof CampaignSettings>;

/** The settings in effect, and where they came from. Version 0: the defaults, never published. */
export type CampaignSettingsVersion = SettingsVersion<'settings', CampaignSettings>;

/**
 * What a new shop starts with: no replenishment cycle until the merchant names products (the
 * learned cycle needs history too), win-back after 120 days without an order (a message, then
 * another with 10 % off two weeks later), three VIP tiers from 500 points (1 point per unit spent),
 * at most 2 nudges in 14 days, none for 60 days after a poor survey score, 7-day attribution.
 */
export const defaultCampaignSettings: CampaignSettings = CampaignSettings.parse({ version: 1 });
